"""Stage 6, assemble: read the parts of one headline group (section label, kicker, title, subtitles).

A group of one line is read by the first of the ``LONE_LINE`` rules that gives
a verdict. A group of several lines is read by the ``TERMS``, in order: each
takes its part off the lines (a profile line, a section label, subtitles, then
kicker and title) and adds its weight to the group's *shape* score when its
cue is there. The weights are the fields of [`RoleWeights`][qhnews.RoleWeights];
the codes of the terms that fired are kept on the reading (and end up as
``Article.headline_reasons``). The attachment step (``_attach``) adds the
shape score to what a group shares with an article's body.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import attrs
import regex

from qhnews import _patterns as pat
from qhnews._lineshape import LineShape, RoleWeights, line_shape, parts_cued, second_line_subtitle
from qhnews._records import Byline, Speaker
from qhnews._rules import Rule, first_verdict, reason, rule
from qhnews._segment import HeadlineLine

__all__ = ["LONE_LINE", "PLAIN_SECOND_LINE", "TERMS", "HeadlineReading", "read_headline"]


@attrs.frozen
class HeadlineReading:
    """The parts of one headline group, its shape score and the terms that gave it."""

    section: str | None
    kicker: str | None
    title: str | None
    subtitles: tuple[str, ...]
    speaker: Speaker | None
    shape: float
    reasons: tuple[str, ...]
    bylines: tuple[Byline, ...] = ()  # the heading bylines the group carries (``headline.group-byline``)
    alternative: str | None = None  # the other reading, where the text does not decide between two


# --- one line -------------------------------------------------------------------------


@attrs.frozen
class _Lone:
    text: str
    shape: LineShape
    weights: RoleWeights


# A verdict is the part the line plays and what it adds to the score.
_Part = tuple[str, float]


@rule(
    "headline.lone-open-line",
    "A lone line that completes no phrase (…的, …为, an open quote) goes on in a line of its group: no whole headline.",
)
def _lone_open_line(s: _Lone) -> _Part | None:
    return ("title", s.weights.open_end) if s.shape.goes_on else None


@rule("headline.lone-kicker", "A lone line that can only be a kicker heads a title the page does not show.")
def _lone_kicker(s: _Lone) -> _Part | None:
    return ("kicker", s.weights.lone_kicker) if s.shape.kicker_only else None


@rule("headline.lone-subtitle", "A lone line that opens with —— is a subtitle whose title stands elsewhere.")
def _lone_subtitle(s: _Lone) -> _Part | None:
    return ("subtitle", s.weights.lone_subtitle) if s.shape.dash_subtitle else None


@rule(
    "headline.lone-who-did",
    "A short lone who-did line (X讲话) is most often a subtitle whose title stands elsewhere: a weak title.",
)
def _lone_who_did(s: _Lone) -> _Part | None:
    if s.shape.who_did and len(s.text) <= s.weights.who_did_chars:
        return ("title", s.weights.lone_who_did)
    return None


@rule(
    "headline.lone-plain-subtitle",
    "A lone line that says whom the piece is about (记X, 访X) or what kind of piece it is (…综述, …侧记) is most "
    "often a subtitle whose title stands elsewhere: a weak title.",
)
def _lone_plain_subtitle(s: _Lone) -> _Part | None:
    return ("title", s.weights.lone_plain_subtitle) if s.shape.plain_subtitle and not s.shape.kicker_only else None


@rule("headline.lone-section-label", "A lone A·B line is most often a section label over a title: a weak title.")
def _lone_section_label(s: _Lone) -> _Part | None:
    return ("title", s.weights.lone_section_label) if s.shape.section_label else None


#: The rules that read a group of one line, in order; the first verdict wins.
LONE_LINE: tuple[Rule[_Lone, _Part], ...] = (
    _lone_open_line,
    _lone_kicker,
    _lone_subtitle,
    _lone_who_did,
    _lone_plain_subtitle,
    _lone_section_label,
)
_LONE_TITLE = reason("headline.lone-title", "A lone line with no other cue is a title.")


def _read_lone(text: str, weights: RoleWeights) -> HeadlineReading:
    default = ("title", weights.lone_title)
    (part, score), code = first_verdict(LONE_LINE, _Lone(text, line_shape(text), weights), (default, _LONE_TITLE))
    if part == "kicker":
        return HeadlineReading(None, text, None, (), None, score, (code,))
    if part == "subtitle":
        return HeadlineReading(None, None, None, (text,), None, score, (code,))
    return HeadlineReading(None, None, text, (), None, score, (code,))


# --- several lines ---------------------------------------------------------------------


@attrs.define
class _Reading:
    """A group's reading while the terms take their parts off its lines."""

    group: Sequence[HeadlineLine]
    weights: RoleWeights
    lines: list[str]
    speaker: Speaker | None = None
    section: str | None = None
    kicker: str | None = None
    title: str | None = None
    subtitles: list[str] = attrs.Factory(list)
    shape: float = 0.0
    reasons: list[str] = attrs.Factory(list)
    # Whether the page's text runs on from the end of one line into the start of the next (a word cut in two).
    runs_on: Callable[[str, str], bool] | None = None
    alternative: str | None = None
    # By line: it stands right under the line before it, no blank line between (one run of lines).
    joined: list[bool] = attrs.Factory(list)

    def add(self, code: str, weight: float) -> None:
        self.shape += weight
        self.reasons.append(code)

    def note(self, code: str) -> None:
        self.reasons.append(code)


