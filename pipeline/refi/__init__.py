"""REFI-QDA exchange with other qualitative analysis tools (NVivo, ATLAS.ti, MAXQDA, QualCoder).

common.py: namespaces, stable GUIDs, colours, safe XML parsing and schema checks.
qdc.py: the codebook exchange file (.qdc).
"""
