"""Stage 4c: which runs of lines stand alone as headline or subheading groups.

A *run* is a stretch of adjacent non-blank lines, cut before bylines and
standalone lines. A run stands alone when it is *shaped* like headlines (few
lines, short, no sentence punctuation, nothing left open) and the page around
it says so: it stands right above a byline or a profile line (*firm*), or it
follows a finished paragraph and keeps apart from the text below. Each run's
verdict is recorded with its reason code.
"""

from __future__ import annotations

import itertools
from collections.abc import Collection, Sequence

from qhnews import _patterns as pat
from qhnews._columns import edge_columns
from qhnews._cues import PHOTO_CREDIT, SPEAKER, LineInfo
from qhnews._options import ReflowOptions
from qhnews._paragraphs import left_open
from qhnews._rules import reason

__all__ = ["PageMeasure", "columns_between_headings", "standalone_runs"]

ALONE = reason("standalone.form", "a byline, profile line, jump or furniture line stands alone")
FIRM = reason("standalone.over-byline", "heading-shaped lines that end at a byline, a profile line or the page end")
AFTER_HEADING = reason("standalone.after-heading", "heading-shaped lines under a profile line or a kicker")
KEPT_APART = reason("standalone.kept-apart", "heading-shaped lines after a finished paragraph, apart from the text")
LAST_OPENS = reason(
    "standalone.last-line-opens-paragraph",
    "a heading group's short last line that the paragraph below continues is that paragraph's first line",
)


def split_runs(infos: Sequence[LineInfo], opts: ReflowOptions) -> list[list[int]]:
    """Runs of adjacent non-blank lines, cut before bylines and standalone lines.

    Also cut after a sentence's end where the lines under it, none ending a
    sentence, run straight into a lead byline (``_heads_dateline``).
    """
    runs: list[list[int]] = []
    for i, info in enumerate(infos):
        cut = info.gap_before > 0 or info.lead_byline or info.alone
        above = infos[i - 1]  # (for the first line, the page's last: unread, the first line opens a run)
        # a headline over a dateline stands only after a sentence's end (``_heads_dateline``): most lines need no call
        if not runs or cut or above.alone or above.closes or (above.ends_sentence and _heads_dateline(infos, i, opts)):
            runs.append([i])
        else:
            runs[-1].append(i)
    return runs


def _heads_dateline(infos: Sequence[LineInfo], i: int, opts: ReflowOptions) -> bool:
    """Line ``i`` opens a headline set with no blank line between the text above and its article's dateline.

    A paragraph ends with a sentence's end; a dateline (本报讯…) opens its
    article's text, its headline right over it. Where the page sets no blank
    line between articles, the lines after a sentence's end that end no
    sentence themselves and run straight into a lead byline are that
    headline, not the paragraph's rest (a paragraph's last line ends its
    sentence). At most ``stacked_max_lines`` of them (the headlines of two
    articles printed together: more lines are no headline).
    """
    if not infos[i - 1].ends_sentence:
        return False
    for j in range(i, min(len(infos), i + opts.stacked_max_lines + 1)):
        info = infos[j]
        if j > i and info.lead_byline:
            return True
        if info.ends_sentence or info.alone or info.lead_byline or info.closes or (j > i and info.gap_before):
            return False
        if pat.CLAUSE_MARK.search(info.line.text.replace("、", "")) is not None:
            return False  # clauses: running text
    return False


def _firm(info: LineInfo) -> bool:
    """A line that only a headline group stands right above: a lead or heading byline, a profile line."""
    return info.lead_byline or info.alone


def _heading_like(info: LineInfo, opts: ReflowOptions) -> bool:
    text = info.line.text
    if info.ends_sentence or info.alone or info.lead_byline or info.closes:
        return info.form == SPEAKER
    if pat.clause_open(text) or "。" in text or "；" in text or _opens_a_note(text):
        return False
    return info.line.width <= opts.heading_max_width


def _opens_a_note(text: str) -> bool:
    """The line opens an editor's note with its words (编者按：…): the note's text, which a column break may cut.

    The label alone (编者按, ``NOTE_LABEL``) may stand on a line of its own over the note.
    """
    return pat.opens_note(text) and pat.NOTE_LABEL.match(text) is None


def _headline_idiom(text: str) -> bool:
    """A line only headlines have: a kicker (…时强调), a who-did line (X主持并讲话), spaced phrases, a dash.

    Or a subtitle that says whom the piece is about or what kind it is (访X, 记X, …综述).
    """
    return (
        " " in text
        or text.startswith(("——", "—"))
        or pat.KICKER_END.search(text) is not None
        or pat.SUBTITLE_WHO.search(text) is not None
        or pat.PLAIN_SUBTITLE.search(text) is not None
    )


def _has_comma(info: LineInfo) -> bool:
    return "，" in info.line.text