_SPEAKER_OVER_LINES = reason("headline.speaker-over-lines", "A profile line opens a group of headline lines.")
_SPEAKER_ALONE = reason("headline.speaker-alone", "A profile line alone is a weak headline.")
_TWO_SPEAKERS = reason("headline.two-speakers", "One headline group holds one profile line.")
_SPEAKER_BELOW_LINE = reason(
    "headline.speaker-below-line", "A profile line opens its group, under a section label at most."
)
_SECTION_LABEL = reason("headline.section-label", "An A·B line over other lines is the group's section label.")
_DASH_SUBTITLE = reason("headline.dash-subtitle", "Lines that open with —— under a title are its subtitles.")
_SUBTITLE_WITHOUT_TITLE = reason(
    "headline.subtitle-without-title", "—— subtitles with no line above them lack their title."
)
_WHO_DID_SUBTITLE = reason("headline.who-did-subtitle", "A who-did line (X主持并讲话) under a title is its subtitle.")
_READ_KICKER = reason("headline.read-kicker", "One line left that can only be a kicker is the kicker.")
_READ_TITLE = reason("headline.read-title", "One line left is the title.")
_READ_KICKER_TITLE = reason(
    "headline.read-kicker-title", "Two lines left or more: the first is the kicker, the second the title."
)
_TITLE_OVER_LINES = reason(
    "headline.title-over-lines",
    "Three lines or more with no cue, the first the shortest: a title over its subtitles (副题 without ——), "
    "as the press sets a report's short title over the longer lines that say more; the kicker reading is kept.",
)
_KICKER_STACK = reason(
    "headline.kicker-stack",
    "Three lines or more with no cue, the title under a kicker no shorter than it and shorter than every line "
    "under it: a kicker, title and subtitles (引题/主题/副题) as the press sets them, the title the shortest.",
)
_KICKER_UNDER_LINE = reason("headline.kicker-under-line", "A kicker-only line heads a title; it stands under none.")
_WHO_DID_OVER_TITLE = reason(
    "headline.who-did-over-title",
    "A who-did line that ends on its verb (X主持并讲话, X出席) stands under the title it belongs to, never over one.",
)
_SUBTITLE_OVER_TITLE = reason(
    "headline.subtitle-over-title",
    "A line that says whom the piece is about (访X, 记X) stands under its title, never over one.",
)
_KICKER_OVER_TITLE = reason(
    "headline.kicker-over-title", "A line that ends like a kicker, or is much shorter, over a title is its kicker."
)
_WRAPPED_LINE = reason(
    "headline.wrapped-line",
    "A headline line that completes no phrase (…的, …与, an open quote) goes on in the line under it.",
)
_WRAPPED_TITLE = reason(
    "headline.wrapped-title",
    "Two lines with no kicker cue, the upper longer than the lower or cut in the middle of a word the page "
    "has, are one title wrapped at the headline measure: a kicker is shorter than its title.",
)
_PLAIN_SUBTITLE = reason(
    "headline.plain-subtitle", "A last line that opens 记… or 访… under the title is its subtitle, —— or not."
)
PLAIN_SECOND_LINE = reason(
    "headline.plain-second-line",
    "Two lines with no kicker cue, the lower no shorter: a title over its subtitle (副题), printed without ——, "
    "as the press prints it twice as often as a kicker over a title; the other reading is kept.",
)
#: The readings the press's own convention decides where only type size would tell: the likelier of two,
#: the other kept in the notes (the confidence model's ``likelier_reading``).
LIKELIER_READINGS = frozenset((PLAIN_SECOND_LINE, _TITLE_OVER_LINES, _KICKER_STACK))
_EXTRA_LINES = reason("headline.extra-lines", "More than a kicker and a title besides label and subtitles is unusual.")


