"""Stage 6, assemble, step 1: segment the classified units into article drafts.

Walk the units in page order. A lead byline starts an article; a trailing
byline or a continuation jump ends one; a heading byline starts one whose
headline is the heading group printed just above it. Heading lines met
between paragraphs of one article are in-body subheadings unless one of the
``BOUNDARY`` rules says the page starts a new article there; heading lines
met at a boundary gather into a *cluster*, whose lines the attachment step
(``_attach``) gives to articles. Each paragraph's kind (paragraph or
subheading) is the verdict of the ``BODY_KIND`` rules.

Every draft keeps the code of the rule or cue that opened it, every body
block the code of the rule that decided its kind.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import attrs

from qhnews import _patterns as pat
from qhnews._classify import BylineUnit, CaptionUnit, FurnitureUnit, HeadingRun, JumpUnit, Para, SpeakerUnit, Unit
from qhnews._records import BodyBlock, Byline, BylinePosition, Caption, Furniture, Leftover, Span, Speaker
from qhnews._rules import Rule, first_verdict, reason, rule

if TYPE_CHECKING:
    from qhnews._assemble import AssembleOptions

__all__ = ["BODY_KIND", "BOUNDARY", "Cluster", "Draft", "HeadlineLine", "Segmented", "segment"]


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

    @property
    def has_text(self) -> bool:
        return bool(self.captions) or any(b.kind == "paragraph" for b in self.blocks)


@attrs.frozen
class HeadlineLine:
    """One line of a cluster: a heading line, or a profile line with its speaker."""

    text: str
    span: Span
    speaker: Speaker | None = None


@attrs.define
class Cluster:
    """Heading lines printed together at an article boundary."""

    position: int  # articles before it
    lines: list[HeadlineLine] = attrs.Factory(list)
    forced: bool = False  # its last group heads the next article (a heading byline follows)


# --- article boundaries ----------------------------------------------------------------


@attrs.frozen
class _Turn:
    """Heading lines met before a paragraph (does the paragraph start an article)."""

    items: Sequence[HeadingRun | SpeakerUnit]
    draft: Draft | None
    para: Para
    options: AssembleOptions


_AFTER_TRAILING_BYLINE = "boundary.after-trailing-byline"
_AFTER_JUMP = "boundary.after-jump"


@rule("boundary.page-start", "The first text of the page starts an article.")
def _page_start(s: _Turn) -> bool | None:
    return True if s.draft is None else None


@rule(_AFTER_TRAILING_BYLINE, "A trailing byline, （记者 X）, ends its article: the text after it is another.")
def _after_trailing_byline(s: _Turn) -> bool | None:
    return True if s.draft is not None and s.draft.ended_by == _AFTER_TRAILING_BYLINE else None


@rule(_AFTER_JUMP, "A continuation jump, （下转N版）, ends its article: the text after it is another.")
def _after_jump(s: _Turn) -> bool | None:
    return True if s.draft is not None and s.draft.ended_by == _AFTER_JUMP else None


@rule("boundary.continued-from", "A （上接第一版） mark opens the rest of an article continued from another page.")
def _continued_from(s: _Turn) -> bool | None:
    return True if s.para.jump_from is not None else None


@rule("boundary.no-body-yet", "Heading lines over the first paragraph of an article are its headline.")
def _no_body_yet(s: _Turn) -> bool | None:
    return True if s.draft is not None and not s.draft.has_text else None


@rule("boundary.several-runs", "Two heading runs in a row (a blank line between) are a headline, not a subheading.")
def _several_runs(s: _Turn) -> bool | None:
    return True if len(s.items) != 1 else None


@rule("boundary.profile-line", "A profile line (titles and a name) heads an interview piece.")
def _profile_line(s: _Turn) -> bool | None:
    return True if isinstance(s.items[0], SpeakerUnit) else None


def _run(s: _Turn) -> HeadingRun:
    run = s.items[0]
    assert isinstance(run, HeadingRun)  # the rules above took the other cases
    return run


@rule("body.lead-in-run", "A heading run that ends with —— leads into the paragraph below it: a subheading.")
def _lead_in_run(s: _Turn) -> bool | None:
    return False if _run(s).text.endswith(("——", "—")) else None


@rule("boundary.dash-subtitle", "A line that opens with —— is a headline's subtitle.")
def _dash_subtitle(s: _Turn) -> bool | None:
    return True if any(h.text.startswith(("——", "—")) for h in _run(s).lines) else None


@rule("boundary.section-label", "An A·B line (尊师重教·感念师恩) is a section label over a headline.")
def _section_label(s: _Turn) -> bool | None:
    return True if any(pat.SECTION_DOT.match(h.text) for h in _run(s).lines) else None


@rule("boundary.kicker-title", "A kicker (…时强调) over a longer line is a kicker and title.")
def _kicker_title(s: _Turn) -> bool | None:
    run = _run(s)
    first = run.lines[0].text
    if len(run.lines) > 1 and pat.KICKER_END.search(first) and len(first) < len(run.text) - s.options.kicker_margin:
        return True
    return None


@rule("boundary.wide-line", "A line wider than its column is set in headline type.")
def _wide_line(s: _Turn) -> bool | None:
    wide = s.options.wide_margin
    return True if any(h.width >= h.column + wide for h in _run(s).lines) else None


@rule("boundary.headline-idiom", "Phrases set apart by a space and who-did lines (X主持并讲话) are headline idiom.")
def _headline_idiom(s: _Turn) -> bool | None:
    lines = _run(s).lines
    if len(lines) > 1 and any(pat.HAN_SPACE.search(h.text) or pat.SUBTITLE_WHO.search(h.text) for h in lines):
        return True
    return None


@rule("boundary.news-lead", "A paragraph that opens like a news lead (a date, 记者…获悉) starts an article.")
def _news_lead(s: _Turn) -> bool | None:
    return True if pat.DATE_LEAD.match(s.para.text) else None


@rule(
    "boundary.article-head",
    "A paragraph that opens as only an article's head does (an editor's note 编者按, an item of a short-news "
    "column ◆ △) starts an article.",
)
def _article_head(s: _Turn) -> bool | None:
    return True if pat.ARTICLE_HEAD.match(s.para.text) else None


#: Does the paragraph after heading lines start an article? The first verdict wins.
BOUNDARY: tuple[Rule[_Turn, bool], ...] = (
    _page_start,
    _after_trailing_byline,
    _after_jump,
    _continued_from,
    _no_body_yet,
    _several_runs,
    _profile_line,
    _lead_in_run,
    _dash_subtitle,
    _section_label,
    _kicker_title,
    _wide_line,
    _headline_idiom,
    _news_lead,
    _article_head,
)
_SUBHEADING_IN_ARTICLE = reason(
    "body.heading-in-article",
    "Heading lines between paragraphs of one article, with no cue of a boundary, are a subheading.",
)
_PAGE_START = _page_start.code
_LEAD_BYLINE = reason("boundary.lead-byline", "A lead byline, 本报讯（记者 X）, opens its article.")
_HEADING_BYLINE = reason("boundary.heading-byline", "A byline on a line of its own under a headline opens its article.")
_BYLINE_AFTER_HEADINGS = reason(
    "boundary.byline-after-headings", "A byline under heading lines opens an article, whatever its form."
)
_PICTURE = reason(
    "boundary.picture-story", "A caption under a headline of its own, with no text of an article, is a picture story."
)
_RUN_TOGETHER = reason(
    "boundary.run-together",
    "An article whose lead and trailing bylines name other people is two: the second opens at a news lead.",
)


# --- paragraph or subheading --------------------------------------------------------------


@attrs.frozen
class _Text:
    text: str
    options: AssembleOptions


@rule("body.has-stops", "Running text with a full stop, ！, ？ or ； in it is a paragraph.")
def _has_stops(s: _Text) -> str | None:
    return "paragraph" if pat.STOPS.search(s.text) else None


@rule("body.lead-in", "A short line that ends with —— leads into the text below: a subheading.")
def _lead_in(s: _Text) -> str | None:
    if s.text.endswith(("——", "—")) and len(s.text) <= s.options.lead_in_max_chars:
        return "subheading"
    return None


@rule("body.long-lead-in", "A long text that ends with —— is a paragraph.")
def _long_lead_in(s: _Text) -> str | None:
    return "paragraph" if s.text.endswith(("——", "—")) else None


@rule("body.short-open-line", "A short text that ends no sentence and no clause is a subheading.")
def _short_open_line(s: _Text) -> str | None:
    text = s.text
    if len(text) <= s.options.subheading_max_chars and not pat.SENTENCE_END.search(text) and not pat.clause_open(text):
        return "subheading"
    return None


#: Is running text a paragraph or a subheading? The first verdict wins.
BODY_KIND: tuple[Rule[_Text, str], ...] = (_has_stops, _lead_in, _long_lead_in, _short_open_line)
_PARAGRAPH = reason("body.paragraph", "Running text that is no subheading is a paragraph.")


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
            cur.ended_by = _AFTER_TRAILING_BYLINE
            d = cur
        elif b.position is BylinePosition.LEAD and cur is not None and self._after_note(cur):
            d = cur  # the report an editor's note introduces: 编者按：… then 本报讯（记者 X）…
        elif b.position is BylinePosition.LEAD:
            d = self.start(_LEAD_BYLINE)
        elif b.position is BylinePosition.HEADING:
            d = self.start(_HEADING_BYLINE, force=bool(self.pending))
        else:
            d = self.start(_BYLINE_AFTER_HEADINGS, force=True)
        d.bylines.append(b)
        d.spans.append(b.span)

    def _after_note(self, cur: Draft) -> bool:
        """The open article holds an editor's note and nothing else yet (no byline, no heading lines after it)."""
        return (
            not self.pending and not cur.bylines and bool(cur.blocks) and cur.blocks[0].text.startswith(pat.NOTE_OPENS)
        )

    def jump(self, unit: JumpUnit) -> None:
        cur = self.cur
        if cur is not None and not self.pending and cur.continued_to is None:
            cur.continued_to = unit.page
            cur.spans.append(unit.span)
            cur.ended_by = _AFTER_JUMP
        else:
            self.leftovers.append(Leftover(unit.text, unit.span))

    def draft_for(self, para: Para) -> Draft:
        """The draft a paragraph goes to: the open one, or one it starts."""
        cur = self.cur
        if self.pending:
            opens, code = first_verdict(
                BOUNDARY, _Turn(self.pending, cur, para, self.options), (False, _SUBHEADING_IN_ARTICLE)
            )
            if opens:
                return self.start(code)
            assert cur is not None
            for item in self.pending:
                assert isinstance(item, HeadingRun)
                cur.blocks.append(BodyBlock("subheading", item.text, item.span, code))
                cur.spans.append(item.span)
            self.pending = []
            return cur
        if cur is None:
            return self.start(_PAGE_START)
        if cur.ended_by:
            return self.start(cur.ended_by)
        if para.jump_from is not None and cur.has_text:
            return self.start(_continued_from.code)
        return cur

    def caption(self, caption: Caption) -> None:
        """A caption goes with its article; under a headline of its own it opens one (a picture story)."""
        d = self.start(_PICTURE) if self.pending or self.cur is None else self.cur
        d.captions.append(caption)
        d.spans.append(caption.span)

    def para(self, para: Para) -> None:
        d = self.draft_for(para)
        if para.jump_from is not None and not d.has_text:
            d.continued_from = para.jump_from
        if para.text:
            kind, code = first_verdict(BODY_KIND, _Text(para.text, self.options), ("paragraph", _PARAGRAPH))
            d.blocks.append(BodyBlock(kind, para.text, para.span, code))
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
    _split_run_together(walk.drafts, walk.clusters)
    return Segmented(walk.drafts, walk.clusters, walk.furniture, walk.leftovers)


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
            _RUN_TOGETHER,
            blocks=d.blocks[cut:],
            bylines=[b for b in d.bylines if b.span.start >= at],
            spans=[x for x in d.spans if x.start >= at],
            ended_by=d.ended_by,
            continued_to=d.continued_to,
        )
        d.blocks = d.blocks[:cut]
        d.bylines = [b for b in d.bylines if b.span.start < at]
        d.spans = [x for x in d.spans if x.start < at]
        d.ended_by, d.continued_to = _RUN_TOGETHER, None
        drafts.insert(i + 1, second)
        for cl in clusters:
            if cl.position > i:
                cl.position += 1
        i += 1
