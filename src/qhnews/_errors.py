"""The one exception hierarchy of qhnews.

Messy OCR never raises: it gives best-effort records with diagnostics. Only
input that cannot be text at all raises, and always a subclass of
``QhnewsError``.
"""

from __future__ import annotations

__all__ = ["DecodeError", "QhnewsError"]


class QhnewsError(Exception):
    """Root of every error qhnews raises on purpose."""


class DecodeError(QhnewsError, ValueError):
    """Bytes that are none of the encodings qhnews reads.

    Attributes:
        offset: Byte offset of the first byte that no tried encoding accepts
            (the furthest any encoding got).
        encodings: The encodings tried, in order.
        source: Where the bytes came from (a file name), if known.
    """

    def __init__(self, offset: int, encodings: tuple[str, ...], source: str | None = None) -> None:
        self.offset = offset
        self.encodings = encodings
        self.source = source
        where = f"{source}: " if source else ""
        super().__init__(f"{where}cannot decode bytes as {', '.join(encodings)} (at byte offset {offset})")

    def __reduce__(self) -> tuple[type[DecodeError], tuple[int, tuple[str, ...], str | None]]:
        return (DecodeError, (self.offset, self.encodings, self.source))
