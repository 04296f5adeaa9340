"""Many pages: discovery, streaming reads, ordered parallel runs, resume, Parquet.

The worker functions below are module-level so that worker processes can
unpickle them.
"""

from __future__ import annotations

import codecs
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

import qhnews
import qhnews.records
from qhnews import _batch, _batch_pool, _cli, _cli_output
from qhnews._batch import PageReader, expand_inputs, iter_pages, parse_many, run_pages
from qhnews._parquet import COLUMNS, article_rows

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
PAGE = "会议召开\n\n本报讯（记者 施翔）7 月 10 日,会议召开。\n"


def test_seeds_found() -> None:
    assert len(SEEDS) >= 5


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    """Seeds in a tree, a file of three pages, a bad file, a file in GB18030."""
    root = tmp_path / "archive"
    (root / "b").mkdir(parents=True)
    (root / "a").mkdir()
    for i, seed in enumerate(SEEDS):
        shutil.copy(seed, root / ("a" if i % 2 else "b") / seed.name)
    texts = [s.read_text(encoding="utf-8") for s in SEEDS[:3]]
    (root / "a" / "multi.txt").write_text("\f".join(texts) + "\f", encoding="utf-8")
    (root / "a" / "broken.txt").write_bytes(b"\xff\xfe\x00")
    (root / "b" / "gbk.txt").write_bytes(PAGE.encode("gb18030"))
    (root / "b" / "notes.md").write_text("not a page", encoding="utf-8")
    return root


def _sources(results: object) -> list[str]:
    return [r.source for r in results]  # type: ignore[attr-defined]


# ---------------------------------------------------------------- discovery


def test_expand_directory_recursive_sorted(archive: Path) -> None:
    found = list(expand_inputs([archive]))
    assert found == sorted(found)
    assert all(f.endswith(".txt") for f in found)
    assert str(archive / "a" / "multi.txt") in found
    assert not any(f.endswith(".md") for f in found)


def test_expand_glob_and_dedupe(archive: Path) -> None:
    pattern = str(archive / "*" / "m*.txt")
    assert list(expand_inputs([pattern])) == [str(archive / "a" / "multi.txt")]
    twice = list(expand_inputs([archive / "a" / "multi.txt", pattern, archive / "a", "-", "-"]))
    assert twice.count(str(archive / "a" / "multi.txt")) == 1
    assert twice.count("-") == 1


def test_expand_glob_matching_directories(archive: Path) -> None:
    assert list(expand_inputs([str(archive / "?")])) == list(expand_inputs([archive]))


def test_one_path_is_not_its_characters(archive: Path) -> None:
    assert list(expand_inputs(str(archive))) == list(expand_inputs([archive])) == list(expand_inputs(archive))
    assert _sources(parse_many(str(archive / "b" / "gbk.txt"))) == [str(archive / "b" / "gbk.txt")]


