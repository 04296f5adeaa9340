"""Pages that random property runs (``scripts/deep``, the ``deep`` or ``dev`` profile) found failing.

Each is kept as an explicit example so that CI, whose ``ci`` profile draws the
same pages every run, keeps checking it. A page that shows a bug still open
is an expected failure (strict: it fails the suite once the bug is fixed, so
that the mark comes off).
"""

from __future__ import annotations

import qhnews


def test_two_trailing_bylines_run_into_a_paragraph_line_parse() -> None:
    # found by test_parse_never_raises_on_any_str with random draws: 0(记考⺀)(记考 ⺀)
    page = qhnews.parse("开会。（记者王五）（记者 王五）")
    assert page.articles


def test_two_trailing_bylines_run_into_a_line_each_point_at_their_text() -> None:
    # found by scripts/deep (test_every_span_points_at_what_the_record_was_built_from): 0(记考⺀)(记考⺀)
    page = qhnews.parse("开会。（记者王五）（记者王五）")
    spans = [b.span for a in page.articles for b in a.bylines]
    assert len(spans) == 2
    assert [page.text[s.start : s.end] for s in spans] == ["（记者王五）", "（记者王五）"]
