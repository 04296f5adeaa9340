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
from qhnews._blocks import CUT_JUMP, CUT_LEAD, CUT_TRAILING, LEAD_ALONE, Block
from qhnews._bylines import (
    CREDIT_ENDS,
    as_lead,
    credit_outlet,
    credit_start,
    name_alone,
    parse_byline,
    parse_people,
    photo_credit,
)
from qhnews._cues import FURNITURE, JUMP, JUMP_FROM, PHOTO_CREDIT, SPEAKER, LineInfo
from qhnews._forms import Forms
from qhnews._normalize import normalize
from qhnews._options import ReflowOptions
from qhnews._records import (
    BlockKind,
    BodyBlock,
    Byline,
    BylinePosition,
    Caption,
    FurnitureKind,
    Line,
    Span,
    Speaker,
    TextBlock,
)
from qhnews._rules import reason

__all__ = [
    "BylineUnit",
    "CaptionUnit",
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


@attrs.frozen
class CaptionUnit:
    """A photo caption, or a photo credit on a line of its own (``credit_line``)."""

    caption: Caption
    credit_line: bool = False
    #: The caption read as a photo-news item's last paragraph and the byline its credit makes
    #: (see ``PHOTO_NEWS``), where it opens no caption's way (图为…) and the page shows where the
    #: text ends and the credit begins; whether it is one, the page around it says.
    news: tuple[BodyBlock, Byline] | None = None


Unit = Para | HeadingRun | BylineUnit | SpeakerUnit | JumpUnit | FurnitureUnit | CaptionUnit


def _classify_flow(block: TextBlock, forms: Forms | None) -> Para | CaptionUnit:
    text, span = block.text, block.span  # a property that makes a Span: read once
    m = pat.JUMP_FROM.match(text)
    if m:
        return Para(text[m.end() :], span, m.group("page"), block.lines)
    return _caption(text, span, forms, block.lines) or Para(text, span, None, block.lines)


CAPTION_OPENS = reason("caption.opener", "a paragraph that opens 图为…, 图：…, 上图… is a photo caption")
CAPTION_CREDITED = reason("caption.credit", "a paragraph that closes with a photo credit (X 摄) is a photo caption")


def _caption(text: str, span: Span, forms: Forms | None, lines: Sequence[Line] = ()) -> CaptionUnit | None:
    """A paragraph that is a photo caption: it opens like one (图为…) or closes with a credit (…X 摄)."""
    credit = photo_credit(text, whole=False, forms=forms) if text.endswith(CREDIT_ENDS) else None
    if credit is not None:
        caption = Caption(text, credit[0], credit[1], span)
        return CaptionUnit(caption, news=_news_inline(caption, lines, forms))
    if pat.CAPTION_OPEN.match(text):
        return CaptionUnit(Caption(text, None, (), span))
    return None


PHOTO_NEWS = reason(
    "caption.photo-news",
    "a credited caption under a headline of its own, which opens no caption's way (图为…), is a photo-news "
    "item (图片新闻): its text, with the credit as its trailing byline",
)


def _news(
    caption: Caption, text: tuple[str, Span], credit: tuple[str, Span], forms: Forms | None
) -> tuple[BodyBlock, Byline] | None:
    """The caption as a photo-news item: its text (a paragraph) and its credit (a trailing byline).

    None for a caption that opens as captions do (图为…, ①…, （附图片）…): it says what a picture shows.
    """
    if pat.CAPTION_LIKE.match(caption.text):
        return None
    said = parse_byline(credit[0], credit[1], normalized=True, forms=forms)
    outlet = said.outlet if said is not None else credit_outlet(credit[0], forms)
    byline = Byline(
        credit[0], BylinePosition.TRAILING, caption.credit, outlet, None, caption.people, credit[1], None, PHOTO_NEWS
    )
    return BodyBlock("paragraph", text[0], text[1], PHOTO_NEWS), byline


def _news_inline(
    caption: Caption, lines: Sequence[Line], forms: Forms | None, after: str = ""
) -> tuple[BodyBlock, Byline] | None:
    """A caption cut where its closing credit begins in ``lines`` (or None).

    The credit may wrap onto the lines under that one, and run on into
    ``after``: a credit line under the paragraph (…。新华社 / 记者 X摄).
    """
    at = credit_start(caption.text, forms)
    if at is None or at == 0:
        return None
    credit, span = caption.text[at:], caption.span
    for i in range(len(lines) - 1, -1, -1):
        line, rest = lines[i], "".join(x.text for x in lines[i + 1 :]) + after
        if len(rest) > len(credit):  # the lines under this one hold more than the credit: it began lower
            return None
        k = next((k for k in range(len(line.raw)) if normalize(line.raw[k:].rstrip() + rest) == credit), None)
        if k is None:
            continue
        k += len(line.raw[k:]) - len(line.raw[k:].lstrip())
        if k:
            text_span = Span(span.start, line.start + k, span.first_line, line.number)
        elif i:  # the credit opens a line: the text ends on the line above
            text_span = Span(span.start, lines[i - 1].end, span.first_line, lines[i - 1].number)
        else:
            return None
        credit_span = Span(line.start + k, span.end, line.number, span.last_line)
        return _news(caption, (caption.text[:at], text_span), (credit, credit_span), forms)
    return None


_PIECES = frozenset((CUT_LEAD, LEAD_ALONE, CUT_TRAILING, CUT_JUMP))


def _piece(block: TextBlock, infos: Sequence[LineInfo], forms: Forms | None) -> Unit:
    """A byline or jump the text layer cut off a paragraph, read as the form it was cut as."""
    if block.reason == CUT_JUMP:
        m = pat.JUMP_TO.search(block.text)
        if m is not None:
            return JumpUnit(m.group("page"), block.text, block.span)
    byline = parse_byline(block.text, block.span, normalized=True, forms=forms)
    if byline is not None:
        return BylineUnit(as_lead(byline) if block.reason == CUT_LEAD else byline)
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
    elif form == JUMP_FROM:
        m = pat.JUMP_FROM.match(text)
        if m is not None:
            return Para("", span, m.group("page"), block.lines)
    elif form == PHOTO_CREDIT:
        credit = photo_credit(text, forms=forms)
        if credit is not None:
            return CaptionUnit(Caption(text, credit[0], credit[1], span), credit_line=True)
    elif form:
        byline = parse_byline(text, span, normalized=True, forms=forms)
        if byline is not None:
            return BylineUnit(byline)
    return None


def _heading_run(block: TextBlock, infos: Sequence[LineInfo]) -> HeadingRun:
    heads = tuple(Heading(i.line.text, i.line.span, i.line.width, i.column) for i in infos)
    return HeadingRun(heads, normalize("".join(h.text for h in heads)), block.span)


CREDIT_BELOW = reason(
    "caption.credit-below", "a short paragraph right above a photo credit line is that photo's caption"
)


def _credited(units: list[Unit], max_chars: int, gap: int, forms: Forms | None = None) -> list[Unit]:
    """Join a short paragraph (or an uncredited caption: 图为…) and the photo credit on the line right below it.

    The credit is read again in the joined text: it may have begun on the line above (…。新 / 华社记者 X摄).
    """
    out: list[Unit] = []
    for unit in units:
        prev = out[-1] if out else None
        above = _uncredited(prev)
        if (
            above is not None
            and isinstance(unit, CaptionUnit)
            and unit.credit_line
            and len(above[0]) <= max_chars
            and unit.caption.span.first_line - above[1].last_line <= gap + 1  # right below it
        ):
            c = unit.caption
            text = above[0] + c.text
            credit, people = photo_credit(text, whole=False, forms=forms) or (c.credit, c.people)
            caption = Caption(text, credit, people, above[1].cover(c.span))
            news: tuple[BodyBlock, Byline] | None
            if credit_start(text, forms) == len(above[0]):  # the credit line is the whole credit
                news = _news(caption, above, (c.text, c.span), forms)
            else:  # it begins on the paragraph's last line
                news = _news_inline(caption, prev.lines if isinstance(prev, Para) else (), forms, after=c.text)
            out[-1] = CaptionUnit(caption, news=news)
            continue
        out.append(unit)
    return out


def _uncredited(unit: Unit | None) -> tuple[str, Span] | None:
    """The text and span of a paragraph, or of a caption that names no credit yet, that a credit may close."""
    if isinstance(unit, Para) and unit.text and unit.jump_from is None:
        return unit.text, unit.span
    if isinstance(unit, CaptionUnit) and not unit.credit_line and unit.caption.credit is None:
        return unit.caption.text, unit.caption.span
    return None


CREDIT_LINES = reason(
    "caption.credit-lines",
    "a byline right above a photo credit line under a caption is a second credit line (本报记者 X / 拍友 Y 摄)",
)


def _credit_lines(prev: Unit | None, unit: CaptionUnit) -> CaptionUnit | None:
    """A heading-form byline and the photo credit on the line right below it as one credit line, or None."""
    if not (isinstance(prev, BylineUnit) and unit.credit_line):
        return None
    c, b = unit.caption, prev.byline
    if b.position is not BylinePosition.HEADING or b.credit or c.span.first_line != b.span.last_line + 1:
        return None
    return CaptionUnit(
        Caption(normalize(b.text + c.text), c.credit, (*b.people, *c.people), b.span.cover(c.span)), True
    )


PICTURE_MARK = reason(
    "caption.picture-mark", "a picture mark on a line of its own (（附图片）): the paragraph under it is the caption"
)
NOTE_LABEL = reason(
    "note.label", "an editor's note's label on a line of its own (编者按：) runs into the paragraph under it"
)


def _label_and(label: HeadingRun | Para, para: Para) -> Unit | None:
    """The label and the paragraph under it as one unit, or None when ``label`` is no such label."""
    text = label.text
    if not para.text or para.jump_from is not None:
        return None
    if isinstance(label, Para) and label.jump_from is not None:
        return None
    if pat.NOTE_LABEL.match(text):
        lines = label.lines if isinstance(label, Para) else ()
        return Para(text + para.text, label.span.cover(para.span), None, (*lines, *para.lines))
    if pat.PICTURE_MARK.match(text):
        return CaptionUnit(Caption(text + para.text, None, (), label.span.cover(para.span)))
    return None


def _name_alone(unit: HeadingRun, prev: Unit | None, forms: Forms | None) -> list[Unit] | None:
    """A name alone under heading lines is the author's byline (see ``_bylines.name_alone``), or None."""
    last = unit.lines[-1]
    byline = name_alone(last.text, last.span, forms)
    if byline is None or (len(unit.lines) == 1 and not isinstance(prev, HeadingRun)):
        return None
    rest = unit.lines[:-1]
    head = (
        [HeadingRun(rest, normalize("".join(h.text for h in rest)), rest[0].span.cover(rest[-1].span))] if rest else []
    )
    return [*head, BylineUnit(byline)]


def _in_context(units: list[Unit], forms: Forms | None) -> list[Unit]:
    """What the units around each unit say it is.

    A second credit line, a label that runs into the paragraph below
    (编者按：, （附图片）), a name alone over the body, over another headline group, or under
    a headline group printed after its body: over the next piece's lead byline or profile line,
    or last on the page but for its furniture.
    """
    out: list[Unit] = []
    # the page's last unit but its furniture (a footer of 责任编辑 lines is printed under the last article)
    last = max((k for k, u in enumerate(units) if not isinstance(u, FurnitureUnit)), default=-1)
    for k, unit in enumerate(units):
        prev = out[-1] if out else None
        if isinstance(unit, CaptionUnit):
            joined: Unit | None = _credit_lines(prev, unit)
        elif isinstance(unit, Para) and isinstance(prev, (HeadingRun, Para)):
            joined = _label_and(prev, unit)
        elif isinstance(unit, HeadingRun) and (
            k == last or _over_text(units[k + 1]) or _heads(units[k + 1]) or _opens(units[k + 1])
        ):
            split = _name_alone(unit, prev, forms)
            out.extend(split or (unit,))
            continue
        else:
            joined = None
        if joined is not None:
            out[-1] = joined
        else:
            out.append(unit)
    return out


def _heads(unit: Unit) -> bool:
    """The unit is heading lines: another headline group (a byline is set under its own headline, not over one)."""
    return isinstance(unit, HeadingRun)


def _opens(unit: Unit) -> bool:
    """The unit opens the next piece (a lead byline, a profile line): the group above was printed after its body."""
    return isinstance(unit, SpeakerUnit) or (
        isinstance(unit, BylineUnit) and unit.byline.position is BylinePosition.LEAD
    )


def _over_text(unit: Unit) -> bool:
    """The unit is a paragraph of running text (what a byline stands over)."""
    return isinstance(unit, Para) and bool(unit.text) and unit.jump_from is None


def classify(
    blocks: Sequence[Block], forms: Forms | None = None, options: ReflowOptions | None = None
) -> tuple[Unit, ...]:
    """Stage 5: say what each block of the page is, from the cues stage 4 read.

    Args:
        blocks: Stage 4's blocks in page order, with the cues of their lines.
        forms: The words bylines are read with (the defaults, when None).
        options: The text layer's thresholds (the defaults, when None).

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
            units.append(_classify_flow(block, forms))
        elif block.reason in _PIECES:
            units.append(_piece(block, b.infos, forms))
        else:
            unit = _line_form(block, b.infos[0].form, forms) if len(b.infos) == 1 else None
            units.append(unit or _heading_run(block, b.infos))
    opts = options or ReflowOptions()
    units = _in_context(units, forms)
    return tuple(_credited(units, opts.caption_max_chars, opts.caption_credit_gap, forms))