_OPEN_END = reason(
    "headline.open-end",
    "A group whose last line completes no phrase (…的, …为, an open quote) lacks the line it goes on in.",
)


def _open_end_terms(r: _Reading) -> None:
    """A group does not end on a line that goes on in the next."""
    if r.lines and line_shape(r.lines[-1]).goes_on:
        r.add(_OPEN_END, r.weights.open_end)


def _speaker_terms(r: _Reading) -> None:
    """A profile line: it opens its group, under a section label at most."""
    w = r.weights
    speakers = [i for i, h in enumerate(r.group) if h.speaker is not None]
    if not speakers:
        return
    first = speakers[0]
    r.speaker = r.group[first].speaker
    if r.lines:
        r.add(_SPEAKER_OVER_LINES, w.speaker_over_lines)
    else:
        r.add(_SPEAKER_ALONE, w.speaker_alone)
    if len(speakers) > 1:
        r.add(_TWO_SPEAKERS, w.two_speakers)
    if first > 1 or (first == 1 and not line_shape(r.group[0].text).section_label):
        r.add(_SPEAKER_BELOW_LINE, w.speaker_below_line)


def _section_terms(r: _Reading) -> None:
    """An "A·B" line over the other lines is the group's section label."""
    if len(r.lines) > 1 and line_shape(r.lines[0]).section_label:
        r.section, r.lines, r.joined = r.lines[0], r.lines[1:], r.joined[1:]
        r.add(_SECTION_LABEL, r.weights.section_label)


def _wrapped_terms(r: _Reading) -> None:
    """A line that completes no phrase goes on in the line right under it: one part set over two lines.

    The press sets the two lines of one wrapped part together; a blank line
    stands between parts or groups, never inside a part.
    """
    lines: list[str] = []
    joined: list[bool] = []
    for text, under in zip(r.lines, r.joined, strict=True):
        if lines and under and line_shape(lines[-1]).goes_on and not line_shape(text).dash_subtitle:
            lines[-1] += text
            r.add(_WRAPPED_LINE, r.weights.wrapped_line)
        else:
            lines.append(text)
            joined.append(under)
    r.lines, r.joined = lines, joined


def _subtitle_terms(r: _Reading) -> None:
    """Subtitles: every line from the first "——" line on, else a who-did or 记…/访… last line."""
    lines = r.lines
    dash = next((i for i, t in enumerate(lines) if line_shape(t).dash_subtitle), None)
    if dash is not None:
        r.lines, r.subtitles, r.joined = lines[:dash], lines[dash:], r.joined[:dash]
        if r.lines:
            r.add(_DASH_SUBTITLE, r.weights.dash_subtitle)
        else:
            r.add(_SUBTITLE_WITHOUT_TITLE, r.weights.subtitle_without_title)
    elif len(lines) > 1 and line_shape(lines[-1]).who_did and not line_shape(lines[-2]).kicker_end:
        r.subtitles = [lines.pop()]
        r.joined.pop()
        r.add(_WHO_DID_SUBTITLE, r.weights.who_did_subtitle)
    elif len(lines) > 1 and line_shape(lines[-1]).plain_subtitle and not line_shape(lines[-2]).kicker_only:
        r.subtitles = [lines.pop()]
        r.joined.pop()
        r.add(_PLAIN_SUBTITLE, r.weights.plain_subtitle)


#: A line that opens with one character set apart by a space from a phrase, or ends with one after a phrase
#: (a letter-spaced word, 春 节 快 乐, sets every character apart: it is neither).
_LONE_HEAD = regex.compile(r"^\p{Han}[ \u3000]+\p{Han}{2}")
_LONE_TAIL = regex.compile(r"\p{Han}{2}[ \u3000]+\p{Han}$")


