"""The rules' fixture files: each case's input must give its expected output exactly.

``fixtures/reflow/*.txt``: a page, and what ``qhnews normalize`` prints of it
(one block per line, a blank line between); the printed text must also read
back as the same blocks.

``fixtures/bylines/*.txt``: a byline, and what [`parse_byline`][qhnews.stages.parse_byline]
reads in it, as ``position | credit | outlet | place | date | role name, …``.

``fixtures/captions/*.txt``: a page, and its captions one a line, as ``text | credit | role name, …``.
"""

from __future__ import annotations

import pytest

import qhnews
from fixtures import Case, cases, page_outline
from qhnews._classify import furniture_kind
from qhnews._cues import FURNITURE, analyse
from qhnews._lines import split_lines


def normalized(text: str) -> str:
    return "".join(b.text + "\n\n" for b in qhnews.stages.normalize_page(text)).removesuffix("\n").removesuffix("\n")


@pytest.mark.parametrize("case", cases("reflow"), ids=lambda c: c.id)
def test_reflow_fixture(case: Case) -> None:
    out = normalized(case.input)
    assert out == case.expected, case.title
    assert normalized(out) == out, "what qhnews normalize prints reads back as the same blocks"


def byline_outline(text: str) -> str:
    """A byline as one line: position | credit | outlet | place | date | role name, …  ("-" for none)."""
    b = qhnews.stages.parse_byline(text)
    if b is None:
        return "no byline"
    people = ", ".join(f"{p.role or '-'} {p.name}" for p in b.people) or "-"
    parts = (b.position.value, b.credit, b.outlet, b.place, b.date)
    return " | ".join([*(p or "-" for p in parts), people])


@pytest.mark.parametrize("case", cases("bylines"), ids=lambda c: c.id)
def test_byline_fixture(case: Case) -> None:
    assert byline_outline(case.input) == case.expected, case.title


@pytest.mark.parametrize("case", cases("pages"), ids=lambda c: c.id)
def test_page_fixture(case: Case) -> None:
    assert page_outline(qhnews.parse(case.input)) == case.expected, case.title


@pytest.mark.parametrize("case", cases("furniture"), ids=lambda c: c.id)
def test_furniture_fixture(case: Case) -> None:
    (info,) = analyse(split_lines(case.input))
    got = furniture_kind(case.input).value if info.form == FURNITURE else "text"
    assert got == case.expected, case.title


def caption_outline(page: qhnews.Page) -> str:
    """The captions of a page, one a line: text | credit | role name, … ("-" for none)."""
    out = []
    for a in page.articles:
        for c in a.captions:
            people = ", ".join(f"{p.role or '-'} {p.name}" for p in c.people) or "-"
            out.append(f"{c.text} | {c.credit or '-'} | {people}")
    return "\n".join(out)


@pytest.mark.parametrize("case", cases("captions"), ids=lambda c: c.id)
def test_caption_fixture(case: Case) -> None:
    assert caption_outline(qhnews.parse(case.input)) == case.expected, case.title
