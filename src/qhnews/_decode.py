"""Stage 1, decode: raw bytes of an OCR export to text.

Detection is deterministic, in this order:

1. A byte-order mark decides: UTF-8 (``EF BB BF``), UTF-32 (``FF FE 00 00`` /
   ``00 00 FE FF``), UTF-16 (``FF FE`` / ``FE FF``). ``FF FE 00 00`` is also
   the UTF-16 mark before a U+0000: bytes UTF-32 does not read are UTF-16
   there, when that reading holds no other U+0000.
2. Otherwise strict UTF-8, the encoding nearly every modern OCR tool writes.
3. Otherwise GB18030, the superset of GBK and GB2312 that older Chinese
   software writes. (Bytes valid in both, whose UTF-8 reading holds no
   Chinese while the GB18030 reading is all Chinese, read as GB18030: a few
   short GB18030 strings are valid UTF-8 by accident.)

Bytes none of these accept raise ``DecodeError``, naming the byte offset
where decoding failed. Line ends CRLF and CR become LF.

The same decision is made for bytes in memory (``decode``) and for a file
read in chunks (``detect_stream``, for files too large to read at once).
"""

from __future__ import annotations

import codecs
from collections.abc import Callable, Iterator
from typing import BinaryIO

import attrs

from qhnews._errors import DecodeError
from qhnews._patterns import CJK_CHAR as _CJK

__all__ = ["Decoded", "decode", "decode_stream", "detect_stream", "unify_newlines"]

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
#: ``FF FE 00 00`` is the UTF-32 LE mark, or the UTF-16 LE mark before a U+0000. UTF-16 text
#: seldom reads as UTF-32 (its pairs of code units make code points past U+10FFFF), so UTF-32
#: goes first; bytes UTF-32 does not read are UTF-16 when that reading holds no other U+0000
#: (UTF-32 text of the common characters, read as UTF-16, holds one after every character).
_AMBIGUOUS_MARK = codecs.BOM_UTF32_LE


def _utf16_after_all(read: Callable[[], Iterator[str]]) -> bool:
    """True when the UTF-16 reading of bytes that open with ``_AMBIGUOUS_MARK`` holds no U+0000 but its first."""
    first = True
    try:
        for text in read():
            if "\x00" in (text[1:] if first and text else text):
                return False
            first = first and not text
    except (UnicodeDecodeError, DecodeError):
        return False
    return True


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
                if bom == _AMBIGUOUS_MARK and _utf16_after_all(lambda: iter((data.decode("utf-16"),))):
                    return Decoded(unify_newlines(data.decode("utf-16")), "utf-16")
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
        if codec == "utf-8":
            facts = _Utf8Facts()
            facts.feed(text)
            if facts.suspicious and _gb18030_is_all_chinese(lambda: iter((data,))):
                return Decoded(unify_newlines(data.decode("gb18030")), "gb18030")
        return Decoded(unify_newlines(text), codec)
    raise DecodeError(furthest, FALLBACKS, source)


@attrs.define
class _Utf8Facts:
    """What the UTF-8 reading of some bytes holds, fed chunk by chunk.

    A few GB18030 byte pairs are valid UTF-8 too ("讯" reads as "Ѷ"). Text that
    is valid UTF-8 but holds neither Chinese nor accented Latin, and is not
    ASCII, is *suspicious*: it is GB18030 when its GB18030 reading is all
    Chinese. Real pages never get there: GB18030 Chinese of any length breaks
    UTF-8.
    """

    ascii: bool = True
    telling: bool = False  # holds Chinese or accented Latin: UTF-8 it is

    def feed(self, text: str) -> None:
        if self.telling or text.isascii():
            return
        self.ascii = False
        if _CJK.search(text) or any("\u00c0" <= ch <= "\u024f" for ch in text):
            self.telling = True

    @property
    def suspicious(self) -> bool:
        return not self.ascii and not self.telling


def _gb18030_is_all_chinese(chunks: Callable[[], Iterator[bytes]]) -> bool:
    """True when the bytes read as GB18030 and every non-ASCII character of that reading is Chinese."""
    decoder = codecs.getincrementaldecoder("gb18030")(errors="strict")
    wide = False
    try:
        for chunk in (*chunks(), b""):
            for ch in decoder.decode(chunk, final=not chunk):
                if not ch.isascii():
                    if not _CJK.match(ch):
                        return False
                    wide = True
    except UnicodeDecodeError:
        return False
    return wide


def _chunks(fh: BinaryIO, start: int, size: int) -> Iterator[bytes]:
    fh.seek(start)
    while chunk := fh.read(size):
        yield chunk


def decode_stream(fh: BinaryIO, codec: str, source: str | None = None, *, chunk: int = 1 << 20) -> Iterator[str]:
    """Decode a whole binary file from its start with ``codec``, one chunk at a time.

    Raises:
        DecodeError: At the byte offset (counted from the file's start) where ``codec`` fails.
    """
    # utf-8-sig's decoder counts error offsets from after the BOM: skip the BOM here instead.
    consumed = len(codecs.BOM_UTF8) if codec == "utf-8-sig" else 0
    decoder = codecs.getincrementaldecoder("utf-8" if consumed else codec)(errors="strict")
    fh.seek(consumed)
    while True:
        data = fh.read(chunk)
        pending = len(decoder.getstate()[0])
        try:
            yield decoder.decode(data, final=not data)
        except UnicodeDecodeError as exc:
            # exc.start counts from the bytes the decoder held back from the last chunk.
            raise DecodeError(consumed - pending + max(exc.start, 0), (codec,), source) from None
        consumed += len(data)
        if not data:
            return


def detect_stream(fh: BinaryIO, source: str | None = None, *, chunk: int = 1 << 20) -> str:
    """The codec ``decode`` would choose for the whole of a binary file, read in chunks.

    The file is read through once per encoding tried; memory stays at one chunk.

    Raises:
        DecodeError: No encoding qhnews reads accepts the bytes.

    Examples:
        >>> import io
        >>> detect_stream(io.BytesIO("本报讯".encode("gb18030")), chunk=2)
        'gb18030'
        >>> detect_stream(io.BytesIO("Ѷ".encode("utf-8")), chunk=1)  # the bytes of "讯" in GB18030
        'gb18030'
    """
    fh.seek(0)
    start = fh.read(4)
    for bom, codec in _BOMS:
        if start.startswith(bom):
            # A BOM decides; bytes it does not read fail as the file is decoded (but for the one
            # mark two codecs share: there the file is read through as ``decode`` reads it).
            utf16 = (
                bom == _AMBIGUOUS_MARK
                and not _reads(fh, codec, source, chunk)
                and _utf16_after_all(lambda: decode_stream(fh, "utf-16", source, chunk=chunk))
            )
            return "utf-16" if utf16 else codec
    furthest = 0
    for codec in FALLBACKS:
        facts = _Utf8Facts()
        try:
            for text in decode_stream(fh, codec, source, chunk=chunk):
                facts.feed(text)
        except DecodeError as exc:
            furthest = max(furthest, exc.offset)
            continue
        if codec == "utf-8" and facts.suspicious and _gb18030_is_all_chinese(lambda: _chunks(fh, 0, chunk)):
            return "gb18030"
        return codec
    raise DecodeError(furthest, FALLBACKS, source)


def _reads(fh: BinaryIO, codec: str, source: str | None, chunk: int) -> bool:
    """True when ``codec`` reads the whole file."""
    try:
        for _ in decode_stream(fh, codec, source, chunk=chunk):
            pass
    except DecodeError:
        return False
    return True
