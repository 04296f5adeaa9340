"""Stage 4, blocks: reflow physical lines into the page's paragraphs and standalone lines.

The cues of every line are read once (``_cues``); which runs of lines stand
alone as headline groups is decided by ``_standalone``; where a paragraph
breaks, line by line, by the ordered rules of ``_paragraphs``. This module
walks the page with those decisions, joins the lines of each paragraph into
normalized text, and cuts a lead byline off a paragraph's head and a trailing
byline or jump off its tail, mapping every cut back to the source.

Each block records the rule that made it (``TextBlock.reason``); the pipeline's
[`Block`][qhnews._blocks.Block] also keeps the cues of its lines and the rule
that joined each line to the one before, for the page-level explain.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

import attrs
import regex

from qhnews import _patterns as pat
from qhnews._cues import _CLOSING_ENDS, LineInfo, analyse
from qhnews._cues import LEAD as LEAD_FORM
from qhnews._forms import DEFAULT, BylinePatterns, Forms, compiled
from qhnews._normalize import Normalized, NormalizeOptions, explain, normalize
from qhnews._options import ReflowOptions
from qhnews._paragraphs import HEADS, Seam, breaks, open_quotes
from qhnews._records import BlockKind, Line, TextBlock
from qhnews._rules import first_verdict, reason
from qhnews._standalone import PageMeasure, columns_between_headings, standalone_runs

__all__ = ["Block", "ReflowOptions", "blocks", "reflow"]

PAGE_START = reason("block.page-start", "the first running text of the page opens a paragraph")
AFTER_STANDALONE = reason("block.after-standalone", "running text after standalone lines opens a paragraph")
HEAD_TAIL = reason(
    "heads.tail",
    "a line right under heading lines set without a blank line, alone down to the next blank line and with no "
    "sentence or clause in it, is the headline's last line (a subtitle, 记X): text a column break cut would go on",
)
CUT_LEAD = reason("cut.lead-byline", "a lead byline is cut off the head of the paragraph it opens")
LEAD_ALONE = reason(
    "cut.lead-alone",
    "a paragraph that is a lead byline and nothing else is that byline (a column break under a dateline set alone)",
)
CUT_TRAILING = reason("cut.trailing-byline", "a trailing byline is cut off the tail of the paragraph it closes")
CUT_JUMP = reason("cut.jump", "a continuation jump is cut off the tail of the paragraph it closes")


@attrs.frozen
class Block:
    """A block as stage 4 hands it on: the text block and the cues of its lines.

    Attributes:
        block: The block.
        infos: The cues of its lines, in order.
        joins: For each line after the first, the rule that joined it to the line before.
    """

    block: TextBlock
    infos: tuple[LineInfo, ...]
    joins: tuple[str, ...] = ()


def _split_ends(block: Block, options: NormalizeOptions, within: int, patterns: BylinePatterns) -> list[Block]:
    """Cut a lead byline off a paragraph's head, and a trailing byline or jump off its tail.

    They become standalone blocks of their own that share the paragraph's
    first or last line; the offsets of the cut are mapped back to the source.
    """
    # A lead byline says 讯 or 电 near its start (it may wrap: 新华社北京7月 / 10日电…): most paragraphs need no match.
    text = block.block.text
    lead = patterns.lead.match(text) if pat.says_lead_mark(text[:within]) else None
    whole = _lead_alone(block, lead)
    if whole is not None:
        return [whole]
    head, block, start = _cut_head(block, lead, options, patterns)
    tail, block, end = _cut_tail(block, options, patterns)
    if not head and not tail:  # most paragraphs: nothing cut, the block as it was
        return [block]
    infos = block.infos
    body = TextBlock(BlockKind.FLOW, block.block.lines, block.block.text, start, end, block.block.reason)
    return [*head, Block(body, infos, block.joins), *tail]


def _lead_alone(block: Block, m: regex.Match[str] | None) -> Block | None:
    """A paragraph that is a lead byline and nothing else, as a lead byline's block; else None.

    A dateline set on a line of its own (本报讯 X、记者X报道：) with a column
    break under it stands as a paragraph of its own: the body goes on in the
    next column, and the blank line the break leaves cannot be told from a
    paragraph break. ``m``: the lead byline the paragraph opens with
    (``BylinePatterns.lead``), if any.
    """
    b = block.block
    text = b.text
    if m is None or m.end() < len(text):
        return None
    return Block(TextBlock(BlockKind.STANDALONE, b.lines, text, b.start, b.end, LEAD_ALONE), block.infos, block.joins)


def _rest(block: Block, lines: tuple[Line, ...], text: str) -> Block:
    """What is left of a block after a cut: its last ``len(lines)`` lines, with ``text``."""
    drop = len(block.infos) - len(lines)
    b = block.block  # the constructor, not attrs.evolve: evolve introspects the class on every call
    if not drop and text is b.text:  # nothing was cut (most paragraphs): the block as it was
        return block
    return Block(TextBlock(b.kind, lines, text, b.start, b.end, b.reason), block.infos[drop:], block.joins[drop:])


def _cut_head(
    block: Block, m: regex.Match[str] | None, options: NormalizeOptions, patterns: BylinePatterns
) -> tuple[list[Block], Block, int | None]:
    """The lead byline cut off a paragraph's head, the rest, and the offset the rest starts at.

    ``m``: the lead byline the paragraph opens with (``BylinePatterns.lead``), if any.
    """
    lines, text, infos = block.block.lines, block.block.text, block.infos
    end = _filled_lead(block, options, patterns) if m is None else m.end()
    if end is None or end >= len(text):
        return [], block, None
    first = lines[0]
    byline = text[:end].rstrip()
    indent = first.start + len(first.raw) - len(first.raw.lstrip())
    # A lead byline may wrap: 本报讯（记者 / 王五）… ends on a later line.
    loc = _locate(lines, text, len(byline) - 1)
    stop = None if loc is None else _source_offset(lines[loc[0]], loc[1], options)
    upto = 1 if loc is None else loc[0] + 1
    stop = None if stop is None else stop + 1
    cut = Block(TextBlock(BlockKind.STANDALONE, lines[:upto], byline, indent, stop, CUT_LEAD), infos[:upto])
    loc = _locate(lines, text, end)
    start = None
    if loc is not None:
        start = _source_offset(lines[loc[0]], loc[1], options)
        lines = lines[loc[0] :]
    return [cut], _rest(block, lines, text[end:].lstrip()), start


def _filled_lead(block: Block, options: NormalizeOptions, patterns: BylinePatterns) -> int | None:
    """Where a dateline that fills the paragraph's first line ends (<X>日报消息), or None.

    A dateline set on a line of its own ends there, whatever the text the
    paragraph goes on with: 消息 is a dateline only at a break (<X>日报消息 / 此外…),
    which the paragraph's joined text no longer shows.
    """
    if block.infos[0].form != LEAD_FORM:
        return None
    line = normalize(block.block.lines[0].text, options)
    return len(line) if block.block.text.startswith(line) and patterns.lead.fullmatch(line) else None


def _cut_tail(
    block: Block, options: NormalizeOptions, patterns: BylinePatterns
) -> tuple[list[Block], Block, int | None]:
    """The trailing byline and jump cut off a paragraph's tail, the rest, and the offset the rest ends at."""
    lines, text = block.block.lines, block.block.text
    tail: list[Block] = []
    end = None
    last = lines[-1]
    line_end: int | None = len(last.text.rstrip())  # where the text not yet cut ends within the last line
    for _ in range(2):  # a paragraph may close with a trailing byline and a jump
        if not text.endswith(_CLOSING_ENDS):  # both end in a closing bracket: most paragraphs need no search
            break
        jump = pat.JUMP_TO.search(text)
        m = jump or patterns.trailing.search(text)
        if not m or m.start() == 0:
            break
        piece = text[m.start() :].strip()
        # Where the piece begins within the last line: as far before the end of the text not yet cut.
        from_end = len(text.rstrip()) - m.start()
        at = line_end - from_end if line_end is not None and from_end <= line_end else None
        cut_at = None if at is None else _source_offset(last, at, options)
        why = CUT_JUMP if jump else CUT_TRAILING
        tail.insert(0, Block(TextBlock(BlockKind.STANDALONE, lines[-1:], piece, cut_at, end, why), block.infos[-1:]))
        before = text[: m.start()]
        text = before.rstrip()
        stop = _source_offset(last, at - 1, options) if at is not None and cut_at is not None and at > 0 else None
        end = None if stop is None else stop + 1
        line_end = None if at is None else at - (len(before) - len(text))
    return tail, _rest(block, lines, text), end


