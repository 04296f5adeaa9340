"""Stage 1, decode: every supported encoding, line ends, odd characters, and the one error type.

Bytes go through ``qhnews.stages.decode``; a ``str`` of any content parses;
anything else is a TypeError. Undecodable bytes raise
[`DecodeError`][qhnews.DecodeError] naming the byte offset and the encodings
tried, and the error survives pickling (worker processes send it back).
"""

from __future__ import annotations

import codecs
import pickle
from pathlib import Path

import pytest

import qhnews
from qhnews import DecodeError, QhnewsError, _batch
from qhnews._decode import detect_stream
from qhnews.stages import decode

TEXT = "本报讯（记者 施翔）7月10日，会议召开。\n\n市委召开专题会议\n"


# ---------------------------------------------------------------- encodings


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        pytest.param(TEXT.encode("utf-8"), "utf-8", id="utf-8"),
        pytest.param(codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig", id="utf-8 BOM"),
        pytest.param(codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "utf-16", id="utf-16 LE BOM"),
        pytest.param(codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16", id="utf-16 BE BOM"),
        pytest.param(codecs.BOM_UTF32_LE + TEXT.encode("utf-32-le"), "utf-32", id="utf-32 LE BOM"),
        pytest.param(codecs.BOM_UTF32_BE + TEXT.encode("utf-32-be"), "utf-32", id="utf-32 BE BOM"),
        pytest.param(TEXT.encode("gb18030"), "gb18030", id="gb18030"),
        pytest.param(TEXT.encode("gbk"), "gb18030", id="gbk"),
        pytest.param(TEXT.encode("gb2312"), "gb18030", id="gb2312"),
        pytest.param(b"plain ascii\n", "utf-8", id="ascii"),
    ],
)
def test_decode_reads_every_supported_encoding(data: bytes, encoding: str) -> None:
    decoded = decode(data)
    assert decoded.encoding == encoding
    assert decoded.text == (TEXT if data != b"plain ascii\n" else "plain ascii\n")


def test_bom_is_not_part_of_the_text() -> None:
    assert not decode(codecs.BOM_UTF8 + "本报".encode()).text.startswith("\ufeff")
    assert not decode(codecs.BOM_UTF16_BE + "本报".encode("utf-16-be")).text.startswith("\ufeff")


def test_gb18030_only_characters() -> None:
    """Characters outside GBK (four-byte GB18030 sequences) decode too."""
    text = "𠀀㐀€本报"
    assert decode(text.encode("gb18030")) == qhnews.stages.Decoded(text, "gb18030")


@pytest.mark.parametrize("kind", [bytes, bytearray, memoryview])
def test_bytes_like_inputs(kind: type) -> None:
    assert decode(kind(TEXT.encode())).text == TEXT
    assert qhnews.parse(kind(TEXT.encode())).articles[0].title == "市委召开专题会议"


def test_parse_of_bytes_equals_parse_of_text() -> None:
    for encoding in ("utf-8", "gb18030", "utf-16"):
        assert qhnews.parse(TEXT.encode(encoding)).articles == qhnews.parse(TEXT).articles


# ---------------------------------------------------------------- line ends and odd characters


@pytest.mark.parametrize(
    ("raw", "text"),
    [
        (b"a\r\nb\r\n", "a\nb\n"),
        (b"a\rb\r", "a\nb\n"),
        (b"a\r\n\r\nb", "a\n\nb"),
        (b"a\r\r\nb", "a\n\nb"),
        (b"a\n\rb", "a\n\nb"),
    ],
)
def test_line_ends_become_lf(raw: bytes, text: str) -> None:
    assert decode(raw).text == text
    assert decode(codecs.BOM_UTF16_LE + raw.decode().encode("utf-16-le")).text == text


def test_crlf_page_parses_like_lf_page() -> None:
    crlf = TEXT.replace("\n", "\r\n")
    assert qhnews.parse(crlf).articles == qhnews.parse(TEXT).articles
    assert qhnews.parse(crlf.encode("gb18030")).articles == qhnews.parse(TEXT).articles


