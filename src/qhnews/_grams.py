"""Pairs of adjacent letters: the measure of what two texts share (headline attachment, boundary passes)."""

from __future__ import annotations

from qhnews import _patterns as pat
from qhnews._charsets import without

__all__ = ["bigrams", "bigrams_among"]

#: The marks Chinese text sets most often, none a letter or a digit (``pat.NOT_ALNUM`` takes them all).
_COMMON_MARKS = ("，", "、", "。", "“", "”")


def _letters(text: str) -> str:
    """The letters and digits of a text, in order: ``without(pat.NOT_ALNUM, text)``.

    The commonest marks go first, each by one ``str.replace`` (a scan in C):
    the pattern then matches only at the few marks left, and a match of it
    costs as much as a replace's scan of a paragraph.

    Examples:
        >>> _letters("青洽会，“7月”开幕。")
        '青洽会7月开幕'
    """
    for mark in _COMMON_MARKS:
        text = text.replace(mark, "")
    return without(pat.NOT_ALNUM, text)


def bigrams(text: str) -> set[int]:
    """The pairs of adjacent letters and digits of a text, punctuation and spaces skipped.

    A pair is the 64-bit integer of its two UTF-32 code units: read straight
    from the encoded text, at even and at odd character offsets, without
    making a string per pair.

    Examples:
        >>> len(bigrams("青洽会，青洽")), bigrams("青洽") == bigrams("，青 洽。")
        (3, True)
    """
    data = _letters(text).encode("utf-32-le")
    view = memoryview(data)
    grams = set(view[: len(data) // 8 * 8].cast("Q"))
    grams.update(view[4 : 4 + max(0, len(data) - 4) // 8 * 8].cast("Q"))
    return grams


def bigrams_among(text: str, wanted: set[int]) -> set[int]:
    """``bigrams(text) & wanted``, without making the set of all the text's bigrams (a body's are many).

    Examples:
        >>> bigrams_among("青洽会，青洽", bigrams("洽会")) == bigrams("洽会")
        True
    """
    data = _letters(text).encode("utf-32-le")
    view = memoryview(data)
    found = wanted.intersection(view[: len(data) // 8 * 8].cast("Q"))
    found.update(wanted.intersection(view[4 : 4 + max(0, len(data) - 4) // 8 * 8].cast("Q")))
    return found
