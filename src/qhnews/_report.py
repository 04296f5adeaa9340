r"""The review report: the raw page beside what qhnews made of it, as static HTML.

A reviewer reads the raw OCR lines on the left, every line coloured by what it
became (title, kicker, byline, paragraph, leftover, …), and the parsed
articles on the right. Clicking an article highlights exactly its lines;
clicking a line shows what it became and the rule that decided it.

Each raw line is cut into the pieces it became by ``_report_lines`` (from
the records' spans alone); this module makes the HTML of those views, the
index and the report's folder.

The HTML is made with Jinja2 (autoescaping on: OCR text may hold anything,
``<script>`` included), the ``report`` extra: ``pip install "qhnews[report]"``.
It is imported only when a report is made; ``import qhnews`` never imports it.

Examples:
    >>> page = parse("会议召开\n\n本报讯（记者 王五）开会。", source="p.txt")
    >>> [(v.number, [(p.role, page.text[p.start : p.end]) for p in v.pieces]) for v in line_views(page)]
    [(1, [('title', '会议召开')]), (2, []), (3, [('byline', '本报讯（记者 王五）'), ('paragraph', '开会。')])]
"""

from __future__ import annotations

import functools
import html
import importlib
import os
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from qhnews._batch import PageResult
from qhnews._pipeline import ParseOptions, parse
from qhnews._records import Page
from qhnews._report_lines import ROLES, LineView, Piece, line_views

__all__ = [
    "NAV_MARK",
    "ROLES",
    "LineView",
    "Piece",
    "ReportWriter",
    "line_views",
    "page_file",
    "page_fragment",
    "page_html",
    "page_summary",
    "report_work",
    "write_report",
]

#: Replaced by each page view's navigation links once the pages around it are known.
NAV_MARK = "<!--qh:nav-->"
_PAGE_DIR = "pages"
_PAGE_FILE = re.compile(r"^\d{5,}\.html$")


# -- summary ---------------------------------------------------------------------------------------------------------


def page_summary(page: Page) -> dict[str, Any]:
    r"""What the index shows of a page: counts and the lowest article confidence.

    Examples:
        >>> page_summary(parse("会议召开\n\n本报讯（记者 王五）开会。", source="p.txt"))
        {'source': 'p.txt', 'articles': 1, 'confidence': 0.986, 'diagnostics': 0, 'leftovers': 0, 'title': '会议召开'}
    """
    titles = [a.title for a in page.articles if a.title]
    return {
        "source": page.source,
        "articles": len(page.articles),
        "confidence": min((a.confidence for a in page.articles), default=None),
        "diagnostics": len(page.diagnostics),
        "leftovers": len(page.leftovers),
        "title": titles[0] if titles else None,
    }


# -- templates -------------------------------------------------------------------------------------------------------


def _jinja() -> Any:
    try:
        return importlib.import_module("jinja2")
    except ImportError:
        raise ImportError('the report needs Jinja2: pip install "qhnews[report]"') from None


