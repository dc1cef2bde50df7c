"""Inspector GUI: read, compare and report on probation inspections in England and Wales."""

__version__ = "0.1.0"
