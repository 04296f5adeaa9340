"""The column measure: how wide the column around each line is.

Column width is measured in display cells (a Chinese character is two, a
digit one), per line, as the upper quartile of the widths of its neighbours,
so articles of different widths on one page each get their own.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

__all__ = ["quartile"]


def _columns_and_ahead(widths: Sequence[int], window: int) -> tuple[list[int], list[int]]:
    """Per line, the column and the column ahead, in one walk.

    The column is the upper quartile of the widths from ``window`` lines before
    the line to ``window`` after it; the column ahead, of the widths from the
    line itself to ``window`` after. The upper quartile is robust to the short
    lines that end paragraphs and to the odd wide headline. Both windows take
    the same line in ahead; they part only where a line drops out behind.

    Examples:
        >>> _columns_and_ahead([30, 30, 12, 30, 31], 2)
        ([30, 30, 30, 31, 31], [30, 30, 31, 31, 31])
    """
    n = len(widths)
    near = sorted(widths[: window + 1])
    front = list(near)
    columns: list[int] = []
    ahead: list[int] = []
    for i in range(n):
        size = len(near)
        half = size // 2
        columns.append(near[half + (size - half) // 2])  # as quartile(near)
        size = len(front)
        half = size // 2
        ahead.append(front[half + (size - half) // 2])
        if i + window + 1 < n:
            w = widths[i + window + 1]
            bisect.insort(near, w)
            bisect.insort(front, w)
        if i - window >= 0:
            del near[bisect.bisect_left(near, widths[i - window])]
        del front[bisect.bisect_left(front, widths[i])]
    return columns, ahead


def quartile(widths: Sequence[int]) -> int:
    """The median of the upper half of ``widths``."""
    near = sorted(widths)
    half = len(near) // 2
    return near[half + (len(near) - half) // 2]
