"""The project's own evaluation, and the accuracy gate on the gold pages."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

import qhnews
from qhnews.evaluation import evaluate

ROOT = Path(__file__).resolve().parent.parent
GOLD = [
    p
    for p in sorted((ROOT / "tests" / "data" / "pages").glob("*.json"))
    if "note" not in json.loads(p.read_text("utf-8"))
]


def _load(p: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(p.read_text("utf-8"))
    return data


def test_gold_found() -> None:
    assert len(GOLD) >= 3


def test_identity_scores_one() -> None:
    pages = [_load(p) for p in GOLD]
    e = evaluate((g, g) for g in pages)
    assert all(v == 1.0 for k, v in e.as_dict().items() if k != "pages")
    assert e.pages == len(pages)


def test_nothing_predicted_scores_zero() -> None:
    g = _load(GOLD[0])
    e = evaluate([(g, {"articles": [], "page_headings": []})])
    assert e.article_f1 == 0.0
    assert e.text_accuracy == 0.0
    assert e.paragraph_f1 == 0.0


def test_damage_is_measured() -> None:
    g = _load(GOLD[0])
    bad = copy.deepcopy(g)
    bad["articles"][0]["title"] = "错的标题"
    first = bad["articles"][0]["blocks"][0]
    first["text"] = first["text"][:-5]
    merged = bad["articles"][1]["blocks"]
    merged[0]["text"] += merged.pop(1)["text"]
    e = evaluate([(g, bad)])
    assert e.article_f1 == 1.0
    assert e.title_accuracy < 1.0
    assert 0.99 < e.text_accuracy < 1.0
    assert e.paragraph_f1 < 1.0


@pytest.mark.parametrize(
    ("figure", "floor"),
    [
        ("article_f1", 1.0),
        ("text_accuracy", 0.995),
        ("paragraph_f1", 0.97),
        ("title_accuracy", 0.95),
        ("heading_f1", 0.95),
        ("people_f1", 1.0),
        ("continued_accuracy", 1.0),
        ("page_heading_f1", 1.0),
    ],
)
def test_accuracy_on_gold_pages(figure: str, floor: float) -> None:
    pairs = [(_load(p), qhnews.parse((ROOT / "seeds" / f"{p.stem}.txt").read_text("utf-8"))) for p in GOLD]
    assert evaluate(pairs).as_dict()[figure] >= floor
