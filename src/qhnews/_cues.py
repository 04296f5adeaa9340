"""Stage 4a: the cues of every line, read once and carried on a record.

A typesetter leaves cues on each line that the later decisions read: how
wide the column around it is, whether it ends a sentence, and whether it is a
form of its own — a lead byline opening a paragraph (本报讯（记者 X）…), a
trailing byline or a jump closing one, or a line that stands alone: a heading
byline, a profile line, page furniture. Every pattern of those forms runs here
once per line; the reflow, the classifier and the assembler read the result.

Column width is measured in display cells, per line, from the widths of its
neighbours (``_columns``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from qhnews import _patterns as pat
from qhnews._bylines import CREDIT_ENDS, heading_byline_ok, heading_match, may_head, photo_credit
from qhnews._columns import _columns_and_ahead
from qhnews._forms import DEFAULT, BylinePatterns, Forms, compiled
from qhnews._options import ReflowOptions
from qhnews._records import Line
from qhnews._records_text import tuple_of
from qhnews._rules import reason
from qhnews._script import forms as spellings

__all__ = ["FORMS", "LineInfo", "analyse"]

# The forms a line may be read in on its own, in the order the classifier
# tries them (the first that matches is the line's form).
SPEAKER = reason("form.speaker", "a profile line over an interview: titles, then the name after a space")
FURNITURE = reason("form.furniture", "page furniture: an editor's credit, a folio or a date line")
JUMP = reason("form.jump", "a continuation jump on a line of its own: （下转三版）")
JUMP_FROM = reason("form.jump-from", "a continuation mark on a line of its own: （上接第一版）")
PHOTO_CREDIT = reason("form.photo-credit", "a photo credit on a line of its own: 新华社记者 X 摄, X 摄")
LEAD = reason("form.lead-byline", "a lead byline that fills its line: 本报讯（记者 X）")
HEADING = reason("form.heading-byline", "a byline under a headline: 文/图 本报记者 X")
TRAILING = reason("form.trailing-byline", "a trailing byline on a line of its own: （记者 X）")
FORMS = (SPEAKER, FURNITURE, JUMP, JUMP_FROM, PHOTO_CREDIT, LEAD, HEADING, TRAILING)


class LineInfo(NamedTuple):
    """What the cues of one non-blank line say.

    A named tuple rather than an attrs record: one is made for every line of
    every page, and a frozen attrs record costs three times as much to make.

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
        closes: Ends with a trailing byline, a continuation jump or a photo
            credit (a caption's end: …本报记者 X 摄, also where the credit
            began on the line above).
        form: The form the whole line reads as, one of ``FORMS`` (its reason
            code), or "" for none.
        unwrapped: The column is at least ``ReflowOptions.unwrapped_width``
            wide: wider than any printed column, the OCR did not wrap it.
    """

    line: Line
    column: int
    ahead: int
    gap_before: int
    ends_sentence: bool
    lead_byline: bool
    alone: bool
    closes: bool
    form: str
    unwrapped: bool

    def remeasured(self, column: int, ahead: int, unwrapped_width: int) -> LineInfo:
        """The same line with other column widths."""
        line, _, _, gap, ends, lead, alone, closes, form, _ = self  # not _replace: it is slow
        return LineInfo(line, column, ahead, gap, ends, lead, alone, closes, form, column >= unwrapped_width)

    def short(self, margin: int) -> bool:
        """True when the line is ``margin`` cells or more narrower than its column."""
        return self.line.width <= self.column - margin

    def short_of_ahead(self, margin: int) -> bool:
        """True when the line is ``margin`` cells or more narrower than the column of the lines after it.

        The measure of the text under the line: the column measured around it also
        counts the lines above it, across a blank line another paragraph's.
        """
        return self.line.width <= self.ahead - margin


#: A photo-news credit run into the last sentence ends so (…。记者 X 摄影报道), in either script.
_PHOTO_NEWS_ENDS = (*spellings("摄影报道"), *(f"{w}\n" for w in spellings("摄影报道")))
#: A line that BYLINE_TRAILING or JUMP_TO can match ends in one of these (``$`` also matches before a final newline).
_CLOSING_ENDS = (")", "）", ")\n", "）\n", *pat.JUMP_ENDS, *_PHOTO_NEWS_ENDS)
#: A source line under an article's last paragraph opens so (据新华社), in either script.
_SOURCE_OPENS = ("据", "據")
#: …or ends so: a story the paper compiled (本报综合), in either script.
_SOURCE_ENDS = spellings("综合")
_SENTENCE_MARKS = frozenset("。！？!?…：；:;")
_CLOSER_MARKS = frozenset(pat.CLOSERS)


def _ends_sentence(text: str) -> bool:
    last = text[-1:]
    if last in _SENTENCE_MARKS:
        return True
    return bool(last) and last in _CLOSER_MARKS and pat.sentence_end(text)


def _lead(text: str, within: int, patterns: BylinePatterns) -> tuple[int, bool]:
    """Where the lead byline a line opens with ends, 0 for none; and whether it fills the line.

    A lead byline says 讯 or 电 within its first ``within`` characters: most
    lines need no match.
    """
    head = text[:within]
    if not pat.says_lead_mark(head):
        return 0, False
    m = patterns.lead.match(text)
    if m is None:
        return 0, False
    fills = m.end() == len(text)
    if m.group("people") is not None or m.group("reported") is not None or not fills:
        return m.end(), fills
    return 0, fills


def _closing(text: str, lead: int, patterns: BylinePatterns) -> tuple[int | None, int | None]:
    """Where a trailing byline and a jump that close the line start (None for none)."""
    # both end in a closing bracket but a source line (据新华社): most lines need neither search
    if not text.endswith(_CLOSING_ENDS) and not text.startswith(_SOURCE_OPENS) and not text.endswith(_SOURCE_ENDS):
        return None, None
    trailing = patterns.trailing.search(text)
    jump = pat.JUMP_TO.search(text)
    # the people of a lead byline that fills its line are no trailing byline: 本报讯（记者 X）
    keep = trailing is not None and trailing.start() >= lead
    return (trailing.start() if keep and trailing else None), (jump.start() if jump else None)


def _credit_closes(text: str, forms: Forms | None) -> bool:
    """The line closes a caption with its photo credit: 图为会场。本报记者 X 摄."""
    return text.endswith(CREDIT_ENDS) and photo_credit(text, whole=False, forms=forms) is not None


def _jump_from_fills(text: str) -> bool:
    m = pat.JUMP_FROM.match(text)
    return m is not None and m.end() == len(text)


def _forms_held(
    text: str,
    lead_fills: bool,
    trailing: int | None,
    jump: int | None,
    *,
    patterns: BylinePatterns,
    forms: Forms | None,
) -> _Held:
    """Which of the line forms hold, in the order of ``FORMS``, and whether a heading byline matched at all."""
    heading = heading_match(text, patterns) if patterns.role_start.search(text) else None
    held = (
        " " in text and pat.SPEAKER.match(text) is not None,
        pat.may_be_furniture(text) and pat.FURNITURE.match(text) is not None,
        jump == 0,
        text.endswith(_CLOSING_ENDS) and _jump_from_fills(text),
        text.endswith(CREDIT_ENDS) and photo_credit(text, forms=forms) is not None,
        lead_fills,
        heading is not None and heading_byline_ok(heading, forms),
        trailing == 0,
    )
    return held, heading is not None


_Held = tuple[tuple[bool, ...], bool]


def _first_form(held: tuple[bool, ...]) -> str:
    """The first of ``FORMS`` that holds, or ""."""
    return next((f for f, holds in zip(FORMS, held, strict=True) if holds), "") if any(held) else ""


#: How a line that may hold a form ends: a closing bracket (trailing byline, jump) or a photo credit.
_FORM_ENDS = (*_CLOSING_ENDS, *CREDIT_ENDS)
_FORM_CHARS: dict[str, _FormChars] = {}
#: What a line must hold to hold a form but a heading byline: a space (a profile line) or a mark of furniture.
_UNLESS_HEADING = re.compile(f" |{pat.FURNITURE_CHAR.pattern}")


class _FormChars(NamedTuple):
    """The characters a line must hold one of to hold a form (see ``_form_chars``)."""

    forms: re.Pattern[str]  # every form but the closing ones and the lead byline
    any_form: re.Pattern[str]  # the same, and the letters a dateline's mark opens with (``says_lead_mark``)


def _form_chars(patterns: BylinePatterns) -> _FormChars:
    """A character one of which every form a line may hold but the closing ones has.

    A profile line has a space, furniture a mark of ``FURNITURE_CHAR``, a
    heading byline a character of its role (``role_start``); the lead byline
    says 讯 or 电 (``says_lead_mark``) and the closing forms end in
    ``_FORM_ENDS``. A line with none of these is plain running text: its cues
    need no pattern of a form (``_plain``).
    """
    key = patterns.role_start.pattern
    if key not in _FORM_CHARS:
        forms = f" |{pat.FURNITURE_CHAR.pattern}|{key}"
        _FORM_CHARS[key] = _FormChars(re.compile(forms), re.compile(f"{forms}|{pat.LEAD_MARK_LETTERS}"))
    return _FORM_CHARS[key]


def _plain(text: str, within: int, chars: _FormChars, patterns: BylinePatterns) -> bool:
    """True when the line can hold none of ``FORMS`` and neither opens nor closes with a byline or jump.

    A character of a role (习 of 实习生, 员 of 通讯员) in a line that names no
    role and credits no one (``may_head``) is a word of the text.
    """
    if text.endswith(_FORM_ENDS) or text.startswith(_SOURCE_OPENS) or text.endswith(_SOURCE_ENDS):
        return False
    if chars.any_form.search(text) is None:  # most lines: no letter of any form, told by one search
        return True
    return (
        chars.forms.search(text) is None or (_UNLESS_HEADING.search(text) is None and not may_head(text, patterns))
    ) and not pat.says_lead_mark(text[:within])


def _info(
    line: Line, column: int, ahead: int, gap: int, opts: ReflowOptions, *, patterns: BylinePatterns, forms: Forms | None
) -> LineInfo:
    text = line.text
    lead, lead_fills = _lead(text, opts.lead_search_chars, patterns)
    trailing, jump = _closing(text, lead, patterns)
    held, heading = _forms_held(text, lead_fills, trailing, jump, patterns=patterns, forms=forms)
    speaker, furniture, lone_jump, jump_from, credit, _, _, lone_trailing = held
    form = _first_form(held)
    alone = lone_trailing or lone_jump or heading or speaker or furniture or jump_from or credit
    closes = trailing is not None or jump is not None or (credit and not speaker) or _credit_closes(text, forms)
    # positional: the keywords would cost a third more on every line
    return LineInfo(
        line,
        column,
        ahead,
        gap,
        _ends_sentence(text),
        lead > 0 or lead_fills,  # a dateline alone on its line opens an article too
        alone,
        closes,
        form,
        column >= opts.unwrapped_width,
    )


def analyse(
    lines: Sequence[Line], options: ReflowOptions | None = None, forms: Forms | None = None
) -> tuple[LineInfo, ...]:
    r"""Read the cues of every non-blank line: its column, its gap, its ending, its form.

    ``forms`` names the roles and outlets bylines are read with (the defaults, when None).

    Examples:
        >>> from qhnews._lines import split_lines
        >>> [(i.ends_sentence, i.alone, i.form) for i in analyse(split_lines("好。\n\n（记者 王五）"))]
        [(True, False, ''), (False, True, 'form.trailing-byline')]
    """
    opts = options or ReflowOptions()
    patterns = DEFAULT if forms is None else compiled(forms)
    nonblank = [ln for ln in lines if ln.text]
    widths = [ln.width for ln in nonblank]
    columns, ahead = _columns_and_ahead(widths, opts.window)
    infos: list[LineInfo] = []
    prev_number = None
    chars, within, wide = _form_chars(patterns), opts.lead_search_chars, opts.unwrapped_width
    wraps = (opts.lead_bracket_lines, opts.wrapped_lead_chars)  # read once a page: _across runs on many lines
    for k, (ln, col, col_ahead) in enumerate(zip(nonblank, columns, ahead, strict=True)):
        gap = 0 if prev_number is None else ln.number - prev_number - 1
        prev_number = ln.number
        text = ln.text
        if _plain(text, within, chars, patterns):  # most lines: what _info would say, without its patterns
            fields = (ln, col, col_ahead, gap, _ends_sentence(text), False, False, False, "", col >= wide)
            infos.append(tuple_of(LineInfo, fields))
            continue
        info = _info(ln, col, col_ahead, gap, opts, patterns=patterns, forms=forms)
        if infos:  # also across a blank line: a column break may fall inside a dateline or a credit
            below = "".join(n.text for n in nonblank[k + 1 : k + 3])  # 报道 may wrap too: 报 / 道：
            info = _across(infos, info, below, patterns, forms, wraps=wraps)
        infos.append(info)
    return tuple(infos)


def _across(
    infos: list[LineInfo],
    info: LineInfo,
    below: str,
    patterns: BylinePatterns,
    forms: Forms | None,
    *,
    wraps: tuple[int, int],
) -> LineInfo:
    """The cues of a form wrapped from the line above onto this one (``below``: the next two lines' text).

    A photo credit that began on the line above closes this line (图为会场。本报记者 王 / 五 摄);
    a dateline that began there opens the paragraph there, and the brackets
    that close it here are its people, no trailing byline (新华社北京7月 / 10日电（记者 X）).
    ``wraps``: ``ReflowOptions.lead_bracket_lines`` and ``wrapped_lead_chars``.
    """
    above, text = infos[-1], info.line.text
    bracket_lines, wrapped_chars = wraps
    if (info.form or info.alone) and _inside_lead(infos, text, below, patterns, bracket_lines):
        return info._replace(alone=False, form="", closes=False)
    # people before 报道： wrapped from a dateline above (…讯<X>日 / 报记者X、 / 本报记者Y报道：) open no dateline here
    if info.lead_byline and not above.ends_sentence and _inside_lead(infos, text, below, patterns, bracket_lines):
        return info._replace(lead_byline=False)
    if not (info.closes or info.alone) and _credit_wraps(above.line.text, text, forms):
        return info._replace(closes=True)
    # a line that opens its own is none
    end = 0 if info.lead_byline else _wrapped_lead(above, text, patterns, wrapped_chars)
    if end:
        infos[-1] = above._replace(lead_byline=True)
        trailing, jump = _closing(text, end, patterns)
        if info.closes and trailing is None and jump is None and not _credit_closes(text, forms):
            return info._replace(closes=False)
    return info


def _inside_lead(infos: Sequence[LineInfo], text: str, below: str, patterns: BylinePatterns, lines: int) -> bool:
    """The line goes on inside the people of a dateline that began on a line above.

    The people of a dateline are printed in its brackets, or unbracketed
    before 报道 (本报地N日讯 X、Y报道：), wrapped like any text: a line among
    them that reads as a form of its own (特约通讯员 X, <X>日报记者 X、…) is the
    dateline's, no heading byline. The dateline and its people span at most
    ``lines`` lines (``ReflowOptions.lead_bracket_lines``); ``below`` is the
    next two lines' text, where 报道： may stand (wrapped as any word is: 报 / 道：).
    """
    head = ""
    for back in infos[-1:-lines:-1]:
        head = back.line.text + head
        if back.lead_byline:
            if _open_brackets(head) > 0:
                return True
            m = patterns.lead.match(head + text + below)
            return m is not None and m.end() > len(head)
        if back.ends_sentence:
            return False
    return False


def _open_brackets(text: str) -> int:
    """How many brackets ``text`` leaves open."""
    return sum(text.count(c) for c in "（(") - sum(text.count(c) for c in "）)")


def _wrapped_lead(above: LineInfo, text: str, patterns: BylinePatterns, within: int) -> int:
    """Where a dateline that began on the line above ends on this line, 0 for none.

    It says 讯 or 电 within ``within`` characters of this line's start (``ReflowOptions.wrapped_lead_chars``).
    """
    if above.lead_byline or above.ends_sentence or not pat.says_lead_mark(text[:within]):
        return 0
    joined = above.line.text + text
    m = patterns.lead.match(joined)
    return m.end() - len(above.line.text) if m is not None and m.end() > len(above.line.text) else 0


def _credit_wraps(above: str, text: str, forms: Forms | None) -> bool:
    """The line ends a photo credit that began on the line above: 图为会场。本报记者 王 / 五 摄."""
    return text.endswith(CREDIT_ENDS) and _credit_closes(above + text, forms)
