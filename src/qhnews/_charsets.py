"""Classes of characters taken out of a text in one pass of the standard ``re``.

The patterns of ``_patterns`` that read Unicode properties (a character's
East Asian width, whether it is a letter or a digit) are ``regex`` patterns:
``re`` has no properties. Over a page of Chinese, though, ``regex`` looks up
the properties of every character, where ``re`` tests a class of the Basic
Multilingual Plane with one table lookup. ``without`` reads the class of such
a pattern off the pattern itself, character by character over the BMP, the
first time it is asked for, so the two never drift apart; what lies beyond
the BMP is left to the pattern.
"""

from __future__ import annotations

import functools
import re

import regex

from qhnews._patterns import WIDE_RUN

__all__ = ["narrow", "without"]


@functools.cache
def _bmp_run(pattern: regex.Pattern[str]) -> re.Pattern[str]:
    """A run of the characters of the BMP that ``pattern`` matches, as a class of ``re``."""
    plane = "".join(map(chr, range(0x10000)))  # lone surrogates too: a str may hold them
    ranges = (f"\\u{m.start():04x}-\\u{m.end() - 1:04x}" for m in pattern.finditer(plane))
    one = f"[{''.join(ranges)}]"
    # One character, then any more: ``re`` reads the class of a pattern's first character off the
    # pattern and skips to where it can start in C, which it does not for a pattern that starts with
    # a repeat (``[...]+``): there it tries a match at every character (five times slower on a page).
    return re.compile(f"{one}{one}*")


def without(pattern: regex.Pattern[str], text: str) -> str:
    """``pattern.sub("", text)`` for a ``pattern`` that is a run of one class of characters.

    The characters of the BMP go in one pass of ``re``; the text left is read
    by ``pattern`` itself only where it holds a character beyond the BMP (the
    CJK extensions from B on, emoji).

    Examples:
        >>> from qhnews._patterns import NOT_ALNUM
        >>> without(WIDE_RUN, "第24届，ok"), without(NOT_ALNUM, "青洽会，7月")
        ('24ok', '青洽会7月')
    """
    rest = _bmp_run(pattern).sub("", text)
    return pattern.sub("", rest) if _beyond_bmp(rest) else rest


def _beyond_bmp(text: str) -> bool:
    r"""Whether ``text`` holds a character beyond the BMP.

    Such a character takes two UTF-16 code units where any other takes one (a
    lone surrogate too, passed as it is): encoding the text costs a fourth of
    a search for the class of astral characters.

    Examples:
        >>> _beyond_bmp("青洽会\ud800"), _beyond_bmp("青洽会\U0001f600")
        (False, True)
    """
    return len(text.encode("utf-16-le", "surrogatepass")) != 2 * len(text)


def narrow(text: str) -> str:
    """``text`` with its wide characters taken out: what ``WIDE_RUN.sub("", text)`` gives."""
    return without(WIDE_RUN, text)
