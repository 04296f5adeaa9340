"""The rules' fixture files: each case's input must give its expected output exactly.

``fixtures/reflow/*.txt``: a page, and what ``qhnews normalize`` prints of it
(one block per line, a blank line between); the printed text must also read
back as the same blocks.

``fixtures/bylines/*.txt``: a byline, and what [`parse_byline`][qhnews.stages.parse_byline]
reads in it, as ``position | credit | outlet | place | date | role name, …``.

``fixtures/captions/*.txt``: a page, and its captions one a line, as ``text | credit | role name, …``.

``fixtures/pages/*.txt``: a page, and its outline (``fixtures.page_outline``).
``fixtures/articles/*.txt``: the pages the properties found, cut down by hand
to what still shows the failure, one file per rule, and their outline in
detail (each byline's text and the lines its span covers, a profile line's
titles and name).

A case whose title ends in ``[bug X]`` is a strict xfail while bug X is open
(``test_properties.KNOWN_BUGS``, or ``OTHER_BUGS`` here for a bug the
properties do not draw): when the parser gets it right, the run fails until
the marker is deleted.
"""

from __future__ import annotations

from typing import Any

import pytest

import qhnews
from fixtures import Case, cases, page_outline
from qhnews._classify import furniture_kind
from qhnews._cues import FURNITURE, analyse
from qhnews._lines import split_lines
from test_properties import KNOWN_BUGS

#: Parser bugs a fixture case names that no property draws, so that they are not in KNOWN_BUGS.
OTHER_BUGS: dict[str, str] = {}
KINDS = ("reflow", "bylines", "pages", "furniture", "captions", "articles")


def _bug_summary(key: str) -> str | None:
    return KNOWN_BUGS[key].summary if key in KNOWN_BUGS else OTHER_BUGS.get(key)


def params(kind: str) -> list[Any]:
    """The cases of a kind, each a strict xfail while the bug its title names is open."""
    out = []
    for case in cases(kind):
        summary = _bug_summary(case.bug) if case.bug else None
        marks = [pytest.mark.xfail(strict=True, reason=f"bug {case.bug}: {summary}")] if summary else []
        out.append(pytest.param(case, id=case.id, marks=marks))
    return out


def test_every_bug_a_case_names_is_open() -> None:
    """A bug that is fixed and gone from the registries leaves no marker behind."""
    for kind in KINDS:
        for case in cases(kind):
            assert case.bug is None or _bug_summary(case.bug), f"{case.id}: bug {case.bug} is closed: drop [bug …]"


def normalized(text: str) -> str:
    return "".join(b.text + "\n\n" for b in qhnews.stages.normalize_page(text)).removesuffix("\n").removesuffix("\n")


@pytest.mark.parametrize("case", params("reflow"))
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


@pytest.mark.parametrize("case", params("bylines"))
def test_byline_fixture(case: Case) -> None:
    assert byline_outline(case.input) == case.expected, case.title


@pytest.mark.parametrize("case", params("pages"))
def test_page_fixture(case: Case) -> None:
    assert page_outline(qhnews.parse(case.input)) == case.expected, case.title


@pytest.mark.parametrize("case", params("furniture"))
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


@pytest.mark.parametrize("case", params("captions"))
def test_caption_fixture(case: Case) -> None:
    assert caption_outline(qhnews.parse(case.input)) == case.expected, case.title


@pytest.mark.parametrize("case", params("articles"))
def test_article_fixture(case: Case) -> None:
    assert page_outline(qhnews.parse(case.input), detail=True) == case.expected, case.title
