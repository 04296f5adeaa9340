"""The immutable records that flow through the pipeline.

Every record built from the page knows where it came from: a ``Span`` of
character offsets into the decoded page text and the 1-based line numbers it
covers. The kinds and positions of records are string enums
(``BylinePosition``, ``BodyKind``, ``FurnitureKind``, ``BlockKind``): each
member equals its JSON value (``BodyKind.PARAGRAPH == "paragraph"``).
"""

from __future__ import annotations

import enum
import html
from collections.abc import Iterable, Iterator
from typing import Any

import attrs

__all__ = [
    "Article",
    "BlockKind",
    "BodyBlock",
    "BodyKind",
    "Byline",
    "BylinePosition",
    "Caption",
    "Diagnostic",
    "Furniture",
    "FurnitureKind",
    "Leftover",
    "Line",
    "Page",
    "Person",
    "Span",
    "Speaker",
    "TextBlock",
]


class _StrEnum(str, enum.Enum):
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
        out: Span | None = None
        for s in spans:
            out = s if out is None else out.cover(s)
        return out


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


class BlockKind(_StrEnum):
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


@attrs.frozen
class Person:
    """A person named in a byline, with the role printed before them.

    Attributes:
        role: "记者", "特约记者", "通讯员", "实习生", "摄影", … or None.
        name: The name as printed.
    """

    role: str | None
    name: str


class BylinePosition(_StrEnum):
    """Where a byline stands in its article; each member equals its JSON value (``"lead"``, …)."""

    LEAD = "lead"
    """At the head of the first paragraph: 本报讯（记者 X）."""
    HEADING = "heading"
    """On a line of its own under the headline: 文/图 本报记者 X."""
    TRAILING = "trailing"
    """At the end of the article: （记者 X）."""


@attrs.frozen
class Byline:
    """A byline, parsed.

    Attributes:
        text: The byline as normalized text.
        position: Lead, heading or trailing.
        credit: "文/图", "文", "图" or None.
        outlet: "本报", "青海日报", … or None.
        place: Dateline place of "本报上海讯" ("上海"), else None.
        people: Each person with their role.
        span: Where it is on the page.
        date: The dateline's date as printed ("11月5日", "十四日"), else None.
        reason: The form it was read in (a reason code: see the list of rules).
    """

    text: str
    position: BylinePosition
    credit: str | None
    outlet: str | None
    place: str | None
    people: tuple[Person, ...]
    span: Span
    date: str | None = None
    reason: str = ""


@attrs.frozen
class Speaker:
    """A profile line over an interview or speech piece.

    Attributes:
        text: The whole line, normalized.
        titles: The titles before the name.
        name: The person's name.
        span: Where it is on the page.
    """

    text: str
    titles: str
    name: str
    span: Span


class BodyKind(_StrEnum):
    """What a block of an article's body is; each member equals its JSON value.

    Examples:
        >>> BodyKind.PARAGRAPH == "paragraph", BodyKind("subheading")
        (True, <BodyKind.SUBHEADING: 'subheading'>)
    """

    PARAGRAPH = "paragraph"
    """Running text."""
    SUBHEADING = "subheading"
    """A heading inside the body (小标题)."""


@attrs.frozen
class BodyBlock:
    """One block of an article's body.

    Attributes:
        kind: Paragraph or subheading; the strings "paragraph" and
            "subheading" are taken and made ``BodyKind`` members.
        text: The normalized text.
        span: Where it is on the page.
        reason: The rule that decided its kind (a reason code: see the list of rules).

    Examples:
        >>> BodyBlock("paragraph", "开会。", Span(0, 3, 1, 1)).kind
        <BodyKind.PARAGRAPH: 'paragraph'>
    """

    kind: BodyKind = attrs.field(converter=BodyKind)
    text: str
    span: Span
    reason: str = ""


@attrs.frozen
class Caption:
    """A photo caption: the text under a picture and its credit.

    Attributes:
        text: The whole caption as normalized text, its credit line included.
        credit: "摄", "图", "文/图" … or None.
        people: Who took the picture, with their roles.
        span: Where it is on the page.
    """

    text: str
    credit: str | None
    people: tuple[Person, ...]
    span: Span


class FurnitureKind(_StrEnum):
    """What a line of page furniture is; each member equals its JSON value."""

    HEADER = "header"
    """The page header or footer: date, 星期, 版次, 版名."""
    EDITORS = "editors"
    """Editors' credits: 责任编辑 X, 美术编辑 X, 校对 X."""
    OTHER = "other"
    """Any other furniture line."""


@attrs.frozen
class Furniture:
    """A line of page furniture: no article's text, no page heading.

    Attributes:
        kind: Header, editors or other; the strings are taken too.
        text: The normalized text.
        span: Where it is on the page.
    """

    kind: FurnitureKind = attrs.field(converter=FurnitureKind)
    text: str
    span: Span