def _wrapped_title_terms(r: _Reading) -> None:
    """Two title lines with no cue between them: one title wrapped at the headline measure, or a kicker over it.

    A title too long for the measure fills its first line, the remainder under it; a kicker is
    set smaller, often the longer line over a short title. So two lines are one title when the
    upper shows no kicker cue and completes no phrase (”, 》, ！) and either ends in the middle
    of a word the page has (落|实) or leaves a remainder too short to be a title. Under a kicker,
    only the word says so.
    """
    lines = r.lines
    if len(lines) not in (2, 3) or not r.joined[-1]:  # a blank line between: two parts, never one wrapped title
        return
    upper_text, lower_text = lines[-2], lines[-1]
    if parts_cued(line_shape(upper_text), line_shape(lower_text)):
        return
    # a phrase set apart by spaces is never one character: one alone at the break is the rest of the word
    # the line above cut (集中签 / 约 海西州…), whatever the lengths say
    cut_phrase = _LONE_HEAD.match(lower_text) is not None or _LONE_TAIL.search(upper_text) is not None
    if len(upper_text) < r.weights.short_kicker_ratio * len(lower_text) and not cut_phrase:
        return
    cut_word = cut_phrase or (r.runs_on is not None and r.runs_on(upper_text, lower_text))
    w, short = r.weights, len(lower_text) <= r.weights.wrapped_rest_chars < len(upper_text)
    # under a kicker the two lines are no kicker and title: a lower line far shorter than the upper (a
    # wrapped line fills the measure; a subtitle is no shorter than its title) is the title's rest
    rest = short or (bool(lines[:-2]) and len(lower_text) < w.wrapped_rest_ratio * len(upper_text))
    if cut_word or rest:
        r.lines, r.joined = [*lines[:-2], upper_text + lower_text], r.joined[:-1]
        r.add(_WRAPPED_TITLE, r.weights.wrapped_title)
        if not cut_word and lines[:-2]:  # the lengths alone said so, under a kicker
            r.alternative = f"a title ({upper_text}) over its subtitle ({lower_text})"
        elif not cut_word:
            r.alternative = f"a kicker ({upper_text}) over a title ({lower_text})"


def _kicker_title_terms(r: _Reading) -> None:
    """What is left: a kicker alone, a title alone, or a kicker over a title (and more subtitles)."""
    lines, w = r.lines, r.weights
    if len(lines) == 1 and not r.subtitles and line_shape(lines[0]).kicker_only:
        r.kicker = lines[0]  # "X在Y调研时强调" over a title the page does not show
        r.note(_READ_KICKER)
    elif len(lines) == 1:
        r.title = lines[0]
        r.note(_READ_TITLE)
    elif lines[1:] and not lines[2:] and not r.subtitles and second_line_subtitle(lines[0], lines[1]):
        r.title, r.subtitles = lines[0], [lines[1]]
        r.add(PLAIN_SECOND_LINE, w.plain_subtitle)
        r.alternative = f"a kicker ({lines[0]}) over a title ({lines[1]})"
    elif lines[2:] and _title_first(lines):
        r.title, r.subtitles = lines[0], lines[1:] + r.subtitles
        r.add(_TITLE_OVER_LINES, w.plain_subtitle)  # the stack's own form: no extra lines
        r.alternative = f"a kicker ({lines[0]}) over a title ({lines[1]})"
    elif lines:
        kicker, title = lines[0], lines[1]
        r.kicker, r.title = kicker, title
        r.subtitles = lines[2:] + r.subtitles
        r.note(_READ_KICKER_TITLE)
        _kicker_over_title_terms(r, kicker, title)
        if (
            lines[2:]
            and not _cued(kicker)
            and len(title) <= len(kicker)
            and all(len(title) < len(x) for x in lines[2:])
        ):
            r.add(_KICKER_STACK, w.plain_subtitle)  # the stack as the press sets it: no extra lines
        elif lines[2:]:  # more than a kicker and a title
            r.add(_EXTRA_LINES, w.extra_lines)


#: Four-character phrases set apart by a comma (春风送暖，万家团圆): a slogan, a stack's kicker.
_SLOGAN_PAIR = regex.compile(r"\p{Han}{4}(?:[，、 ]\p{Han}{4})+")


def _cued(line: str) -> bool:
    """The first line of a stack shows a cue of a kicker (or of a line that is no title: who-did, 记…/访…)."""
    top = line_shape(line)
    cued = top.kicker_end or top.kicker_like or top.kicker_only or top.who_did or top.plain_subtitle
    return cued or _SLOGAN_PAIR.fullmatch(line) is not None or pat.ANNOUNCES.search(line) is not None


