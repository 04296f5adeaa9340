"""Stage 5, classify: say what each block of the page is.

A running-text block becomes a ``Para`` (with a
"(上接一版)" mark cut off its head). A standalone block becomes heading lines,
a byline (lead, heading or trailing: the text layer cut those off their
paragraphs), a profile line (speaker), a continuation jump or page furniture.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from qhnews import _patterns as pat
from qhnews._blocks import CUT_JUMP, CUT_LEAD, CUT_TRAILING, Block
from qhnews._bylines import parse_byline, parse_people
from qhnews._cues import FURNITURE, JUMP, SPEAKER, LineInfo
from qhnews._forms import Forms
from qhnews._normalize import normalize
from qhnews._records import BlockKind, Byline, FurnitureKind, Line, Span, Speaker, TextBlock

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
    kind: FurnitureKind = FurnitureKind.OTHER


def furniture_kind(text: str) -> FurnitureKind:
    """What a furniture line is: editors' credits, the page header, or other."""
    if pat.FURNITURE_EDITORS.match(text):
        return FurnitureKind.EDITORS
    if pat.FURNITURE_HEADER.match(text):
        return FurnitureKind.HEADER
    return FurnitureKind.OTHER


Unit = Para | HeadingRun | BylineUnit | SpeakerUnit | JumpUnit | FurnitureUnit


def _classify_flow(block: TextBlock) -> Para:
    text = block.text
    m = pat.JUMP_FROM.match(text)
    if m:
        return Para(text[m.end() :], block.span, m.group("page"), block.lines)
    return Para(text, block.span, None, block.lines)


_PIECES = frozenset((CUT_LEAD, CUT_TRAILING, CUT_JUMP))


def _piece(block: TextBlock, infos: Sequence[LineInfo], forms: Forms | None) -> Unit:
    """A byline or jump the text layer cut off a paragraph, read as the form it was cut as."""
    if block.reason == CUT_JUMP:
        m = pat.JUMP_TO.search(block.text)
        if m is not None:
            return JumpUnit(m.group("page"), block.text, block.span)
    byline = parse_byline(block.text, block.span, normalized=True, forms=forms)
    if byline is not None:
        return BylineUnit(byline)
    return _heading_run(block, infos)


def _line_form(block: TextBlock, form: str, forms: Forms | None) -> Unit | None:
    """A standalone line in the form its cues say, or None when it is in none."""
    text, span = block.text, block.span
    if form == SPEAKER:
        m = pat.SPEAKER.match(text)
        if m is not None:
            return SpeakerUnit(Speaker(text, m.group("titles"), m.group("name"), span))
    elif form == FURNITURE:
        return FurnitureUnit(text, span, furniture_kind(text))
    elif form == JUMP:
        m = pat.JUMP_TO.search(text)
        if m is not None:
            return JumpUnit(m.group("page"), text, span)
    elif form:
        byline = parse_byline(text, span, normalized=True, forms=forms)
        if byline is not None:
            return BylineUnit(byline)
    return None


def _heading_run(block: TextBlock, infos: Sequence[LineInfo]) -> HeadingRun:
    heads = tuple(Heading(i.line.text, i.line.span, i.line.width, i.column) for i in infos)
    return HeadingRun(heads, normalize("".join(h.text for h in heads)), block.span)


def classify(blocks: Sequence[Block], forms: Forms | None = None) -> tuple[Unit, ...]:
    """Stage 5: say what each block of the page is, from the cues stage 4 read.

    Args:
        blocks: Stage 4's blocks in page order, with the cues of their lines.
        forms: The words bylines are read with (the defaults, when None).

    Examples:
        >>> from qhnews._lines import split_lines
        >>> from qhnews._cues import analyse
        >>> from qhnews._blocks import blocks
        >>> units = classify(blocks(analyse(split_lines("本报讯（记者 王五）7 月 10 日，开会。"))))
        >>> units[0].byline.people[0].name, units[1].text
        ('王五', '7月10日，开会。')
    """
    units: list[Unit] = []
    for b in blocks:
        block = b.block
        if block.kind is BlockKind.FLOW:
            units.append(_classify_flow(block))
        elif block.reason in _PIECES:
            units.append(_piece(block, b.infos, forms))
        else:
            unit = _line_form(block, b.infos[0].form, forms) if len(b.infos) == 1 else None
            units.append(unit or _heading_run(block, b.infos))
    return tuple(units)
