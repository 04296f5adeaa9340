"""Stage 4, blocks: reflow physical lines into the page's paragraphs and standalone lines.

The cues are the ones a typesetter leaves on the page:

* A line that does not end a sentence continues on the next line, also across
  the blank lines a column or page break leaves mid-sentence.
* A sentence-final line (。！？… or ：；, closing quotes allowed) shorter than
  its column ends a paragraph; so does one followed by a blank line.
* The first line of a paragraph is about two characters short of the column,
  because the OCR dropped its indent: a sentence-final line followed by such
  a line ends a paragraph.
* Short lines with no sentence punctuation, standing between blank lines after
  a finished paragraph, are headlines or subheadings: they stand alone.
* Bylines, profile lines and continuation jumps stand alone too.

Column width is measured in display cells (a Chinese character is two, a digit
one) and estimated per line from its neighbours, so articles of different
widths on one page each get their own. Text whose lines are far longer than
any printed column was not wrapped by the OCR (one paragraph per line): there
every sentence-final line ends a paragraph.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Sequence

import attrs

from qhnews import _patterns as pat
from qhnews._normalize import NormalizeOptions, explain, normalize
from qhnews._records import BlockKind, Line, TextBlock

__all__ = ["LineInfo", "ReflowOptions", "analyse", "reflow", "reflow_analysed"]


@attrs.frozen
class ReflowOptions:
    """Thresholds of the reflow, in display cells.

    Attributes:
        window: How many non-blank lines on each side inform a line's column width.
        short_margin: A line at least this much narrower than its column is short.
        unwrapped_width: Columns at least this wide mean the OCR did not wrap the text.
        headline_max_lines: The most lines a headline or subheading group may have;
            twice as many where headlines of two articles are stacked (see the parsing guide).
    """

    window: int = 8
    short_margin: int = 3
    unwrapped_width: int = 100
    headline_max_lines: int = 4


@attrs.frozen
class LineInfo:
    """What the reflow knows of one non-blank line.

    Attributes:
        line: The line.
        column: Estimated column width around it, in cells.
        ahead: Estimated column width of it and the lines after it (the column
            of the paragraph it may open).
        gap_before: Blank lines between it and the previous non-blank line.
        ends_sentence: Ends with sentence-final punctuation.
        lead_byline: Opens with a lead byline (本报讯（记者 X）…).
        alone: A line that always stands alone: a heading byline, a lone
            trailing byline, a profile line or a lone jump.
        closes: Ends with a trailing byline or a continuation jump.
    """

    line: Line
    column: int
    ahead: int
    gap_before: int
    ends_sentence: bool
    lead_byline: bool
    alone: bool
    closes: bool

    @property
    def unwrapped(self) -> bool:
        """True where the column is wider than any printed column."""
        return self.column >= 100

    def remeasured(self, column: int, ahead: int) -> LineInfo:
        """The same line with other column widths (``attrs.evolve``, without its introspection)."""
        return LineInfo(
            self.line, column, ahead, self.gap_before, self.ends_sentence, self.lead_byline, self.alone, self.closes
        )

    def short(self, margin: int) -> bool:
        """True when the line is ``margin`` cells or more narrower than its column."""
        return self.line.width <= self.column - margin


def _column_widths(widths: Sequence[int], window: int, behind: int) -> list[int]:
    """Per line, the upper quartile of the widths from ``behind`` lines before to ``window`` after.

    The upper quartile is robust to the short lines that end paragraphs and to
    the odd wide headline.
    """
    n = len(widths)
    near = sorted(widths[: window + 1])  # the window of line 0, kept sorted as it slides
    out: list[int] = []
    for i in range(n):
        size = len(near)
        half = size // 2
        out.append(near[half + (size - half) // 2])  # as _quartile(near)
        if i + window + 1 < n:
            bisect.insort(near, widths[i + window + 1])
        if i - behind >= 0:
            del near[bisect.bisect_left(near, widths[i - behind])]
    return out


def _quartile(widths: Sequence[int]) -> int:
    """The median of the upper half of ``widths``."""
    near = sorted(widths)
    half = len(near) // 2
    return near[half + (len(near) - half) // 2]


#: A line that BYLINE_TRAILING or JUMP_TO can match ends in one of these (``$`` also matches before a final newline).
_CLOSING_ENDS = (")", "）", ")\n", "）\n")


# Cheap necessary conditions, tested before the patterns they guard: a heading
# byline names a role, page furniture has a colon, a weekday or a page number,
# a lead byline says 讯 or 电 near its start, a sentence end is a mark.
_SENTENCE_MARKS = frozenset("。！？!?…：；:;")
_CLOSER_MARKS = frozenset(pat.CLOSERS)


def _ends_sentence(text: str) -> bool:
    last = text[-1:]
    if last in _SENTENCE_MARKS:
        return True
    return bool(last) and last in _CLOSER_MARKS and pat.SENTENCE_END.search(text) is not None


def _lead(text: str) -> int:
    """Where the lead byline a line opens with ends (本报讯（记者 X）…), or 0 when it opens with none."""
    head = text[:40]
    if "讯" not in head and "电" not in head:
        return 0
    m = pat.BYLINE_LEAD.match(text)
    if m is not None and (m.group("people") is not None or m.end() < len(text)):
        return m.end()
    return 0


def analyse(lines: Sequence[Line], options: ReflowOptions | None = None) -> tuple[LineInfo, ...]:
    r"""Measure every non-blank line: its column, its gap, its ending, its kind.

    Examples:
        >>> from qhnews._lines import split_lines
        >>> [(i.ends_sentence, i.alone) for i in analyse(split_lines("好。\n\n（记者 王五）"))]
        [(True, False), (False, True)]
    """
    opts = options or ReflowOptions()
    nonblank = [ln for ln in lines if ln.text]
    widths = [ln.width for ln in nonblank]
    columns = _column_widths(widths, opts.window, opts.window)
    ahead = _column_widths(widths, opts.window, 0)
    infos: list[LineInfo] = []
    prev_number = None
    for ln, col, col_ahead in zip(nonblank, columns, ahead, strict=True):
        text = ln.text
        gap = 0 if prev_number is None else ln.number - prev_number - 1
        prev_number = ln.number
        # Both end in a closing bracket: most lines need neither search.
        trailing = jump = None
        lead = _lead(text)
        if text.endswith(_CLOSING_ENDS):
            trailing = pat.BYLINE_TRAILING.search(text)
            jump = pat.JUMP_TO.search(text)
            if trailing is not None and trailing.start() < lead:
                trailing = None  # the people of a lead byline that fills its line: 本报讯（记者 X）
        alone = bool(
            (trailing is not None and trailing.start() == 0)
            or (jump is not None and jump.start() == 0)
            or (pat.ROLE_CHAR.search(text) and pat.BYLINE_HEADING.match(text))
            or (" " in text and pat.SPEAKER.match(text))
            or (pat.FURNITURE_CHAR.search(text) and pat.FURNITURE.match(text))
        )
        closes = trailing is not None or jump is not None
        # positional: the keywords would cost a third more on every line
        infos.append(LineInfo(ln, col, col_ahead, gap, _ends_sentence(text), lead > 0, alone, closes))
    return tuple(infos)


def _heading_like(info: LineInfo) -> bool:
    text = info.line.text
    if info.ends_sentence or info.alone or info.lead_byline or info.closes:
        return pat.SPEAKER.match(text) is not None
    if pat.clause_open(text) or "。" in text or "；" in text:
        return False
    return info.line.width <= 2 * 60


def _headline_idiom(text: str) -> bool:
    """A line only headlines have.

    A kicker (…时强调), a who-did line (X主持并讲话), spaced phrases
    (全面推进 着力打造…) or a dashed subtitle.
    """
    return (
        " " in text
        or text.startswith(("——", "—"))
        or pat.KICKER_END.search(text) is not None
        or pat.SUBTITLE_WHO.search(text) is not None
    )


def _left_open(texts: Iterable[str]) -> bool:
    """True when the lines open a “quote”, a （bracket） or a 《title mark》 they do not close.

    A heading closes what it opens, if over two lines; running text that a
    column break cut goes on below ("“印发《…实施意" / "见》，…").
    """
    text = "".join(texts)
    return _open_quotes(text) > 0 or text.count("《") > text.count("》")


def _has_comma(info: LineInfo) -> bool:
    return "，" in info.line.text


class _Runs:
    """Runs of adjacent non-blank lines, cut before bylines and standalone lines."""

    @staticmethod
    def split(infos: Sequence[LineInfo]) -> list[list[int]]:
        runs: list[list[int]] = []
        for i, info in enumerate(infos):
            if (
                not runs
                or info.gap_before > 0
                or info.lead_byline
                or info.alone
                or infos[i - 1].alone
                or infos[i - 1].closes
            ):
                runs.append([i])
            else:
                runs[-1].append(i)
        return runs


def _standalone_runs(infos: Sequence[LineInfo], opts: ReflowOptions) -> dict[int, list[int]]:
    """Decide which runs of lines stand alone as headline or subheading groups.

    Returns a map from the index of a group's first line to the indices of its lines.
    """
    runs = _Runs.split(infos)
    # Headlines of two articles may be stacked without a blank line: a longer
    # run is a headline group right above a byline or profile line, or when
    # no line of it has a comma and one reads as headline idiom (a list or
    # verse has neither kickers nor who-did lines nor spaced phrases).
    shaped = [
        (
            len(run) <= opts.headline_max_lines
            or (
                len(run) <= 2 * opts.headline_max_lines
                and r + 1 < len(runs)
                and (
                    _firm(infos[runs[r + 1][0]])
                    or (
                        not any(_has_comma(infos[i]) for i in run)
                        and any(_headline_idiom(infos[i].line.text) for i in run)
                    )
                )
            )
        )
        and not infos[run[0]].lead_byline
        and not infos[run[0]].alone
        and all(_heading_like(infos[i]) for i in run)
        and not _left_open(infos[i].line.text for i in run)
        and (r + 1 == len(runs) or infos[runs[r + 1][0]].gap_before > 0 or _firm(infos[runs[r + 1][0]]))
        for r, run in enumerate(runs)
    ]
    # A chain of heading-shaped runs that ends at a byline, a profile line or the
    # page end is a headline group: none of its runs opens a paragraph.
    firm = [False] * (len(runs) + 1)
    firm[len(runs)] = True
    for r in range(len(runs) - 1, -1, -1):
        nxt = infos[runs[r + 1][0]] if r + 1 < len(runs) else None
        firm[r] = shaped[r] and (nxt is None or _firm(nxt) or firm[r + 1])
    groups: dict[int, list[int]] = {}
    closed = True  # the text before is a finished paragraph (or the page top)
    after_heading = False  # the run before stood alone as a profile line or a kicker
    for r, run in enumerate(runs):
        first = infos[run[0]]
        nxt = infos[runs[r + 1][0]] if r + 1 < len(runs) else None
        next_shaped = r + 1 < len(runs) and shaped[r + 1]
        if first.alone:
            groups[run[0]] = run
            closed = True
            after_heading = pat.SPEAKER.match(first.line.text) is not None
            continue
        candidate = closed and shaped[r]
        if candidate and not firm[r]:
            candidate = after_heading or _keeps_apart(
                infos, run, nxt, next_firm=firm[r + 1], next_shaped=next_shaped, opts=opts
            )
        if (
            candidate
            and not firm[r]
            and not next_shaped
            and len(run) >= 2
            and nxt is not None
            and _starts_flow(infos[run[-1]], nxt, opts)
            and not _kicker_only(infos[run[-2]])
        ):
            groups[run[0]] = run[:-1]  # the last line opens the paragraph that follows
            closed = after_heading = False
            continue
        if candidate:
            groups[run[0]] = run
            # "X在Y调研时强调" is a kicker: the title it heads comes next
            closed, after_heading = True, _kicker_only(infos[run[-1]])
            continue
        after_heading = False
        last = infos[run[-1]]
        closed = last.ends_sentence or last.closes or pat.dash_end(last.line.text)
    return groups


def _columns_between_headings(
    infos: Sequence[LineInfo], groups: dict[int, list[int]], opts: ReflowOptions
) -> list[LineInfo]:
    """Measure columns again, this time not across standalone lines, lead bylines and article ends.

    Articles of different widths meet at their headlines and bylines, and
    after a trailing byline or a jump; a column measured across that seam
    mixes both widths.
    """
    standalone = {i for members in groups.values() for i in members}
    out = list(infos)
    segment: list[int] = []

    w = opts.window

    def measure() -> None:
        # A line whose window lies inside the segment keeps its measure; only
        # lines within a window of the segment's ends are measured again.
        n = len(segment)
        if n:
            widths = [infos[i].line.width for i in segment]
            for j in (*range(min(w, n)), *range(max(w, n - w), n)):
                info = infos[segment[j]]
                col = _quartile(widths[max(0, j - w) : j + w + 1])
                col_ahead = _quartile(widths[j : j + w + 1])
                if col != info.column or col_ahead != info.ahead:
                    out[segment[j]] = info.remeasured(col, col_ahead)
            segment.clear()

    for i, info in enumerate(infos):
        if i in standalone or info.lead_byline:
            measure()
        if i not in standalone:
            segment.append(i)
            if info.closes:  # a trailing byline or a jump ends an article: the next may be set narrower
                measure()
    measure()
    return out


def _kicker_only(info: LineInfo) -> bool:
    """A line that can only be a kicker (…时强调): the line under it is a title."""
    return pat.kicker_only(info.line.text)


def _firm(info: LineInfo) -> bool:
    """A line that only a headline group stands right above: a lead or heading byline, a profile line."""
    return info.lead_byline or info.alone


def _keeps_apart(
    infos: Sequence[LineInfo],
    run: list[int],
    nxt: LineInfo | None,
    *,
    next_firm: bool,
    next_shaped: bool,
    opts: ReflowOptions,
) -> bool:
    """Tell a headline from a paragraph fragment that a column break left alone."""
    strong_next = nxt is not None and (_firm(nxt) or next_firm)
    for i in run:
        info = infos[i]
        # Running text has commas; a heading with one is short or wide. In
        # unwrapped text a lone line with a comma may be a paragraph a column
        # break cut; lines wrapped there were wrapped as printed: a heading.
        if (
            _has_comma(info)
            and not strong_next
            and (
                # a line in or right above unwrapped text (a wide column, or a wide line next)
                (len(run) == 1 and (info.unwrapped or (nxt is not None and nxt.line.width >= opts.unwrapped_width)))
                # a paragraph's opening line falls short by its indent and a character
                or abs(info.line.width - info.column) <= 2 * opts.short_margin
                # at a seam between articles, the column of the paragraph below
                or abs(info.line.width - info.ahead) <= 2 * opts.short_margin
                # clause after clause: running text
                or info.line.text.count("，") >= 2
            )
        ):
            return False
    if strong_next or nxt is None:
        return True
    if len(run) == 1 and not next_shaped and _starts_flow(infos[run[0]], nxt, opts):
        return False  # a first line whose paragraph goes on past a column break
    # Lines that fill the column and go on past a break are running text.
    return not (
        len(run) > 1
        and all(abs(infos[i].line.width - infos[i].column) <= 2 for i in run)
        and not nxt.short(opts.short_margin)
        and not nxt.unwrapped
    )


def _starts_flow(last: LineInfo, nxt: LineInfo, opts: ReflowOptions) -> bool:
    """True when the last line of a heading group is really the first line of the next paragraph."""
    text = last.line.text
    return (
        last.short(opts.short_margin)
        and " " not in text
        and "·" not in text
        and not pat.SPEAKER.match(text)
        and last.line.width <= last.column
        and not last.unwrapped
        and not (nxt.lead_byline or nxt.alone)
        and not nxt.short(opts.short_margin)
        and nxt.line.width <= nxt.column + 2
        and " " not in nxt.line.text
        and not nxt.ends_sentence
        and pat.DATE_LEAD.match(nxt.line.text) is None
    )


def _open_quotes(text: str) -> int:
    return text.count("“") - text.count("”") + text.count("（") - text.count("）")


_HEADING_CHARS = 40  # the longest subheading, in characters


def _heads(first: LineInfo, cur: LineInfo, nxt: LineInfo | None, opts: ReflowOptions) -> bool:
    """Tell whether ``first``, the opening line of a block, is a heading printed right above ``cur``.

    A paragraph's opening line is short of its column by its dropped indent
    at most, and only its opening line is: a line with no punctuation far
    shorter than that, or a short one above another short one that the rest
    of a paragraph follows, stands apart.
    """
    text = first.line.text
    if (
        cur.gap_before
        or first.unwrapped
        or first.ends_sentence
        or first.closes
        or first.lead_byline
        or pat.CLAUSE_MARK.search(text)
        or pat.clause_open(text)
        or _left_open((text,))  # a heading closes the quote it opens; running text goes on below
    ):
        return False
    if first.line.width <= first.ahead - 4 * opts.short_margin:
        return True
    return (
        first.short(opts.short_margin)
        and cur.short(opts.short_margin)
        and not cur.short(4 * opts.short_margin)
        and not cur.ends_sentence
        and nxt is not None
        and nxt.gap_before == 0
        and not nxt.short(opts.short_margin)
    )


def _breaks(
    prev: LineInfo,
    cur: LineInfo,
    block_text: str,
    nxt: LineInfo | None,
    opts: ReflowOptions,
    *,
    quotes: Callable[[], int],
) -> bool:
    """Tell whether a new paragraph starts at ``cur``, the flow line after ``prev``."""
    if cur.lead_byline or prev.closes:
        return True
    if pat.dash_end(prev.line.text) and len(block_text) <= 50 and "。" not in block_text:
        return True
    if not prev.ends_sentence:
        # A line far short of its column ends no sentence: a heading printed
        # without a blank line, when the next line opens a paragraph. A single
        # line with a comma reads as a paragraph's opening line unless it is
        # far shorter: that line is short by its indent and by the unbreakable
        # number or word the column could not take ("同时，完成平台599公").
        return (
            cur.gap_before == 0
            and not prev.unwrapped
            and prev.short(3 * opts.short_margin)
            and cur.short(opts.short_margin)
            and (
                not cur.short(4 * opts.short_margin)  # a paragraph's first line, short by its indent
                # or a one-line paragraph, under a line that stands alone after a finished one
                or (cur.ends_sentence and block_text == prev.line.text and "，" not in block_text)
            )
            and len(block_text) <= _HEADING_CHARS
            and ("，" not in block_text or block_text != prev.line.text or prev.short(4 * opts.short_margin))
            and _open_quotes(prev.line.text) <= 0  # a bracket or quote the line opens goes on below
            and not pat.clause_open(prev.line.text)
            and not pat.STOPS.search(block_text)
        )
    if prev.unwrapped:
        return True
    if prev.short(opts.short_margin):
        # A paragraph's first line is short by its dropped indent: it ends the
        # paragraph only if it is shorter still, or the next line starts afresh.
        first = block_text == prev.line.text
        return not first or cur.gap_before > 0 or prev.short(opts.short_margin + 4) or cur.short(opts.short_margin)
    if cur.gap_before > 0:
        return not (quotes() > 0 and not cur.short(opts.short_margin))
    # A sentence ends at the column edge: a new paragraph starts if the next
    # line lost its indent and is not itself the paragraph's last line.
    if cur.short(opts.short_margin):
        last_line = cur.ends_sentence and (nxt is None or nxt.gap_before > 0)
        return not last_line
    return False


def _split_ends(lines: tuple[Line, ...], text: str, options: NormalizeOptions) -> list[TextBlock]:
    """Cut a lead byline off a paragraph's head, and a trailing byline or jump off its tail.

    They become standalone blocks of their own that share the paragraph's
    first or last line; the offsets of the cut are mapped back to the source.
    """
    head: list[TextBlock] = []
    tail: list[TextBlock] = []
    start = end = None
    m = pat.BYLINE_LEAD.match(text)
    if m and m.end() < len(text):
        first = lines[0]
        byline = text[: m.end()].rstrip()
        indent = first.start + len(first.raw) - len(first.raw.lstrip())
        # A lead byline may wrap: 本报讯（记者 / 王五）… ends on a later line.
        loc = _locate(lines, text, len(byline) - 1)
        stop = None if loc is None else _source_offset(lines[loc[0]], loc[1], options)
        upto = 1 if loc is None else loc[0] + 1
        head.append(TextBlock(BlockKind.STANDALONE, lines[:upto], byline, indent, None if stop is None else stop + 1))
        loc = _locate(lines, text, m.end())
        if loc is not None:
            start = _source_offset(lines[loc[0]], loc[1], options)
            lines = lines[loc[0] :]
        text = text[m.end() :].lstrip()
    for _ in range(2):  # a paragraph may close with a trailing byline and a jump
        m = pat.JUMP_TO.search(text) or pat.BYLINE_TRAILING.search(text)
        if not m or m.start() == 0:
            break
        piece = text[m.start() :].strip()
        last = lines[-1]
        # Where the piece begins within the last line, counted from the line's end.
        from_end = len(text) - m.start() - (len(text) - len(text.rstrip()))
        at = len(last.text) - from_end
        cut = _source_offset(last, at, options) if from_end <= len(last.text) else None
        tail.insert(0, TextBlock(BlockKind.STANDALONE, lines[-1:], piece, cut, end))
        text = text[: m.start()].rstrip()
        stop = _source_offset(last, at - 1, options) if cut is not None and at > 0 else None
        end = None if stop is None else stop + 1
    return [*head, TextBlock(BlockKind.FLOW, lines, text, start, end), *tail]


def _locate(lines: Sequence[Line], text: str, offset: int) -> tuple[int, int] | None:
    """The line that holds ``offset`` of ``text``, their joined text, and the offset within it.

    None when the offset lies past a line whose text the joining changed: no
    line alone tells where it is then.
    """
    acc = 0
    for k, ln in enumerate(lines):
        if k and offset == acc:
            return k, 0  # the start of a line: the lines before it were kept as they are
        if k and text[acc : acc + len(ln.text)] != ln.text:
            return None
        if offset < acc + len(ln.text) or k == len(lines) - 1:
            return k, offset - acc
        acc += len(ln.text)
    return None


def _source_offset(line: Line, offset: int, options: NormalizeOptions) -> int | None:
    """The page offset of ``offset`` in a line's normalized text, if the line alone holds it."""
    if offset > len(line.text):
        return None
    lead = len(line.raw) - len(line.raw.lstrip())
    if offset < len(line.text) and line.raw.startswith(line.text, lead):
        return line.start + lead + offset  # only the edges were stripped: no need to explain
    return line.start + explain(line.raw, options).source_offset(offset)


