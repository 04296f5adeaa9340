"""The sample pages in traditional characters parse as well as in simplified ones.

``tests/data/traditional/`` holds the five sample pages and the three gold
pages converted with OpenCC's ``s2t`` by ``scripts/make_traditional.py``.
Each figure of [`evaluate`][qhnews.evaluation.evaluate] on the traditional pages must
come within 0.02 of the same figure on the simplified pages; a figure that
does not yet is a strict expected failure naming what it waits for.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import qhnews
import qhnews.evaluation

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data" / "traditional"
PAGES = sorted(DATA.glob("*.txt"))
GOLD = sorted(DATA.glob("*.json"))
TOLERANCE = 0.02
METRICS = [
    "article_f1",
    "text_accuracy",
    "paragraph_f1",
    "title_accuracy",
    "heading_f1",
    "people_f1",
    "continued_accuracy",
    "page_heading_f1",
]
#: Figures that miss today, and the places in the parser they wait for.
WAITING: dict[str, str] = {}


def _json(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text("utf-8"))
    return data


def test_data_found() -> None:
    assert len(PAGES) == 5, "the traditional sample pages are missing"
    assert len(GOLD) == 3, "the traditional gold pages are missing"
    for gold in GOLD:
        assert (DATA / f"{gold.stem}.txt").exists()
        assert (ROOT / "seeds" / f"{gold.stem}.txt").exists()


def test_the_pages_are_the_sample_pages_converted() -> None:
    """Same lines, same lengths; only characters changed, and many of them."""
    for page in PAGES:
        trad = page.read_text("utf-8")
        simp = (ROOT / "seeds" / page.name).read_text("utf-8")
        assert [len(x) for x in trad.split("\n")] == [len(x) for x in simp.split("\n")]
        changed = sum(a != b for a, b in zip(trad, simp, strict=True))
        assert changed > len(simp) // 20, page.name


@pytest.fixture(scope="module")
def figures() -> tuple[dict[str, float], dict[str, float]]:
    """(simplified, traditional) figures over the gold pages."""
    simp, trad = [], []
    for gold in GOLD:
        simp.append(
            (
                _json(ROOT / "tests" / "data" / "pages" / gold.name),
                qhnews.parse((ROOT / "seeds" / f"{gold.stem}.txt").read_text("utf-8")),
            )
        )
        trad.append((_json(gold), qhnews.parse((DATA / f"{gold.stem}.txt").read_text("utf-8"))))
    return qhnews.evaluation.evaluate(simp).as_dict(), qhnews.evaluation.evaluate(trad).as_dict()


@pytest.mark.parametrize(
    "metric",
    [
        pytest.param(m, marks=[pytest.mark.xfail(strict=True, reason=WAITING[m])] if m in WAITING else [])
        for m in METRICS
    ],
)
def test_traditional_pages_score_as_the_simplified(
    figures: tuple[dict[str, float], dict[str, float]], metric: str
) -> None:
    simp, trad = figures
    assert trad[metric] >= simp[metric] - TOLERANCE, (metric, simp[metric], trad[metric])


def test_the_output_keeps_the_page_script() -> None:
    page = qhnews.parse((DATA / "003_29d6f4c84771eb18.txt").read_text("utf-8"))
    text = "".join(p for a in page.articles for p in a.paragraphs)
    assert "報" in text or "會" in text
    assert not {"报", "会", "说", "这"} & set(text)
    outlets = {b.outlet for a in page.articles for b in a.bylines if b.outlet}
    assert outlets
    assert all("报" not in o for o in outlets)


def test_every_page_parses_as_its_simplified_twin_converted() -> None:
    """All five sample pages: the traditional parse is the simplified parse converted with OpenCC."""
    pytest.importorskip("opencc")
    pairs = []
    for page in PAGES:
        simp = qhnews.parse((ROOT / "seeds" / page.name).read_text("utf-8"))
        want = qhnews.page_to_dict(qhnews.convert_page(simp, "traditional"))
        pairs.append((want, qhnews.parse(page.read_text("utf-8"))))
    figures = qhnews.evaluation.evaluate(pairs).as_dict()
    assert all(v >= 1.0 - TOLERANCE for v in figures.values()), figures