def _fits(infos: Sequence[LineInfo], run: list[int], nxt: LineInfo | None, opts: ReflowOptions) -> bool:
    """Few enough lines for a headline group.

    Headlines of two articles may be stacked without a blank line: a longer
    run is a headline group right above a byline or profile line, or (there,
    elsewhere or at the page end) when no line of it has a comma and one
    reads as headline idiom (a list or verse has neither kickers nor who-did
    lines nor spaced phrases).
    """
    if len(run) <= opts.headline_max_lines:
        return True
    if len(run) > opts.stacked_max_lines:
        return False
    if nxt is not None and _firm(nxt):
        return True
    return not any(_has_comma(infos[i]) for i in run) and any(_headline_idiom(infos[i].line.text) for i in run)


def _shaped(infos: Sequence[LineInfo], runs: list[list[int]], r: int, opts: ReflowOptions) -> bool:
    run = runs[r]
    nxt = infos[runs[r + 1][0]] if r + 1 < len(runs) else None
    return (
        _fits(infos, run, nxt, opts)
        and not infos[run[0]].lead_byline
        and not infos[run[0]].alone
        # a run that opens as a paragraph does (同时，…) is running text: no headline opens so
        and not pat.opens_paragraph(infos[run[0]].line.text)
        and all(_heading_like(infos[i], opts) for i in run)
        and not left_open(infos[i].line.text for i in run)
        and (nxt is None or nxt.gap_before > 0 or _firm(nxt))
    )


def _kicker_only(info: LineInfo) -> bool:
    """A line that can only be a kicker (…时强调): the line under it is a title."""
    return pat.kicker_only(info.line.text)


def _comma_line_is_text(info: LineInfo, single: bool, nxt: LineInfo | None, opts: ReflowOptions) -> bool:
    """A heading line with a comma that reads as running text.

    Running text has commas; a heading with one is short or wide. In
    unwrapped text a lone line with a comma may be a paragraph a column break
    cut; lines wrapped there were wrapped as printed: a heading. A line that
    opens as only an article's head does (◆…, △…, 编者按：…) opens the text of
    an item or a note, which the press sets under its headline, never in it;
    and a lone line with a comma that ends in a word completing no phrase
    (…，与) is running text a column break cut.
    """
    return (
        # a line in or right above unwrapped text (a wide column, or a wide line of running text next)
        (single and (info.unwrapped or (nxt is not None and _unwrapped_text(nxt, opts))))
        # a paragraph's opening line falls short by its indent and a character
        or abs(info.line.width - info.column) <= opts.indent_tolerance
        # at a seam between articles, the column of the paragraph below
        or abs(info.line.width - info.ahead) <= opts.indent_tolerance
        # clause after clause: running text
        or info.line.text.count("，") >= opts.clause_commas
        # the opening line of an item or a note (◆…, 编者按：…)
        or pat.ARTICLE_HEAD.match(info.line.text) is not None
        # the text below opens with a word's last character and a clause mark (…任 / 务，…): no paragraph
        # opens so, the column broke inside a word of running text
        or (single and nxt is not None and pat.WORD_TAIL.match(nxt.line.text) is not None)
        # a clause, then a word that completes no phrase (在…局，与 / …): a headline line ends a phrase (but
        # for a lead-in's ——), a column break in running text falls anywhere
        or (single and pat.goes_on(info.line.text) and not pat.dash_end(info.line.text))
    )


#: Marks that end a sentence inside a line of running text (a headline ends none and goes on).
_STOPS = frozenset("。！？；")


def _unwrapped_text(info: LineInfo, opts: ReflowOptions) -> bool:
    """A line the OCR did not wrap: wider than any column, or running text wider than a column of body type.

    Running text: a sentence ends inside the line and the text goes on after it, which no headline does.
    """
    width = info.line.width
    if width >= opts.unwrapped_width:
        return True
    return width >= opts.unwrapped_text_width and any(c in _STOPS for c in info.line.text.rstrip(pat.CLOSERS)[:-1])


def _keeps_apart(
    infos: Sequence[LineInfo],
    run: list[int],
    nxt: LineInfo | None,
    *,
    strong_next: bool,
    next_shaped: bool,
    after_text: bool,
    opts: ReflowOptions,
) -> bool:
    """Tell a headline from a paragraph fragment that a column break left alone.

    ``after_text``: the run follows a finished paragraph, no headline group.
    """
    if not strong_next and any(
        _has_comma(infos[i]) and _comma_line_is_text(infos[i], len(run) == 1, nxt, opts) for i in run
    ):
        return False
    if strong_next or nxt is None:
        return True
    if (
        len(run) == 1
        and not next_shaped
        and _starts_flow(infos[run[0]], nxt, opts, after_text=after_text)
        and not _over_credited(infos, run[0] + 1)
    ):
        return False  # a first line whose paragraph goes on past a column break
    # Lines that fill the column and go on past a break are running text; but over a short text closed by
    # its credit (a caption and its 摄 line) they are a picture story's title, set to the caption's measure.
    return not (
        _fills_column(infos, run, opts)
        and not nxt.short(opts.short_margin)
        and not nxt.unwrapped
        and not _over_credited(infos, run[-1] + 1)
    )


