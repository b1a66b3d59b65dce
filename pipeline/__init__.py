"""qualflow: focus-group and dialogue transcripts in, anonymised theme matrices out."""

__version__ = "0.1.0"
