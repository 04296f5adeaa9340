"""The gold pages re-laid as other newspapers print them: the articles must come back.

Each article's body lines and headline lines (line ranges of the real page, in
``tests/data/relayout.json``) are put back together in another layout: the
headline before its body, after it, every headline grouped at the page end,
the articles in reverse order, no blank lines inside bodies. The parser has
never seen these pages; every figure of [`qhnews.evaluation.evaluate`] must stay 1.0.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

import qhnews
import qhnews.evaluation

ROOT = Path(__file__).resolve().parent.parent
SPEC = json.loads((ROOT / "tests" / "data" / "relayout.json").read_text("utf-8"))

Range = list[int]
Article = tuple[list[str], list[str]]  # body lines, headline lines


def _pieces(stem: str) -> tuple[list[str], list[Article]]:
    lines = (ROOT / "seeds" / f"{stem}.txt").read_text("utf-8").split("\n")

    def take(r: Range) -> list[str]:
        return lines[r[0] - 1 : r[1]] if r else []

    spec = SPEC[stem]
    return take(spec["banner"]), [(take(b), take(h)) for b, h in spec["articles"]]


def _first(arts: list[Article]) -> list[str]:
    return [x for body, head in arts for x in [*head, "", *body, ""]]


def _after(arts: list[Article]) -> list[str]:
    return [x for body, head in arts for x in [*body, "", *head, ""]]


def _grouped_at_end(arts: list[Article]) -> list[str]:
    return [x for body, _ in arts for x in [*body, ""]] + [x for _, head in arts for x in [*head, ""]]


def _reversed(arts: list[Article]) -> list[str]:
    return _after(arts[::-1])


def _no_blank_in_bodies(arts: list[Article]) -> list[str]:
    return _after([([x for x in body if x.strip()], head) for body, head in arts])


LAYOUTS: dict[str, Callable[[list[Article]], list[str]]] = {
    "headline-first": _first,
    "headline-after": _after,
    "grouped-at-end": _grouped_at_end,
    "reversed": _reversed,
    "no-blank-lines": _no_blank_in_bodies,
}


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
@pytest.mark.parametrize("stem", sorted(SPEC))
def test_relaid_page_parses_back(stem: str, layout: str) -> None:
    banner, arts = _pieces(stem)
    page = "\n".join(banner + LAYOUTS[layout](arts))
    gold = json.loads((ROOT / "tests" / "data" / "pages" / f"{stem}.json").read_text("utf-8"))
    if layout == "reversed":
        gold = {**gold, "articles": gold["articles"][::-1]}
    figures = qhnews.evaluation.evaluate([(gold, qhnews.parse(page))]).as_dict()
    assert {k: v for k, v in figures.items() if k != "pages" and v < 1.0} == {}
