"""The review report without a browser: the line colouring, escaping, the files, the command.

The colouring is checked against the records themselves: every non-blank
line of a page has a role, the pieces of a line never overlap and cover all
its characters but spaces, and the lines an article owns are exactly the
union of its records' spans. The browser test (test_report_browser.py)
checks the same in Chromium.
"""

from __future__ import annotations

import html
import json
import re
import subprocess
import sys
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import qhnews
import qhnews.records
import qhnews.report
from qhnews import _cli, _report
from render import render
from strategies import pages

jinja2 = pytest.importorskip("jinja2", reason="the report needs the report extra (Jinja2)")

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
EVIL = "<script>alert(1)</script> & &amp; 会议召开\n\n本报讯（记者 王五）7 月 10 日，会议召开。<b>粗</b>\n"


def seed_pages() -> list[qhnews.Page]:
    assert len(SEEDS) >= 5
    return [qhnews.parse(p.read_bytes(), source=p.name) for p in SEEDS]


def record_spans(article: qhnews.Article) -> list[qhnews.Span]:
    """The spans of an article's records, headline lines included, from the records alone."""
    spans = [b.span for b in article.bylines] + [b.span for b in article.blocks]
    spans += [c.span for c in getattr(article, "captions", ())]
    if article.speaker is not None:
        spans.append(article.speaker.span)
    if article.headline_span is not None:
        spans.append(article.headline_span)
    return spans


def nonblank(page: qhnews.Page, spans: list[qhnews.Span]) -> set[int]:
    raw = page.text.split("\n")
    return {n for s in spans for n in range(s.first_line, s.last_line + 1) if raw[n - 1].strip()}


def check_views(page: qhnews.Page) -> tuple[_report.LineView, ...]:
    """Pieces in order, not overlapping, inside their line, covering every character but spaces."""
    views = _report.line_views(page)
    raw = page.text.split("\n")
    assert [v.number for v in views] == list(range(1, len(raw) + 1))
    for v, line in zip(views, raw, strict=True):
        assert page.text[v.start : v.end] == line
        covered = [False] * len(line)
        at = v.start
        for p in v.pieces:
            assert at <= p.start < p.end <= v.end, (v.number, p)
            assert p.role in _report.ROLES
            at = p.end
            for k in range(p.start - v.start, p.end - v.start):
                covered[k] = True
        assert all(c or ch.isspace() for c, ch in zip(covered, line, strict=True)), (v.number, line)
        assert (v.role is None) == (not line.strip())
    return views


# -- colouring -------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("index", range(5))
def test_every_seed_line_has_a_role_and_none_is_unplaced(index: int) -> None:
    page = seed_pages()[index]
    views = check_views(page)
    assert all(p.role != "unplaced" for v in views for p in v.pieces)


@pytest.mark.parametrize("index", range(5))
def test_an_articles_lines_are_the_union_of_its_records_spans(index: int) -> None:
    page = seed_pages()[index]
    views = _report.line_views(page)
    owned = {n for a in page.articles for n in nonblank(page, record_spans(a))}
    for i, a in enumerate(page.articles):
        mine = {v.number for v in views if i in v.articles}
        expected = nonblank(page, record_spans(a))
        assert expected <= mine, (i, a.title)
        # beyond its records, an article owns only its jump marks: lines in its span no record holds
        extra = mine - expected
        assert all(
            a.span and a.span.first_line <= n <= a.span.last_line and n not in owned and views[n - 1].role == "jump"
            for n in extra
        ), (i, extra)


def test_headline_parts_get_their_own_roles() -> None:
    page = qhnews.parse("尊师重教·感念师恩\n会议召开\n——各界热议\n\n本报讯（记者 王五）7 月 10 日，会议召开。\n")
    a = page.articles[0]
    assert (a.section, a.title, a.subtitles) == ("尊师重教·感念师恩", "会议召开", ("——各界热议",))
    assert [v.role for v in _report.line_views(page)] == ["section", "title", "subtitle", None, "byline", None]


def test_a_line_with_a_lead_byline_and_a_paragraph_is_coloured_by_range() -> None:
    page = qhnews.parse("会议召开\n\n本报讯（记者 王五）7 月 10 日，会议召开。\n")
    line = _report.line_views(page)[2]
    assert [(p.role, page.text[p.start : p.end]) for p in line.pieces] == [
        ("byline", "本报讯（记者 王五）"),
        ("paragraph", "7 月 10 日，会议召开。"),
    ]
    assert line.articles == (0,)


