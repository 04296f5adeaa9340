"""The column measure (``_columns``): each line's column is the upper quartile of the widths around it.

The measure is defined on slices of the widths (the column: the lines from
``window`` before to ``window`` after; the column ahead: from the line itself
to ``window`` after); the module computes both in one sliding walk. These
tests hold the walk to the definition, and the definition to its examples.
"""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from qhnews._columns import _columns_and_ahead, edge_columns, quartile


def _upper_quartile(widths: list[int]) -> int:
    """The median of the upper half, written out: the upper half holds the middle value of an odd count."""
    ordered = sorted(widths)
    upper = ordered[len(ordered) // 2 :]
    return upper[len(upper) // 2]


@pytest.mark.parametrize(
    ("widths", "expected"),
    [
        ([7], 7),
        ([1, 2], 2),
        ([1, 2, 3], 3),
        ([1, 2, 3, 4], 4),
        ([1, 2, 3, 4, 5], 4),
        ([1, 2, 3, 4, 5, 6], 5),
        ([1, 2, 3, 4, 5, 6, 7], 6),
        ([1, 2, 3, 4, 5, 6, 7, 8], 7),
        ([1, 2, 3, 4, 5, 6, 7, 8, 9], 7),
        # a column of 30 cells with two paragraph ends and a wide headline: the column
        ([30, 12, 30, 31, 30, 8, 44], 31),
    ],
)
def test_the_upper_quartile_of_a_few_widths(widths: list[int], expected: int) -> None:
    assert quartile(widths) == expected
    assert quartile(list(reversed(widths))) == expected


@given(st.lists(st.integers(0, 200), min_size=1, max_size=40))
def test_the_quartile_is_the_median_of_the_upper_half(widths: list[int]) -> None:
    assert quartile(widths) == _upper_quartile(widths)


def _by_slices(widths: list[int], window: int, behind: int) -> list[int]:
    return [_upper_quartile(widths[max(0, i - behind) : i + window + 1]) for i in range(len(widths))]


def _both(widths: list[int], window: int) -> tuple[list[int], list[int]]:
    return _by_slices(widths, window, window), _by_slices(widths, window, 0)


@pytest.mark.parametrize("window", [0, 1, 2, 3, 9])
def test_each_line_measures_its_column_and_the_column_ahead(window: int) -> None:
    # short lines (a paragraph's last), a wide one (a headline), and columns of two widths
    widths = [30, 30, 12, 30, 31, 30, 44, 30, 8, 20, 20, 21, 20, 6, 20, 20]
    assert _columns_and_ahead(widths, window) == _both(widths, window)


def test_a_page_of_no_lines_has_no_columns() -> None:
    assert _columns_and_ahead([], 3) == ([], [])


@given(st.lists(st.integers(0, 120), max_size=60), st.integers(0, 12))
@example([20, 20, 30, 30, 30], 1)  # the line one window behind drops out of the column of the next
@example([5, 40, 40, 40], 0)
def test_the_walk_is_the_quartile_of_each_slice(widths: list[int], window: int) -> None:
    assert _columns_and_ahead(widths, window) == _both(widths, window)


@given(st.lists(st.integers(0, 120), max_size=60), st.integers(0, 12), st.integers(0, 60))
def test_the_walk_from_a_line_is_the_quartile_of_each_slice(widths: list[int], window: int, start: int) -> None:
    columns, ahead = _both(widths, window)
    assert _columns_and_ahead(widths, window, start) == (columns[start:], ahead[start:])


@given(st.lists(st.integers(0, 120), max_size=60), st.integers(0, 12))
def test_the_edges_are_the_lines_within_a_window_of_either_end(widths: list[int], window: int) -> None:
    n = len(widths)
    columns, ahead = _both(widths, window)
    edges = [i for i in range(n) if i < window or i >= n - window]
    assert list(edge_columns(widths, window)) == [(i, columns[i], ahead[i]) for i in edges]