@functools.cache
def _environment() -> Any:
    jinja2 = _jinja()
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("qhnews", "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    env.globals["ROLES"] = ROLES
    env.policies["json.dumps_kwargs"] = {"ensure_ascii": False, "sort_keys": False}
    return env


@functools.cache
def _static(name: str) -> str:
    return (Path(__file__).parent / "templates" / name).read_text("utf-8")


def _raw_html(views: tuple[LineView, ...], text: str) -> str:
    """The raw lines as HTML, every piece of text escaped: the hot loop of a page view, kept out of the template."""
    esc = html.escape
    out: list[str] = []
    for v in views:
        head = '<span class="qh-tx">'
        if not v.pieces:
            out.append(
                f'<div class="qh-ln qh-blank" data-n="{v.number}">{head}{esc(text[v.start : v.end])}</span></div>'
            )
            continue
        owners = " ".join(str(a) for a in v.articles)
        owned = f' data-a="{owners}"' if owners else ""
        parts = [f'<div class="qh-ln r-{v.pieces[0].role}" data-n="{v.number}"{owned}>{head}']
        at = v.start
        for p in v.pieces:
            if p.start > at:
                parts.append(esc(text[at : p.start]))
            attrs_ = f' data-a="{p.article}"' if p.article is not None else ""
            if p.reason:
                attrs_ += f' data-why="{esc(p.reason)}"'
            parts.append(f'<span class="qh-pc r-{p.role}"{attrs_}>{esc(text[p.start : p.end])}</span>')
            at = p.end
        if v.end > at:
            parts.append(esc(text[at : v.end]))
        parts.append("</span></div>")
        out.append("".join(parts))
    return "\n".join(out)


def _context(page: Page) -> dict[str, Any]:
    views = line_views(page)
    used = {p.role for v in views for p in v.pieces}
    return {
        "page": page,
        "raw_lines": _raw_html(views, page.text),
        "legend": [(r, ROLES[r]) for r in ROLES if r != "unplaced" or "unplaced" in used],
        "used": used,
        "summary": page_summary(page),
        "furniture": tuple(getattr(page, "furniture", ()) or ()),
    }


def page_fragment(page: Page) -> str:
    """The page view as an HTML fragment with its style and script inline, for a notebook.

    Raises:
        ImportError: Jinja2 is not installed.
    """
    return str(
        _environment()
        .get_template("fragment.html.j2")
        .render(css=_static("report.css"), js=_static("report.js"), **_context(page))
    )


def page_html(page: Page) -> str:
    r"""The page view as one self-contained HTML document (style and script inline).

    Raises:
        ImportError: Jinja2 is not installed.

    Examples:
        >>> html = page_html(parse("<script>alert(1)</script> & 会议召开\n\n本报讯（记者 王五）开会。"))
        >>> "<script>alert(1)" in html, "&lt;script&gt;alert(1)&lt;/script&gt; &amp; 会议召开" in html
        (False, True)
    """
    return _render_page(page, inline=True, nav="")


def _render_page(page: Page, *, inline: bool, nav: str = NAV_MARK) -> str:
    template = _environment().get_template("page.html.j2")
    html = str(
        template.render(
            inline=inline,
            css=_static("report.css") if inline else "",
            js=_static("report.js") if inline else "",
            **_context(page),
        )
    )
    return html.replace(NAV_MARK, nav, 1) if nav != NAV_MARK else html


# -- the report ------------------------------------------------------------------------------------------------------


def page_file(number: int) -> str:
    """The file of the ``number``-th page view (from 1), relative to the report's folder."""
    return f"{_PAGE_DIR}/{number:05d}.html"


def _nav(number: int, last: bool) -> str:
    prev = f'<a rel="prev" href="{number - 1:05d}.html">← previous</a>' if number > 1 else ""
    nxt = "" if last else f'<a rel="next" href="{number + 1:05d}.html">next →</a>'
    return f'<a rel="index" href="../index.html">index</a> {prev} <span class="qh-num">page {number}</span> {nxt}'


def report_work(source: str, text: str, *, options: ParseOptions) -> tuple[str, dict[str, Any]]:
    """Parse one page and make its view (with a navigation mark) and index row, in a worker."""
    page = parse(text, source=source, options=options)
    return _render_page(page, inline=False), page_summary(page)


class ReportWriter:
    """Writes a report's folder: the page views as they come, the index at the end.

    Pages are numbered in the order they are added; each view is written once
    the next one is known (its "next" link depends on it).

    Args:
        out_dir: The report's folder; made if missing. Page views from an
            earlier report in it that this one does not overwrite are removed.

    Raises:
        OSError: The folder cannot be made or written.
    """

    def __init__(self, out_dir: str | os.PathLike[str]) -> None:
        _environment()  # fail before any page is parsed when Jinja2 is missing
        self.root = Path(out_dir)
        (self.root / _PAGE_DIR).mkdir(parents=True, exist_ok=True)
        self.rows: list[dict[str, Any]] = []
        self.held: tuple[int, str] | None = None
        self.count = 0

    def add(self, html: str, row: dict[str, Any]) -> None:
        """Add a page's view (from ``report_work``) and its index row."""
        self.count += 1
        self._flush(last=False)
        self.held = (self.count, html)
        self.rows.append({**row, "file": page_file(self.count)})

    def add_error(self, source: str, error: str | None) -> None:
        """Add a page that could not be read or parsed: a row of the index, no view."""
        self.rows.append({"source": source, "error": error, "file": None})

    def _flush(self, *, last: bool) -> None:
        if self.held is not None:
            number, html = self.held
            (self.root / page_file(number)).write_text(html.replace(NAV_MARK, _nav(number, last), 1), "utf-8")
            self.held = None

    def close(self) -> Path:
        """Write the last view, the index, the style and the script; return the index's path."""
        self._flush(last=True)
        for old in (self.root / _PAGE_DIR).iterdir():
            if _PAGE_FILE.match(old.name) and int(old.name.split(".")[0]) > self.count:
                old.unlink()
        (self.root / "report.css").write_text(_static("report.css"), "utf-8")
        (self.root / "report.js").write_text(_static("report.js"), "utf-8")
        index = self.root / "index.html"
        html = _environment().get_template("index.html.j2").render(rows=self.rows, count=self.count)
        index.write_text(html, "utf-8")
        return index


def write_report(
    pages: Iterable[Page | PageResult],
    out_dir: str | os.PathLike[str],
) -> Path:
    r"""Write a review report: one HTML view per page and an index, a static site that opens from disk.

    The index lists every page with its article count, lowest article
    confidence, diagnostics and leftovers, least sure first; it sorts, filters
    and pages through any number of pages. Each page view shows the raw lines
    coloured by what they became beside the parsed articles. No server, no
    network: style and script are files beside the pages.

    Args:
        pages: Parsed pages, or the results of ``qhnews.parse_many``
            (a failed one is listed in the index with its error).
        out_dir: The report's folder; made if missing.

    Returns:
        The path of the index page.

    Raises:
        ImportError: Jinja2 is not installed (``pip install "qhnews[report]"``).
        OSError: The folder cannot be written.

    Examples:
        >>> import tempfile, qhnews
        >>> out = tempfile.mkdtemp()
        >>> index = qhnews.report.write_report([qhnews.parse("会议召开\n\n本报讯（记者 王五）开会。")], out)
        >>> index.name, sorted(p.name for p in (index.parent / "pages").iterdir())
        ('index.html', ['00001.html'])
    """
    writer = ReportWriter(out_dir)
    for item in pages:
        page = item.page if isinstance(item, PageResult) else item
        if page is None:
            assert isinstance(item, PageResult)
            writer.add_error(item.source, item.error)
            continue
        writer.add(_render_page(page, inline=False), page_summary(page))
    return writer.close()