def _lines_of(lines: Sequence[Line]) -> str:
    """A standalone group keeps its lines: each may be a heading of its own."""
    return "\n".join(ln.text for ln in lines)


def _join(lines: Sequence[Line], options: NormalizeOptions) -> str:
    return normalize("".join(ln.raw.strip() for ln in lines), options)


def reflow(
    lines: Sequence[Line],
    options: ReflowOptions | None = None,
    normalize_options: NormalizeOptions | None = None,
) -> tuple[TextBlock, ...]:
    r"""Reflow lines into blocks: paragraphs of running text and standalone line groups.

    Args:
        lines: The page's lines, blank ones included.
        options: Reflow thresholds.
        normalize_options: Rules for the blocks' text.

    Returns:
        The blocks in page order. Every non-blank line is in one block, except
        that a lead byline, a trailing byline or a jump becomes a standalone
        block that shares its line with the paragraph it was cut from.

    Examples:
        >>> from qhnews._lines import split_lines
        >>> page = "记者日前从省工信厅获悉，\n第24 届青洽会\n\n将开幕。\n\n标题\n\n（记者 王五）"
        >>> [b.text for b in reflow(split_lines(page))]
        ['记者日前从省工信厅获悉，第24届青洽会将开幕。', '标题', '（记者 王五）']
        >>> [b.text for b in reflow(split_lines("本报讯(记者 王五) 开会。 (记者 王五)"))]
        ['本报讯（记者 王五）', '开会。', '（记者 王五）']
    """
    return reflow_analysed(analyse(lines, options), options, normalize_options)


