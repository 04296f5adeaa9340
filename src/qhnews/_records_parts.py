"""The parts of an article: the people and bylines, the profile line, the body blocks and the captions.

Each part built from the page carries the ``Span`` it came from; the kinds
and positions (``BylinePosition``, ``BodyKind``) are string enums whose
members equal their JSON values.
"""

from __future__ import annotations

import attrs

from qhnews._records_text import Span, StrEnum

__all__ = ["BodyBlock", "BodyKind", "Byline", "BylinePosition", "Caption", "Person", "Speaker"]


@attrs.frozen
class Person:
    """A person named in a byline, with the role printed before them.

    Attributes:
        role: "记者", "特约记者", "通讯员", "实习生", "摄影", … or None.
        name: The name as printed.
    """

    role: str | None
    name: str


class BylinePosition(StrEnum):
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


class BodyKind(StrEnum):
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