def test_page_banner_and_leftover_lines() -> None:
    page = seed_pages()[4]
    assert page.page_headings
    roles = {v.role for v in _report.line_views(page)}
    assert "banner" in roles
    lost = qhnews.parse("会议召开\n\n本报讯（记者 王五）会议召开。\n\n（记者 赵六）\n\n\n（记者 钱七）")
    views = _report.line_views(lost)
    for x in lost.leftovers:
        assert views[x.span.first_line - 1].role == "leftover"


def test_jump_marks_are_coloured() -> None:
    page = seed_pages()[3]
    jumps = [v for v in _report.line_views(page) for p in v.pieces if p.role == "jump"]
    assert jumps
    for v in jumps:
        (p,) = [p for p in v.pieces if p.role == "jump"]
        assert re.search(r"[转接].*版", page.text[p.start : p.end])


def test_jump_marks_inside_the_edge_lines_are_coloured_by_range() -> None:
    text = (
        "会议召开\n\n  （上接第一版）7 月 10 日，会议召开，\n大家发言。(下转三版)\n\n"
        + "城市新貌\n\n本报讯（记者 赵六）开会。"
    )
    page = qhnews.parse(text)
    assert (page.articles[0].continued_from, page.articles[0].continued_to) == ("第一版", "三版")
    views = _report.line_views(page)
    assert [(p.role, p.article, page.text[p.start : p.end]) for p in views[2].pieces + views[3].pieces] == [
        ("jump", 0, "（上接第一版）"),
        ("paragraph", 0, "7 月 10 日，会议召开，"),
        ("paragraph", 0, "大家发言。"),
        ("jump", 0, "(下转三版)"),
    ]


@settings(max_examples=60)
@given(
    st.one_of(
        pages().map(lambda spec: render(spec).text),
        st.text(alphabet="本报讯记者会议召开（）() 　\n版转0123", max_size=200),
        st.text(max_size=300),
    )
)
def test_colouring_holds_on_any_page(text: str) -> None:
    page = qhnews.parse(text)
    views = check_views(page)
    for i, a in enumerate(page.articles):
        assert nonblank(page, record_spans(a)) <= {v.number for v in views if i in v.articles}


# -- captions, furniture, reason codes -------------------------------------------------------------------------------


def test_captions_furniture_and_reasons_show_when_the_records_carry_them() -> None:
    page = qhnews.parse("会议召开\n\n本报讯（记者 王五）开会。")
    (a,) = page.articles
    text = page.text + "\n图为会场。\n责任编辑 赵六"  # two lines the parser did not read here
    line4, line5 = qhnews.stages.split_lines(text)[3:5]
    byline = attrs.evolve(a.bylines[0], reason="lead-byline")
    caption = qhnews.records.Caption(line4.text, None, (), line4.span)
    article = attrs.evolve(a, bylines=(byline,), captions=(caption,))
    furniture = qhnews.records.Furniture(qhnews.records.FurnitureKind.EDITORS, line5.text, line5.span)
    rich = attrs.evolve(page, articles=(article,), text=text, furniture=(furniture,))
    views = check_views(rich)
    assert [v.role for v in views] == ["title", None, "byline", "caption", "furniture"]
    assert views[2].pieces[0].reason == "lead-byline"
    assert views[2].pieces[1].reason == "body.has-stops"  # the paragraph on the byline's line, and its rule
    assert views[3].articles == (0,)
    out = qhnews.report.page_html(rich)
    assert 'data-why="lead-byline"' in out
    assert "图为会场。" in out
    assert "editors" in out
    bare = attrs.evolve(page, text=text)
    assert [v.role for v in check_views(bare)][3:] == ["unplaced", "unplaced"]


# -- escaping --------------------------------------------------------------------------------------------------------


def test_markup_in_the_ocr_text_is_shown_as_text() -> None:
    page = qhnews.parse(EVIL, source='a"</script><script>alert(2)</script>.txt')
    out = qhnews.report.page_html(page)
    assert "<script>alert" not in out
    assert "<b>粗" not in out
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &amp;amp; 会议召开" in out
    assert "&lt;b&gt;粗&lt;/b&gt;" in out


def test_markup_in_source_names_stays_out_of_the_index(tmp_path: Path) -> None:
    page = qhnews.parse(EVIL, source='a"</script><script>alert(2)</script>.txt')
    index = qhnews.report.write_report([page], tmp_path)
    text = index.read_text("utf-8")
    assert "<script>alert" not in text
    rows = json.loads(re.search(r'<script type="application/json" id="qh-data">(.*?)</script>', text, re.S)[1])  # type: ignore[index]
    assert rows[0]["source"] == page.source


# -- the files -------------------------------------------------------------------------------------------------------


