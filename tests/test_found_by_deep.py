"""Pages that random property runs (``scripts/deep``, the ``deep`` or ``dev`` profile) found failing.

Each is kept as an explicit example so that CI, whose ``ci`` profile draws the
same pages every run, keeps checking it. A page that shows a bug still open
is an expected failure (strict: it fails the suite once the bug is fixed, so
that the mark comes off).
"""

from __future__ import annotations

import pytest

import qhnews


@pytest.mark.xfail(
    raises=ValueError,
    reason=(
        "open: a run-in byline without a space (（记者王五）) followed by a second trailing byline with one "
        "(（记者 王五）) gives a span that ends before it starts; parse raises instead of returning a page"
    ),
)
def test_two_trailing_bylines_run_into_a_paragraph_line_parse() -> None:
    # found by test_parse_never_raises_on_any_str with random draws: 0(记考⺀)(记考 ⺀)
    page = qhnews.parse("开会。（记者王五）（记者 王五）")
    assert page.articles
