"""Anonymisation: find identifier spans first (detectors), replace them second (operators).

Detectors (speaker names, known identifiers, UK patterns, names and places in
free text) each turn a text into spans; overlaps are resolved, the keep-list
is applied, and a project-wide key gives every entity one stable pseudonym.
The leak check is the gate that proves nothing in the key reached results/.
"""
