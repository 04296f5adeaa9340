"""Classes of characters taken out through the standard ``re`` (``_charsets``).

``without(pattern, text)`` promises ``pattern.sub("", text)`` for any pattern
that is a run of one class of characters, not only the two the parser asks
for: the class of ``re`` is read off the pattern over the whole Basic
Multilingual Plane, up to its last character, and what lies beyond is left to
the pattern.
"""

from __future__ import annotations

import pytest
import regex
from hypothesis import example, given
from hypothesis import strategies as st

from qhnews import _patterns as pat
from qhnews._charsets import narrow, without

#: Classes at the edges of the plane: its first and last characters, a surrogate, and classes
#: that run on past the plane's end (a run of the BMP must stop at U+FFFF).
PATTERNS = [
    regex.compile(r"[\x00-\x1f]+"),
    regex.compile(r"[\uff00-\uffff]+"),
    regex.compile(r"[\uffef-\U00010001]+"),
    regex.compile(r"[\ufffe\uffff\U00010000]+"),
    regex.compile(r"[\ud800-\udfff]+"),
    regex.compile(r"[\p{Han}]+"),
    regex.compile(r"[^\p{L}\p{N}]+"),
]


@pytest.mark.parametrize(
    "text",
    [
        "\x00a\x1fb\ufeff\uffef\ufffe\uffff\U00010000\U00010001\U00010002\ud800中，c",
        "a\uffff\U00010000b",  # the first character beyond the plane, and no other: the pattern reads it
        "\U00010000",
    ],
)
@pytest.mark.parametrize("pattern", PATTERNS, ids=lambda p: p.pattern)
def test_a_class_at_the_edge_of_the_plane_is_taken_out_as_its_pattern_takes_it(
    pattern: regex.Pattern[str], text: str
) -> None:
    assert without(pattern, text) == pattern.sub("", text)


@pytest.mark.parametrize("pattern", PATTERNS, ids=lambda p: p.pattern)
def test_every_character_of_the_plane_is_kept_or_taken_as_its_pattern_says(pattern: regex.Pattern[str]) -> None:
    plane = "".join(map(chr, range(0x10000)))
    assert without(pattern, plane) == pattern.sub("", plane)


@given(st.text(st.characters(codec=None), max_size=30))
@example("\uffff\U00010000")
@example("\uff41\uff10，\uffe0\uffe8")  # fullwidth letters and digits, the last wide and narrow forms of the plane
def test_narrow_keeps_what_is_not_wide(text: str) -> None:
    assert narrow(text) == "".join(c for c in text if pat.WIDE.match(c) is None)
    assert without(PATTERNS[2], text) == PATTERNS[2].sub("", text)