def test_write_report_writes_an_index_and_linked_page_views(tmp_path: Path) -> None:
    pages = seed_pages()
    results = [qhnews.records.PageResult(p.source or "", p) for p in pages]
    results.insert(2, qhnews.records.PageResult("missing.txt", None, "missing.txt: no such file"))
    index = qhnews.report.write_report(results, tmp_path)
    assert index == tmp_path / "index.html"
    assert {p.name for p in tmp_path.iterdir()} == {"index.html", "pages", "report.css", "report.js"}
    files = sorted((tmp_path / "pages").iterdir())
    assert [f.name for f in files] == [f"{n:05d}.html" for n in range(1, 6)]
    for n, f in enumerate(files, start=1):
        text = f.read_text("utf-8")
        assert ('rel="prev"' in text) == (n > 1)
        assert ('rel="next"' in text) == (n < 5)
        assert _report.NAV_MARK not in text
        assert html.escape(pages[n - 1].source or "") in text
    rows = json.loads(re.search(r'id="qh-data">(.*?)</script>', index.read_text("utf-8"), re.S)[1])  # type: ignore[index]
    assert len(rows) == 6
    assert rows[2] == {"source": "missing.txt", "error": "missing.txt: no such file", "file": None}
    ok = [r for r in rows if "error" not in r]
    for row, page in zip(ok, pages, strict=True):
        assert row["confidence"] == min(a.confidence for a in page.articles)
        assert row["articles"] == len(page.articles)
        assert row["leftovers"] == len(page.leftovers)
        assert row["diagnostics"] == len(page.diagnostics)


def test_a_second_smaller_report_removes_the_stale_views(tmp_path: Path) -> None:
    pages = seed_pages()
    qhnews.report.write_report(pages, tmp_path)
    (tmp_path / "pages" / "notes.txt").write_text("mine", "utf-8")
    qhnews.report.write_report(pages[:2], tmp_path)
    assert sorted(p.name for p in (tmp_path / "pages").iterdir()) == ["00001.html", "00002.html", "notes.txt"]


def test_repr_html_is_the_page_view_and_degrades_without_jinja2(monkeypatch: pytest.MonkeyPatch) -> None:
    page = qhnews.parse(EVIL)
    view = page._repr_html_()
    assert 'class="qh-page"' in view
    assert "<style>" in view
    assert "&lt;script&gt;" in view
    monkeypatch.setitem(sys.modules, "jinja2", None)  # an import of it fails
    _report._environment.cache_clear()
    try:
        plain = page._repr_html_()
    finally:
        _report._environment.cache_clear()
    assert plain == "<pre>" + html.escape(page.text) + "</pre>"


def test_import_qhnews_does_not_import_jinja2() -> None:
    code = "import sys, qhnews; qhnews.parse('会议'); print([m for m in ('jinja2', 'markupsafe') if m in sys.modules])"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


# -- the command -----------------------------------------------------------------------------------------------------


def test_cli_report_in_one_and_two_processes_gives_the_same_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    one, two = tmp_path / "one", tmp_path / "two"
    assert _cli.main(["report", str(ROOT / "seeds"), "-o", str(one), "-q"]) == 0
    assert _cli.main(["report", str(ROOT / "seeds" / "*.txt"), "-o", str(two), "-j", "2"]) == 0
    out = capsys.readouterr().out
    assert out.strip() == str(two / "index.html")
    for f in sorted((one / "pages").iterdir()):
        assert f.read_text("utf-8") == (two / "pages" / f.name).read_text("utf-8")
    assert len(list((one / "pages").iterdir())) == len(SEEDS)


def test_cli_report_lists_failed_pages_and_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "missing.txt"
    code = _cli.main(["report", str(SEEDS[0]), str(missing), "-o", str(tmp_path / "r"), "-q"])
    err = capsys.readouterr().err
    assert code == 1
    assert f"qhnews: {missing}: no such file" in err
    assert "1 of 2 pages failed" in err
    assert "no such file" in (tmp_path / "r" / "index.html").read_text("utf-8")


def test_cli_report_usage_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    afile = tmp_path / "f"
    afile.write_text("x", "utf-8")
    assert _cli.main(["report", str(SEEDS[0]), "-o", str(afile)]) == 2
    assert "-o names a file, not a directory" in capsys.readouterr().err
    assert _cli.main(["report", str(SEEDS[0])]) == 2  # -o is required
    capsys.readouterr()


def test_cli_report_says_what_to_install_without_jinja2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = "import sys; sys.modules['jinja2'] = None; from qhnews._cli import main; sys.exit(main(sys.argv[1:]))"
    proc = subprocess.run(
        [sys.executable, "-c", code, "report", str(SEEDS[0]), "-o", str(tmp_path / "r")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 2
    assert 'pip install "qhnews[report]"' in proc.stderr
