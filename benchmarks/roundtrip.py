"""Accuracy on generated pages: how many pages and articles the parser gets back exactly.

    python benchmarks/roundtrip.py                 # 1000 pages, about a minute
    python benchmarks/roundtrip.py --pages 200     # fewer
    python benchmarks/roundtrip.py --show 3        # also print the first 3 pages it gets wrong
    python benchmarks/roundtrip.py --per-form      # also a table per layout structure

The pages are drawn by the property tests' own generator
(``tests/strategies.py``: articles of every kind, headlines before, after or
grouped after their bodies, mixed column widths, column breaks, OCR noise)
and laid out by ``tests/render.py``, which also says what the parser must
return. The draw is derandomized, so two runs of one commit see the same
pages and their figures can be compared across commits.

Unlike the property tests, nothing is held back here: pages that set off a
known parser bug (``KNOWN_BUGS`` in ``tests/test_properties.py``) count as
they come out. The figures are

- pages exact: every article equal to the expected one (headline parts,
  bylines, speaker, blocks, continuation) and no banner or leftover;
- articles exact: of the expected articles, how many come out equal, matched
  in page order;
- for each field, how many expected articles differ in it (on pages whose
  article count is right), and how many pages have the wrong article count;
- with ``--per-form``, the same counts for the pages that show each layout
  structure ``render.structures`` names (a page shows several: a row is not
  the effect of its structure alone), and for the pages that show none of the
  structures of issue 14.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from hypothesis import HealthCheck, given, settings  # noqa: E402

import qhnews  # noqa: E402
from render import STRUCTURES, ArticleView, article_view, render, structures  # noqa: E402
from strategies import pages  # noqa: E402

FIELDS = ("title", "kicker", "subtitles", "section", "bylines", "speaker", "blocks", "continued_to")
#: The structures issue 14 added to the generator; "none of issue 14's" counts the pages with none of them.
ISSUE_14 = frozenset(STRUCTURES) - {
    "headline after its body",
    "headlines grouped after a later article",
    "kicker, title and subtitle",
    "unwrapped page",
}


def draw(count: int) -> list[tuple[str, list[ArticleView], frozenset[str]]]:
    """``count`` rendered pages, the same ones on every run, with the structures each shows."""
    out: list[tuple[str, list[ArticleView], frozenset[str]]] = []

    @settings(
        max_examples=count,
        derandomize=True,
        database=None,
        deadline=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(pages())
    def collect(spec: object) -> None:
        r = render(spec)  # type: ignore[arg-type]
        out.append((r.text, list(r.expected), structures(r)))

    collect()
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    ap.add_argument("--pages", type=int, default=1000, help="how many pages to draw (default 1000)")
    ap.add_argument("--show", type=int, default=0, help="print the text and the differences of this many wrong pages")
    ap.add_argument("--per-form", action="store_true", help="also a table per layout structure")
    args = ap.parse_args(argv)

    rendered = draw(args.pages)
    exact_pages = articles = exact_articles = wrong_count = 0
    fields: Counter[str] = Counter()
    shown = 0
    forms: dict[str, Counter[str]] = {}
    for text, expected, shows in rendered:
        page = qhnews.parse(text)
        got = [article_view(a) for a in page.articles]
        articles += len(expected)
        right = sum(g == e for g, e in zip(got, expected, strict=False))
        exact_articles += right
        if len(got) != len(expected):
            wrong_count += 1
        else:
            for g, e in zip(got, expected, strict=True):
                fields.update(f for f in FIELDS if getattr(g, f) != getattr(e, f))
        ok = got == expected and not page.page_headings and not page.leftovers
        exact_pages += ok
        for form in [*shows, *([] if shows & ISSUE_14 else ["none of issue 14's"])]:
            c = forms.setdefault(form, Counter())
            c.update(pages=1, exact=ok, articles=len(expected), right=right, count=len(got) != len(expected))
        if not ok and shown < args.show:
            shown += 1
            print(text, "\n--- got / expected:")
            for g, e in zip(got, expected, strict=False):
                if g != e:
                    print(" ", {f: getattr(g, f) for f in FIELDS if getattr(g, f) != getattr(e, f)})
                    print(" ", {f: getattr(e, f) for f in FIELDS if getattr(g, f) != getattr(e, f)})
            counts = f"articles {len(got)} / {len(expected)}"
            print(f"  {counts}; banners {page.page_headings}; leftovers {len(page.leftovers)}\n")

    n = len(rendered)
    print(f"qhnews {qhnews.__version__}: {n} generated pages, {articles} articles")
    print(f"pages exact     {exact_pages}/{n} ({exact_pages / n:.1%})")
    print(f"articles exact  {exact_articles}/{articles} ({exact_articles / articles:.1%})")
    print(f"pages with the wrong article count: {wrong_count}")
    for f in FIELDS:
        print(f"  articles wrong in {f:<13} {fields[f]}")
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
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
