"""Golden pages: each bundled seed page beside the JSON it must parse to.

``tests/data/pages/STEM.json`` holds the expected page for ``seeds/STEM.txt``
in the page JSON contract. Three are independent gold; the others are
reviewed snapshots (their ``note`` says so).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import qhnews

ROOT = Path(__file__).resolve().parent.parent
CASES = sorted((ROOT / "tests" / "data" / "pages").glob("*.json"))
CONTRACT_ARTICLE_KEYS = ("section", "kicker", "title", "subtitles", "bylines", "speaker", "blocks", "continued_to")
CONTRACT_BYLINE_KEYS = ("text", "credit", "outlet", "place", "people")


def test_cases_found() -> None:
    assert len(CASES) >= 5, "the golden page glob found too few cases"


def _contract(page: dict[str, Any]) -> dict[str, Any]:
    articles = []
    for a in page["articles"]:
        art = {k: a.get(k) for k in CONTRACT_ARTICLE_KEYS}
        art["bylines"] = [{k: b.get(k) for k in CONTRACT_BYLINE_KEYS} for b in a["bylines"]]
        articles.append(art)
    return {"page_headings": page["page_headings"], "articles": articles}


@pytest.mark.parametrize("case", CASES, ids=[c.stem[:3] for c in CASES])
def test_golden_page(case: Path) -> None:
    expected = json.loads(case.read_text("utf-8"))
    text = (ROOT / "seeds" / f"{case.stem}.txt").read_text("utf-8")
    got = qhnews.page_to_dict(qhnews.parse(text, source=f"{case.stem}.txt"))
    want, have = _contract(expected), _contract(got)
    assert have["page_headings"] == want["page_headings"]
    assert len(have["articles"]) == len(want["articles"])
    for i, (h, w) in enumerate(zip(have["articles"], want["articles"], strict=True)):
        for key in CONTRACT_ARTICLE_KEYS:
            assert h[key] == w[key], f"article {i}: {key}"


@pytest.mark.parametrize("case", CASES, ids=[c.stem[:3] for c in CASES])
def test_golden_page_loses_nothing(case: Path) -> None:
    """Every non-blank line of the page is covered by an article, a banner or a leftover."""
    text = (ROOT / "seeds" / f"{case.stem}.txt").read_text("utf-8")
    page = qhnews.parse(text)
    covered: set[int] = set()
    for a in page.articles:
        assert a.span is not None
        spans = [b.span for b in a.blocks] + [b.span for b in a.bylines]
        covered.update(n for s in spans for n in range(s.first_line, s.last_line + 1))
    covered.update(n for x in page.leftovers for n in range(x.span.first_line, x.span.last_line + 1))
    heads = "".join(
        "".join(filter(None, (a.section, a.kicker, a.title, *a.subtitles, a.speaker.text if a.speaker else None)))
        for a in page.articles
    ) + "".join(page.page_headings)
    for line in qhnews.stages.split_lines(page.text):
        if line.text and line.number not in covered:
            assert line.text in heads, f"line {line.number} lost: {line.text!r}"


GOLD = [c for c in CASES if "note" not in json.loads(c.read_text("utf-8"))]


def test_gold_paragraphs_are_blocks_of_the_text_layer() -> None:
    """At least 97% of gold paragraphs come out of the text layer as exactly one block."""
    assert len(GOLD) >= 3
    found = total = 0
    for case in GOLD:
        expected = json.loads(case.read_text("utf-8"))
        text = (ROOT / "seeds" / f"{case.stem}.txt").read_text("utf-8")
        blocks = {b.text for b in qhnews.stages.normalize_page(text)}
        paragraphs = [b["text"] for a in expected["articles"] for b in a["blocks"] if b["kind"] == "paragraph"]
        total += len(paragraphs)
        found += sum(p in blocks for p in paragraphs)
    assert found / total >= 0.97, f"{found}/{total}"