@attrs.frozen
class Diagnostic:
    """Something the parser noticed and could not settle with certainty.

    Attributes:
        code: A short stable identifier, e.g. ``"headline-by-content"``.
        message: What happened, for a person.
        span: Where, if it concerns one place of the page.
    """

    code: str
    message: str
    span: Span | None = None


@attrs.frozen
class Article:
    """One article of the page.

    Attributes:
        title: 主题, the main headline; None when the page shows none.
        kicker: 引题, the line printed above the title.
        subtitles: 副题 lines below the title, in order.
        section: Column or series label (栏目) over the article.
        bylines: Every byline, in reading order.
        speaker: Profile line of an interview or speech piece.
        blocks: The body in reading order.
        continued_to: Page named by a jump line such as "(下转三版)".
        continued_from: Page named by a "(上接一版)" mark.
        span: The stretch of the page from its first to its last record.
        headline_span: Where its headline lines (section, kicker, title,
            subtitles, speaker) stand; they may be far from the body.
        confidence: The chance that this article is exactly right, from 0 to 1
            (a logistic model of the evidence at hand, see ``ConfidenceWeights``).
        notes: What lowered the confidence, the weightiest first, one piece of evidence per entry.
        captions: Photo captions printed with it.
        opened_by: The rule that found where the article starts (a reason code).
        headline_reasons: The rules that read its headline lines' parts (reason codes).
    """

    title: str | None = None
    kicker: str | None = None
    subtitles: tuple[str, ...] = ()
    section: str | None = None
    bylines: tuple[Byline, ...] = ()
    speaker: Speaker | None = None
    blocks: tuple[BodyBlock, ...] = ()
    continued_to: str | None = None
    continued_from: str | None = None
    span: Span | None = None
    headline_span: Span | None = None
    confidence: float = 1.0
    notes: tuple[str, ...] = ()
    captions: tuple[Caption, ...] = ()
    opened_by: str = ""
    headline_reasons: tuple[str, ...] = ()

    @property
    def body(self) -> str:
        """The body blocks' texts joined by newlines."""
        return "\n".join(b.text for b in self.blocks)

    @property
    def paragraphs(self) -> tuple[str, ...]:
        """The texts of the paragraph blocks."""
        return tuple(b.text for b in self.blocks if b.kind is BodyKind.PARAGRAPH)


@attrs.frozen
class Leftover:
    """Text of the page that no article took.

    Attributes:
        text: The normalized text.
        span: Where it is on the page.
    """

    text: str
    span: Span


@attrs.frozen
class Page:
    """A parsed newspaper page.

    Attributes:
        articles: The articles, in the order their bodies appear.
        page_headings: Page-level banners that no single article owns.
        leftovers: Text no article took, so that nothing is lost.
        diagnostics: What the parser noticed on the way.
        source: Name of the page's file, if known.
        text: The decoded page text all spans point into.
        furniture: Page header and footer lines and editors' credits, in reading order.
    """

    articles: tuple[Article, ...] = ()
    page_headings: tuple[str, ...] = ()
    leftovers: tuple[Leftover, ...] = ()
    diagnostics: tuple[Diagnostic, ...] = ()
    source: str | None = None
    text: str = attrs.field(default="", repr=False)
    furniture: tuple[Furniture, ...] = ()

    def _repr_html_(self) -> str:
        """The page view of the review report, for a notebook: raw lines beside the articles.

        Without Jinja2 (the ``report`` extra) it is the page text, escaped, in a ``<pre>``.
        """
        try:
            from qhnews._report import page_fragment  # noqa: PLC0415 - the report imports the records

            return page_fragment(self)
        except ImportError:
            return f"<pre>{html.escape(self.text)}</pre>"

    def __attrs_post_init__(self) -> None:
        size = len(self.text)
        for span in _spans(self):
            if span.end > size:
                raise ValueError(f"a record's span ends at offset {span.end}, past the page's end ({size})")

    def to_dict(self) -> dict[str, Any]:
        r"""The page as the JSON output's object (the same as ``qhnews.page_to_dict(page)``).

        Examples:
            >>> import qhnews
            >>> qhnews.parse("会议召开\n\n本报讯（记者 王五）开会。").to_dict()["articles"][0]["title"]
            '会议召开'
        """
        from qhnews._export import page_to_dict  # noqa: PLC0415 - the export imports the records

        return page_to_dict(self)


def _spans(page: Page) -> Iterator[Span]:
    """Every span a page's records hold."""
    for a in page.articles:
        yield from (s for s in (a.span, a.headline_span) if s is not None)
        yield from (b.span for b in a.bylines)
        yield from (b.span for b in a.blocks)
        yield from (c.span for c in a.captions)
        if a.speaker is not None:
            yield a.speaker.span
    yield from (x.span for x in page.leftovers)
    yield from (x.span for x in page.furniture)
    yield from (d.span for d in page.diagnostics if d.span is not None)
