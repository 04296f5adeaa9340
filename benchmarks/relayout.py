"""The gold articles of the sample pages laid out again as other papers print them, and scored.

    python benchmarks/relayout.py                 # 3 gold pages x 7 layouts, widths from seed 0
    python benchmarks/relayout.py --seeds 3       # three draws of the column widths per layout
    python benchmarks/relayout.py --show 004:grouped   # also print one re-laid page and what came back

The gold pages (``tests/data/pages/*.json`` without a ``note``: the three
independent gold annotations of sample pages 000, 003 and 004) hold every
article's headline parts, bylines, profile line, paragraphs and subheadings.
Each page's articles are laid out again by the property tests' renderer
(``tests/render.py``) in the layouts of ``LAYOUTS``: other column widths,
headlines before, after or grouped after a later body, titles wrapped over
two lines, headline groups that carry their heading byline printed after the
body, no blank line between articles, the articles in reverse order, and an
unwrapped page. The parsed page is scored against the gold page with
``qhnews.evaluation.evaluate``: a table of every figure, overall and per layout.

The article texts are the gold's and are read at run time; nothing of them is
printed but with ``--show``.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

import attrs  # noqa: E402

import qhnews  # noqa: E402
import qhnews.evaluation  # noqa: E402
from render import (  # noqa: E402
    ArticleLayout,
    ArticleSpec,
    BlockSpec,
    BylineSpec,
    PageSpec,
    PersonSpec,
    SpeakerSpec,
    render,
)

GOLD = [
    p
    for p in sorted((ROOT / "tests" / "data" / "pages").glob("*.json"))
    if "note" not in json.loads(p.read_text("utf-8"))
]
WIDTHS = range(26, 47, 2)
FIGURES = (
    "article_f1",
    "text_accuracy",
    "paragraph_f1",
    "title_accuracy",
    "heading_f1",
    "people_f1",
    "continued_accuracy",
    "page_heading_f1",
)


def _position(text: str) -> str:
    """lead (本报讯（记者 X）, 青海日报讯…), trailing (（记者 X）) or heading (文/图 本报记者 X)."""
    if text.startswith(("（", "(")):
        return "trailing"
    if "（" in text and "讯" in text.split("（", 1)[0]:
        return "lead"
    return "heading"


def spec(article: dict[str, Any]) -> ArticleSpec:
    """A gold article as the renderer's spec (its texts as the gold gives them)."""
    bylines = []
    for b in article["bylines"]:
        people = tuple(PersonSpec(p.get("role"), p["name"]) for p in b["people"])
        position = _position(b["text"])
        bylines.append(BylineSpec(b["text"], position, b.get("credit"), b.get("outlet"), b.get("place"), people))
    speaker = article.get("speaker")
    cont = article.get("continued_to")
    return ArticleSpec(
        title=article.get("title"),
        kicker=article.get("kicker"),
        subtitles=tuple(article.get("subtitles") or ()),
        section=article.get("section"),
        bylines=tuple(bylines),
        speaker=SpeakerSpec(speaker["titles"], speaker["name"]) if speaker else None,
        blocks=tuple(BlockSpec(b["kind"], b["text"]) for b in article["blocks"]),
        jump=f"（下转{cont}）" if cont else None,
        continued_to=cont,
    )


Layout = Callable[[int, random.Random], tuple[list[ArticleLayout], bool, bool]]  # layouts, unwrapped, reversed


def _widths(n: int, rng: random.Random, **kw: Any) -> list[ArticleLayout]:
    base = rng.choice(WIDTHS)
    return [ArticleLayout(width=min(46, max(26, base + rng.choice((0, 0, 2, -2)))), **kw) for _ in range(n)]


