"""The immutable records that flow through the pipeline.

Every record built from the page knows where it came from: a ``Span`` of
character offsets into the decoded page text and the 1-based line numbers it
covers. The kinds and positions of records are string enums
(``BylinePosition``, ``BodyKind``, ``FurnitureKind``, ``BlockKind``): each
member equals its JSON value (``BodyKind.PARAGRAPH == "paragraph"``).

This module holds the page-level records (``Page``, ``Article``,
``Furniture``, ``Leftover``, ``Diagnostic``) and the check that every span a
page holds lies inside its text; ``Span`` and the text layer's records are in
``_records_text``, the parts of an article in ``_records_parts``. All are
imported from here.
"""

from __future__ import annotations

import html
from collections.abc import Iterator
from typing import Any

import attrs

from qhnews._records_parts import BodyBlock, BodyKind, Byline, BylinePosition, Caption, Person, Speaker
from qhnews._records_text import BlockKind, Line, Span, StrEnum, TextBlock

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


class FurnitureKind(StrEnum):
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
