"""Stage 6, assemble, step 1: segment the classified units into article drafts.

Walk the units in page order. A lead byline starts an article; a trailing
byline or a continuation jump ends one; a heading byline starts one whose
headline is the heading group printed just above it. Heading lines met
between paragraphs of one article are in-body subheadings unless one of the
``BOUNDARY`` rules (``_boundary``) says the page starts a new article there;
heading lines met at a boundary gather into a *cluster*, whose lines the
attachment step (``_attach``) gives to articles. Each paragraph's kind
(paragraph or subheading) is the verdict of the ``BODY_KIND`` rules. After
the walk, two articles that ran together without a headline between them
are cut apart.

Every draft keeps the code of the rule or cue that opened it, every body
block the code of the rule that decided its kind.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import attrs

from qhnews import _patterns as pat
from qhnews._boundary import (
    AFTER_JUMP,
    AFTER_TRAILING_BYLINE,
    BEFORE_JUMP,
    BODY_KIND,
    BOUNDARY,
    BYLINE_AFTER_HEADINGS,
    CONTINUED_FROM,
    HEADING_BYLINE,
    LEAD_BYLINE,
    NOTE_AFTER_TEXT,
    PAGE_START,
    PARAGRAPH,
    PICTURE,
    SUBHEADING_IN_ARTICLE,
    Text,
    Turn,
)
from qhnews._classify import (
    BylineUnit,
    CaptionUnit,
    FurnitureUnit,
    HeadingRun,
    JumpUnit,
    Para,
    SpeakerUnit,
    Unit,
)
from qhnews._drafts import Cluster, Draft, HeadlineLine
from qhnews._passes import after_the_walk
from qhnews._records import BodyBlock, Byline, BylinePosition, Furniture, Leftover
from qhnews._rules import first_verdict

if TYPE_CHECKING:
    from qhnews._assemble import AssembleOptions

__all__ = ["Cluster", "Draft", "HeadlineLine", "Segmented", "segment"]


class _Walk:
    """The page's units in order, cut into drafts, clusters and leftovers."""

    def __init__(self, options: AssembleOptions) -> None:
        self.options = options
        self.drafts: list[Draft] = []
        self.clusters: list[Cluster] = []
        self.leftovers: list[Leftover] = []
        self.furniture: list[Furniture] = []
        self.pending: list[HeadingRun | SpeakerUnit] = []
        self.cur: Draft | None = None

    def flush_pending(self, force: bool = False) -> None:
        if self.pending:
            cl = Cluster(len(self.drafts), forced=force)
            for item in self.pending:
                if isinstance(item, SpeakerUnit):
                    sp = item.speaker
                    cl.lines.append(HeadlineLine(sp.text, sp.span, speaker=sp))
                else:
                    cl.lines.extend(HeadlineLine(h.text, h.span) for h in item.lines)
            self.clusters.append(cl)
        self.pending = []

    def start(self, opened_by: str, force: bool = False) -> Draft:
        self.flush_pending(force)
        self.cur = Draft(opened_by)
        self.drafts.append(self.cur)
        return self.cur

    def byline(self, b: Byline) -> None:
        cur = self.cur
        if b.position is BylinePosition.TRAILING and not self.pending:
            if cur is None:
                self.leftovers.append(Leftover(b.text, b.span))
                return
            cur.ended_by = AFTER_TRAILING_BYLINE
            d = cur
        elif b.position is BylinePosition.LEAD and cur is not None and self._after_note(cur):
            d = cur  # the report an editor's note introduces: 编者按：… then 本报讯（记者 X）…
        elif b.position is BylinePosition.LEAD:
            d = self.start(LEAD_BYLINE)
        elif b.position is BylinePosition.HEADING and self._credits_above(cur):
            assert cur is not None
            d = cur  # credits set one under another (撰稿：… / 摄影：…) are one article's
        elif b.position is BylinePosition.HEADING:
            d = self.start(HEADING_BYLINE, force=bool(self.pending))
        else:
            d = self.start(BYLINE_AFTER_HEADINGS, force=True)
        d.bylines.append(b)
        d.spans.append(b.span)

    def _credits_above(self, cur: Draft | None) -> bool:
        """The open article holds its heading bylines and nothing else yet, and no heading line stands between."""
        return (
            cur is not None
            and not self.pending
            and cur.opened_by == HEADING_BYLINE
            and not cur.blocks
            and not cur.captions
            and all(b.position is BylinePosition.HEADING for b in cur.bylines)
        )

    def _after_note(self, cur: Draft) -> bool:
        """The open article holds an editor's note and nothing else yet (no byline, no heading lines after it)."""
        return (
            not self.pending
            and not cur.bylines
            and len(cur.blocks) == 1
            and cur.blocks[0].text.startswith(pat.NOTE_OPENS)
        )

    def jump(self, unit: JumpUnit) -> None:
        cur = self.cur
        if self._closes_pending(cur):
            assert cur is not None
            self._into_body(cur, BEFORE_JUMP)
        if cur is not None and not self.pending and cur.continued_to is None:
            cur.continued_to = unit.page
            cur.spans.append(unit.span)
            cur.ended_by = AFTER_JUMP
        else:
            self.leftovers.append(Leftover(unit.text, unit.span))

    def draft_for(self, para: Para) -> Draft:
        """The draft a paragraph goes to: the open one, or one it starts."""
        cur = self.cur
        if self.pending:
            opens, code = first_verdict(
                BOUNDARY, Turn(self.pending, cur, para, self.options), (False, SUBHEADING_IN_ARTICLE)
            )
            if opens:
                return self.start(code)
            assert cur is not None
            self._into_body(cur, code)
            return cur
        if cur is None:
            return self.start(PAGE_START)
        if cur.ended_by:
            return self.start(cur.ended_by)
        if para.jump_from is not None and cur.has_text:
            return self.start(CONTINUED_FROM)
        if cur.has_text and para.text.startswith(pat.NOTE_OPENS):
            return self.start(NOTE_AFTER_TEXT)
        return cur

    def _closes_pending(self, cur: Draft | None) -> bool:
        """A jump under heading lines that an open article's text runs into (see ``BEFORE_JUMP``)."""
        return (
            cur is not None
            and bool(self.pending)
            and not cur.ended_by
            and cur.continued_to is None
            and cur.has_text
            and all(isinstance(item, HeadingRun) for item in self.pending)
        )

    def _into_body(self, cur: Draft, code: str) -> None:
        """The pending heading lines are subheadings of the open article."""
        for item in self.pending:
            assert isinstance(item, HeadingRun)
            cur.blocks.append(BodyBlock("subheading", item.text, item.span, code))
            cur.spans.append(item.span)
            if len(item.lines) > 1:  # its lines, to become headline lines one by one (as a subheading's of text)
                cur.subheading_lines[item.span.start] = item.lines
        self.pending = []

    def caption(self, unit: CaptionUnit) -> None:
        """A caption goes with its article; under a headline of its own it opens one (a picture story).

        A credited caption there that opens no caption's way (图为…) is a photo-news item: its
        text and its credit are the article's text and trailing byline (``PHOTO_NEWS``).
        """
        caption = unit.caption
        if self.pending and unit.news is not None:
            block, byline = unit.news
            d = self.start(PICTURE)
            d.blocks.append(block)
            d.spans.append(block.span)
            self.byline(byline)
            return
        d = self.start(PICTURE) if self.pending or self.cur is None else self.cur
        d.captions.append(caption)
        d.spans.append(caption.span)
        if unit.news is not None:  # the item's last paragraph if the caption closes a text with no byline
            d.news[caption.span.start] = unit.news

    def para(self, para: Para) -> None:
        d = self.draft_for(para)
        if para.jump_from is not None and not d.has_text:
            d.continued_from = para.jump_from
        if para.text:
            kind, code = first_verdict(BODY_KIND, Text(para.text, self.options), ("paragraph", PARAGRAPH))
            d.blocks.append(BodyBlock(kind, para.text, para.span, code))
            # its lines, to become headline lines one by one; not where a byline was cut off the first line
            # or the last, whose text the lines still hold (本报讯（记者 X）<heading> / <heading>)
            whole = para.span.start == para.lines[0].start and para.span.end == para.lines[-1].end
            if kind == "subheading" and len(para.lines) > 1 and whole:
                d.subheading_lines[para.span.start] = para.lines
        d.spans.append(para.span)

    def unit(self, unit: Unit) -> None:
        if isinstance(unit, (HeadingRun, SpeakerUnit)):
            self.pending.append(unit)
        elif isinstance(unit, BylineUnit):
            self.byline(unit.byline)
        elif isinstance(unit, FurnitureUnit):
            self.furniture.append(Furniture(unit.kind, unit.text, unit.span))
        elif isinstance(unit, CaptionUnit):
            self.caption(unit)
        elif isinstance(unit, JumpUnit):
            self.jump(unit)
        else:
            self.para(unit)


@attrs.frozen
class Segmented:
    """A page cut into drafts, the clusters of heading lines between them, furniture and leftovers."""

    drafts: list[Draft]
    clusters: list[Cluster]
    furniture: list[Furniture]
    leftovers: list[Leftover]


def segment(units: Sequence[Unit], options: AssembleOptions) -> Segmented:
    """Cut the units of a page into article drafts, clusters of heading lines, furniture and leftovers."""
    walk = _Walk(options)
    for unit in units:
        walk.unit(unit)
    walk.flush_pending()
    after_the_walk(walk.drafts, walk.clusters)
    return Segmented(walk.drafts, walk.clusters, walk.furniture, walk.leftovers)