@pytest.mark.parametrize(
    "text",
    [
        "本报讯\x00（记者 施翔）开会。",
        "\x00\x00\x00",
        "会议\x01\x02\x07\x08\x0b\x1b召开\x7f",
        "会议\u200b召开\ufeff",
        "半个\ud800代理",
        "\f\f\f",
        "\x85\u2028\u2029",
        "",
        " \t\u3000\u00a0 ",
    ],
)
def test_control_characters_never_raise(text: str) -> None:
    """NUL, C0/C1 controls, zero-width characters and lone surrogates: a result, never an exception."""
    page = qhnews.parse(text)
    assert isinstance(page, qhnews.Page)
    assert isinstance(qhnews.normalize(text), str)
    if "\ud800" not in text:  # a lone surrogate is a str, but not bytes in any encoding
        assert qhnews.parse(text.encode("utf-8")).articles == page.articles


def test_nul_bytes_decode() -> None:
    assert decode(b"a\x00b").text == "a\x00b"
    assert decode("本\x00报".encode("gb18030")).text == "本\x00报"


# ---------------------------------------------------------------- wrong types


@pytest.mark.parametrize("value", [None, 42, 4.2, ["本报"], {"a": 1}, object()])
def test_parse_rejects_non_text(value: object) -> None:
    with pytest.raises(TypeError, match=r"parse\(\) takes str or bytes"):
        qhnews.parse(value)  # type: ignore[arg-type]


@pytest.mark.parametrize("value", [None, 42, b"bytes", ["x"]])
def test_normalize_rejects_non_str(value: object) -> None:
    with pytest.raises(TypeError, match="takes str"):
        qhnews.normalize(value)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="takes str"):
        qhnews.explain(value)  # type: ignore[arg-type]


@pytest.mark.parametrize("value", ["text", None, 42])
def test_decode_rejects_non_bytes(value: object) -> None:
    with pytest.raises(TypeError, match="takes bytes"):
        decode(value)  # type: ignore[arg-type]


def test_type_errors_are_not_qhnews_errors() -> None:
    """A wrong type is the caller's bug, not bad input: it is not caught by ``except QhnewsError``."""
    with pytest.raises(TypeError) as info:
        qhnews.parse(42)  # type: ignore[arg-type]
    assert not isinstance(info.value, QhnewsError)


# ---------------------------------------------------------------- DecodeError


@pytest.mark.parametrize(
    ("data", "offset", "encodings"),
    [
        pytest.param(b"abc\xff", 3, ("utf-8", "gb18030"), id="ascii then 0xff"),
        pytest.param(b"\xff", 0, ("utf-8", "gb18030"), id="first byte"),
        pytest.param(b"ok\x80", 2, ("utf-8", "gb18030"), id="0x80 is no GB18030 lead byte"),
        pytest.param(b"\x80\x81abc", 0, ("utf-8", "gb18030"), id="binary start"),
        # GB18030 reads further than UTF-8: the furthest offset is reported.
        pytest.param("本报".encode("gb18030") + b"\xff", 4, ("utf-8", "gb18030"), id="gb18030 gets further"),
        # UTF-8 reads further than GB18030.
        pytest.param("本报".encode() + b"\xff\xfe", 6, ("utf-8", "gb18030"), id="utf-8 gets further"),
        pytest.param(
            codecs.BOM_UTF16_LE + "本报".encode("utf-16-le") + b"\x00\xd8a\x00", 6, ("utf-16",), id="utf-16 surrogate"
        ),
        pytest.param(codecs.BOM_UTF16_LE + "本".encode("utf-16-le") + b"\x00", 4, ("utf-16",), id="utf-16 odd length"),
        pytest.param(
            codecs.BOM_UTF32_LE + "本".encode("utf-32-le") + b"\x00\x00\x11\x00", 8, ("utf-32",), id="utf-32 range"
        ),
    ],
)
def test_decode_error_names_offset_and_encodings(data: bytes, offset: int, encodings: tuple[str, ...]) -> None:
    with pytest.raises(DecodeError) as info:
        decode(data, "page.txt")
    err = info.value
    assert (err.offset, err.encodings, err.source) == (offset, encodings, "page.txt")
    assert str(err) == f"page.txt: cannot decode bytes as {', '.join(encodings)} (at byte offset {offset})"
    with pytest.raises(DecodeError):
        qhnews.parse(data)


def test_decode_error_offset_counts_the_utf8_bom() -> None:
    with pytest.raises(DecodeError) as info:
        decode(codecs.BOM_UTF8 + "本".encode() + b"\xff")
    assert info.value.offset == 6