def reflow_analysed(
    infos: Sequence[LineInfo],
    options: ReflowOptions | None = None,
    normalize_options: NormalizeOptions | None = None,
) -> tuple[TextBlock, ...]:
    """[`reflow`][qhnews.reflow] on lines already measured by ``analyse``."""
    opts = options or ReflowOptions()
    nopts = normalize_options or NormalizeOptions()
    groups = _standalone_runs(infos, opts)
    infos = _columns_between_headings(infos, groups, opts)
    blocks: list[TextBlock] = []
    current: list[int] = []
    text = ""
    quotes = 0  # _open_quotes of the lines current[:counted]
    counted = 0

    def open_quotes() -> int:
        """_open_quotes(text), counted only over the lines added since it was last asked."""
        nonlocal quotes, counted
        for j in current[counted:]:
            quotes += _open_quotes(infos[j].line.text)
        counted = len(current)
        return quotes

    def flush(kind: BlockKind = BlockKind.FLOW) -> None:
        nonlocal current, text, quotes, counted
        if current:
            ls = tuple(infos[i].line for i in current)
            if kind is BlockKind.STANDALONE:
                blocks.append(TextBlock(kind, ls, _lines_of(ls)))
            else:
                blocks.extend(_split_ends(ls, _join(ls, nopts), nopts))
        current, text, quotes, counted = [], "", 0, 0

    i = 0
    n = len(infos)
    while i < n:
        if i in groups:
            flush()
            members = groups[i]
            ls = tuple(infos[j].line for j in members)
            blocks.append(TextBlock(BlockKind.STANDALONE, ls, _lines_of(ls)))
            i = members[-1] + 1
            continue
        info = infos[i]
        if current:
            nxt = infos[i + 1] if i + 1 < n else None
            if len(current) == 1 and _heads(infos[current[0]], info, nxt, opts):
                flush(BlockKind.STANDALONE)
            elif _breaks(infos[current[-1]], info, text, nxt, opts, quotes=open_quotes):
                flush()
        current.append(i)
        text += info.line.text
        i += 1
    flush()
    return tuple(blocks)
