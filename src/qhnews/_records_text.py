"""The records every stage shares: ``Span``, and the text layer's ``Line``, ``TextBlock`` and ``BlockKind``.

A ``Span`` is where a record came from: character offsets into the decoded
page text and the 1-based line numbers it covers; it is checked where it is
made. The text layer (lines, reflow) hands ``Line``s and ``TextBlock``s to
the parser's later stages; the records that come out are in
``_records_parts`` (the parts of an article) and ``_records`` (the page).
"""

from __future__ import annotations

import collections
import enum
import itertools
from collections.abc import Callable, Iterable, Sequence
from typing import TypeVar

import attrs

__all__ = ["BlockKind", "Line", "Span", "StrEnum", "TextBlock", "line_of", "lines_of", "tuple_of"]

_T = TypeVar("_T", bound=tuple[object, ...])

#: ``tuple_of(Cls, (a, b, …))`` makes the named tuple ``Cls(a, b, …)`` without calling its constructor, a
#: Python function that costs as much again: for the records made once per line (the fields are not checked).
tuple_of: Callable[[type[_T], tuple[object, ...]], _T] = tuple.__new__


class StrEnum(str, enum.Enum):
    """A string enum, as ``enum.StrEnum`` of Python 3.11: a member equals its value and prints as it."""

    def __str__(self) -> str:
        return str(self.value)


@attrs.frozen(order=True)
class Span:
    """A stretch of the source page.

    Attributes:
        start: Offset of the first character, into the decoded page text.
        end: Offset one past the last character.
        first_line: 1-based number of the first line.
        last_line: 1-based number of the last line (inclusive).

    Examples:
        >>> Span(0, 5, 1, 1).cover(Span(10, 12, 3, 3))
        Span(start=0, end=12, first_line=1, last_line=3)
    """

    start: int
    end: int
    first_line: int
    last_line: int

    def __attrs_post_init__(self) -> None:
        # Checked where every span is made: a span the parser got wrong fails
        # here, at its source, not later in a reader's slice of the page.
        if not 0 <= self.start <= self.end or not 1 <= self.first_line <= self.last_line:
            raise ValueError(
                f"a span runs from offset {self.start} to {self.end} and from line {self.first_line} "
                f"to {self.last_line}: offsets must be >= 0 and line numbers >= 1, each pair in order"
            )

    def cover(self, other: Span) -> Span:
        """The smallest span that holds both spans."""
        return Span(
            min(self.start, other.start),
            max(self.end, other.end),
            min(self.first_line, other.first_line),
            max(self.last_line, other.last_line),
        )

    @staticmethod
    def union(spans: Iterable[Span]) -> Span | None:
        """The smallest span holding all of ``spans``, or None if there are none."""
        it = iter(spans)
        first = next(it, None)
        if first is None:
            return None
        start, end, first_line, last_line = first.start, first.end, first.first_line, first.last_line
        grown = False
        for s in it:  # one span made at the end, not one per span covered
            grown = True
            start, end = min(start, s.start), max(end, s.end)
            first_line, last_line = min(first_line, s.first_line), max(last_line, s.last_line)
        return Span(start, end, first_line, last_line) if grown else first


@attrs.frozen
class Line:
    """One physical line of the page.

    Attributes:
        number: 1-based line number.
        start: Offset of the line's first character in the page text.
        end: Offset one past its last character (the newline excluded).
        raw: The line as printed by the OCR.
        text: The line normalized and stripped.
        width: Display width of ``text`` in cells (a Chinese character is two).
    """

    number: int
    start: int
    end: int
    raw: str
    text: str
    width: int

    @property
    def blank(self) -> bool:
        """True when the line holds nothing but spaces."""
        return not self.text

    @property
    def span(self) -> Span:
        """Where the line is on the page."""
        return Span(self.start, self.end, self.number, self.number)


def _slot_setters(cls: type) -> tuple[Callable[[object, object], None], ...]:
    """The ``__set__`` of each slot of an attrs class, in the order of its fields (none may check or convert)."""
    fields = attrs.fields(cls)
    assert all(f.validator is None and f.converter is None for f in fields), cls
    return tuple(cls.__dict__[f.name].__set__ for f in fields)


def _line_maker() -> Callable[[int, int, int, str, str, int], Line]:
    new = object.__new__
    number, start, end, raw, text, width = _slot_setters(Line)

    def line_of(n: int, s: int, e: int, r: str, t: str, w: int) -> Line:  # noqa: PLR0917 -- Line's fields, as its constructor takes them
        line: Line = new(Line)
        number(line, n)
        start(line, s)
        end(line, e)
        raw(line, r)
        text(line, t)
        width(line, w)
        return line

    return line_of


#: ``line_of(number, start, end, raw, text, width)`` is ``Line(number, …)`` with its slots set directly:
#: the frozen class's constructor sets each through ``object.__setattr__`` and costs a fourth more, for the
#: one record made per line of the page (the fields are not checked).
line_of = _line_maker()
_LINE_SLOTS = _slot_setters(Line)


def lines_of(  # noqa: PLR0917 -- Line's fields, as its constructor takes them
    numbers: Sequence[int],
    starts: Sequence[int],
    ends: Sequence[int],
    raws: Sequence[str],
    texts: Sequence[str],
    widths: Sequence[int],
) -> list[Line]:
    """``[line_of(n, s, e, r, t, w) for n, s, e, r, t, w in zip(numbers, …)]``, the fields given column by column.

    Each slot is set over all the lines in one pass of ``map``, in C: no Python
    call per line and field (a page's lines are made in half the time).

    Examples:
        >>> made = lines_of([1, 2], [0, 4], [3, 4], ["第24 ", ""], ["第24", ""], [4, 0])
        >>> made == [Line(1, 0, 3, "第24 ", "第24", 4), Line(2, 4, 4, "", "", 0)]
        True
    """
    columns = (numbers, starts, ends, raws, texts, widths)
    assert len({len(c) for c in columns}) == 1, "a column per field, a value per line"
    lines: list[Line] = list(map(object.__new__, itertools.repeat(Line, len(numbers))))
    for setter, values in zip(_LINE_SLOTS, columns, strict=True):
        collections.deque(map(setter, lines, values), maxlen=0)  # run for the calls alone
    return lines


class BlockKind(StrEnum):
    """What the text layer made of a run of lines; each member equals its value."""

    FLOW = "flow"
    """Running text: a paragraph, possibly wrapped over many lines and blank lines."""
    STANDALONE = "standalone"
    """Short lines that stand apart from running text: headlines, bylines, profile lines."""


@attrs.frozen
class TextBlock:
    """A paragraph or a standalone group of lines, as the text layer reflowed it.

    Attributes:
        kind: Running text or standalone lines.
        lines: The non-blank source lines, in order.
        text: The lines joined and normalized; a standalone group keeps its
            line breaks (each line may be a heading of its own).
        start: Offset where the block starts, when it starts inside its first
            line (a paragraph after a lead byline); else that line's start.
        end: Offset where the block ends, when it ends inside its last line
            (a paragraph before a trailing byline); else that line's end.
        reason: The rule that made the block (a reason code: see the list of rules).
    """

    kind: BlockKind
    lines: tuple[Line, ...]
    text: str
    start: int | None = None
    end: int | None = None
    reason: str = ""

    @property
    def span(self) -> Span:
        """Where the block is on the page."""
        first, last = self.lines[0], self.lines[-1]
        return Span(
            first.start if self.start is None else self.start,
            last.end if self.end is None else self.end,
            first.number,
            last.number,
        )