def _fills_column(infos: Sequence[LineInfo], run: list[int], opts: ReflowOptions) -> bool:
    """Two lines or more that each fill the column: text type (a headline's larger type holds fewer characters)."""
    return len(run) > 1 and all(abs(infos[i].line.width - infos[i].column) <= opts.fill_tolerance for i in run)


def _body_type(infos: Sequence[LineInfo], run: list[int], opts: ReflowOptions) -> bool:
    """A run of clauses set full measure, as running text is: no headline group, though no line ends a sentence."""
    return _fills_column(infos, run, opts) and any(_has_comma(infos[i]) for i in run)


def _starts_flow(last: LineInfo, nxt: LineInfo, opts: ReflowOptions, *, after_text: bool = False) -> bool:
    """True when the last line of a heading group is really the first line of the next paragraph.

    A paragraph's first line falls short of its column by its indent and the
    characters the line-breaking rules carried down: a line far shorter (a
    name alone over a commentary's text) ends where it does, and no column
    break cut it. After a finished paragraph (``after_text``), where the next
    article's title stands, a line with no clause mark already ends where it
    does when it falls shorter than a first line does (``first_line_margin``).
    """
    text = last.line.text
    margin = opts.first_line_margin if after_text and pat.CLAUSE_MARK.search(text) is None else opts.far_margin
    return (
        last.short(opts.short_margin)
        and not last.short(margin)
        and " " not in text
        and "·" not in text
        and last.form != SPEAKER
        and last.line.width <= last.column
        and not last.unwrapped
        and _goes_on(nxt, opts)
    )


#: A caption or a short item runs to this many lines at most before the credit that closes it.
_CREDITED_LINES = 4


def _over_credited(infos: Sequence[LineInfo], start: int) -> bool:
    """The text from line ``start`` closes within a few lines with a credit (a photo credit, a trailing byline).

    A short text closed by its credit is a caption or an item of its own: the
    line over it is its headline (a picture story's title), no paragraph's
    first line cut off by a column break.
    """
    for info in infos[start : start + _CREDITED_LINES]:
        if info.closes or info.form == PHOTO_CREDIT:
            return True
        if info.alone or info.lead_byline:
            return False
    return False


def _goes_on(nxt: LineInfo, opts: ReflowOptions) -> bool:
    """The line under a paragraph's cut-off first line reads as the rest of that paragraph."""
    return (
        not (nxt.lead_byline or nxt.alone)
        and not nxt.short(opts.short_margin)
        and nxt.line.width <= nxt.column + opts.hang_cells
        and " " not in nxt.line.text
        and not nxt.ends_sentence
        and pat.DATE_LEAD.match(nxt.line.text) is None
        and not pat.opens_paragraph(nxt.line.text)  # 据了解，…: a paragraph opens there
        and pat.ARTICLE_HEAD.match(nxt.line.text) is None  # 编者按…, ◆…: an article's head, no paragraph's rest
    )


def _firm_chain(infos: Sequence[LineInfo], runs: list[list[int]], shaped: list[bool]) -> list[bool]:
    """A chain of heading-shaped runs that ends at a byline, a profile line or the page end is a headline group."""
    firm = [False] * (len(runs) + 1)
    firm[len(runs)] = True
    for r in range(len(runs) - 1, -1, -1):
        nxt = infos[runs[r + 1][0]] if r + 1 < len(runs) else None
        firm[r] = shaped[r] and (nxt is None or _firm(nxt) or firm[r + 1])
    return firm


