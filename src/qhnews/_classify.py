"""Stage 5, classify: say what each block of the page is.

A running-text block becomes a ``Para`` (with a
"(上接一版)" mark cut off its head). A standalone block becomes heading lines,
a byline (lead, heading or trailing: the text layer cut those off their
paragraphs), a profile line (speaker), a continuation jump or page furniture.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs
import regex

from qhnews import _patterns as pat
from qhnews._normalize import NormalizeOptions, normalize
from qhnews._records import BlockKind, Byline, BylinePosition, Line, Person, Span, Speaker, TextBlock

__all__ = [
    "BylineUnit",
    "FurnitureUnit",
    "Heading",
    "HeadingRun",
    "JumpUnit",
    "Para",
    "SpeakerUnit",
    "Unit",
    "classify",
    "parse_byline",
    "parse_people",
]


@attrs.frozen
class Para:
    """Running text; the text layer has already cut bylines and jumps off its ends."""

    text: str
    span: Span
    jump_from: str | None = None
    lines: tuple[Line, ...] = ()


@attrs.frozen
class Heading:
    """One heading line: a candidate section label, kicker, title or subtitle."""

    text: str
    span: Span
    width: int
    column: int


@attrs.frozen
class HeadingRun:
    """Standalone heading lines printed together (no blank line between them)."""

    lines: tuple[Heading, ...]
    text: str
    span: Span


@attrs.frozen
class BylineUnit:
    """A byline on a line of its own."""

    byline: Byline


@attrs.frozen
class SpeakerUnit:
    """A profile line over an interview or speech piece."""

    speaker: Speaker


@attrs.frozen
class JumpUnit:
    """A continuation jump on a line of its own."""

    page: str
    text: str
    span: Span


@attrs.frozen
class FurnitureUnit:
    """Page furniture no article owns: an editor credit, a folio or date line."""

    text: str
    span: Span


Unit = Para | HeadingRun | BylineUnit | SpeakerUnit | JumpUnit | FurnitureUnit


def parse_people(text: str) -> tuple[Person, ...]:
    """Split a byline's people part into people with roles.

    Examples:
        >>> parse_people("记者 孙八 钱七 通讯员 王五")
        (Person(role='记者', name='孙八'), Person(role='记者', name='钱七'), Person(role='通讯员', name='王五'))
    """
    people: list[Person] = []
    role: str | None = None
    for m in pat.PEOPLE_TOKEN.finditer(text):
        if m.group("role"):
            role = m.group("role")
        else:
            people.append(Person(role, m.group("name")))
    return tuple(people)


def parse_byline(
    text: str, span: Span | None = None, *, normalized: NormalizeOptions | bool | None = None
) -> Byline | None:
    """Parse a byline in any of the forms qhnews knows; None if ``text`` is not one.

    ``text`` is normalized first (with ``normalized`` as the options, if it is a
    [`NormalizeOptions`][qhnews.NormalizeOptions]); pass ``normalized=True`` for
    text that already is.

    The forms: lead (本报讯（记者 X）, 本报上海讯（记者 X Y）, 青海日报讯（记者 X）,
    新华社北京7月10日电（记者 X）), heading (文/图 本报记者 X, 本报记者 X Y) and
    trailing (（记者 X）).

    Examples:
        >>> b = parse_byline("本报上海讯(记者 孙八 钱七)")
        >>> b.outlet, b.place, [p.name for p in b.people], b.text
        ('本报', '上海', ['孙八', '钱七'], '本报上海讯（记者 孙八 钱七）')
        >>> b = parse_byline("文/图 本报记者 赵六")
        >>> b.credit, b.outlet, b.people[0].role
        ('文/图', '本报', '记者')
    """
    if isinstance(normalized, NormalizeOptions):
        text = normalize(text, normalized)
    elif not normalized:
        text = normalize(text)
    where = span or Span(0, len(text), 1, 1)
    m = pat.BYLINE_LEAD.match(text)
    if m and m.end() == len(text):
        return Byline(
            text,
            BylinePosition.LEAD,
            None,
            m.group("outlet"),
            m.group("place") or None,
            parse_people(m.group("people") or ""),
            where,
        )
    m = pat.BYLINE_HEADING.match(text)
    if m and _heading_byline_ok(m):
        return Byline(
            text,
            BylinePosition.HEADING,
            m.group("credit"),
            m.group("outlet"),
            None,
            parse_people(m.group("people")),
            where,
        )
    m = pat.BYLINE_TRAILING.search(text)
    if m and m.start() == 0:
        people = m.group("people")
        return Byline(text, BylinePosition.TRAILING, None, _house(people), None, parse_people(people), where)
    return None


def _house(people: str) -> str | None:
    """The outlet a credit names inside its brackets: "（本报记者 X）" → "本报"."""
    return people[:2] if people.startswith(("本报", "本刊", "本台", "本网")) else None


def _heading_byline_ok(m: regex.Match[str]) -> bool:
    """A bare "role name" line is a byline only with a credit, an outlet or a space after the role."""
    if m.group("credit") or m.group("outlet"):
        return True
    people = m.group("people")
    role = pat.ROLE.match(people)
    return role is not None and people[role.end() : role.end() + 1].isspace()


def _classify_flow(block: TextBlock) -> Para:
    text = block.text
    m = pat.JUMP_FROM.match(text)
    if m:
        return Para(text[m.end() :], block.span, m.group("page"), block.lines)
    return Para(text, block.span, None, block.lines)


def classify(blocks: Sequence[TextBlock], columns: dict[int, int] | None = None) -> tuple[Unit, ...]:
    """Classify reflowed blocks into units the assembler works with.

    Args:
        blocks: The text layer's blocks in page order.
        columns: Column width by line number, to tell wide headline type from body width.

    Examples:
        >>> from qhnews._lines import split_lines
        >>> from qhnews._blocks import reflow
        >>> units = classify(reflow(split_lines("本报讯（记者 王五）7 月 10 日，开会。")))
        >>> units[0].byline.people[0].name, units[1].text
        ('王五', '7月10日，开会。')
    """
    cols = columns or {}
    units: list[Unit] = []
    for block in blocks:
        if block.kind is BlockKind.FLOW:
            units.append(_classify_flow(block))
            continue
        text = block.text
        span = block.span
        if "\n" not in text:  # one line, or a byline the text layer cut off a wrapped paragraph
            m = pat.SPEAKER.match(text)
            if m:
                units.append(SpeakerUnit(Speaker(text, m.group("titles"), m.group("name"), span)))
                continue
            if pat.FURNITURE.match(text):
                units.append(FurnitureUnit(text, span))
                continue
            m = pat.JUMP_TO.search(text)
            if m and m.start() == 0:
                units.append(JumpUnit(m.group("page"), text, span))
                continue
            byline = parse_byline(text, span, normalized=True)
            if byline is not None:
                units.append(BylineUnit(byline))
                continue
        heads = tuple(Heading(ln.text, ln.span, ln.width, cols.get(ln.number, ln.width)) for ln in block.lines)
        units.append(HeadingRun(heads, normalize("".join(h.text for h in heads)), span))
    return tuple(units)