def _locate(lines: Sequence[Line], text: str, offset: int) -> tuple[int, int] | None:
    """The line that holds ``offset`` of ``text``, their joined text, and the offset within it.

    A paragraph joins its lines with their edges stripped (an odd space such as
    a form feed may stay at a line's edge in its text), so the offset returned
    counts from the start of the line's own text, edge spaces included. None
    when the offset lies past a line whose text the joining changed: no line
    alone tells where it is then.
    """
    acc = 0
    for k, ln in enumerate(lines):
        body = ln.text.strip()
        lead = ln.text.find(body) if body else 0
        if k and offset == acc:
            return k, lead  # the start of a line: the lines before it were kept as they are
        if text[acc : acc + len(body)] != body:
            return None
        if offset < acc + len(body) or k == len(lines) - 1:
            return k, offset - acc + lead
        acc += len(body)
    return None


def _source_offset(line: Line, offset: int, options: NormalizeOptions) -> int | None:
    """The page offset of ``offset`` in a line's normalized text, if the line alone holds it."""
    if offset > len(line.text):
        return None
    lead = len(line.raw) - len(line.raw.lstrip())
    if offset < len(line.text) and line.raw.startswith(line.text, lead):
        return line.start + lead + offset  # only the edges were stripped: no need to explain
    return line.start + _explained(line.raw, options).source_offset(offset)


