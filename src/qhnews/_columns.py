"""The column measure: how wide the column around each line is.

Column width is measured in display cells (a Chinese character is two, a
digit one), per line, as the upper quartile of the widths of its neighbours,
so articles of different widths on one page each get their own.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Iterator, Sequence

__all__ = ["edge_columns", "quartile", "set_width"]

#: Closing marks a compositor hangs past the column edge rather than open a line with (禁则, 行尾悬挂).
_HANGING = frozenset("，。、；：？！”’）》」』")


def set_width(text: str, width: int) -> int:
    """The cells of a line's text that the measure holds: its width less the closing marks at its end.

    A typesetter never opens a line with a closing mark: on a full line it
    hangs past the edge (two at most, as 。”), so a line can stand two or four
    cells wider than its column, and in a short run of lines (the upper
    quartile of four lines is their widest) it sets the column measured.

    Examples:
        >>> set_width("平台。”", 8), set_width("平台", 4), set_width("。", 2)
        (4, 4, 2)
    """
    marks = 0
    for ch in reversed(text):
        if ch not in _HANGING or marks == _MOST_HANGING or 2 * marks + 2 >= width:
            break
        marks += 1
    return width - 2 * marks


#: The most closing marks that hang past the edge of a line (。”).
_MOST_HANGING = 2


def _quartile_at(largest: int) -> tuple[int, ...]:
    """Where the upper quartile stands in a sorted window of each size up to ``largest``, as ``quartile`` reads it.

    Examples:
        >>> _quartile_at(4)
        (0, 0, 1, 2, 3)
    """
    return tuple(size // 2 + (size - size // 2) // 2 for size in range(largest + 1))


#: ``_quartile_at`` of the windows of up to 65 lines (``ReflowOptions.window`` up to 32), made once.
_QUARTILE_AT = _quartile_at(65)


def _columns_and_ahead(
    widths: Sequence[int], window: int, start: int = 0, stop: int | None = None
) -> tuple[list[int], list[int]]:
    """Per line from ``start`` to ``stop`` (the last line), the column and the column ahead, in one walk.

    The column is the upper quartile of the widths from ``window`` lines before
    the line to ``window`` after it; the column ahead, of the widths from the
    line itself to ``window`` after. The upper quartile is robust to the short
    lines that end paragraphs and to the odd wide headline. Both windows take
    the same line in ahead; they part only where a line drops out behind.

    Examples:
        >>> _columns_and_ahead([30, 30, 12, 30, 31], 2)
        ([30, 30, 30, 31, 31], [30, 30, 31, 31, 31])
        >>> _columns_and_ahead([30, 30, 12, 30, 31], 2, 3)
        ([31, 31], [31, 31])
    """
    n = len(widths)
    near = sorted(widths[max(0, start - window) : start + window + 1])
    front = sorted(widths[start : start + window + 1])
    # the walk may run over a few lines only (``edge_columns``): the table of the usual windows is made once
    at = _QUARTILE_AT if 2 * window + 2 <= len(_QUARTILE_AT) else _quartile_at(2 * window + 1)
    insort = bisect.insort  # read once: the walk runs on every line of the page
    columns: list[int] = []
    ahead: list[int] = []
    for i in range(start, n if stop is None else stop):
        columns.append(near[at[len(near)]])
        ahead.append(front[at[len(front)]])
        if i + window + 1 < n:
            w = widths[i + window + 1]
            insort(near, w)
            insort(front, w)
        # a window holds a few lines: ``remove`` finds the width leaving it sooner than a bisection called
        # from here does, and takes out the same (the first of equal widths)
        if i - window >= 0:
            near.remove(widths[i - window])
        front.remove(widths[i])
    return columns, ahead


def edge_columns(widths: Sequence[int], window: int) -> Iterator[tuple[int, int, int]]:
    """The line, its column and its column ahead, of each line within ``window`` of either end of ``widths``.

    The lines further in have windows inside ``widths`` that reach neither end.

    Examples:
        >>> list(edge_columns([30, 30, 12, 30, 31], 1))
        [(0, 30, 30), (4, 31, 31)]
    """
    n = len(widths)
    if n <= 2 * window:
        return zip(range(n), *_columns_and_ahead(widths, window), strict=True)
    head = zip(range(window), *_columns_and_ahead(widths, window, 0, window), strict=True)
    tail = zip(range(n - window, n), *_columns_and_ahead(widths, window, n - window), strict=True)
    return itertools.chain(head, tail)


def quartile(widths: Sequence[int]) -> int:
    """The median of the upper half of ``widths``."""
    near = sorted(widths)
    half = len(near) // 2
    return near[half + (len(near) - half) // 2]
