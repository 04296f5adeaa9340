"""Stage 3, lines: the page split into physical lines that know their place and width."""

from __future__ import annotations

import itertools

from qhnews._charsets import narrow
from qhnews._normalize import NormalizeOptions, normalize
from qhnews._records import Line
from qhnews._records_text import lines_of

__all__ = ["cell_width", "split_lines"]


def cell_width(text: str) -> int:
    """Display width in cells: a Chinese character or full-width mark is two, anything else one.

    Examples:
        >>> cell_width("7月10日，ab")
        11
    """
    return 2 * len(text) - len(narrow(text))


def split_lines(text: str, options: NormalizeOptions | None = None, offset: int = 0) -> tuple[Line, ...]:
    r"""Split page text into ``Line`` records.

    Args:
        text: Decoded page text with LF line ends.
        options: Normalization options for each line's ``text``.
        offset: Added to every character offset (for text cut from a larger page).

    Examples:
        >>> [(l.number, l.text, l.width) for l in split_lines("第24 届\n\n好")]
        [(1, '第24届', 6), (2, '', 0), (3, '好', 2)]
    """
    opts = options or NormalizeOptions()
    parts = text.split("\n") if text else []
    if text.endswith("\n"):
        parts.pop()
    # No rule reaches across a line break, so the page is normalized in one
    # call, and measured in one: a line is as wide as its characters and its
    # wide characters together (cell_width, line by line).
    page = normalize(text, opts)
    norms = page.split("\n")
    rests = narrow(page).split("\n")
    # norms and rests hold one more, empty, item when the text ends with a line break
    n = min(len(parts), len(norms), len(rests))
    del parts[n:], norms[n:], rests[n:]
    lengths = list(map(len, parts))
    # a line starts one past the end of the line before (its line break)
    starts = list(itertools.accumulate((length + 1 for length in lengths[:-1]), initial=offset))[:n]
    ends = [start + length for start, length in zip(starts, lengths, strict=True)]
    widths = [2 * len(norm) - len(rest) for norm, rest in zip(norms, rests, strict=True)]
    return tuple(lines_of(range(1, n + 1), starts, ends, parts, norms, widths))
