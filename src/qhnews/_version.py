"""The one source of the package version."""

__version__ = "0.2.0"
"""The installed version of qhnews (PEP 440)."""
