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
    HEADING_UNDER_TEXT,
    LEAD_BYLINE,
    PAGE_START,
    PARAGRAPH,
    PICTURE,
    RUN_TOGETHER,
    SUBHEADING_IN_ARTICLE,
    Text,
    Turn,
)
from qhnews._classify import BylineUnit, CaptionUnit, FurnitureUnit, HeadingRun, JumpUnit, Para, SpeakerUnit, Unit
from qhnews._records import BodyBlock, Byline, BylinePosition, Caption, Furniture, Leftover, Line, Span, Speaker
from qhnews._rules import first_verdict

if TYPE_CHECKING:
    from qhnews._assemble import AssembleOptions

__all__ = ["Cluster", "Draft", "HeadlineLine", "Segmented", "segment"]


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
    # The lines of each subheading made of running text, by its start: what it is made of if it heads no text.
    subheading_lines: dict[int, tuple[Line, ...]] = attrs.Factory(dict)

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
        elif b.position is BylinePosition.HEADING:
            d = self.start(HEADING_BYLINE, force=bool(self.pending))
        else:
            d = self.start(BYLINE_AFTER_HEADINGS, force=True)
        d.bylines.append(b)
        d.spans.append(b.span)

    def _after_note(self, cur: Draft) -> bool:
        """The open article holds an editor's note and nothing else yet (no byline, no heading lines after it)."""
        return (
            not self.pending and not cur.bylines and bool(cur.blocks) and cur.blocks[0].text.startswith(pat.NOTE_OPENS)
        )

    def jump(self, unit: JumpUnit) -> None:
        cur = self.cur
        if cur is not None and cur.has_text and cur.continued_to is None and not cur.ended_by:
            # heading lines right over the jump: a subheading whose section goes on on the other page
            self.subheadings(cur, BEFORE_JUMP)
        if cur is not None and not self.pending and cur.continued_to is None:
            cur.continued_to = unit.page
            cur.spans.append(unit.span)
            cur.ended_by = AFTER_JUMP
        else:
            self.leftovers.append(Leftover(unit.text, unit.span))

    def subheadings(self, d: Draft, code: str) -> None:
        """The pending heading runs as subheadings of ``d`` (profile lines stay pending)."""
        if any(isinstance(item, SpeakerUnit) for item in self.pending):
            return
        for item in self.pending:
            assert isinstance(item, HeadingRun)
            d.blocks.append(BodyBlock("subheading", item.text, item.span, code))
            d.spans.append(item.span)
        self.pending = []

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
            self.subheadings(cur, code)
            return cur
        if cur is None:
            return self.start(PAGE_START)
        if cur.ended_by:
            return self.start(cur.ended_by)
        if para.jump_from is not None and cur.has_text:
            return self.start(CONTINUED_FROM)
        return cur

    def caption(self, caption: Caption) -> None:
        """A caption goes with its article; under a headline of its own it opens one (a picture story)."""
        d = self.start(PICTURE) if self.pending or self.cur is None else self.cur
        d.captions.append(caption)
        d.spans.append(caption.span)

    def para(self, para: Para) -> None:
        d = self.draft_for(para)
        if para.jump_from is not None and not d.has_text:
            d.continued_from = para.jump_from
        if para.text:
            kind, code = first_verdict(BODY_KIND, Text(para.text, self.options), ("paragraph", PARAGRAPH))
            d.blocks.append(BodyBlock(kind, para.text, para.span, code))
            if kind == "subheading" and len(para.lines) > 1:
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
            self.caption(unit.caption)
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
    _headings_under_text(walk.drafts, walk.clusters)
    _bodyless_groups(walk.drafts, walk.clusters)
    _split_run_together(walk.drafts, walk.clusters)
    return Segmented(walk.drafts, walk.clusters, walk.furniture, walk.leftovers)


def _headings_under_text(drafts: list[Draft], clusters: list[Cluster]) -> None:
    """Make headline lines of the subheadings an article's text ends with.

    A subheading heads the text under it. Short lines that end an article,
    with none of its text under them, are a headline printed with no blank
    line after the last paragraph: the next article's (over its byline or
    body), or this one's printed after its body. They join the cluster that
    stands before the next article (a new one if none does), ahead of its
    lines; over a heading byline with no headline of its own, they are its
    headline.
    """
    for i, d in enumerate(drafts):
        lines = _subheadings_under_text(d)
        if not lines:
            continue
        at = next((j for j, cl in enumerate(clusters) if cl.position > i), len(clusters))
        if at < len(clusters) and clusters[at].position == i + 1:
            clusters[at].lines[:0] = lines
        else:
            nxt = drafts[i + 1] if i + 1 < len(drafts) else None
            clusters.insert(at, Cluster(i + 1, lines, forced=nxt is not None and nxt.opened_by == HEADING_BYLINE))


