"""Stage 3, lines: the page split into physical lines that know their place and width."""

from __future__ import annotations

from qhnews._charsets import narrow
from qhnews._normalize import NormalizeOptions, normalize
from qhnews._records import Line
from qhnews._records_text import line_of

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
    lines: list[Line] = []
    pos = offset
    # No rule reaches across a line break, so the page is normalized in one
    # call, and measured in one: a line is as wide as its characters and its
    # wide characters together (cell_width, line by line).
    page = normalize(text, opts)
    norms = page.split("\n")
    rests = narrow(page).split("\n")
    append = lines.append
    # norms and rests hold one more, empty, item when the text ends with a line break
    for number, (raw, norm, rest) in enumerate(zip(parts, norms, rests, strict=False), start=1):
        end = pos + len(raw)
        append(line_of(number, pos, end, raw, norm, 2 * len(norm) - len(rest)))
        pos = end + 1
    return tuple(lines)
