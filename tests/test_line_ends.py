"""The end tests of ``_patterns`` that read a line's last letters instead of searching it.

Each promises what its pattern's search says, on any text.
"""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st

from qhnews import _patterns as pat

#: The letters the end tests read, and a few others.
_ENDS = st.text(st.sampled_from("。！？!?…”’」』）》】〕\"')：；:;，、—-\n\r\u2028 a青"), max_size=8)


@given(_ENDS)
@example("会议召开。”\n")
@example("。\n\n")
def test_sentence_end_says_what_the_pattern_finds(text: str) -> None:
    assert pat.sentence_end(text) == (pat.SENTENCE_END.search(text) is not None)