def test_decode_error_is_one_root_type() -> None:
    with pytest.raises(QhnewsError):
        decode(b"\xff")
    assert issubclass(DecodeError, ValueError)  # a bad value: also caught by ``except ValueError``


def test_decode_error_without_source() -> None:
    with pytest.raises(DecodeError, match=r"^cannot decode bytes as utf-8, gb18030 \(at byte offset 0\)$"):
        decode(b"\xff")


@pytest.mark.parametrize("source", [None, "page.txt", "目录/第1版.txt"])
def test_decode_error_pickles(source: str | None) -> None:
    err = DecodeError(17, ("utf-8", "gb18030"), source)
    for protocol in range(pickle.HIGHEST_PROTOCOL + 1):
        back = pickle.loads(pickle.dumps(err, protocol=protocol))
        assert type(back) is DecodeError
        assert (back.offset, back.encodings, back.source, str(back)) == (17, ("utf-8", "gb18030"), source, str(err))


def test_decode_error_pickles_after_being_raised() -> None:
    with pytest.raises(DecodeError) as info:
        decode(b"abc\xff", "p.txt")
    back = pickle.loads(pickle.dumps(info.value))
    assert str(back) == str(info.value) == "p.txt: cannot decode bytes as utf-8, gb18030 (at byte offset 3)"


@pytest.mark.parametrize("text", ["讯", "本报讯", "记者 施翔"])
def test_short_gb18030_that_is_also_valid_utf8(text: str) -> None:
    data = text.encode("gb18030")
    assert decode(data) == qhnews.stages.Decoded(text, "gb18030")


@pytest.mark.parametrize("text", ["héllo", "Ѷ 本报", "naïve café"])
def test_utf8_that_holds_no_chinese_stays_utf8_when_gb18030_reads_it_otherwise(text: str) -> None:
    assert decode(text.encode()).text == text


@pytest.mark.parametrize("chunk", [3, 16, 1 << 20])
def test_large_files_are_decoded_by_the_same_rule(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, chunk: int) -> None:
    """GB18030 bytes that are valid UTF-8 too ("讯" is D1 B6, UTF-8 for "Ѷ") read as GB18030 at any file size.

    The streaming reader of files over one chunk once skipped this check and read them as UTF-8.
    """
    data = "讯".encode("gb18030") * 40
    assert data.decode("utf-8") == "Ѷ" * 40  # valid UTF-8, no Chinese in that reading
    path = tmp_path / "p.txt"
    path.write_bytes(data)
    monkeypatch.setattr(_batch, "_CHUNK", chunk)
    assert list(_batch.iter_pages(str(path))) == [(str(path), "讯" * 40)]
    assert decode(data).text == "讯" * 40
    with path.open("rb") as fh:
        assert detect_stream(fh, chunk=chunk) == decode(data).encoding == "gb18030"


# FF FE 00 00 is the UTF-32 LE mark, or the UTF-16 LE mark before a U+0000.
_UTF16_NUL = codecs.BOM_UTF16_LE + "\x00本报讯（记者 王五）".encode("utf-16-le")


def test_utf16_text_that_opens_with_a_nul_is_not_read_as_utf32() -> None:
    decoded = decode(_UTF16_NUL)
    assert (decoded.text, decoded.encoding) == ("\x00本报讯（记者 王五）", "utf-16")
    assert decode(codecs.BOM_UTF32_LE + "本报讯".encode("utf-32-le")).encoding == "utf-32"


@pytest.mark.parametrize("chunk", [1, 3, 1 << 20])
def test_a_file_read_in_chunks_takes_the_same_reading_of_the_mark(chunk: int) -> None:
    import io

    assert detect_stream(io.BytesIO(_UTF16_NUL), chunk=chunk) == "utf-16"
    assert detect_stream(io.BytesIO(codecs.BOM_UTF32_LE + "本报讯".encode("utf-32-le")), chunk=chunk) == "utf-32"


def test_broken_utf32_is_no_utf16_with_a_nul_after_every_character() -> None:
    with pytest.raises(DecodeError) as info:
        decode(codecs.BOM_UTF32_LE + "本报".encode("utf-32-le") + b"\x00\x00\x11\x00")
    assert (info.value.offset, info.value.encodings) == (12, ("utf-32",))