@functools.lru_cache(maxsize=64)
def _explained(raw: str, options: NormalizeOptions) -> Normalized:
    """``explain`` of a line, kept for the next cut in the same line (a byline's end and the text's start)."""
    return explain(raw, options)


def _odd_spaces() -> str:
    """Spaces ``str.strip`` takes off a line's edge that no rule makes plain (vertical tab, form feed, U+2028 …)."""
    return "".join(
        re.escape(c) for c in map(chr, range(0x3001)) if c.isspace() and c not in " \n" and not pat.OTHER_SPACE.match(c)
    )


#: What may make a paragraph's joined lines differ from its normalized text: a half-width mark
#: the full-width rule may still convert once the lines are joined, or an odd space at an edge.
_JOIN_CHANGES = re.compile(f"[,:;?!(){_odd_spaces()}]")
_ALL_RULES = NormalizeOptions()


def _joined(lines: Sequence[Line], texts: str, options: NormalizeOptions) -> str:
    """The normalized text of a paragraph's lines; ``texts`` is their normalized texts joined.

    The page was normalized once, line by line. Joined, only the full-width
    rule looks across a line break (a mark at a line's edge gets the next
    line's first character as its neighbour, and brackets may pair across
    lines); the other rules are local, and with every rule on a line keeps no
    plain space at its edges. So where the joined lines hold none of
    ``_JOIN_CHANGES``, they are already the paragraph's normalized text, and
    the paragraph is not normalized again.
    """
    if options == _ALL_RULES and _JOIN_CHANGES.search(texts) is None:
        return texts
    return normalize("".join(ln.raw.strip() for ln in lines), options)


def _standalone(infos: Sequence[LineInfo], why: str) -> Block:
    """A standalone group keeps its lines: each may be a heading of its own."""
    lines = tuple([i.line for i in infos])  # a list first: a generator resumes once per line
    return Block(TextBlock(BlockKind.STANDALONE, lines, "\n".join(ln.text for ln in lines), reason=why), tuple(infos))