LAYOUTS: dict[str, tuple[str, Layout]] = {
    "first": ("every headline over its body, other column widths", lambda n, rng: (_widths(n, rng), False, False)),
    "after": (
        "every headline group after its body, heading bylines too",
        lambda n, rng: (_widths(n, rng, head_after=1, byline_group_after=True), False, False),
    ),
    "grouped": (
        "headline groups gathered after a later body (two at a time)",
        lambda n, rng: (
            [
                attrs.evolve(lay, head_after=1 + (k % 2 == 0))
                for k, lay in enumerate(_widths(n, rng, byline_group_after=True))
            ],
            False,
            False,
        ),
    ),
    "two-line": (
        "titles wrapped over two lines at a headline measure of 22-30 cells",
        lambda n, rng: (_widths(n, rng, title_break=True, title_width=rng.choice(range(22, 31, 2))), False, False),
    ),
    "tight": ("no blank line between articles", lambda n, rng: (_widths(n, rng, tight=True), False, False)),
    "reversed": (
        "the articles in reverse order, headlines after",
        lambda n, rng: (_widths(n, rng, head_after=1), False, True),
    ),
    "unwrapped": (
        "one paragraph a line, headline groups after their bodies",
        lambda n, rng: (_widths(n, rng, head_after=1, byline_group_after=True), True, False),
    ),
}


def relaid(gold: dict[str, Any], name: str, seed: int) -> tuple[str, dict[str, Any]]:
    """The page text of ``gold`` in layout ``name``, and the gold page in the order it prints the articles."""
    arts = [spec(a) for a in gold["articles"]]
    gold_arts = list(gold["articles"])
    rng = random.Random(f"{name}:{seed}")
    layouts, unwrapped, rev = LAYOUTS[name][1](len(arts), rng)
    if rev:
        arts, gold_arts = arts[::-1], gold_arts[::-1]
    r = render(PageSpec(tuple(arts), tuple(layouts), unwrapped=unwrapped))
    banners = "".join(f"{h}\n\n" for h in gold["page_headings"])
    return banners + r.text, {**gold, "articles": gold_arts}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    ap.add_argument("--seeds", type=int, default=1, help="draws of the column widths per layout (default 1)")
    ap.add_argument("--show", default="", help="PAGE:LAYOUT, e.g. 004:grouped: print that page and its articles")
    args = ap.parse_args(argv)
    golds = {p.stem: json.loads(p.read_text("utf-8")) for p in GOLD}
    assert golds, "no gold pages found"
    rows: dict[str, list[tuple[dict[str, Any], qhnews.Page]]] = {name: [] for name in LAYOUTS}
    for name in LAYOUTS:
        for stem, gold in golds.items():
            for seed in range(args.seeds):
                text, want = relaid(gold, name, seed)
                page = qhnews.parse(text)
                rows[name].append((want, page))
                if (
                    args.show
                    and stem.startswith(args.show.split(":")[0])
                    and args.show.endswith(":" + name)
                    and seed == 0
                ):
                    print(text, "\n---")
                    for a in page.articles:
                        print(
                            " ",
                            a.kicker,
                            "|",
                            a.title,
                            "|",
                            a.subtitles,
                            "|",
                            [b.text for b in a.bylines],
                            len(a.blocks),
                        )
    n = sum(len(v) for v in rows.values())
    print(f"qhnews {qhnews.__version__}: {len(golds)} gold pages x {len(LAYOUTS)} layouts x {args.seeds} = {n} pages")
    head = f"| {'layout':<10} | pages | " + " | ".join(f.replace("_accuracy", "_acc") for f in FIGURES) + " |"
    print(head)
    print("|" + "|".join("---" for _ in range(len(FIGURES) + 2)) + "|")
    every = [pair for v in rows.values() for pair in v]
    for name, pairs in [*rows.items(), ("all", every)]:
        figures = qhnews.evaluation.evaluate(pairs).as_dict()
        print(f"| {name:<10} | {len(pairs):>5} | " + " | ".join(f"{figures[f]:.3f}" for f in FIGURES) + " |")
    print()
    for name, (what, _) in LAYOUTS.items():
        print(f"  {name:<10} {what}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