def _subheadings_under_text(d: Draft) -> list[HeadlineLine]:
    """Take the subheadings that end a draft's text off it, as headline lines (none if the draft is closed)."""
    k = len(d.blocks)
    while k and d.blocks[k - 1].kind == "subheading":
        k -= 1
    if k == len(d.blocks) or d.ended_by or not any(b.kind == "paragraph" for b in d.blocks[:k]):
        return []
    moved, d.blocks = d.blocks[k:], d.blocks[:k]
    starts = {b.span.start for b in moved}
    d.spans = [x for x in d.spans if x.start not in starts]
    return [
        HeadlineLine(x.text, x.span, reason=HEADING_UNDER_TEXT)
        for b in moved
        for x in d.subheading_lines.get(b.span.start, (b,))
    ]


def _bodyless_groups(drafts: list[Draft], clusters: list[Cluster]) -> None:
    """Give back to the attachment a headline group whose heading byline stands over no text.

    A heading byline (文/图 本报记者 X) stands under its headline, over its
    body. Where the next thing on the page opens another article (a lead
    byline, another headline over a byline, headline lines with a cue of a
    headline over a paragraph: ``body.under-heading-byline`` keeps the others
    as the article's first subheading) or the page ends, the group and its
    byline were printed away from their body: after it, or after a later
    article. The group becomes an unforced cluster whose last line carries
    the byline, and the attachment gives it, byline and all, to an article
    (its reading records ``headline.group-byline``).
    """
    i = 0
    while i < len(drafts):
        d = drafts[i]
        own = [cl for cl in clusters if cl.position == i]
        if not (
            d.opened_by in (HEADING_BYLINE, BYLINE_AFTER_HEADINGS)
            and not d.blocks
            and not d.captions
            and d.continued_to is None
            and own
            and own[-1].forced
        ):
            i += 1
            continue
        group = own[-1]
        group.forced = False
        group.lines.extend(HeadlineLine(b.text, b.span, byline=b) for b in d.bylines)
        del drafts[i]
        for cl in clusters:
            if cl.position > i:
                cl.position -= 1


def _run_together_cut(d: Draft) -> int | None:
    """Where a draft holds two articles that ran together: the first later paragraph that opens like a news lead."""
    lead = [b for b in d.bylines if b.position is BylinePosition.LEAD]
    trail = [b for b in d.bylines if b.position is BylinePosition.TRAILING]
    if not (lead and trail) or {p.name for p in lead[0].people} & {p.name for p in trail[-1].people}:
        return None
    return next(
        (j for j, b in enumerate(d.blocks) if j > 0 and b.kind == "paragraph" and pat.DATE_LEAD.match(b.text)),
        None,
    )


def _split_run_together(drafts: list[Draft], clusters: list[Cluster]) -> None:
    """Cut apart two articles that ran together without a headline between them.

    An article carries a lead byline or a trailing one; one that opens with
    a lead byline and closes with a trailing byline naming other people is two
    articles. The second starts at the first later paragraph that opens like
    a news lead (a date, "记者…获悉").
    """
    i = 0
    while i < len(drafts):
        d = drafts[i]
        cut = _run_together_cut(d)
        if cut is None:
            i += 1
            continue
        at = d.blocks[cut].span.start
        second = Draft(
            RUN_TOGETHER,
            blocks=d.blocks[cut:],
            bylines=[b for b in d.bylines if b.span.start >= at],
            spans=[x for x in d.spans if x.start >= at],
            ended_by=d.ended_by,
            continued_to=d.continued_to,
        )
        d.blocks = d.blocks[:cut]
        d.bylines = [b for b in d.bylines if b.span.start < at]
        d.spans = [x for x in d.spans if x.start < at]
        d.ended_by, d.continued_to = RUN_TOGETHER, None
        drafts.insert(i + 1, second)
        for cl in clusters:
            if cl.position > i:
                cl.position += 1
        i += 1
