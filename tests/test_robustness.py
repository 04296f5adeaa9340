"""Robustness properties: any text parses, any bytes parse or raise DecodeError, any file gives 0 or 1.

Hypothesis draws the inputs: arbitrary Unicode (lone surrogates, controls,
form feeds included), newspaper-like text in every supported encoding, and
arbitrary bytes. The streaming reader must agree with reading a file whole,
whatever the chunk size.
"""

from __future__ import annotations

import codecs
import contextlib
import io
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import qhnews
from qhnews import _batch, _cli

#: Three tenths of the profile's examples (``conftest.py``): 60 under ``ci``, 1500 under ``deep``, so
#: that a deep run goes deeper here too (these write files and run the command: the share keeps CI quick).
SETTINGS = settings(
    max_examples=max(1, settings().max_examples * 3 // 10),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)

#: Text that looks like an OCR page: Chinese, digits, Latin, punctuation of both widths, odd spaces and breaks.
page_text = st.lists(
    st.sampled_from(
        list("本报讯记者施翔会议召开青海日报上下转版第一二三")
        + list("0123456789abcXYZ .,:;?!()（）：；，。、“”《》—…·")
        + ["本报讯（记者 施翔）", "\n", "\n", "\n\n", "\r\n", "\r", "\f", "\t", "\u3000", "\xa0", "\x00", "𠀀", "€"]
    ),
    max_size=200,
).map("".join)
#: Any str at all, lone surrogates included.
any_text = st.text(alphabet=st.characters(), max_size=200)

ENCODINGS = {
    "utf-8": lambda t: t.encode("utf-8"),
    "utf-8-sig": lambda t: codecs.BOM_UTF8 + t.encode("utf-8"),
    "utf-16": lambda t: t.encode("utf-16"),
    "utf-16-be": lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be"),
    "utf-32": lambda t: t.encode("utf-32"),
    "gb18030": lambda t: t.encode("gb18030"),
}


@contextlib.contextmanager
def page_file(data: bytes) -> Iterator[str]:
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "page.txt")
        with open(path, "wb") as fh:
            fh.write(data)
        yield path


def read(path: str, chunk: int | None = None) -> list[tuple[str, str]] | str:
    """The pages of a file, or the error message; with a small ``chunk`` the streaming path runs."""
    with pytest.MonkeyPatch.context() as mp:
        if chunk is not None:
            mp.setattr(_batch, "_CHUNK", chunk)
        try:
            return list(_batch.iter_pages(path))
        except qhnews.QhnewsError as exc:
            return str(exc)


# ---------------------------------------------------------------- the Python API


@SETTINGS
@given(any_text)
def test_any_str_parses(text: str) -> None:
    page = qhnews.parse(text)
    assert isinstance(page, qhnews.Page)
    assert isinstance(qhnews.normalize(text), str)
    assert qhnews.page_to_dict(page)["leftovers"] is not None


@SETTINGS
@given(page_text)
def test_page_like_text_parses_and_exports(text: str) -> None:
    page = qhnews.parse(text, source="p.txt")
    for fmt in qhnews.FORMATS:
        assert isinstance(qhnews.render(page, fmt), str)


@SETTINGS
@given(st.binary(max_size=300))
def test_any_bytes_parse_or_raise_decode_error(data: bytes) -> None:
    error: qhnews.DecodeError | None = None
    try:
        page = qhnews.parse(data)
    except qhnews.DecodeError as exc:
        error = exc
    if error is None:
        assert isinstance(page, qhnews.Page)
    else:
        assert 0 <= error.offset <= len(data)
        assert error.encodings


@SETTINGS
@given(page_text, st.sampled_from(sorted(ENCODINGS)))
def test_every_encoding_reads_back(text: str, encoding: str) -> None:
    data = ENCODINGS[encoding](text)
    assume(encoding != "gb18030" or not _valid_utf8(data))  # see the test below
    assume(encoding != "utf-16" or not text.startswith("\x00"))  # the mark's ambiguity: see the test below
    decoded = qhnews.stages.decode(data)
    assert decoded.text == text.replace("\r\n", "\n").replace("\r", "\n")


def test_a_utf16_text_that_opens_with_u0000_reads_as_utf32_where_it_can() -> None:
    """FF FE 00 00 is the UTF-32 LE mark, or the UTF-16 LE mark before U+0000 (found by scripts/deep).

    Bytes that read as UTF-32 are read so; those that do not, as UTF-16 only
    where that reading holds no other U+0000 (a page of text has none).
    """
    assert qhnews.stages.decode("\x00".encode("utf-16")).encoding == "utf-32"  # FF FE 00 00: the mark alone
    assert qhnews.stages.decode("\x00本报讯".encode("utf-16")).text == "\x00本报讯"
    with pytest.raises(qhnews.DecodeError) as info:
        qhnews.stages.decode("\x00\x00".encode("utf-16"))  # six bytes: no UTF-32, a UTF-16 reading of two U+0000
    assert info.value.offset == 4


def _valid_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def test_short_gb18030_that_is_also_utf8_reads_as_gb18030() -> None:
    """讯 in GB18030 is D1 B6, which is also UTF-8 for Ѷ: no Chinese in one reading, all Chinese in the other."""
    assert qhnews.stages.decode("讯".encode("gb18030")) == qhnews.stages.Decoded("讯", "gb18030")
    assert qhnews.stages.decode("本报讯（记者 施翔）".encode("gb18030")).encoding == "gb18030"


# ---------------------------------------------------------------- reading files


@SETTINGS
@given(page_text, st.sampled_from(sorted(ENCODINGS)), st.integers(min_value=4, max_value=64))
def test_streamed_reading_equals_whole_reading(text: str, encoding: str, chunk: int) -> None:
    with page_file(ENCODINGS[encoding](text)) as path:
        assert read(path, chunk) == read(path)


@SETTINGS
@given(st.binary(max_size=200), st.integers(min_value=4, max_value=32))
def test_streamed_reading_of_any_bytes_equals_whole_reading(data: bytes, chunk: int) -> None:
    with page_file(data) as path:
        assert read(path, chunk) == read(path)


@SETTINGS
@given(st.binary(max_size=200))
def test_whole_reading_agrees_with_decode(data: bytes) -> None:
    with page_file(data) as path:
        got = read(path)
        try:
            text = qhnews.stages.decode(data, path).text
        except qhnews.DecodeError as exc:
            text = str(exc)
        if text.startswith(f"{path}: cannot decode"):
            assert got == text
        else:
            pages = text.split("\f")
            if len(pages) > 1 and not pages[-1].strip():
                pages.pop()  # the form feed after the last page opens none
            assert got == [(path if i == 1 else f"{path}#{i}", t) for i, t in enumerate(pages, start=1)]


# ---------------------------------------------------------------- the command


@SETTINGS
@given(st.one_of(st.binary(max_size=200), page_text.map(lambda t: t.encode("gb18030"))))
def test_cli_on_any_file(data: bytes) -> None:
    with page_file(data) as path:
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = _cli.main(["parse", path, "-f", "jsonl"])
        assert code in (_cli.EXIT_OK, _cli.EXIT_FAILED)
        if code == _cli.EXIT_FAILED:
            assert err.getvalue().count("\n") == 1
            assert err.getvalue().startswith(f"qhnews: {path}: ")
        else:  # at most the closing summary of the least sure articles
            lines = err.getvalue().splitlines()
            assert not lines or lines[0].endswith("more likely wrong than right; the least sure:")
            assert all(line.startswith("qhnews: ") for line in lines)
            assert all(line.startswith('{"schema_version": 1, "source": ') for line in out.getvalue().splitlines())


@SETTINGS
@given(st.lists(st.binary(max_size=80), min_size=1, max_size=6))
def test_parse_many_never_raises(contents: list[bytes]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        for i, data in enumerate(contents):
            Path(tmp, f"{i}.txt").write_bytes(data)
        results = list(qhnews.parse_many([tmp]))
    assert len(results) >= len(contents)
    assert all((r.page is None) == (r.error is not None) for r in results)


def test_a_headline_line_repeated_in_clusters_of_other_windows() -> None:
    # The same line (a section label) in two headline clusters whose windows of
    # articles start alike and end apart: their overlaps are not one cache entry.
    text = (
        "综合新闻\n甲公司召开年度大会\n\n本报讯（记者 王五）甲公司召开年度大会，内容很多。\n\n"
        "乙公司召开会议\n\n本报讯（记者 赵六）乙公司召开会议。\n\n"
        "综合新闻\n丙县推进乡村振兴\n\n本报讯（记者 钱七）丙县推进乡村振兴。"
    )
    page = qhnews.parse(text)
    assert [a.title for a in page.articles] == ["甲公司召开年度大会", "乙公司召开会议", "丙县推进乡村振兴"]


SEED_PAGES = [p.read_text("utf-8") for p in sorted((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt"))]


@st.composite
def shuffled_pages(draw: st.DrawFn) -> str:
    """A sample page whose lines were duplicated, dropped, swapped, moved in blocks or spliced from another.

    Real lines in wrong places make the headline clusters, windows and
    byline cuts the parser has never seen: a headline line printed twice,
    a body without headline, a byline in the middle of a cluster.
    """
    lines = draw(st.sampled_from(SEED_PAGES)).split("\n")
    for _ in range(draw(st.integers(1, 6))):
        i = draw(st.integers(0, len(lines) - 1))
        op = draw(st.sampled_from(("duplicate", "drop", "swap", "blank", "move", "splice")))
        if op == "duplicate":
            lines.insert(draw(st.integers(0, len(lines))), lines[i])
        elif op == "drop" and len(lines) > 1:
            del lines[i]
        elif op == "swap":
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        elif op == "blank":
            lines.insert(i, "")
        elif op == "move":
            block = lines[i : i + draw(st.integers(1, 8))]
            del lines[i : i + len(block)]
            at = draw(st.integers(0, len(lines)))
            lines[at:at] = block
        elif op == "splice":
            other = draw(st.sampled_from(SEED_PAGES)).split("\n")
            a = draw(st.integers(0, len(other) - 1))
            lines[i:i] = other[a : a + draw(st.integers(1, 10))]
    return "\n".join(lines)


# twice the profile's examples under ci (400), its own under deep (5000)
@settings(max_examples=max(400, settings().max_examples), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(shuffled_pages())
def test_any_shuffle_of_real_lines_parses_and_renders(text: str) -> None:
    page = qhnews.parse(text)
    for fmt in qhnews.FORMATS:
        assert qhnews.render(page, fmt)
