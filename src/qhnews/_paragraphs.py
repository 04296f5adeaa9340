"""Stage 4b: where a paragraph breaks, as ordered rules.

Two decisions are made at every seam between two lines of running text, each
an ordered list of named rules (the first verdict wins):

* ``HEADS``: is the one line gathered so far a heading printed right above
  this line, without a blank line between them?
* ``BREAKS``: does a new paragraph start at this line?

The conventions they follow: a line that ends no sentence goes on below, also
across the blank lines a column break leaves; a sentence-final line short of
its column ends its paragraph; a paragraph's first line is short of the column
by its dropped indent, and only its first line is.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import attrs

from qhnews import _patterns as pat
from qhnews._columns import set_width
from qhnews._cues import LineInfo
from qhnews._options import ReflowOptions
from qhnews._rules import Rule, first_verdict, reason, rule

__all__ = ["BREAKS", "HEADS", "Seam", "breaks", "left_open", "open_quotes"]


@attrs.define
class Seam:
    """Two adjacent lines of running text, and what the rules need around them.

    A slotted attrs record that no rule changes, not a frozen one nor a named
    tuple: one is made at every seam and read a score of times by the rules,
    and a field of it reads in a third of the time a named tuple's does (a
    frozen record costs three times as much to make).

    Attributes:
        prev: The line before the seam (``first``, the block's only line, for ``HEADS``).
        cur: The line after it.
        nxt: The line after ``cur``, if any.
        text: The text of the block gathered so far, ``prev`` included.
        opts: The thresholds.
        quotes: Counts the quotes and brackets the block has opened and not closed.
    """

    prev: LineInfo
    cur: LineInfo
    nxt: LineInfo | None
    text: str
    opts: ReflowOptions
    quotes: Callable[[], int]


def open_quotes(text: str) -> int:
    """How many “quotes” and （brackets） a text opens and does not close."""
    return text.count("“") - text.count("”") + text.count("（") - text.count("）")


def left_open(texts: Iterable[str]) -> bool:
    """True when the lines open a “quote”, a （bracket） or a 《title mark》 they do not close.

    A heading closes what it opens, if over two lines; running text that a
    column break cut goes on below ("“印发《…实施意" / "见》，…").
    """
    text = "".join(texts)
    return open_quotes(text) > 0 or text.count("《") > text.count("》")


# --- HEADS: a heading printed without a blank line ------------------------------------------


@rule("heads.not-heading-shaped", "a line that ends a sentence, has a clause mark or leaves a quote open is text")
def _not_heading_shaped(s: Seam) -> bool | None:
    if (s.cur.gap_before and not s.prev.unwrapped) or _text_shaped(s.prev):  # unwrapped text is cut mid-sentence
        return False  # only after a clause mark
    return None


def _text_shaped(info: LineInfo) -> bool:
    """A line that ends a sentence, closes an article, opens one, has a clause mark or leaves a quote open."""
    text = info.line.text
    return (
        info.ends_sentence
        or info.closes
        or info.lead_byline
        or pat.CLAUSE_MARK.search(text) is not None
        or pat.clause_open(text)
        or left_open((text,))  # a heading closes the quote it opens; running text goes on below
    )


@rule(
    "heads.unwrapped-fragment",
    "where the OCR did not wrap the text, a line with no clause mark and no sentence end is no paragraph: a heading",
)
def _unwrapped_fragment(s: Seam) -> bool | None:
    return True if s.prev.unwrapped else None


@rule(
    "heads.headline-idiom",
    "a line of phrases set apart by a space (outside quotes), or one that opens with ——, is headline idiom",
)
def _headline_idiom(s: Seam) -> bool | None:
    return True if _idiomatic(s.prev.line.text) else None


@rule(
    "heads.over-headline-idiom",
    "a line that may be a heading, right over a line in headline idiom (spaced phrases, a ——subtitle), is a heading "
    "too: a kicker over its title, a title over its subtitle",
)
def _over_headline_idiom(s: Seam) -> bool | None:
    return True if _idiomatic(s.cur.line.text) and not _text_shaped(s.cur) else None


def _idiomatic(text: str) -> bool:
    """Phrases set apart by a space (outside quotes), or a line that opens with ——: headline idiom."""
    return text.startswith(("——", "—")) or (" " in text and pat.HAN_SPACE.search(_unquoted(text)) is not None)


def _unquoted(text: str) -> str:
    """The text without what it quotes: a slogan in quotes keeps its spaces in running text."""
    return pat.QUOTED.sub("", text) if "“" in text else text


@rule("heads.far-short", "a paragraph's first line is short by its indent at most: a far shorter line is a heading")
def _far_short(s: Seam) -> bool | None:
    return True if s.prev.short_of_ahead(s.opts.far_margin) else None


@rule("heads.wider-than-column", "a line wider than the column of the paragraph under it is set in headline type")
def _wider_than_column(s: Seam) -> bool | None:
    # The measure around the line, or of the text under it: at the end of a stretch (over a lead byline) the
    # second is the line's own width.
    return True if s.prev.line.width >= min(s.prev.column, s.prev.ahead) + s.opts.wide_margin else None


@rule("heads.short-over-short", "a short line over another short line that a paragraph follows stands apart")
def _short_over_short(s: Seam) -> bool | None:
    m = s.opts.short_margin
    return (
        s.prev.short(m)
        and s.cur.short(m)
        and not s.cur.short(s.opts.far_margin)
        and not s.cur.ends_sentence
        and s.nxt is not None
        and s.nxt.gap_before == 0
        and not s.nxt.short(m)
    )


HEADS: tuple[Rule[Seam, bool], ...] = (
    _not_heading_shaped,
    _unwrapped_fragment,
    _headline_idiom,
    _over_headline_idiom,
    _far_short,
    _wider_than_column,
    _short_over_short,
)


_DASH_ENDS = ("—", "--")

# --- BREAKS: where a paragraph starts ----------------------------------------------------


@rule("break.byline-or-close", "a lead byline opens a paragraph; a trailing byline or a jump closes one")
def _byline_or_close(s: Seam) -> bool | None:
    return True if s.cur.lead_byline or s.prev.closes else None


@rule("break.after-dash-subheading", "a short line ending in —— is a subheading: the text below starts afresh")
def _after_dash(s: Seam) -> bool | None:
    # a line holds no line break: ``pat.dash_end`` without its removesuffix, on every seam
    if s.prev.line.text.endswith(_DASH_ENDS) and len(s.text) <= s.opts.dash_heading_max_chars and "。" not in s.text:
        return True
    return None


@rule(
    "break.before-opener",
    "a line that ends in a word is no line of the text under it that opens a sentence with a connective, an "
    "attribution or a time frame (会议指出，此外，): it is a heading over that paragraph",
)
def _before_opener(s: Seam) -> bool | None:
    prev = s.prev.line.text
    if s.prev.ends_sentence or s.prev.lead_byline or not pat.opens_paragraph(s.cur.line.text):
        return None
    # an opener may be the tail of a longer phrase cut at the line's end (与此 / 同时，截至 / 目前，在 / 会上，)
    last = prev[-1:]
    return None if last in _OPENER_PREFIX or not pat.HAN.match(last) else True


#: The characters before a paragraph opener that make it the tail of a phrase (与此同时，截至目前，在会上，).
_OPENER_PREFIX = frozenset("与此至自从在于除")


@rule(
    "break.note-opens",
    "a line that opens an editor's note (编者按…) starts a paragraph: a note stands at an article's head, and no "
    "sentence of the text above runs on into it",
)
def _note_opens(s: Seam) -> bool | None:
    return True if pat.opens_note(s.cur.line.text) else None


@rule(
    "break.turn-opens",
    "in a question-and-answer piece each turn opens a paragraph with its speaker's label (记者：, 问：, 答：, X：): "
    "a line that opens with one after a sentence end starts a paragraph",
)
def _turn_opens(s: Seam) -> bool | None:
    return True if s.prev.ends_sentence and pat.opens_turn(s.cur.line.text) else None


@rule(
    "break.mid-sentence",
    "a line that ends no sentence goes on below, but for a heading set without a blank line above a paragraph",
)
def _mid_sentence(s: Seam) -> bool | None:
    if s.prev.ends_sentence:
        return None
    # a dateline wrapped at the line's end (<X>网·<X>客户端 / 讯 …) goes on into the paragraph it opens
    return s.cur.gap_before == 0 and not s.prev.lead_byline and _heading_above(s)


def _heading_above(s: Seam) -> bool:
    """``prev``, ending no sentence, is a heading set right above the paragraph ``cur`` opens."""
    prev, cur, text, o = s.prev, s.cur, s.text, s.opts
    # A single line with a comma reads as a paragraph's opening line unless it
    # is far shorter: that line is short by its indent and by the unbreakable
    # number or word the column could not take ("同时，完成平台599公").
    return (
        not prev.unwrapped
        and prev.short(o.heading_margin)
        and cur.short(o.short_margin)
        and (
            # a paragraph's first line, short by its indent: of the column, and of the lines under it
            # (a column measured across a blank line may still hold a wider paragraph above)
            (not cur.short(o.far_margin) and cur.short_of_ahead(o.short_margin))
            # or a one-line paragraph, under a line that stands alone after a finished one
            or (cur.ends_sentence and text == prev.line.text and "，" not in text)
        )
        and len(text) <= o.heading_max_chars
        and ("，" not in text or text != prev.line.text or prev.short(o.far_margin))
        and open_quotes(prev.line.text) <= 0  # a bracket or quote the line opens goes on below
        and not pat.clause_open(prev.line.text)
        and not pat.STOPS.search(text)
        and not pat.opens_paragraph(prev.line.text)  # 此外，…: a paragraph's opening, no heading
    )


@rule("break.unwrapped", "where the OCR did not wrap the text, every sentence-final line ends its paragraph")
def _unwrapped(s: Seam) -> bool | None:
    return True if s.prev.unwrapped else None


@rule("break.short-line", "a sentence-final line short of its column ends its paragraph, unless it is the first")
def _short_line(s: Seam) -> bool | None:
    prev, cur, o = s.prev, s.cur, s.opts
    if not prev.short(o.short_margin):
        return None
    # A paragraph's first line is short by its dropped indent: it ends the
    # paragraph only if it is shorter still, or the next line starts afresh.
    first = s.text == prev.line.text
    return not first or cur.gap_before > 0 or prev.short(o.first_line_margin) or cur.short(o.short_margin)


@rule("break.blank-line", "a blank line after a sentence end ends the paragraph, but inside an open quote")
def _blank_line(s: Seam) -> bool | None:
    if s.cur.gap_before <= 0:
        return None
    return not (s.quotes() > 0 and not s.cur.short(s.opts.short_margin))


@rule(
    "break.lost-indent",
    "a sentence ends at the column edge and the next line is short: it lost its indent (short also of what the line "
    "above sets within the measure, where that line is the column measured: its hanging closing marks left out)",
)
def _lost_indent(s: Seam) -> bool | None:
    if not s.cur.short(s.opts.short_margin) or _fills_under_hanging(s.prev, s.cur):
        return None
    last_line = s.cur.ends_sentence and (s.nxt is None or s.nxt.gap_before > 0)
    return not last_line


def _fills_under_hanging(prev: LineInfo, cur: LineInfo) -> bool:
    """True when ``prev``, as wide as ``cur``'s column or wider, sets no more within the measure than ``cur`` holds.

    A line may hang its closing marks past the column edge (。”), two or four
    cells wider than the lines around it; in a short run of lines (four
    between a credit and a byline: their upper quartile is their widest) it
    is the column measured, and a full line under it reads short. A first
    line is short by its indent of what the line above sets within the
    measure; a line wider than that lost none.
    """
    return prev.line.width >= cur.column and cur.line.width > set_width(prev.line.text, prev.line.width)


JOINS = reason("break.none", "a sentence ends at the column edge and the next line fills its column: text goes on")

BREAKS: tuple[Rule[Seam, bool], ...] = (
    _byline_or_close,
    _after_dash,
    _before_opener,
    _note_opens,
    _turn_opens,
    _mid_sentence,
    _unwrapped,
    _short_line,
    _blank_line,
    _lost_indent,
)


def breaks(seam: Seam) -> tuple[bool, str]:
    """Whether a new paragraph starts at ``seam.cur``, and the rule that said so."""
    return first_verdict(BREAKS, seam, (False, JOINS))