def test_expand_keeps_what_it_cannot_expand(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    items = ["missing.txt", str(tmp_path / "x*.txt"), str(tmp_path / "empty")]
    assert list(expand_inputs(items)) == items


def test_expand_keeps_input_order(archive: Path) -> None:
    first, second = archive / "b" / "gbk.txt", archive / "a" / "broken.txt"
    assert list(expand_inputs([first, second])) == [str(first), str(second)]


# ---------------------------------------------------------------- reading pages


def test_form_feed_pages(tmp_path: Path) -> None:
    f = tmp_path / "p.txt"
    f.write_text("一\f二\f\f四\f", encoding="utf-8")
    assert list(iter_pages(str(f))) == [(str(f), "一"), (f"{f}#2", "二"), (f"{f}#3", ""), (f"{f}#4", "四")]


def test_one_page_without_form_feed(tmp_path: Path) -> None:
    f = tmp_path / "p.txt"
    f.write_bytes("一\r\n二\r".encode("gb18030"))
    assert list(iter_pages(str(f))) == [(str(f), "一\n二\n")]


@pytest.mark.parametrize("content", [b"", b"   ", b" \n\f\n ", b"\f"])
def test_empty_and_blank_files_fail_when_strict(tmp_path: Path, content: bytes) -> None:
    f = tmp_path / "p.txt"
    f.write_bytes(content)
    with pytest.raises(_batch.InputError, match="empty file" if not content else "blank file"):
        list(iter_pages(str(f), strict=True))


@pytest.mark.parametrize(
    ("content", "pages"),
    [(b"", [""]), (b"   ", ["   "]), (b" \n\f\n ", [" \n"]), (b"\f", [""])],
)
def test_empty_and_blank_files_are_pages(tmp_path: Path, content: bytes, pages: list[str]) -> None:
    """One rule for files and for qhnews.parse(""): a blank scan is a page without articles."""
    f = tmp_path / "p.txt"
    f.write_bytes(content)
    got = list(iter_pages(str(f)))
    assert [t for _, t in got] == pages
    assert all(qhnews.parse(t).articles == () for _, t in got)
    (result,) = parse_many([f])
    assert result.ok
    assert result.page == qhnews.parse(pages[0], source=str(f))


def test_input_error_is_a_qhnews_error_and_an_os_error(tmp_path: Path) -> None:
    with pytest.raises(qhnews.QhnewsError) as info:
        list(iter_pages(str(tmp_path / "missing.txt")))
    assert isinstance(info.value, OSError)


ENCODED = {
    "utf-8": lambda t: t.encode("utf-8"),
    "utf-8-sig": lambda t: codecs.BOM_UTF8 + t.encode("utf-8"),
    "utf-16-le": lambda t: codecs.BOM_UTF16_LE + t.encode("utf-16-le"),
    "utf-16-be": lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be"),
    "utf-32-le": lambda t: codecs.BOM_UTF32_LE + t.encode("utf-32-le"),
    "gb18030": lambda t: t.encode("gb18030"),
}


@pytest.mark.parametrize("encoding", list(ENCODED))
@pytest.mark.parametrize("chunk", [4, 5, 7, 64, 1 << 20])
def test_streamed_pages_equal_whole_file_pages(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, encoding: str, chunk: int
) -> None:
    """A file larger than the read chunk is streamed; the pages are those of reading it whole."""
    text = "第一版\r\n本报讯（记者 施翔）\f第二版 𠀀\r\f\f第四版 ok\n\f"
    f = tmp_path / "p.txt"
    f.write_bytes(ENCODED[encoding](text))
    whole = list(iter_pages(str(f)))
    monkeypatch.setattr(_batch, "_CHUNK", chunk)
    assert list(iter_pages(str(f))) == whole
    assert [t for _, t in whole] == ["第一版\n本报讯（记者 施翔）", "第二版 𠀀\n", "", "第四版 ok\n"]


@pytest.mark.parametrize(
    ("data", "offset", "encodings"),
    [
        ("本报讯记者".encode() + b"\xff" + "本".encode(), 15, ("utf-8", "gb18030")),
        (b"abc\f" * 10 + b"\x80", 40, ("utf-8", "gb18030")),
        ("本报".encode("gb18030") * 8 + b"\xff", 32, ("utf-8", "gb18030")),
        (codecs.BOM_UTF8 + "本报讯记者".encode() + b"\xff", 18, ("utf-8-sig",)),
        (codecs.BOM_UTF16_LE + "本报讯记者".encode("utf-16-le") + b"\x00\xd8a\x00", 12, ("utf-16",)),
        (codecs.BOM_UTF32_LE + "本报".encode("utf-32-le") + b"\x00\x00\x11\x00", 12, ("utf-32",)),
    ],
)
@pytest.mark.parametrize("chunk", [4, 5, 7, 64])
def test_streamed_decode_error_offset(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, data: bytes, offset: int, encodings: tuple[str, ...], chunk: int
) -> None:
    """The offset counts bytes from the start of the file, whatever the chunk boundaries."""
    f = tmp_path / "p.txt"
    f.write_bytes(data)
    monkeypatch.setattr(_batch, "_CHUNK", chunk)
    with pytest.raises(qhnews.DecodeError) as info:
        list(iter_pages(str(f)))
    assert (info.value.offset, info.value.encodings, info.value.source) == (offset, encodings, str(f))


def test_large_file_encoding_is_checked_before_the_first_page(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A GB18030 file whose first chunk happens to be valid UTF-8 is still read as GB18030, as decode() would."""
    text = "page one, plain ascii\f第二版 本报讯（记者 施翔）"
    f = tmp_path / "p.txt"
    f.write_bytes(text.encode("gb18030"))
    monkeypatch.setattr(_batch, "_CHUNK", 8)
    assert [t for _, t in iter_pages(str(f))] == text.split("\f")


def test_stdin_pages(monkeypatch: pytest.MonkeyPatch) -> None:
    class Stdin:
        buffer = __import__("io").BytesIO("一\f二".encode("gb18030"))

    monkeypatch.setattr(sys, "stdin", Stdin)
    assert list(iter_pages("-")) == [("<stdin>", "一"), ("<stdin>#2", "二")]


# ---------------------------------------------------------------- the reader and its counts


def test_reader_counts_files_before_reading(archive: Path) -> None:
    paths = list(expand_inputs([archive]))
    reader = PageReader(paths)
    assert (reader.files, reader.items) == (len(paths), 0)  # known before any page is read
    items = list(reader)
    assert reader.files == len(paths)
    assert reader.items == len(items) == len(paths) + 2  # multi.txt has 3 pages
    assert list(reader.file_of) == sorted(reader.file_of)  # in input order, one entry a page
    assert len(set(reader.file_of)) == len(paths)
    assert [s for s, _, e in items if e] == [str(archive / "a" / "broken.txt")]


def test_reader_skips_pages(archive: Path) -> None:
    multi = str(archive / "a" / "multi.txt")
    reader = PageReader([multi], skip={multi, f"{multi}#3"})
    assert [s for s, _, _ in reader] == [f"{multi}#2"]
    assert (reader.skipped, reader.items, reader.files) == (2, 1, 1)


def test_reader_never_skips_failures(tmp_path: Path) -> None:
    missing = str(tmp_path / "missing.txt")
    assert [e for _, _, e in PageReader([missing], skip={missing})] == [f"{missing}: no such file"]


# ---------------------------------------------------------------- run_pages: order, failures, dead workers


def _upper(source: str, text: str) -> str:
    return source + ":" + text.upper()


def _boom_on_b(source: str, text: str) -> str:
    if source == "b":
        raise ValueError("boom\nsecond line")
    return text


def _die_on_b(source: str, text: str) -> str:
    if source == "b":
        os._exit(3)  # a worker killed mid-page (out of memory, a crash)
    return text


def _slow_first(source: str, text: str) -> str:
    time.sleep(0.2 if source == "a" else 0.0)
    return text


ITEMS: list[_batch.Item] = [("a", "x", None), ("b", "y", None), ("gone", None, "gone: no such file"), ("c", "z", None)]


@pytest.mark.parametrize("jobs", [1, 2])
def test_run_pages_in_order(jobs: int) -> None:
    assert list(run_pages(ITEMS, _upper, jobs=jobs)) == [
        ("a", "a:X", None),
        ("b", "b:Y", None),
        ("gone", None, "gone: no such file"),
        ("c", "c:Z", None),
    ]


@pytest.mark.parametrize("jobs", [1, 2, 3])
def test_run_pages_order_with_slow_pages(jobs: int) -> None:
    items: list[_batch.Item] = [(s, s, None) for s in "abcdefgh"]
    assert [s for s, _, _ in run_pages(items, _slow_first, jobs=jobs)] == list("abcdefgh")


@pytest.mark.parametrize("jobs", [1, 2])
def test_run_pages_page_that_raises(jobs: int) -> None:
    results = list(run_pages(ITEMS, _boom_on_b, jobs=jobs))
    assert results[1] == ("b", None, "b: cannot parse (ValueError: boom)")
    assert [r[1] for r in results] == ["x", None, None, "z"]


def test_run_pages_worker_that_dies() -> None:
    """Only the page that kills its worker fails; the pool is rebuilt and the rest are parsed, in order."""
    items: list[_batch.Item] = [(s, s, None) for s in ["a", "b", "c", "d", "e", "f"]]
    results = list(run_pages(items, _die_on_b, jobs=2))
    assert results == [
        ("a", "a", None),
        ("b", None, "b: worker process died while parsing this page"),
        ("c", "c", None),
        ("d", "d", None),
        ("e", "e", None),
        ("f", "f", None),
    ]


def test_run_pages_streams(monkeypatch: pytest.MonkeyPatch) -> None:
    """Results come out while later items are still unread: at most a window of pages in flight."""
    read: list[int] = []

    def items() -> object:
        for i in range(100):
            read.append(i)
            yield (str(i), "t", None)

    gen = run_pages(items(), _upper, jobs=2)  # type: ignore[arg-type]
    assert next(gen)[0] == "0"
    assert len(read) <= 2 * _batch_pool._WINDOW_PER_JOB + 2
    gen.close()


# ---------------------------------------------------------------- parse_many


def test_parse_many_order_and_failures(archive: Path) -> None:
    results = list(parse_many([archive]))
    multi = str(archive / "a" / "multi.txt")
    assert _sources(results) == [
        str(archive / "a" / SEEDS[1].name),
        str(archive / "a" / SEEDS[3].name),
        str(archive / "a" / "broken.txt"),
        multi,
        f"{multi}#2",
        f"{multi}#3",
        str(archive / "b" / SEEDS[0].name),
        str(archive / "b" / SEEDS[2].name),
        str(archive / "b" / SEEDS[4].name),
        str(archive / "b" / "gbk.txt"),
    ]
    failed = [r for r in results if not r.ok]
    assert [(r.source.endswith("broken.txt"), r.page) for r in failed] == [(True, None)]
    assert failed[0].error == f"{archive / 'a' / 'broken.txt'}: cannot decode bytes as utf-16 (at byte offset 2)"
    pages = {r.source: r.page for r in results if r.ok}
    assert pages[f"{multi}#2"] == qhnews.parse(SEEDS[1].read_text(encoding="utf-8"), source=f"{multi}#2")
    assert pages[str(archive / "b" / "gbk.txt")].articles[0].title == "会议召开"  # type: ignore[union-attr]


def test_parse_many_is_lazy(archive: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str | None] = []
    real = qhnews.parse

    def counting(text: str, *, source: str | None = None, options: qhnews.ParseOptions) -> qhnews.Page:
        calls.append(source)
        return real(text, source=source, options=options)

    monkeypatch.setattr(_batch, "parse", counting)
    results = parse_many([archive])
    assert calls == []
    next(results)
    assert len(calls) == 1


def test_parse_many_jobs_equal(archive: Path) -> None:
    one = list(parse_many([archive]))
    two = list(parse_many([archive], jobs=2))
    assert one == two


def test_parse_many_options_reach_the_workers(archive: Path) -> None:
    options = qhnews.ParseOptions(normalize=qhnews.NormalizeOptions(fullwidth_punctuation=False))
    gbk = archive / "b" / "gbk.txt"
    for jobs in (1, 2):
        (result,) = parse_many([gbk], jobs=jobs, options=options)
        assert result.page is not None
        assert result.page.articles[0].blocks[0].text == "7月10日,会议召开。"


def test_parse_many_skip(archive: Path) -> None:
    multi = str(archive / "a" / "multi.txt")
    assert _sources(parse_many([multi], skip={multi})) == [f"{multi}#2", f"{multi}#3"]


# ---------------------------------------------------------------- the command over many pages


def _lines(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _parse_cli(*args: str) -> int:
    return _cli.main(["parse", *args, "-q"])


def test_cli_jobs_equal_single_process(archive: Path, tmp_path: Path) -> None:
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    assert _parse_cli(str(archive), "-o", str(one)) == 1  # broken.txt
    assert _parse_cli(str(archive), "-o", str(two), "--jobs", "2") == 1
    assert one.read_bytes() == two.read_bytes()
    expected = [
        qhnews.page_to_dict(r.page) if r.page else {"source": r.source, "error": r.error} for r in parse_many([archive])
    ]
    assert _lines(one) == expected


def test_cli_failing_page_among_good_ones(archive: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out.jsonl"
    assert _parse_cli(str(archive), "-o", str(out), "--jobs", "2") == 1
    records = _lines(out)
    assert len(records) == 10
    errors = [r for r in records if "error" in r]
    assert [r["source"] for r in errors] == [str(archive / "a" / "broken.txt")]
    err = capsys.readouterr().err.splitlines()
    assert err[0] == f"qhnews: {errors[0]['error']}"
    assert err[1] == f"qhnews: 1 of 10 pages failed: {archive / 'a' / 'broken.txt'}"


def test_cli_resume_after_interrupt(archive: Path, tmp_path: Path) -> None:
    """An interrupted run leaves a last line cut short: resume drops it, re-parses that page, and ends equal."""
    full, cut = tmp_path / "full.jsonl", tmp_path / "cut.jsonl"
    (archive / "a" / "broken.txt").unlink()
    assert _parse_cli(str(archive), "-o", str(full)) == 0
    lines = full.read_bytes().splitlines(keepends=True)
    cut.write_bytes(b"".join(lines[:4]) + lines[4][:57])  # four pages done, the fifth half written
    assert _parse_cli(str(archive), "-o", str(cut), "--resume", "--jobs", "2") == 0
    assert cut.read_bytes() == full.read_bytes()
    # a second resume has nothing left to do
    assert _parse_cli(str(archive), "-o", str(cut), "--resume") == 0
    assert cut.read_bytes() == full.read_bytes()


def test_cli_resume_at_page_granularity(archive: Path, tmp_path: Path) -> None:
    multi = str(archive / "a" / "multi.txt")
    out = tmp_path / "out.jsonl"
    assert _parse_cli(multi, "-o", str(out)) == 0
    kept = [r for r in _lines(out) if r["source"] != f"{multi}#2"]
    out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in kept), encoding="utf-8")
    assert _parse_cli(multi, "-o", str(out), "--resume") == 0
    assert [r["source"] for r in _lines(out)] == [multi, f"{multi}#3", f"{multi}#2"]


def test_cli_resume_retries_failed_pages(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page, out = tmp_path / "late.txt", tmp_path / "out.jsonl"
    assert _parse_cli(str(page), "-o", str(out)) == 1  # not there yet
    page.write_text(PAGE, encoding="utf-8")
    assert _parse_cli(str(page), "-o", str(out), "--resume") == 0
    records = _lines(out)
    assert [("error" in r) for r in records] == [True, False]  # the later line supersedes
    capsys.readouterr()


def test_cli_resume_of_missing_output_starts_it(tmp_path: Path) -> None:
    out = tmp_path / "new.jsonl"
    assert _parse_cli(str(SEEDS[0]), "-o", str(out), "--resume") == 0
    assert len(_lines(out)) == 1


def test_done_sources_truncates_only_a_partial_last_line(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    out.write_bytes(b'{"source": "a"}\n{"source": "b", "error": "x"}\nnot json\n{"source": "c"')
    assert _cli_output.done_sources(str(out)) == _cli_output.Recorded(frozenset({"a"}), frozenset({"b"}))
    assert out.read_bytes() == b'{"source": "a"}\n{"source": "b", "error": "x"}\nnot json\n'


def test_cli_jsonl_lines_are_flushed_as_pages_finish(tmp_path: Path) -> None:
    """The first page's line is out while the command still waits for the second page (stdin)."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "qhnews", "parse", str(SEEDS[0]), "-", "-f", "jsonl"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdin is not None
    assert proc.stdout is not None
    try:
        first = json.loads(proc.stdout.readline())  # would block forever if the line were buffered
        assert first["source"] == str(SEEDS[0])
        proc.stdin.write(PAGE.encode())
        proc.stdin.close()
        second = json.loads(proc.stdout.readline())
        assert second["source"] == "<stdin>"
        assert proc.wait(timeout=60) == 0
    finally:
        proc.kill()
        proc.stdout.close()
        assert proc.stderr is not None
        proc.stderr.close()


# ---------------------------------------------------------------- Parquet


def test_article_rows_without_pyarrow() -> None:
    page = qhnews.parse(SEEDS[0].read_text(encoding="utf-8"), source="p.txt")
    rows = article_rows(page)
    assert len(rows) == len(page.articles) > 0
    assert all(tuple(r) == COLUMNS for r in rows)
    assert [r["article"] for r in rows] == list(range(len(rows)))
    first, art = rows[0], page.articles[0]
    assert (first["source"], first["title"], first["kicker"]) == ("p.txt", art.title, art.kicker)
    assert first["paragraphs"] == list(art.paragraphs)
    assert first["body"] == "\n".join(b.text for b in art.blocks)
    assert first["bylines"][0]["people"] == [{"role": p.role, "name": p.name} for p in art.bylines[0].people]
    assert article_rows(qhnews.page_to_dict(page)) == rows
    assert article_rows(qhnews.records.PageResult("p.txt", page)) == rows
    assert article_rows(qhnews.records.PageResult("x", None, "x: no such file")) == []
    assert article_rows({"source": "x", "error": "x: no such file"}) == []


def test_to_parquet(archive: Path, tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    from qhnews._parquet import to_parquet

    results = list(parse_many([archive]))
    out = tmp_path / "articles.parquet"
    written = to_parquet(results, out, row_group_size=7)
    table = pq.read_table(out)
    assert tuple(table.column_names) == COLUMNS
    expected = [row for r in results for row in article_rows(r)]
    assert written == table.num_rows == len(expected)
    assert table.to_pylist() == expected
    assert pq.ParquetFile(out).num_row_groups == -(-written // 7)
    assert not (tmp_path / "articles.parquet.part").exists()


def test_to_parquet_interrupted_leaves_no_file(tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    from qhnews._parquet import to_parquet

    def pages() -> object:
        yield qhnews.parse(PAGE)
        raise KeyboardInterrupt

    out = tmp_path / "x.parquet"
    with pytest.raises(KeyboardInterrupt):
        to_parquet(pages(), out)  # type: ignore[arg-type]
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_cli_parquet(archive: Path, tmp_path: Path, jobs: str, capsys: pytest.CaptureFixture[str]) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / "articles.parquet"
    assert _parse_cli(str(archive), "-o", str(out), "--jobs", jobs) == 1  # broken.txt: reported, no rows
    rows = pq.read_table(out).to_pylist()
    assert rows == [row for r in parse_many([archive]) for row in article_rows(r)]
    assert "broken.txt: cannot decode" in capsys.readouterr().err