class _Walk:
    """The walk over a page's lines that gathers them into blocks."""

    def __init__(
        self, infos: Sequence[LineInfo], opts: ReflowOptions, nopts: NormalizeOptions, patterns: BylinePatterns
    ) -> None:
        self.infos, self.opts, self.nopts, self.patterns = infos, opts, nopts, patterns
        self.out: list[Block] = []
        self.current: list[int] = []
        self.joins: list[str] = []
        self.why = PAGE_START
        self.text = ""
        self.quotes = 0  # open_quotes of the lines current[:counted]
        self.counted = 0

    def open_quotes(self) -> int:
        """How many quotes the gathered text leaves open, counted only over the lines added since last asked."""
        for j in self.current[self.counted :]:
            self.quotes += open_quotes(self.infos[j].line.text)
        self.counted = len(self.current)
        return self.quotes

    def flush(self, standalone: str = "") -> None:
        if self.current and not standalone and self._tail_of_heads():
            standalone = HEAD_TAIL
        if self.current:
            infos = tuple([self.infos[i] for i in self.current])  # a list first: a generator resumes per line
            if standalone:
                self.out.append(_standalone(infos, standalone))
            else:
                lines = tuple([i.line for i in infos])
                text = _joined(lines, self.text, self.nopts)
                flow = Block(TextBlock(BlockKind.FLOW, lines, text, reason=self.why), infos, tuple(self.joins))
                self.out.extend(_split_ends(flow, self.nopts, self.opts.lead_search_chars, self.patterns))
        self.current, self.joins, self.text, self.quotes, self.counted = [], [], "", 0, 0

    def _tail_of_heads(self) -> bool:
        """The one line gathered is the last of heading lines set right above it, alone down to a blank line."""
        if len(self.current) != 1 or self.why != AFTER_STANDALONE or not self.out:
            return False
        i = self.current[0]
        info, above = self.infos[i], self.out[-1]
        end = i + 1 == len(self.infos) or self.infos[i + 1].gap_before > 0
        return (
            end
            and info.gap_before == 0
            and above.block.kind is BlockKind.STANDALONE
            and not info.unwrapped
            and not info.ends_sentence
            and not info.lead_byline
            and pat.CLAUSE_MARK.search(info.line.text) is None
            and not pat.clause_open(info.line.text)
            and open_quotes(info.line.text) <= 0
        )

    def add(self, i: int) -> None:
        """Add line ``i`` of running text: to the block gathered so far, or as the start of a new one."""
        infos, current = self.infos, self.current
        info = infos[i]
        if current:
            nxt = infos[i + 1] if i + 1 < len(infos) else None
            # a bound method per seam: one kept on the walk would tie the walk into a cycle that only the
            # garbage collector frees, with every line and block of the page
            seam = Seam(infos[current[-1]], info, nxt, self.text, self.opts, self.open_quotes)
            if len(current) == 1:
                heads, why = first_verdict(HEADS, seam, (False, ""))
                if heads:
                    self.flush(why)
                    self.why = AFTER_STANDALONE
            if self.current:
                new, why = breaks(seam)
                if new:
                    self.flush()
                    self.why = why
                else:
                    self.joins.append(why)
        self.current.append(i)
        self.text += info.line.text


def blocks(
    infos: Sequence[LineInfo],
    options: ReflowOptions | None = None,
    normalize_options: NormalizeOptions | None = None,
    forms: Forms | None = None,
) -> tuple[Block, ...]:
    """Stage 4: the page's lines, their cues read, gathered into blocks (``forms``: the byline words)."""
    opts = options or ReflowOptions()
    nopts = normalize_options or NormalizeOptions()
    # Bylines, profile lines and jumps stand alone by their form: measured first not across them, the headline
    # decisions see each article's own column; then again not across the headline groups found.
    page = PageMeasure(infos)
    infos = columns_between_headings(infos, {i for i, x in enumerate(infos) if x.alone}, opts, page)
    groups = standalone_runs(infos, opts)
    infos = columns_between_headings(infos, {i for members, _ in groups.values() for i in members}, opts, page)
    walk = _Walk(infos, opts, nopts, DEFAULT if forms is None else compiled(forms))
    i = 0
    while i < len(infos):
        if i in groups:
            walk.flush()
            members, why = groups[i]
            walk.out.append(_standalone([infos[j] for j in members], why))
            walk.why = AFTER_STANDALONE
            i = members[-1] + 1
            continue
        walk.add(i)
        i += 1
    walk.flush()
    return tuple(walk.out)


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
    return tuple(b.block for b in blocks(analyse(lines, options), options, normalize_options))
