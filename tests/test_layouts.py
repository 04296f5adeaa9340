"""Issue 14: article boundaries and headline roles on any layout.

Two kinds of check for each layout structure the generator draws (see
``render.structures`` and ``strategies.Rates``):

* a minimal page in ``tests/fixtures/layouts/``: ``NAME.txt`` beside the
  ``NAME.json`` it must parse to (the page JSON contract's keys), invented
  text laid out by ``tests/render.py``;
* a property: pages drawn with the structure at a high rate parse back to the
  articles they were rendered from (same count, bodies, headline parts,
  bylines and people).

Where today's parser fails a structure, its bug is registered in
``test_properties.KNOWN_BUGS`` (P to U) and both checks are strict xfails:
they fail the run the moment the parser gets them right, so that the entry
is deleted and the round-trip properties draw the structure again.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import Phase, assume, given, settings

import qhnews
from render import RenderedPage, render, structures
from strategies import pages
from test_properties import ARTICLE_BUGS, KNOWN_BUGS, OPEN_RATES, clear_of, views

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = sorted((ROOT / "tests" / "fixtures" / "layouts").glob("*.txt"))
ARTICLE_KEYS = ("section", "kicker", "title", "subtitles", "bylines", "speaker", "blocks", "continued_to")
BYLINE_KEYS = ("text", "credit", "outlet", "place", "people")
SPEAKER_KEYS = ("text", "titles", "name")


def open_bug(stem: str) -> str | None:
    """The open bug whose minimal page ``stem`` is, if any."""
    return next((key for key, bug in KNOWN_BUGS.items() if stem in bug.fixtures), None)


def contract(page: dict[str, Any]) -> dict[str, Any]:
    """The page's contract keys, without spans, confidences and positions."""
    articles = []
    for a in page["articles"]:
        art = {k: a.get(k) for k in ARTICLE_KEYS}
        art["bylines"] = [{k: b.get(k) for k in BYLINE_KEYS} for b in a["bylines"]]
        if art["speaker"] is not None:
            art["speaker"] = {k: art["speaker"].get(k) for k in SPEAKER_KEYS}
        art["blocks"] = [{"kind": b["kind"], "text": b["text"]} for b in a["blocks"]]
        articles.append(art)
    return {"page_headings": page["page_headings"], "articles": articles}


def test_fixtures_found() -> None:
    assert len(FIXTURES) >= 10, "the layout fixture glob found too few pages"
    for path in FIXTURES:
        assert path.with_suffix(".json").is_file(), f"{path.name} has no expected .json beside it"


def test_every_registered_minimal_page_is_a_fixture() -> None:
    stems = {p.stem for p in FIXTURES}
    for key, bug in KNOWN_BUGS.items():
        assert set(bug.fixtures) <= stems, f"bug {key} names a minimal page that is not in tests/fixtures/layouts"


def _fixture_params() -> list[Any]:
    out = []
    for path in FIXTURES:
        key = open_bug(path.stem)
        marks = [pytest.mark.xfail(strict=True, reason=f"bug {key}: {KNOWN_BUGS[key].summary}")] if key else []
        out.append(pytest.param(path, id=path.stem, marks=marks))
    return out


@pytest.mark.parametrize("path", _fixture_params())
def test_minimal_page(path: Path) -> None:
    expected = json.loads(path.with_suffix(".json").read_text("utf-8"))
    got = contract(qhnews.page_to_dict(qhnews.parse(path.read_text("utf-8"))))
    assert got == contract(expected)


# --------------------------------------------------------------------------- properties per structure


@attrs.frozen
class Draw:
    """How to draw pages that show one structure, and the bug that breaks it while open."""

    shows: tuple[str, ...]  # names of render.structures, any of which will do
    rates: dict[str, Any]  # chances of strategies.Rates
    kinds: tuple[str, ...] = ("news", "news", "feature", "interview", "plain")
    bug: str | None = None


DRAWS: dict[str, Draw] = {
    "heading-byline group after its body or a later article": Draw(
        ("heading-byline group after its body",), {"byline_group_after": 1.0}, ("news", "feature"), "P"
    ),
    "no byline after another's headline, unwrapped": Draw(
        ("no byline after another's headline",), {"interview_page": 1.0, "bare": 1.0, "unwrapped": 1.0}
    ),
    "title over two lines": Draw(("title over two lines",), {"title_break": 1.0}, bug="R"),
    "title and plain subtitle": Draw(("plain subtitle",), {"undashed": 1.0}, bug="S"),
    "no blank line between articles or under the top headline": Draw(
        ("no blank line between articles", "no blank line under the top headline"), {"tight": 1.0}, bug="T"
    ),
    "kicker, title and subtitle": Draw(("kicker, title and subtitle",), {}),
    "subtitle ——记…, ——访…, ——…综述": Draw(("dash subtitle",), {"undashed": 0.0}),
}


def _draw_params() -> list[Any]:
    out = []
    for name, d in DRAWS.items():
        key = d.bug if d.bug in KNOWN_BUGS else None
        # A bug whose minimal pages pass (no fixtures left) is partly fixed: the drawn pages
        # may all pass or not, so the mark is not strict until the entry is deleted.
        strict = key is not None and bool(KNOWN_BUGS[key].fixtures)
        marks = [pytest.mark.xfail(strict=strict, reason=f"bug {key}: {KNOWN_BUGS[key].summary}")] if key else []
        out.append(pytest.param(name, id=name, marks=marks))
    return out


def _pages(name: str) -> Any:
    d = DRAWS[name]
    return pages(kinds=d.kinds, rates=attrs.evolve(OPEN_RATES, **d.rates)).map(render)


@pytest.mark.parametrize("name", _draw_params())
def test_structure_round_trip(name: str) -> None:
    """parse(render(page)) gives back the articles of a page that shows the structure."""
    d = DRAWS[name]
    others = [b for b in ARTICLE_BUGS if b != d.bug]

    # No shrinking: a failing page is reported as drawn (the minimal pages are the fixtures), and a
    # property expected to fail while its bug is open stops at the first page that shows it.
    # A quarter of the profile's examples: the round-trip property in test_properties.py draws these too.
    @settings(phases=(Phase.explicit, Phase.generate), max_examples=max(10, settings().max_examples // 4))
    @given(_pages(name))
    def check(r: RenderedPage) -> None:
        assume(set(d.shows) & structures(r))
        assume(clear_of(r, others))
        page = qhnews.parse(r.text)
        assert views(page) == list(r.expected)
        assert page.page_headings == ()
        assert [left.text for left in page.leftovers] == []

    check()
