"""Stage 6, assemble, step 1a: the rules the segment walk asks at each seam.

``BOUNDARY``: heading lines met before a paragraph, between paragraphs of one
article or after the end of one: does the paragraph start a new article
(their headline), or are they a subheading of the article going on? The first
verdict wins. ``BODY_KIND``: is running text a paragraph or a subheading?

The codes of the cues that open an article without that question (a byline,
the page start, the end of the article before) are registered here too, so
that every code of an article's ``opened_by`` is in one list.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from typing import TYPE_CHECKING

import attrs

from qhnews import _patterns as pat
from qhnews._classify import HeadingRun, Para, SpeakerUnit
from qhnews._grams import bigrams, bigrams_among
from qhnews._rules import Rule, first_verdict, reason, rule

if TYPE_CHECKING:
    from qhnews._assemble import AssembleOptions
    from qhnews._segment import Draft

__all__ = [
    "AFTER_JUMP",
    "AFTER_TRAILING_BYLINE",
    "BEFORE_JUMP",
    "BODY_KIND",
    "BOUNDARY",
    "BYLINE_AFTER_HEADINGS",
    "CONTINUED_FROM",
    "HEADING_BYLINE",
    "HEADING_UNDER_TEXT",
    "LEAD_BYLINE",
    "PAGE_START",
    "PARAGRAPH",
    "PICTURE",
    "RUN_TOGETHER",
    "SUBHEADING_IN_ARTICLE",
    "TITLE_IN_TEXT",
    "TOPIC_SHIFT",
    "Text",
    "Turn",
]


# --- article boundaries ----------------------------------------------------------------


@attrs.frozen
class Turn:
    """Heading lines met before a paragraph (does the paragraph start an article)."""

    items: Sequence[HeadingRun | SpeakerUnit]
    draft: Draft | None
    para: Para
    options: AssembleOptions


AFTER_TRAILING_BYLINE = "boundary.after-trailing-byline"
AFTER_JUMP = "boundary.after-jump"


@rule("boundary.page-start", "The first text of the page starts an article.")
def _page_start(s: Turn) -> bool | None:
    return True if s.draft is None else None


@rule(AFTER_TRAILING_BYLINE, "A trailing byline, （记者 X）, ends its article: the text after it is another.")
def _after_trailing_byline(s: Turn) -> bool | None:
    return True if s.draft is not None and s.draft.ended_by == AFTER_TRAILING_BYLINE else None


@rule(AFTER_JUMP, "A continuation jump, （下转N版）, ends its article: the text after it is another.")
def _after_jump(s: Turn) -> bool | None:
    return True if s.draft is not None and s.draft.ended_by == AFTER_JUMP else None


@rule("boundary.continued-from", "A （上接第一版） mark opens the rest of an article continued from another page.")
def _continued_from(s: Turn) -> bool | None:
    return True if s.para.jump_from is not None else None


@rule(
    "body.under-heading-byline",
    "Heading lines between a heading byline and the first paragraph, with no cue of a headline, are the "
    "article's first subheading.",
)
def _under_heading_byline(s: Turn) -> bool | None:
    d = s.draft
    if d is None or d.opened_by not in (HEADING_BYLINE, BYLINE_AFTER_HEADINGS) or d.blocks or d.captions:
        return None
    cued = first_verdict(BOUNDARY[BOUNDARY.index(_several_runs) :], s, (False, ""))[0]
    return None if cued else False


@rule("boundary.no-body-yet", "Heading lines over the first paragraph of an article are its headline.")
def _no_body_yet(s: Turn) -> bool | None:
    return True if s.draft is not None and not s.draft.has_text else None


@rule("boundary.several-runs", "Two heading runs in a row (a blank line between) are a headline, not a subheading.")
def _several_runs(s: Turn) -> bool | None:
    return True if len(s.items) != 1 else None


@rule("boundary.profile-line", "A profile line (titles and a name) heads an interview piece.")
def _profile_line(s: Turn) -> bool | None:
    return True if isinstance(s.items[0], SpeakerUnit) else None


def _run(s: Turn) -> HeadingRun:
    run = s.items[0]
    assert isinstance(run, HeadingRun)  # the rules above took the other cases
    return run


@rule("body.lead-in-run", "A heading run that ends with —— leads into the paragraph below it: a subheading.")
def _lead_in_run(s: Turn) -> bool | None:
    return False if _run(s).text.endswith(("——", "—")) else None


@rule("boundary.dash-subtitle", "A line that opens with —— is a headline's subtitle.")
def _dash_subtitle(s: Turn) -> bool | None:
    return True if any(h.text.startswith(("——", "—")) for h in _run(s).lines) else None


@rule("boundary.section-label", "An A·B line (尊师重教·感念师恩) is a section label over a headline.")
def _section_label(s: Turn) -> bool | None:
    return True if any(pat.SECTION_DOT.match(h.text) for h in _run(s).lines) else None


@rule("boundary.kicker-title", "A kicker (…时强调) over a longer line is a kicker and title.")
def _kicker_title(s: Turn) -> bool | None:
    run = _run(s)
    first = run.lines[0].text
    if len(run.lines) > 1 and pat.KICKER_END.search(first) and len(first) < len(run.text) - s.options.kicker_margin:
        return True
    return None


@rule("boundary.wide-line", "A line wider than its column is set in headline type.")
def _wide_line(s: Turn) -> bool | None:
    wide = s.options.wide_margin
    return True if any(h.width >= h.column + wide for h in _run(s).lines) else None


@rule("boundary.headline-idiom", "Phrases set apart by a space and who-did lines (X主持并讲话) are headline idiom.")
def _headline_idiom(s: Turn) -> bool | None:
    lines = _run(s).lines
    if len(lines) > 1 and any(pat.HAN_SPACE.search(h.text) or pat.SUBTITLE_WHO.search(h.text) for h in lines):
        return True
    return None


#: Bigrams of a headline the text above must share with it to be what the headline speaks of.
_ABOUT_ABOVE = 3
#: A headline group of two lines or more.
_TWO = 2


@rule(
    "boundary.title-after-body",
    "Two heading lines or more, each a whole phrase (no clause mark, no line going on into the next), that "
    "share words with the text above and none with the paragraph below are the headline of the text above, "
    "printed after it: the text below is another article's.",
)
def _title_after_body(s: Turn) -> bool | None:
    d, lines = s.draft, _run(s).lines
    if d is None or len(lines) < _TWO or d.opened_by in (HEADING_BYLINE, BYLINE_AFTER_HEADINGS):
        return None
    texts = [h.text for h in lines]
    if any(pat.CLAUSE_MARK.search(t) or pat.goes_on(t) for t in texts):
        return None  # a subheading wrapped over two lines, or one that leads on
    above = "\n".join(b.text for b in d.blocks)
    if any(a[-1:] + b[:1] in above for a, b in itertools.pairwise(texts)):
        return None  # the break falls inside a word the text has: one phrase wrapped
    grams = bigrams("".join(texts))
    if bigrams_among(s.para.text, grams) or len(bigrams_among(above, grams)) < _ABOUT_ABOVE:
        return None
    return True


@rule(
    "boundary.news-lead",
    "A paragraph that opens like a news lead (a date, 记者…获悉) starts an article, but under a subheading of a "
    "feature credited at its head (a heading byline), whose sections often open with a date.",
)
def _news_lead(s: Turn) -> bool | None:
    if s.draft is not None and s.draft.opened_by in (HEADING_BYLINE, BYLINE_AFTER_HEADINGS):
        return None
    return True if pat.DATE_LEAD.match(s.para.text) else None


@rule(
    "boundary.article-head",
    "A paragraph that opens as only an article's head does (an editor's note 编者按, an item of a short-news "
    "column ◆ △) starts an article.",
)
def _article_head(s: Turn) -> bool | None:
    return True if pat.ARTICLE_HEAD.match(s.para.text) else None


NOTE_AFTER_TEXT = reason(
    "boundary.note-after-text",
    "An editor's note (编者按：…) after an article's text starts the next article: a note stands at the head of "
    "the piece it introduces; heading lines that end the text above are that piece's headline.",
)


#: Does the paragraph after heading lines start an article? The first verdict wins.
BOUNDARY: tuple[Rule[Turn, bool], ...] = (
    _page_start,
    _after_trailing_byline,
    _after_jump,
    _continued_from,
    _under_heading_byline,
    _no_body_yet,
    _several_runs,
    _profile_line,
    _lead_in_run,
    _dash_subtitle,
    _section_label,
    _kicker_title,
    _wide_line,
    _headline_idiom,
    _title_after_body,
    _news_lead,
    _article_head,
)
SUBHEADING_IN_ARTICLE = reason(
    "body.heading-in-article",
    "Heading lines between paragraphs of one article, with no cue of a boundary, are a subheading.",
)
BEFORE_JUMP = reason(
    "body.heading-before-jump",
    "Heading lines right above a continuation jump, （下转N版）, are the last subheading of the article the jump "
    "continues: the jump is set under the last text of its column, never under a headline.",
)
PAGE_START = _page_start.code
CONTINUED_FROM = _continued_from.code
LEAD_BYLINE = reason("boundary.lead-byline", "A lead byline, 本报讯（记者 X）, opens its article.")
HEADING_BYLINE = reason("boundary.heading-byline", "A byline on a line of its own under a headline opens its article.")
BYLINE_AFTER_HEADINGS = reason(
    "boundary.byline-after-headings", "A byline under heading lines opens an article, whatever its form."
)
PICTURE = reason(
    "boundary.picture-story",
    "A caption under a headline of its own, with no text of an article, is a picture story "
    "(or a photo-news item: caption.photo-news).",
)
HEADING_UNDER_TEXT = reason(
    "boundary.heading-under-text",
    "Short lines that end an article's text, with none of it under them, are a headline printed without a "
    "blank line: the next article's, or this one's after its body.",
)
RUN_TOGETHER = reason(
    "boundary.run-together",
    "An article whose lead or heading byline and trailing byline name other people is two (an article is "
    "credited once, at its head or at its end; a closing credit of its editors or of reporters who took part in "
    "it, （本报记者 X参与采写）, is none of another article's): the second opens at its title, kept as a subheading "
    "between them, or at a news lead. Where the closing credit is a bare name (（X）, maybe a hand in the article "
    "above), only a news lead opens the second, or heading lines set one by one (a later line as wide as the "
    "first or wider: a subheading wrapped at its measure ends on a shorter line). Where the closing credit is a "
    "photographer's (…。X 摄: a photo-news item after a bylined article), only a text that opens like a news lead "
    "opens the second, under its title or not; none right under a lead byline (the text a byline opens is its "
    "article's).",
)

TITLE_IN_TEXT = reason(
    "boundary.title-in-text",
    "A subheading of an article's text is the title of the next article where the attachment, taking it for one, "
    "leaves fewer headline lines over: a page that prints a title between two bodies with no byline under it (one "
    "paragraph a line, or no blank lines) reads the title as a subheading and the two texts as one, and the "
    "headline groups printed after them go one body astray until one is left over.",
)
CREDITED_TWICE = reason(
    "boundary.credited-twice",
    "An article that opens with a lead byline naming people and took a headline group printed after its text whose "
    "heading byline names people is two, the same reporter or another: an article is credited once, at its head or "
    "its end. The group heads the text from the paragraph where it turns to the group's words (a change point, as "
    "for boundary.topic-shift); the lead byline the text above, with a subheading at the cut for a title of its own.",
)
CREDITED_AT_BOTH_ENDS = reason(
    "boundary.credited-at-both-ends",
    "An article whose head credits a reporter (its lead byline, or the heading byline of its headline) and whose "
    "trailing byline credits the same reporter again is two: an article is credited once, at its head or its end. "
    "The second begins at the subheading in its text that the text under it shares most words with, more than the "
    "text above does (a headline printed between two texts and read as a subheading): its title.",
)
TITLE_AFTER_ITS_TEXT = reason(
    "boundary.title-after-its-text",
    "An article has one headline. A text that took a headline printed after it, and holds a subheading whose words "
    "the text above it shares and the text under it does not (while the headline's words are the text under it), "
    "is two: the subheading is the title of the text above, printed after it.",
)
TOPIC_SHIFT = reason(
    "boundary.topic-shift",
    "A headline group that no article takes (below the page's top, where it would be a banner) heads the text "
    "from the paragraph where an article's text turns to what the group is about, where the attachment then leaves "
    "fewer lines over: a headline heads an article (above all one with its own byline), and a story set right "
    "under another's text with no byline of its own opens where the vocabulary changes (TextTiling).",
)


# --- paragraph or subheading --------------------------------------------------------------


@attrs.frozen
class Text:
    """Running text of an article (is it a paragraph or a subheading)."""

    text: str
    options: AssembleOptions


@rule("body.has-stops", "Running text with a full stop, ！, ？ or ； in it is a paragraph.")
def _has_stops(s: Text) -> str | None:
    return "paragraph" if pat.STOPS.search(s.text) else None


@rule("body.lead-in", "A short line that ends with —— leads into the text below: a subheading.")
def _lead_in(s: Text) -> str | None:
    if s.text.endswith(("——", "—")) and len(s.text) <= s.options.lead_in_max_chars:
        return "subheading"
    return None


@rule("body.long-lead-in", "A long text that ends with —— is a paragraph.")
def _long_lead_in(s: Text) -> str | None:
    return "paragraph" if s.text.endswith(("——", "—")) else None


@rule("body.short-open-line", "A short text that ends no sentence and no clause is a subheading.")
def _short_open_line(s: Text) -> str | None:
    text = s.text
    if len(text) <= s.options.subheading_max_chars and not pat.sentence_end(text) and not pat.clause_open(text):
        return "subheading"
    return None


#: Is running text a paragraph or a subheading? The first verdict wins.
BODY_KIND: tuple[Rule[Text, str], ...] = (_has_stops, _lead_in, _long_lead_in, _short_open_line)
PARAGRAPH = reason("body.paragraph", "Running text that is no subheading is a paragraph.")
