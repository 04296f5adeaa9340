"""The rules' fixture files: each case's input must give its expected output exactly.

``fixtures/reflow/*.txt``: a page, and what ``qhnews normalize`` prints of it
(one block per line, a blank line between); the printed text must also read
back as the same blocks.
"""

from __future__ import annotations

import pytest

import qhnews
from fixtures import Case, cases


def normalized(text: str) -> str:
    return "".join(b.text + "\n\n" for b in qhnews.stages.normalize_page(text)).removesuffix("\n").removesuffix("\n")


@pytest.mark.parametrize("case", cases("reflow"), ids=lambda c: c.id)
def test_reflow_fixture(case: Case) -> None:
    out = normalized(case.input)
    assert out == case.expected, case.title
    assert normalized(out) == out, "what qhnews normalize prints reads back as the same blocks"
