"""Stage 6, assemble, step 1: segment the classified units into article drafts.

Walk the units in page order. A lead byline starts an article; a trailing
byline or a continuation jump ends one; a heading byline starts one whose
headline is the heading group printed just above it. Heading lines met
between paragraphs of one article are in-body subheadings unless the page
says otherwise; heading lines met at a boundary gather into a *cluster*, whose
lines the attachment step (``_attach``) gives to articles.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from qhnews import _patterns as pat
from qhnews._classify import BylineUnit, FurnitureUnit, HeadingRun, JumpUnit, Para, SpeakerUnit, Unit
from qhnews._records import BodyBlock, Byline, BylinePosition, Leftover, Span, Speaker


@attrs.define
class _Draft:
    blocks: list[BodyBlock] = attrs.Factory(list)
    bylines: list[Byline] = attrs.Factory(list)
    spans: list[Span] = attrs.Factory(list)
    ended: bool = False
    continued_to: str | None = None
    continued_from: str | None = None

    @property
    def has_text(self) -> bool:
        return any(b.kind == "paragraph" for b in self.blocks)

    @property
    def has_lead(self) -> bool:
        return any(b.position is BylinePosition.LEAD for b in self.bylines)


@attrs.frozen
class _HLine:
    text: str
    span: Span
    speaker: Speaker | None = None


@attrs.define
class _Cluster:
    position: int  # articles before it
    lines: list[_HLine] = attrs.Factory(list)
    forced: bool = False  # its last group heads the next article (a heading byline follows)


_WIDE = 6  # cells wider than the column: headline type

# --- segment ---------------------------------------------------------------------


def _subheading_text(run: HeadingRun) -> str:
    return run.text


def _is_boundary(items: Sequence[HeadingRun | SpeakerUnit], cur: _Draft | None, nxt: Para) -> bool:
    if cur is None or cur.ended or not cur.has_text:
        return True
    if len(items) != 1 or isinstance(items[0], SpeakerUnit):
        return True
    run = items[0]
    texts = [h.text for h in run.lines]
    if run.text.endswith(("——", "—")):
        return False
    if any(t.startswith(("——", "—")) or pat.SECTION_DOT.match(t) for t in texts):
        return True
    if len(texts) >= 2 and pat.KICKER_END.search(texts[0]) and len(texts[0]) < len(run.text) - 2:
        return True
    if any(h.width >= h.column + _WIDE for h in run.lines):
        return True  # set in a larger type than the body
    if len(texts) >= 2 and any(pat.HAN_SPACE.search(t) or pat.SUBTITLE_WHO.search(t) for t in texts):
        return True  # "A B" phrases and who-did lines are headline idiom, not subheadings
    return pat.DATE_LEAD.match(nxt.text) is not None


def _reads_as_subheading(text: str) -> bool:
    """Running text that is a subheading: it ends with "——", or ends no sentence and is short."""
    if pat.STOPS.search(text):
        return False
    if text.endswith(("——", "—")):
        return len(text) <= 50
    return len(text) <= 40 and pat.SENTENCE_END.search(text) is None and not pat.clause_open(text)


def _segment(units: Sequence[Unit]) -> tuple[list[_Draft], list[_Cluster], list[Leftover]]:
    drafts: list[_Draft] = []
    clusters: list[_Cluster] = []
    leftovers: list[Leftover] = []
    pending: list[HeadingRun | SpeakerUnit] = []
    forced = False
    cur: _Draft | None = None

    def flush_pending(force: bool = False) -> None:
        nonlocal pending, forced
        if pending:
            cl = _Cluster(len(drafts), forced=force)
            for item in pending:
                if isinstance(item, SpeakerUnit):
                    sp = item.speaker
                    cl.lines.append(_HLine(sp.text, sp.span, speaker=sp))
                else:
                    for h in item.lines:
                        cl.lines.append(_HLine(h.text, h.span))
            clusters.append(cl)
        pending, forced = [], False

    def start(force: bool = False) -> _Draft:
        nonlocal cur
        flush_pending(force)
        cur = _Draft()
        drafts.append(cur)
        return cur

    for unit in units:
        if isinstance(unit, (HeadingRun, SpeakerUnit)):
            pending.append(unit)
            continue
        if isinstance(unit, BylineUnit):
            b = unit.byline
            if b.position is BylinePosition.TRAILING and cur is not None and not pending:
                cur.bylines.append(b)
                cur.spans.append(b.span)
                cur.ended = True
            elif b.position is BylinePosition.TRAILING and cur is None and not pending:
                leftovers.append(Leftover(b.text, b.span))
            elif b.position is BylinePosition.LEAD:
                d = start()
                d.bylines.append(b)
                d.spans.append(b.span)
            else:
                d = start(force=bool(pending))
                d.bylines.append(b)
                d.spans.append(b.span)
            continue
        if isinstance(unit, FurnitureUnit):
            leftovers.append(Leftover(unit.text, unit.span))
            continue
        if isinstance(unit, JumpUnit):
            if cur is not None and not pending and cur.continued_to is None:
                cur.continued_to = unit.page
                cur.spans.append(unit.span)
                cur.ended = True
            else:
                leftovers.append(Leftover(unit.text, unit.span))
            continue
        para = unit
        if pending:
            if _is_boundary(pending, cur, para):
                d = start()
            else:
                assert cur is not None
                for item in pending:
                    assert isinstance(item, HeadingRun)
                    cur.blocks.append(BodyBlock("subheading", _subheading_text(item), item.span))
                    cur.spans.append(item.span)
                pending = []
                d = cur
        elif cur is None or cur.ended:
            d = start()
        else:
            d = cur
        if para.jump_from is not None and not d.has_text:
            d.continued_from = para.jump_from
        if para.text:
            kind = "paragraph"
            if _reads_as_subheading(para.text):
                kind = "subheading"
            d.blocks.append(BodyBlock(kind, para.text, para.span))
        d.spans.append(para.span)
    flush_pending()
    _split_run_together(drafts, clusters)
    return drafts, clusters, leftovers


def _split_run_together(drafts: list[_Draft], clusters: list[_Cluster]) -> None:
    """Cut apart two articles that ran together without a headline between them.

    An article carries a lead byline or a trailing one; one that opens with
    a lead byline and closes with a trailing byline naming other people is two
    articles. The second starts at the first later paragraph that opens like
    a news lead (a date, "记者…获悉").
    """
    i = 0
    while i < len(drafts):
        d = drafts[i]
        lead = [b for b in d.bylines if b.position is BylinePosition.LEAD]
        trail = [b for b in d.bylines if b.position is BylinePosition.TRAILING]
        cut = None
        if lead and trail and not {p.name for p in lead[0].people} & {p.name for p in trail[-1].people}:
            cut = next(
                (j for j, b in enumerate(d.blocks) if j > 0 and b.kind == "paragraph" and pat.DATE_LEAD.match(b.text)),
                None,
            )
        if cut is None:
            i += 1
            continue
        at = d.blocks[cut].span.start
        second = _Draft(
            blocks=d.blocks[cut:],
            bylines=[b for b in d.bylines if b.span.start >= at],
            spans=[x for x in d.spans if x.start >= at],
            ended=d.ended,
            continued_to=d.continued_to,
        )
        d.blocks = d.blocks[:cut]
        d.bylines = [b for b in d.bylines if b.span.start < at]
        d.spans = [x for x in d.spans if x.start < at]
        d.ended, d.continued_to = True, None
        drafts.insert(i + 1, second)
        for cl in clusters:
            if cl.position > i:
                cl.position += 1
        i += 1
