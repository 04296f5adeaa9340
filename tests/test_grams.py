"""The pairs of adjacent letters the attachment and the boundary passes compare (``qhnews._grams``).

``bigrams`` reads the pairs straight from the text's UTF-32 bytes, at even and odd offsets; these
tests hold it to the plain reading: every two adjacent letters or digits once punctuation and spaces
are dropped, at every length (a text of one letter has none, the last pair of an odd length is read
at the odd offsets).
"""

from __future__ import annotations

import sys
from itertools import pairwise

import pytest

from qhnews import _patterns as pat
from qhnews._grams import bigrams, bigrams_among

#: Texts of every length from none to nine letters and digits, with marks and spaces between (invented).
TEXTS = [
    "",
    "，",
    "青",
    "青洽",
    "青，洽会",
    "东城 读书节",
    "东城区读书节开幕。",
    "N月N日，东城区",
    "2024年读书节开幕",
    "“东城区第十届”读书节",
]


def plain(text: str) -> set[int]:
    """The pairs of a text's adjacent letters and digits, each as the machine's integer of its eight UTF-32 bytes."""
    s = pat.NOT_ALNUM.sub("", text)
    return {int.from_bytes((a + b).encode("utf-32-le"), sys.byteorder) for a, b in pairwise(s)}


@pytest.mark.parametrize("text", TEXTS, ids=[f"length-{len(t)}" for t in TEXTS])
def test_bigrams_are_the_pairs_of_adjacent_letters(text: str) -> None:
    letters = len(pat.NOT_ALNUM.sub("", text))
    assert bigrams(text) == plain(text)
    assert len(bigrams(text)) <= max(0, letters - 1)


@pytest.mark.parametrize("text", TEXTS, ids=[f"length-{len(t)}" for t in TEXTS])
@pytest.mark.parametrize("other", ["读书节开幕", "东城区第十届", "青洽会"], ids=["a", "b", "c"])
def test_bigrams_among_are_the_wanted_pairs_of_a_text(text: str, other: str) -> None:
    wanted = plain(other)
    assert bigrams_among(text, wanted) == plain(text) & wanted
    assert bigrams_among(text, plain(text)) == plain(text)
