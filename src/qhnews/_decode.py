"""Stage 1, decode: raw bytes of an OCR export to text.

Detection is deterministic, in this order:

1. A byte-order mark decides: UTF-8 (``EF BB BF``), UTF-32 (``FF FE 00 00`` /
   ``00 00 FE FF``), UTF-16 (``FF FE`` / ``FE FF``).
2. Otherwise strict UTF-8, the encoding nearly every modern OCR tool writes.
3. Otherwise GB18030, the superset of GBK and GB2312 that older Chinese
   software writes. (Bytes valid in both, whose UTF-8 reading holds no
   Chinese while the GB18030 reading is all Chinese, read as GB18030: a few
   short GB18030 strings are valid UTF-8 by accident.)

Bytes none of these accept raise [`DecodeError`][qhnews.DecodeError], naming
the byte offset where decoding failed. Line ends CRLF and CR become LF.
"""

from __future__ import annotations

import codecs

import attrs

from qhnews._errors import DecodeError
from qhnews._patterns import CJK_CHAR as _CJK

__all__ = ["Decoded", "decode", "unify_newlines"]

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
#: The encodings tried when there is no byte-order mark, in order.
FALLBACKS: tuple[str, ...] = ("utf-8", "gb18030")


@attrs.frozen
class Decoded:
    """Text decoded from bytes.

    Attributes:
        text: The text, with LF line ends.
        encoding: The codec that decoded it ("utf-8", "utf-8-sig", "utf-16", "gb18030", …).
    """

    text: str
    encoding: str


def unify_newlines(text: str) -> str:
    r"""CRLF and lone CR become LF.

    Examples:
        >>> unify_newlines("a\r\nb\rc")
        'a\nb\nc'
    """
    if "\r" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


def decode(data: bytes, source: str | None = None) -> Decoded:
    r"""Decode the bytes of an OCR page.

    Args:
        data: The raw bytes.
        source: A name for error messages (a file path).

    Returns:
        The text with LF line ends, and the encoding that read it.

    Raises:
        DecodeError: No encoding qhnews reads accepts the bytes.
        TypeError: ``data`` is not bytes-like.

    Examples:
        >>> decode("本报讯".encode("gb18030")).encoding
        'gb18030'
        >>> decode(b"\xef\xbb\xbfok\r\n").text
        'ok\n'
    """
    if isinstance(data, (bytearray, memoryview)):
        data = bytes(data)
    if not isinstance(data, bytes):
        raise TypeError(f"decode() takes bytes, not {type(data).__name__}")
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(unify_newlines(data.decode(codec)), codec)
            except UnicodeDecodeError as exc:
                # utf-8-sig counts from after its mark; the UTF-16/32 codecs from the first byte.
                offset = exc.start + (len(bom) if codec == "utf-8-sig" else 0)
                raise DecodeError(offset, (codec,), source) from exc
    furthest = 0
    for codec in FALLBACKS:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError as exc:
            furthest = max(furthest, exc.start)
            continue
        if codec == "utf-8" and _reads_better_as_gb18030(data, text):
            return Decoded(unify_newlines(data.decode("gb18030")), "gb18030")
        return Decoded(unify_newlines(text), codec)
    raise DecodeError(furthest, FALLBACKS, source)


def _reads_better_as_gb18030(data: bytes, utf8: str) -> bool:
    """A few GB18030 byte pairs are valid UTF-8 too ("讯" reads as "Ѷ").

    Text that is valid UTF-8 but holds no Chinese at all, while as GB18030 it
    is all Chinese, is GB18030. Real pages never get here: GB18030 Chinese of
    any length breaks UTF-8.
    """
    if utf8.isascii() or _CJK.search(utf8) or any("\u00c0" <= ch <= "\u024f" for ch in utf8):
        return False  # ASCII, Chinese, or accented Latin: UTF-8 it is
    try:
        gb = data.decode("gb18030")
    except UnicodeDecodeError:
        return False
    wide = [ch for ch in gb if not ch.isascii()]
    return bool(wide) and all(_CJK.match(ch) for ch in wide)