def _title_first(lines: Sequence[str]) -> bool:
    """A stack of three lines or more with no cue opens with its title: the first line is the shortest.

    The press sets a report's title short, over the longer lines that say more
    (副题: who welcomed, what was decided); a kicker over a title is most often
    the longer of the two. A first line with a kicker's cue, a who-did line, a
    line that says whom the piece is about or one that says a notice was issued
    (…发出通知: what the notice says is the title) keeps the kicker reading.
    """
    if _cued(lines[0]):
        return False
    return all(len(lines[0]) < len(line) for line in lines[1:])


def _kicker_over_title_terms(r: _Reading, kicker: str, title: str) -> None:
    """Whether the upper of two lines reads as the kicker of the lower; with no cue, the other reading is kept."""
    w = r.weights
    top, under = line_shape(kicker), line_shape(title)
    if under.kicker_only and not top.kicker_only:
        r.add(_KICKER_UNDER_LINE, w.kicker_under_line)
    elif top.who_did_bare and not top.kicker_end:
        r.add(_WHO_DID_OVER_TITLE, w.who_did_over_title)
    elif top.who_did and not top.kicker_end:  # X主持召开Y会议: a kicker or a title over its who-did subtitle
        r.alternative = f"a title ({kicker}) over its subtitle ({title})"
    elif top.plain_subtitle and not top.kicker_only:  # …综述 ends like a kicker too, but says what the piece is
        r.add(_SUBTITLE_OVER_TITLE, w.subtitle_over_title)
    elif top.kicker_end or len(kicker) < w.short_kicker_ratio * len(title):
        r.add(_KICKER_OVER_TITLE, w.kicker_over_title)
    elif not top.closed:  # no cue either way
        r.alternative = f"one title wrapped over two lines ({kicker}{title})"


#: The terms that read a group of several lines, in order: each takes its part off the lines left.
TERMS: tuple[Callable[[_Reading], None], ...] = (
    _open_end_terms,
    _speaker_terms,
    _section_terms,
    _wrapped_terms,
    _subtitle_terms,
    _wrapped_title_terms,
    _kicker_title_terms,
)


_GROUP_BYLINE = reason(
    "headline.group-byline",
    "A heading byline over no text closes a headline group printed away from its body: they attach as one.",
)


def _carried(r: HeadlineReading, group: Sequence[HeadlineLine], weights: RoleWeights) -> HeadlineReading:
    """The reading with what its lines carry: the group's heading bylines, the rules that made lines headline lines."""
    bylines = tuple(h.byline for h in group if h.byline is not None)
    codes = tuple(dict.fromkeys(h.reason for h in group if h.reason))
    if bylines:
        r = attrs.evolve(r, shape=r.shape + weights.group_byline, reasons=(*r.reasons, _GROUP_BYLINE), bylines=bylines)
    return attrs.evolve(r, reasons=(*codes, *r.reasons)) if codes else r


def read_headline(
    group: Sequence[HeadlineLine], weights: RoleWeights, runs_on: Callable[[str, str], bool] | None = None
) -> HeadlineReading:
    """Read the parts of one headline group and score its shape.

    ``runs_on(upper, lower)`` says whether the page's text runs on from the
    end of one line into the start of the next: a word cut in two (the
    attachment asks the bodies of the page).

    Examples:
        >>> from qhnews._records import Span
        >>> line = lambda t: HeadlineLine(t, Span(0, 0, 1, 1))
        >>> r = read_headline([line("王某在某地调研时强调"), line("奋力谱写新篇章")], RoleWeights())
        >>> r.kicker, r.title, r.shape, r.reasons
        ('王某在某地调研时强调', '奋力谱写新篇章', 0.4, ('headline.read-kicker-title', 'headline.kicker-over-title'))
    """
    lines = [h for h in group if h.byline is None]
    plain = len(lines) == len(group) and not group[0].reason
    if len(lines) == 1 and lines[0].speaker is None:  # the common case, kept cheap
        reading = _read_lone(lines[0].text, weights)
        return reading if plain else _carried(reading, group, weights)
    texts = [h for h in lines if h.speaker is None]
    joined = [k > 0 and h.span.first_line == texts[k - 1].span.last_line + 1 for k, h in enumerate(texts)]
    r = _Reading(lines, weights, [h.text for h in texts], runs_on=runs_on, joined=joined)
    for term in TERMS:
        term(r)
    reading = HeadlineReading(
        r.section, r.kicker, r.title, tuple(r.subtitles), r.speaker, r.shape, tuple(r.reasons), (), r.alternative
    )
    return _carried(reading, group, weights)
