"""The review report in a real browser: Chromium, driven by Playwright.

``scripts/install-browser`` (run by ``scripts/test``) installs Debian's
chromium where it can; where no browser can be had, every test here skips
and says why. The checks: every non-blank raw line shows a role colour;
clicking an article highlights exactly the lines of its records' spans;
clicking a line names what it became and its rule; the index sorts by
confidence and pages through 10,000 rows; markup in the OCR text shows as
text and runs nothing; the keyboard moves between pages.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import qhnews
import qhnews.report
from qhnews import _report
from test_report import EVIL, SEEDS, nonblank, record_spans

pytest.importorskip("jinja2", reason="the report needs the report extra (Jinja2)")

ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
#: Pages parsed with less than full confidence, so that the index has something to sort.
DOUBTFUL = [
    "本报讯（记者 王五）7 月 10 日，会议召开。",  # no headline
    "会议召开\n\n本报讯（记者 王五）开会。",  # a headline that shares nothing with the body
    "（记者 赵六）",  # no article at all
]


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("no browser: the playwright package is not installed (pip install playwright)")
    exe = shutil.which("chromium") or shutil.which("chromium-browser")
    if exe is None:
        pytest.skip("no browser: chromium is not on PATH and scripts/install-browser could not install it")
    pw = sync_playwright().start()
    try:
        chromium = pw.chromium.launch(executable_path=exe, args=ARGS)
    except Exception as exc:  # whatever stops the browser, the test says so and skips
        pw.stop()
        pytest.skip(f"no browser: chromium did not start ({str(exc).splitlines()[0]})")
    yield chromium
    chromium.close()
    pw.stop()


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[qhnews.Page]]:
    pages = [qhnews.parse(p.read_bytes(), source=p.name) for p in SEEDS]
    pages.append(qhnews.parse(EVIL, source="evil.txt"))
    pages += [qhnews.parse(t, source=f"doubtful-{i}.txt") for i, t in enumerate(DOUBTFUL)]
    out = tmp_path_factory.mktemp("report")
    qhnews.report.write_report(pages, out)
    return out, pages


@pytest.fixture
def tab(browser: Any) -> Iterator[Any]:
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    dialogs: list[str] = []

    def opened(dialog: Any) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", opened)
    page.dialogs = dialogs
    yield page
    page.close()


def view(out: Path, number: int) -> str:
    return (out / _report.page_file(number)).as_uri()


@pytest.mark.parametrize("number", range(1, len(SEEDS) + 1))
def test_every_nonblank_line_has_a_role_colour(tab: Any, report: tuple[Path, list[qhnews.Page]], number: int) -> None:
    out, pages = report
    tab.goto(view(out, number))
    shown = tab.eval_on_selector_all(
        ".qh-ln",
        """lines => lines.map(l => {
            const p = l.querySelector('.qh-pc');
            return [Number(l.dataset.n), l.querySelector('.qh-tx').textContent, l.className,
                    p ? getComputedStyle(p).backgroundImage + '|' + getComputedStyle(p).backgroundColor : ''];
        })""",
    )
    raw = pages[number - 1].text.split("\n")
    assert [n for n, *_ in shown] == list(range(1, len(raw) + 1))
    roles = {v.number: v.role for v in _report.line_views(pages[number - 1])}
    for n, text, classes, paint in shown:
        assert text == raw[n - 1]
        if not text.strip():
            continue
        assert f"r-{roles[n]}" in classes.split(), (n, classes)
        assert roles[n] != "unplaced"
        assert paint, n
        assert paint != "none|rgba(0, 0, 0, 0)", (n, paint)


@pytest.mark.parametrize("number", range(1, len(SEEDS) + 1))
def test_clicking_an_article_highlights_exactly_its_lines(
    tab: Any, report: tuple[Path, list[qhnews.Page]], number: int
) -> None:
    out, pages = report
    page = pages[number - 1]
    tab.goto(view(out, number))
    jumps = {v.number: v.articles for v in _report.line_views(page) if any(p.role == "jump" for p in v.pieces)}
    assert page.articles
    for i, a in enumerate(page.articles):
        tab.click(f'.qh-art[data-a="{i}"] .qh-meta')
        lit = set(tab.eval_on_selector_all(".qh-ln.qh-hl", "ls => ls.map(l => Number(l.dataset.n))"))
        expected = nonblank(page, record_spans(a)) | {n for n, owners in jumps.items() if i in owners}
        assert lit == expected, (number, i, a.title)
        first = tab.locator(f'.qh-ln[data-n="{min(expected)}"]')
        box, pane = first.bounding_box(), tab.locator(".qh-raw").bounding_box()
        assert pane["y"] <= box["y"] < pane["y"] + pane["height"], "the first line is scrolled into view"
        assert tab.locator(f'.qh-art[data-a="{i}"]').get_attribute("class").split().count("qh-on") == 1
    # a record of an article: its own lines are marked among the article's
    block = page.articles[0].blocks[-1]
    tab.click(f'.qh-art[data-a="0"] .qh-part[data-l="{block.span.first_line}-{block.span.last_line}"]')
    marked = set(tab.eval_on_selector_all(".qh-ln.qh-cur", "ls => ls.map(l => Number(l.dataset.n))"))
    assert marked == set(range(block.span.first_line, block.span.last_line + 1))
    assert marked <= set(tab.eval_on_selector_all(".qh-ln.qh-hl", "ls => ls.map(l => Number(l.dataset.n))"))


def test_clicking_a_line_shows_what_it_became_and_its_rule(tab: Any, report: tuple[Path, list[qhnews.Page]]) -> None:
    out, pages = report
    tab.goto(view(out, 1))
    byline = pages[0].articles[0].bylines[0]
    tab.click(f'.qh-ln[data-n="{byline.span.first_line}"] .qh-pc.r-byline')
    info = tab.inner_text(".qh-info")
    assert f"Line {byline.span.first_line}: byline" in info
    assert f"rule: {byline.reason}" in info  # the reason code of the rule that read it
    assert byline.reason == "byline.lead"
    assert tab.locator(".qh-art.qh-on").get_attribute("data-a") == "0"


def test_markup_in_the_ocr_text_shows_as_text_and_runs_nothing(
    tab: Any, report: tuple[Path, list[qhnews.Page]]
) -> None:
    out, _ = report
    tab.goto(view(out, len(SEEDS) + 1))
    assert tab.inner_text('.qh-ln[data-n="1"] .qh-tx') == EVIL.split("\n")[0]
    assert tab.locator("script").count() == 1  # the report's own
    assert tab.locator(".qh-raw b, .qh-arts b").count() == 0
    tab.click('.qh-art[data-a="0"] .qh-meta')
    assert tab.dialogs == []
    assert "<script>alert(1)</script>" in tab.inner_text(".qh-arts")


def test_keyboard_moves_between_pages(tab: Any, report: tuple[Path, list[qhnews.Page]]) -> None:
    out, _ = report
    tab.goto(view(out, 1))
    tab.keyboard.press("ArrowRight")
    tab.wait_for_url("**/00002.html")
    tab.keyboard.press("n")
    tab.wait_for_url("**/00003.html")
    tab.keyboard.press("p")
    tab.wait_for_url("**/00002.html")
    tab.keyboard.press("i")
    tab.wait_for_url("**/index.html")


def confidences(tab: Any) -> list[float]:
    """The confidence column as shown: -2 for a failed page, -1 for a page without articles."""
    cells = tab.eval_on_selector_all(
        "#qh-rows tr", "rs => rs.map(r => [r.className, r.getAttribute('data-confidence')])"
    )
    return [-2.0 if cls == "qh-failed" else -1.0 if not c else float(c) for cls, c in cells]


def test_index_sorts_least_sure_first_and_by_any_column(
    tab: Any, report: tuple[Path, list[qhnews.Page]], tmp_path: Path
) -> None:
    out, pages = report
    tab.goto((out / "index.html").as_uri())
    shown = confidences(tab)
    assert len(shown) == len(pages)
    assert shown == sorted(shown)
    assert len(set(shown)) >= 3
    tab.click('th[data-key="confidence"] button')
    assert confidences(tab) == sorted(shown, reverse=True)
    tab.click('th[data-key="leftovers"] button')
    left = tab.eval_on_selector_all("#qh-rows tr td:nth-child(7)", "ts => ts.map(t => Number(t.textContent))")
    assert left == sorted(left)
    tab.fill("#qh-filter", "evil")
    assert tab.locator("#qh-rows tr").count() == 1
    tab.click("#qh-rows a")
    tab.wait_for_url(f"**/{_report.page_file(len(SEEDS) + 1)}")
    tab.screenshot(path=str(tmp_path / "view.png"))
    assert (tmp_path / "view.png").stat().st_size > 10_000


def test_index_of_ten_thousand_pages_pages_and_sorts(tab: Any, tmp_path: Path) -> None:
    writer = _report.ReportWriter(tmp_path)
    for n in range(10_000):
        row = {"source": f"page-{n:05d}.txt", "articles": n % 7, "confidence": (n * 37 % 101) / 100 if n % 7 else None}
        writer.rows.append({**row, "diagnostics": n % 3, "leftovers": n % 5, "title": "会议召开", "file": None})
    writer.close()
    tab.goto((tmp_path / "index.html").as_uri())
    assert tab.locator("#qh-rows tr").count() == 100
    assert tab.inner_text("#qh-range") == "pages 1–100 of 10000"
    first = confidences(tab)
    assert first == sorted(first)
    assert first[0] == -1.0
    tab.click("#qh-next")
    assert tab.inner_text("#qh-range") == "pages 101–200 of 10000"
    assert confidences(tab)[0] >= first[-1]
    tab.fill("#qh-filter", "page-0999")
    assert tab.inner_text("#qh-range") == "pages 1–10 of 10"


def test_after_the_index_pages_follow_its_order_and_it_keeps_its_state(
    tab: Any, report: tuple[Path, list[qhnews.Page]]
) -> None:
    out, _ = report
    tab.goto((out / "index.html").as_uri())
    files = tab.eval_on_selector_all("#qh-rows a", "as => as.map(a => a.getAttribute('href'))")
    numbers = [int(f.split("/")[-1].split(".")[0]) for f in files]
    assert numbers != sorted(numbers), "least sure first is not the input order"
    tab.click(f'#qh-rows a[href="{files[0]}"]')
    tab.wait_for_url(f"**/{files[0]}")
    assert tab.inner_text(".qh-num") == f"page 1 of {len(files)}, in the index's order"
    assert tab.locator('.qh-nav a[rel="prev"]').count() == 0
    for f in files[1:3]:
        tab.keyboard.press("ArrowRight")
        tab.wait_for_url(f"**/{f}")
    tab.keyboard.press("p")
    tab.wait_for_url(f"**/{files[1]}")
    tab.keyboard.press("i")
    tab.wait_for_url("**/index.html")
    tab.click('th[data-key="leftovers"] button')
    tab.fill("#qh-filter", "doubtful")
    tab.click("#qh-rows a")
    tab.go_back()
    tab.wait_for_url("**/index.html")
    assert tab.get_attribute('th[data-key="leftovers"]', "aria-sort") == "ascending"
    assert tab.input_value("#qh-filter") == "doubtful"
    assert tab.locator("#qh-rows tr").count() == len(DOUBTFUL)
