"""Stage 6's rules: fixture files, one per decision, and the bookkeeping of codes and options.

``fixtures/boundary/*.txt``: a page, and what stage 6 made of it (each
article with the rule that opened it, its headline parts
and the terms that read them, its body blocks with the rule that decided
their kind).
``fixtures/headline/*.txt``: a headline group (a line ``@ titles name``
is a profile line), and its reading. ``fixtures/body/*.txt``: running
text, and its kind with the rule that decided it.
"""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest
import regex

import qhnews
from fixtures import Case, cases
from qhnews import _assemble, _boundary, _headline
from qhnews._lineshape import RoleWeights
from qhnews._records import Span, Speaker
from qhnews._rules import REASONS, first_verdict
from qhnews._segment import HeadlineLine

ROOT = Path(__file__).resolve().parent.parent
STAGE_6 = ("boundary.", "body.", "headline.")


def rendered_page(page: qhnews.Page) -> str:
    out = []
    for a in page.articles:
        out.append(f"article {a.opened_by}")  # its confidence is the model's (test_confidence.py), not a rule's
        for part, value in (("section", a.section), ("kicker", a.kicker), ("title", a.title)):
            if value:
                out.append(f"  {part}: {value}")
        out.extend(f"  subtitle: {s}" for s in a.subtitles)
        if a.speaker:
            out.append(f"  speaker: {a.speaker.text}")
        if a.headline_reasons:
            out.append("  headline: " + " ".join(a.headline_reasons))
        out.extend(f"  {b.kind} {b.reason}: {b.text}" for b in a.blocks)
    out.extend(f"banner: {h}" for h in page.page_headings)
    out.extend(f"leftover: {x.text}" for x in page.leftovers)
    return "\n".join(out)


def rendered_kind(text: str) -> str:
    opts = _assemble.AssembleOptions()
    kind, code = first_verdict(_boundary.BODY_KIND, _boundary.Text(text, opts), ("paragraph", _boundary.PARAGRAPH))
    return f"{kind} {code}"


def headline_group(text: str) -> list[HeadlineLine]:
    """A group's lines: ``@ titles name`` is a profile line, ``= …`` a heading byline that closes the group.

    A blank line is no line of the group: it only stands between two of them.
    """
    out = []
    for i, line in enumerate(text.split("\n")):
        span = Span(0, 0, i + 1, i + 1)
        if not line.strip():
            continue
        if line.startswith("@ "):
            titles, name = line[2:].rsplit(" ", 1)
            out.append(HeadlineLine(line[2:], span, Speaker(line[2:], titles, name, span)))
        elif line.startswith("= "):
            byline = qhnews.stages.parse_byline(line[2:], span)
            assert byline is not None, line
            out.append(HeadlineLine(line[2:], span, byline=byline))
        else:
            out.append(HeadlineLine(line, span))
    return out


def rendered_reading(r: _headline.HeadlineReading) -> str:
    out = []
    parts = (("speaker", r.speaker.text if r.speaker else None), ("section", r.section), ("kicker", r.kicker))
    for part, value in (*parts, ("title", r.title)):
        if value:
            out.append(f"{part}: {value}")
    out.extend(f"subtitle: {s}" for s in r.subtitles)
    out.extend(f"byline: {b.text}" for b in r.bylines)
    out.append(f"shape: {r.shape:+.2f}")
    if r.alternative:
        out.append(f"or: {r.alternative}")
    out.extend(r.reasons)
    return "\n".join(out)


@pytest.mark.parametrize("case", cases("boundary"), ids=lambda c: c.id)
def test_boundary_fixture(case: Case) -> None:
    assert rendered_page(qhnews.parse(case.input)) == case.expected, case.title


@pytest.mark.parametrize("case", cases("headline"), ids=lambda c: c.id)
def test_headline_fixture(case: Case) -> None:
    reading = _headline.read_headline(headline_group(case.input), RoleWeights())
    assert rendered_reading(reading) == case.expected, case.title


@pytest.mark.parametrize("case", cases("body"), ids=lambda c: c.id)
def test_body_kind_fixture(case: Case) -> None:
    assert rendered_kind(case.input) == case.expected, case.title


def test_every_stage_6_code_has_a_fixture() -> None:
    seen = "\n".join(c.expected for kind in ("boundary", "headline", "body") for c in cases(kind))
    codes = [code for code in REASONS if code.startswith(STAGE_6)]
    assert codes, "no stage-6 reason codes registered"
    missing = [code for code in codes if not regex.search(rf"(?<![\w.-]){regex.escape(code)}(?![\w-])", seen)]
    assert not missing, f"reason codes no fixture shows: {missing}"


def test_reason_codes_are_kebab_case_with_their_decision() -> None:
    for code in REASONS:
        assert regex.fullmatch(r"[a-z]+\.[a-z0-9]+(?:-[a-z0-9]+)*", code), code


def test_every_reason_code_is_listed_in_the_docs() -> None:
    listing = (ROOT / "docs" / "guide" / "rules.md").read_text("utf-8")
    missing = [code for code in REASONS if f"`{code}`" not in listing]
    assert not missing, f"docs/guide/rules.md does not list {missing}"


OPTION_RECORDS = (_assemble.AssembleOptions, RoleWeights)


@pytest.mark.parametrize("record", OPTION_RECORDS, ids=lambda r: r.__name__)
def test_every_numeric_option_has_a_step_and_a_line_of_docs(record: type) -> None:
    doc = record.__doc__ or ""
    numeric = [f for f in attrs.fields(record) if f.type in ("int", "float", int, float)]
    assert numeric, f"{record.__name__} has no numeric field"
    for f in numeric:
        step = f.metadata.get("step")
        assert isinstance(step, (int, float)), f"{record.__name__}.{f.name} has no step"
        assert step > 0, f"{record.__name__}.{f.name} has a step of {step}"
        assert f.type in ("float", float) or isinstance(step, int), (
            f"{record.__name__}.{f.name}: a count moves by whole steps"
        )
        assert f"        {f.name}: " in doc, f"{record.__name__}.{f.name} is not described in the docstring"


def test_every_page_record_carries_its_reasons() -> None:
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        page = qhnews.parse(path.read_text("utf-8"))
        for a in page.articles:
            assert a.opened_by in REASONS, (path.name, a.title, a.opened_by)
            assert all(code in REASONS for code in a.headline_reasons), (path.name, a.title)
            assert (a.headline_span is None) == (not a.headline_reasons), (path.name, a.title)
            for b in a.blocks:
                assert b.reason in REASONS, (path.name, b.text[:10], b.reason)


def test_a_weight_is_read_from_the_options() -> None:
    group = headline_group("全民阅读·书香东城\n东城举办读书节")
    weights = RoleWeights()
    heavier = attrs.evolve(weights, section_label=weights.section_label + 0.2)
    assert _headline.read_headline(group, weights).shape == weights.section_label
    assert _headline.read_headline(group, heavier).shape == heavier.section_label
    shorter = _assemble.AssembleOptions(subheading_max_chars=3)
    assert (
        first_verdict(_boundary.BODY_KIND, _boundary.Text("读书节的主要活动", shorter), ("paragraph", "-"))[0]
        == "paragraph"
    )
