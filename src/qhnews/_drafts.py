"""Stage 6, assemble: the records the segment walk makes (article drafts, clusters of heading lines)."""

from __future__ import annotations

from typing import Protocol

import attrs

from qhnews._records import BodyBlock, Byline, Caption, Span, Speaker

__all__ = ["Cluster", "Draft", "HeadlineLine"]


class SetLine(Protocol):
    """A line as the page sets it: its text, where it stands and its width (a ``Line``, or a heading line)."""

    @property
    def text(self) -> str: ...

    @property
    def span(self) -> Span: ...

    @property
    def width(self) -> int: ...


@attrs.define
class Draft:
    """An article while the walk collects it."""

    opened_by: str
    blocks: list[BodyBlock] = attrs.Factory(list)
    bylines: list[Byline] = attrs.Factory(list)
    spans: list[Span] = attrs.Factory(list)
    ended_by: str = ""  # the code of the cue that closed it; "" while it is open
    continued_to: str | None = None
    continued_from: str | None = None
    captions: list[Caption] = attrs.Factory(list)
    # The lines of each subheading of more than one line, by its start: what it is made of if it heads no text.
    subheading_lines: dict[int, tuple[SetLine, ...]] = attrs.Factory(dict)
    # Each credited caption read as a photo-news item's last paragraph and byline, by its start (see PHOTO_NEWS).
    news: dict[int, tuple[BodyBlock, Byline]] = attrs.Factory(dict)
    # The caption read as that item's last paragraph and byline after the walk, if one was (see ``_photo_news``).
    told_as_news: Caption | None = None

    @property
    def has_text(self) -> bool:
        return bool(self.captions) or any(b.kind == "paragraph" for b in self.blocks)


@attrs.frozen
class HeadlineLine:
    """One line of a cluster: a heading line, a profile line with its speaker, or a group's heading byline."""

    text: str
    span: Span
    speaker: Speaker | None = None
    byline: Byline | None = None  # the heading byline that closes a group printed away from its body
    reason: str = ""  # the rule that made running text a headline line after the walk, if one did


@attrs.define
class Cluster:
    """Heading lines printed together at an article boundary."""

    position: int  # articles before it
    lines: list[HeadlineLine] = attrs.Factory(list)
    forced: bool = False  # its last group heads the next article (a heading byline follows)


# --- the walk ----------------------------------------------------------------------