def standalone_runs(infos: Sequence[LineInfo], opts: ReflowOptions) -> dict[int, tuple[list[int], str]]:
    """Decide which runs of lines stand alone as headline or subheading groups.

    Returns a map from the index of a group's first line to the indices of its
    lines and the reason code that made it stand alone.
    """
    runs = split_runs(infos, opts)
    shaped = [_shaped(infos, runs, r, opts) for r in range(len(runs))]
    firm = _firm_chain(infos, runs, shaped)
    groups: dict[int, tuple[list[int], str]] = {}
    closed = True  # the text before is a finished paragraph (or the page top)
    after_heading = False  # the run before stood alone as a profile line or a kicker
    after_text = False  # the run before is running text that finished its paragraph
    for r, run in enumerate(runs):
        first = infos[run[0]]
        if first.alone:
            groups[run[0]] = (run, ALONE)
            closed, after_heading, after_text = True, first.form == SPEAKER, False
            continue
        nxt = infos[runs[r + 1][0]] if r + 1 < len(runs) else None
        next_shaped = r + 1 < len(runs) and shaped[r + 1] and not _body_type(infos, runs[r + 1], opts)
        why = ""
        if closed and shaped[r]:
            why = _stands_alone(
                infos,
                run,
                nxt,
                firm=firm[r],
                next_firm=firm[r + 1],
                next_shaped=next_shaped,
                after_heading=after_heading,
                after_text=after_text,
                opts=opts,
            )
        if why == LAST_OPENS:
            groups[run[0]] = (run[:-1], why)  # the last line opens the paragraph that follows
            closed = after_heading = after_text = False
        elif why:
            groups[run[0]] = (run, why)
            # "X在Y调研时强调" is a kicker: the title it heads comes next
            closed, after_heading, after_text = True, _kicker_only(infos[run[-1]]), False
        else:
            last = infos[run[-1]]
            after_heading = False
            closed = (
                last.ends_sentence or last.closes or pat.dash_end(last.line.text) or _short_of_a_break(infos, run, opts)
            )
            after_text = closed
    return groups


def _short_of_a_break(infos: Sequence[LineInfo], run: list[int], opts: ReflowOptions) -> bool:
    """A run's last line far short of the run's full lines: no column break cut it (text runs on from a full line)."""
    last = infos[run[-1]]
    full = max((infos[i].line.width for i in run[:-1]), default=0)
    return not last.unwrapped and last.line.width <= full - opts.far_margin and not left_open((last.line.text,))


def _stands_alone(
    infos: Sequence[LineInfo],
    run: list[int],
    nxt: LineInfo | None,
    *,
    firm: bool,
    next_firm: bool,
    next_shaped: bool,
    after_heading: bool,
    after_text: bool,
    opts: ReflowOptions,
) -> str:
    """The reason a shaped run after a finished paragraph stands alone, or "" when it does not."""
    if firm:
        return FIRM
    strong_next = nxt is not None and (_firm(nxt) or next_firm)
    if not after_heading and not _keeps_apart(
        infos, run, nxt, strong_next=strong_next, next_shaped=next_shaped, after_text=after_text, opts=opts
    ):
        return ""
    if (
        not next_shaped
        and len(run) > 1
        and nxt is not None
        and _starts_flow(infos[run[-1]], nxt, opts)
        and not _kicker_only(infos[run[-2]])
        and not pat.goes_on(infos[run[-2]].line.text)  # the line above goes on into it: one headline
    ):
        return LAST_OPENS
    return AFTER_HEADING if after_heading else KEPT_APART


class PageMeasure:
    """What the column passes over a page (``columns_between_headings``) read, read once a page.

    A pass remeasures lines, which keep their widths, lead bylines and closes.

    Attributes:
        widths: The width of each line.
        ends: Where a segment ends whatever stands alone: at a lead byline (it
            opens an article), after a trailing byline or a jump (they close
            one): the next article may be set narrower.
        measured: The segments (their first line and the line after their
            last) measured so far: the same lines give the same measure.
    """

    def __init__(self, infos: Sequence[LineInfo]) -> None:
        self.widths = [x.line.width for x in infos]
        self.ends: set[int] = set()
        for i, x in enumerate(infos):
            if x.lead_byline:
                self.ends.add(i)
            if x.closes:
                self.ends.add(i + 1)
        self.measured: set[tuple[int, int]] = set()


def columns_between_headings(
    infos: Sequence[LineInfo],
    standalone: Collection[int],
    opts: ReflowOptions,
    page: PageMeasure | None = None,
) -> list[LineInfo]:
    """Measure columns again, this time not across the ``standalone`` lines, lead bylines and article ends.

    Articles of different widths meet at their headlines and bylines, and
    after a trailing byline or a jump; a column measured across that seam
    mixes both widths. ``page`` is the page's measure (``PageMeasure``): the
    segments that ``infos`` were measured over already are skipped, and the
    segments measured now are added.
    """
    page = page or PageMeasure(infos)
    out = list(infos)
    widths, measured = page.widths, page.measured
    # A segment runs between standalone lines and the ends of articles.
    cuts = {0, len(infos), *standalone, *(i + 1 for i in standalone), *page.ends}
    for a, b in itertools.pairwise(sorted(cuts)):
        if a in standalone or (a, b) in measured:
            continue
        measured.add((a, b))
        # A line whose window lies inside the segment keeps its measure; only
        # lines within a window of the segment's ends are measured again.
        for j, col, col_ahead in edge_columns(widths[a:b], opts.window):
            info = infos[a + j]
            if col != info.column or col_ahead != info.ahead:
                out[a + j] = info.remeasured(col, col_ahead, opts.unwrapped_width)
    return out
