"""Accuracy on generated pages: how many pages and articles the parser gets back exactly.

    python benchmarks/roundtrip.py                 # 1000 pages, about a minute
    python benchmarks/roundtrip.py --pages 200     # fewer
    python benchmarks/roundtrip.py --show 3        # also print the first 3 pages it gets wrong
    python benchmarks/roundtrip.py --per-form      # also a table per layout structure and per form of the press
    python benchmarks/roundtrip.py --stratify      # each form of the press on pages drawn for it (about 20 minutes)
    python benchmarks/roundtrip.py --script traditional   # the same pages in traditional characters

The pages are drawn by the property tests' own generator
(``tests/strategies.py``: articles of every kind, headlines before, after or
grouped after their bodies, mixed column widths, column breaks, OCR noise,
and the forms of the press the survey of docs/guide/forms.md met, at its
rates) and laid out by ``tests/render.py``, which also says what the parser
must return. The draw is derandomized and blind to the literals of the code
loaded (``strategies.fixed_draw``), so every run sees the same pages, in a
script or under pytest, and figures can be compared across commits that
leave the generator (and Hypothesis's version) alone.

Unlike the property tests, nothing is held back here: pages that set off a
known parser bug (``KNOWN_BUGS`` in ``tests/test_properties.py``) count as
they come out. The figures are

- pages exact: every article equal to the expected one (headline parts,
  bylines, speaker, blocks, captions, continuation), the page furniture as
  expected, and no banner or leftover;
- articles exact: of the expected articles, how many come out equal, matched
  in page order;
- for each field, how many expected articles differ in it (on pages whose
  article count is right), and how many pages have the wrong article count;
- with ``--per-form``, the same counts for the pages that show each layout
  structure ``render.structures`` names (a page shows several: a row is not
  the effect of its structure alone), and for the pages that show none of the
  structures of issue 14; then, per form of the press (``render.article_forms``:
  the lead, heading and trailing byline's form, the caption's, the headline's
  shape, …), the articles that show it, exact on every page and on the pages
  clear of the open bugs (the pages the round-trip property checks);
- with ``--stratify``, each form drawn wherever its family is (``Rates.only``),
  at least ``--least`` articles of it on pages clear of the open bugs, so that
  a form the survey met once still gets a rate.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

import attrs  # noqa: E402

import qhnews  # noqa: E402
import strategies  # noqa: E402
from render import STRUCTURES, RenderedPage, article_forms, article_view, page_forms, render, structures  # noqa: E402
from script import in_script  # noqa: E402
from strategies import Rates, fixed_draw, pages  # noqa: E402
from test_properties import ARTICLE_BUGS, OPEN_RATES, clear_of  # noqa: E402

FIELDS = (
    "title",
    "kicker",
    "subtitles",
    "section",
    "bylines",
    "speaker",
    "blocks",
    "continued_to",
    "captions",
    "continued_from",
)
#: The structures issue 14 added to the generator; "none of issue 14's" counts the pages with none of them.
ISSUE_14 = frozenset(STRUCTURES) - {
    "headline after its body",
    "headlines grouped after a later article",
    "kicker, title and subtitle",
    "unwrapped page",
}
#: Every form of the press the generator draws, family by family, with its surveyed count.
TABLES = (
    strategies.LEAD_FORMS,
    strategies.HEADING_FORMS,
    strategies.TRAILING_FORMS,
    strategies.CAPTION_FORMS,
    (("article: picture story", 9),),
    strategies.SHAPES,
    strategies.SUBHEADING_FORMS,
    (("paragraphs: 一、二、 numbered", 3),),
    strategies.NOTE_FORMS,
    strategies.COLUMN_FORMS,
    (("continued: （上接第〇版）", 0),),
    strategies.HEADER_FORMS,
    strategies.FOOTER_FORMS,
)
FORMS = tuple(name for table in TABLES for name, _ in table)
SURVEYED = {name: count for table in TABLES for name, count in table}


def draw(
    count: int, script: str = "simplified", rates: Rates | None = None, draw_seed: int | None = None
) -> list[RenderedPage]:
    """``count`` rendered pages, the same ones on every run.

    ``script``: "simplified", "traditional" or "mixed" (both scripts), as ``tests/script.py`` converts.
    The draw is derandomized, or with ``draw_seed`` the fixed draw of that seed (``strategies.fixed_draw``: the
    same pages in any process). Either may repeat a page.
    """
    return [in_script(render(spec), script) for spec in fixed_draw(pages(rates=rates or Rates()), count, draw_seed)]


@attrs.define
class Tally:
    """Articles (and pages) counted exact, for a table row."""

    pages: int = 0
    exact_pages: int = 0
    articles: int = 0
    right: int = 0
    count: int = 0  # pages with the wrong article count
    clear: int = 0  # articles on pages clear of the open bugs
    clear_right: int = 0

    def plus(self, other: Tally) -> Tally:
        """The counts of both tallies together."""
        return Tally(*(a + b for a, b in zip(attrs.astuple(self), attrs.astuple(other), strict=True)))

    def row(self, name: str) -> str:
        def pct(a: int, b: int) -> str:
            return f"{a}/{b} ({a / b:.1%})" if b else "–"

        return f"| {name} | {self.articles} | {pct(self.right, self.articles)} | {pct(self.clear_right, self.clear)} |"


@attrs.frozen
class Checked:
    """One page parsed and compared."""

    page: RenderedPage
    got: list[object]
    right: list[bool]  # per expected article
    exact: bool
    clear: bool


def check(r: RenderedPage) -> Checked:
    page = qhnews.parse(r.text)
    got = [article_view(a) for a in page.articles]
    same_count = len(got) == len(r.expected)
    right = [same_count and k < len(got) and got[k] == e for k, e in enumerate(r.expected)]
    furniture = tuple((f.kind.value, f.text) for f in page.furniture)
    exact = got == list(r.expected) and furniture == r.furniture and not page.page_headings and not page.leftovers
    return Checked(r, got, right, exact, clear_of(r, ARTICLE_BUGS))


def tally_forms(checked: Iterable[Checked], only: str | None = None) -> dict[str, Tally]:
    """Per form of the press: the articles that show it, exact on all pages and on the pages clear of open bugs."""
    out: dict[str, Tally] = {}
    for c in checked:
        page_level = page_forms(c.page.spec)
        for k, article in enumerate(c.page.spec.articles):
            for form in article_forms(article) | page_level:
                if only is not None and form != only:
                    continue
                t = out.setdefault(form, Tally())
                t.articles += 1
                t.right += c.right[k]
                t.clear += c.clear
                t.clear_right += c.clear and c.right[k]
    return out


def form_table(tallies: dict[str, Tally]) -> list[str]:
    lines = [
        "| form | articles | exact, all pages | exact, pages clear of open bugs |",
        "|---|---:|---:|---:|",
    ]
    lines += [tallies.get(name, Tally()).row(name) for name in FORMS]
    return lines


def stratified(least: int, script: str, batch: int = 100, most: int = 2000) -> dict[str, Tally]:
    """Each form drawn wherever its family is, until ``least`` of its articles stand on pages clear of open bugs.

    The pages come in draws of ``batch`` with seeds 0, 1, 2, …, each page
    counted once however often the draws repeat it, until the form has its
    articles or ``most`` pages were drawn.
    """
    out: dict[str, Tally] = {}
    for form in FORMS:
        rates = attrs.evolve(OPEN_RATES, only=form)
        t, seen, draw_seed = Tally(), set(), 0
        while t.clear < least and len(seen) < most:
            fresh = [r for r in draw(batch, script, rates, draw_seed) if r.text not in seen]
            seen.update(r.text for r in fresh)
            t = t.plus(tally_forms((check(r) for r in fresh), form).get(form, Tally()))
            draw_seed += 1
            if not fresh:
                break
        out[form] = t
        print(f"  {form}: {t.clear} articles on clear pages of {len(seen)} pages", file=sys.stderr)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    ap.add_argument("--pages", type=int, default=1000, help="how many pages to draw (default 1000)")
    ap.add_argument("--show", type=int, default=0, help="print the text and the differences of this many wrong pages")
    ap.add_argument("--per-form", action="store_true", help="also a table per layout structure and per form")
    ap.add_argument("--stratify", action="store_true", help="a table per form of the press, each drawn for itself")
    ap.add_argument("--least", type=int, default=100, help="with --stratify: articles of each form to count")
    ap.add_argument(
        "--script",
        choices=("simplified", "traditional", "mixed"),
        default="simplified",
        help="draw the pages in this script (default simplified; the same pages in each)",
    )
    args = ap.parse_args(argv)

    if args.stratify:
        print(f"qhnews {qhnews.__version__}: each form drawn for itself ({args.script})")
        print("\n".join(form_table(stratified(args.least, args.script))))
        return 0

    checked = [check(r) for r in draw(args.pages, args.script)]
    exact_pages = articles = exact_articles = wrong_count = 0
    fields: Counter[str] = Counter()
    shown = 0
    forms: dict[str, Counter[str]] = {}
    for c in checked:
        r, got = c.page, c.got
        expected = list(r.expected)
        articles += len(expected)
        right = sum(c.right)
        exact_articles += right
        if len(got) != len(expected):
            wrong_count += 1
        else:
            for g, e in zip(got, expected, strict=True):
                fields.update(f for f in FIELDS if getattr(g, f) != getattr(e, f))
        exact_pages += c.exact
        shows = structures(r)
        for form in [*shows, *([] if shows & ISSUE_14 else ["none of issue 14's"])]:
            t = forms.setdefault(form, Counter())
            t.update(pages=1, exact=c.exact, articles=len(expected), right=right, count=len(got) != len(expected))
        if not c.exact and shown < args.show:
            shown += 1
            print(r.text, "\n--- got / expected:")
            for g, e in zip(got, expected, strict=False):
                if g != e:
                    print(" ", {f: getattr(g, f) for f in FIELDS if getattr(g, f) != getattr(e, f)})
                    print(" ", {f: getattr(e, f) for f in FIELDS if getattr(g, f) != getattr(e, f)})
            print(f"  articles {len(got)} / {len(expected)}\n")

    n = len(checked)
    print(f"qhnews {qhnews.__version__}: {n} generated pages ({args.script}), {articles} articles")
    print(f"pages exact     {exact_pages}/{n} ({exact_pages / n:.1%})")
    print(f"articles exact  {exact_articles}/{articles} ({exact_articles / articles:.1%})")
    print(f"pages with the wrong article count: {wrong_count}")
    for f in FIELDS:
        print(f"  articles wrong in {f:<15} {fields[f]}")
    if args.per_form:
        print()
        print("| structure | pages | pages exact | articles exact | wrong article count |")
        print("|---|---:|---:|---:|---:|")
        for form in [*STRUCTURES, "none of issue 14's"]:
            c = forms.get(form, Counter())
            if not c["pages"]:
                print(f"| {form} | 0 | | | |")
                continue
            pages_ = f"{c['exact']} ({c['exact'] / c['pages']:.1%})"
            arts = f"{c['right']}/{c['articles']} ({c['right'] / c['articles']:.1%})"
            print(f"| {form} | {c['pages']} | {pages_} | {arts} | {c['count']} |")
        print()
        clear = [c for c in checked if c.clear]
        print(f"{len(clear)} of the {n} pages are clear of the open bugs ({', '.join(ARTICLE_BUGS)})")
        print("\n".join(form_table(tally_forms(checked))))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
