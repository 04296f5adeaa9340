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

import functools
from collections.abc import Callable, Sequence

import attrs

from qhnews import _patterns as pat
from qhnews._records import Byline, Speaker
from qhnews._rules import Rule, first_verdict, reason, rule
from qhnews._segment import HeadlineLine

__all__ = ["LONE_LINE", "TERMS", "HeadlineReading", "LineShape", "RoleWeights", "line_shape", "read_headline"]


@attrs.frozen
class RoleWeights:
    """What each cue of a headline group's shape adds to the group's score.

    A positive weight makes the programme readier to take the lines as one
    headline group; a negative one, readier to cut them apart or leave them
    over. The reason code of each term is in the list of rules.

    Attributes:
        lone_kicker: A lone line that reads as a kicker only ("X在Y调研时强调").
        lone_title: A lone line with no other cue, taken as a title.
        lone_subtitle: A lone "——" line: a subtitle whose title stands elsewhere.
        lone_who_did: A short lone who-did line ("X讲话"): a subtitle whose title stands elsewhere.
        lone_section_label: A lone "A·B" line: most often a section label over a title.
        who_did_chars: The longest who-did line, in characters, read as a lone subtitle
            ("X主持并讲话"; a title that ends so is longer: "X会见Y代表团").
        speaker_over_lines: A profile line with headline lines beside it.
        speaker_alone: A group that is only a profile line.
        two_speakers: A group with more than one profile line.
        speaker_below_line: A profile line under a line that is no section label
            (a profile line opens its group, under a section label at most).
        section_label: An "A·B" line over the other lines of a group.
        dash_subtitle: A "——" subtitle under a title.
        subtitle_without_title: "——" subtitles with no line above them.
        who_did_subtitle: A who-did last line under a line that is no kicker.
        kicker_under_line: A kicker-only line under another line (it heads a title, under none).
        who_did_over_title: A who-did line over a title (it stands under its title, never over one).
        kicker_over_title: A kicker over its title: it ends like a kicker or is much shorter.
        short_kicker_ratio: A first line shorter than this share of the second
            reads as a kicker over its title.
        extra_lines: A group of more than two lines besides its label and subtitles.
        wrapped_line: A line that goes on (it ends in 的, 与, 为…, or leaves a quote
            open) joined with the line under it: one title or kicker set over two lines.
        plain_subtitle: A last line that says whom the piece is about or what kind
            of piece it is (记…, 访…, …综述) without "——", under the title: its subtitle.
        group_byline: A heading byline that closes a group printed away from its body
            (文/图 本报记者 X under the title, over no text): a headline group for sure.
    """

    lone_kicker: float = attrs.field(default=0.0, metadata={"step": 0.1})
    lone_title: float = attrs.field(default=0.0, metadata={"step": 0.1})
    lone_subtitle: float = attrs.field(default=-1.0, metadata={"step": 0.1})
    lone_who_did: float = attrs.field(default=-0.5, metadata={"step": 0.1})
    lone_section_label: float = attrs.field(default=-0.3, metadata={"step": 0.1})
    who_did_chars: int = attrs.field(default=8, metadata={"step": 1})
    speaker_over_lines: float = attrs.field(default=0.4, metadata={"step": 0.1})
    speaker_alone: float = attrs.field(default=-0.6, metadata={"step": 0.1})
    two_speakers: float = attrs.field(default=-1.0, metadata={"step": 0.1})
    speaker_below_line: float = attrs.field(default=-1.0, metadata={"step": 0.1})
    section_label: float = attrs.field(default=0.3, metadata={"step": 0.1})
    dash_subtitle: float = attrs.field(default=0.4, metadata={"step": 0.1})
    subtitle_without_title: float = attrs.field(default=-1.0, metadata={"step": 0.1})
    who_did_subtitle: float = attrs.field(default=0.3, metadata={"step": 0.1})
    kicker_under_line: float = attrs.field(default=-1.0, metadata={"step": 0.1})
    who_did_over_title: float = attrs.field(default=-1.0, metadata={"step": 0.1})
    kicker_over_title: float = attrs.field(default=0.4, metadata={"step": 0.1})
    short_kicker_ratio: float = attrs.field(default=0.75, metadata={"step": 0.05})
    extra_lines: float = attrs.field(default=-0.3, metadata={"step": 0.1})
    wrapped_line: float = attrs.field(default=0.2, metadata={"step": 0.1})
    plain_subtitle: float = attrs.field(default=0.3, metadata={"step": 0.1})
    group_byline: float = attrs.field(default=0.3, metadata={"step": 0.1})


@attrs.frozen
class LineShape:
    """The headline cues of one line.

    Attributes:
        section_label: It reads "A·B", a section label (尊师重教·感念师恩).
        dash_subtitle: It opens with "——", a subtitle.
        who_did: It ends like a who-did line ("X主持并讲话").
        kicker_end: It ends like a kicker ("…时强调").
        kicker_only: It can only be a kicker: it heads a title the page may not show.
        goes_on: It completes no phrase: it ends in a particle, a preposition or a
            conjunction (的, 之, 与, 为, 在 …), a comma, or leaves a quote or 《 open.
        plain_subtitle: It opens 记… or 访… (whom a feature is about) or ends …综述,
            …侧记 (what kind of piece it is), without "——".
    """

    section_label: bool
    dash_subtitle: bool
    who_did: bool
    kicker_end: bool
    kicker_only: bool
    goes_on: bool = False
    plain_subtitle: bool = False


@functools.lru_cache(maxsize=4096)
def line_shape(text: str) -> LineShape:
    """The headline cues of one line.

    Examples:
        >>> line_shape("——记某某村的变化").dash_subtitle
        True
    """
    return LineShape(
        section_label=pat.SECTION_DOT.match(text) is not None,
        dash_subtitle=text.startswith(("——", "—")),
        who_did=pat.SUBTITLE_WHO.search(text) is not None,
        kicker_end=pat.KICKER_END.search(text) is not None,
        kicker_only=pat.kicker_only(text),
        goes_on=text.endswith(_GOES_ON) or text.count("“") > text.count("”") or text.count("《") > text.count("》"),
        plain_subtitle=pat.PLAIN_SUBTITLE.search(text) is not None,
    )


#: A headline line that ends in one of these completes no phrase: the next line goes on with it.
_GOES_ON = (*"的之与和及并或为对在把向从将被让给以于、，", "——")


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


# --- one line -------------------------------------------------------------------------


@attrs.frozen
class _Lone:
    text: str
    shape: LineShape
    weights: RoleWeights


# A verdict is the part the line plays and what it adds to the score.
_Part = tuple[str, float]


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


@rule("headline.lone-section-label", "A lone A·B line is most often a section label over a title: a weak title.")
def _lone_section_label(s: _Lone) -> _Part | None:
    return ("title", s.weights.lone_section_label) if s.shape.section_label else None


#: The rules that read a group of one line, in order; the first verdict wins.
LONE_LINE: tuple[Rule[_Lone, _Part], ...] = (_lone_kicker, _lone_subtitle, _lone_who_did, _lone_section_label)
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
_KICKER_UNDER_LINE = reason("headline.kicker-under-line", "A kicker-only line heads a title; it stands under none.")
_WHO_DID_OVER_TITLE = reason(
    "headline.who-did-over-title", "A who-did line stands under the title it belongs to, never over one."
)
_KICKER_OVER_TITLE = reason(
    "headline.kicker-over-title", "A line that ends like a kicker, or is much shorter, over a title is its kicker."
)
_WRAPPED_LINE = reason(
    "headline.wrapped-line",
    "A headline line that completes no phrase (…的, …与, an open quote) goes on in the line under it.",
)
_PLAIN_SUBTITLE = reason(
    "headline.plain-subtitle", "A last line that opens 记… or 访… under the title is its subtitle, —— or not."
)
_EXTRA_LINES = reason("headline.extra-lines", "More than a kicker and a title besides label and subtitles is unusual.")


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
        r.section, r.lines = r.lines[0], r.lines[1:]
        r.add(_SECTION_LABEL, r.weights.section_label)


def _wrapped_terms(r: _Reading) -> None:
    """A line that completes no phrase goes on in the line under it: one part set over two lines."""
    lines: list[str] = []
    for text in r.lines:
        if lines and line_shape(lines[-1]).goes_on and not line_shape(text).dash_subtitle:
            lines[-1] += text
            r.add(_WRAPPED_LINE, r.weights.wrapped_line)
        else:
            lines.append(text)
    r.lines = lines


def _subtitle_terms(r: _Reading) -> None:
    """Subtitles: every line from the first "——" line on, else a who-did or 记…/访… last line."""
    lines = r.lines
    dash = next((i for i, t in enumerate(lines) if line_shape(t).dash_subtitle), None)
    if dash is not None:
        r.lines, r.subtitles = lines[:dash], lines[dash:]
        if r.lines:
            r.add(_DASH_SUBTITLE, r.weights.dash_subtitle)
        else:
            r.add(_SUBTITLE_WITHOUT_TITLE, r.weights.subtitle_without_title)
    elif len(lines) > 1 and line_shape(lines[-1]).who_did and not line_shape(lines[-2]).kicker_end:
        r.subtitles = [lines.pop()]
        r.add(_WHO_DID_SUBTITLE, r.weights.who_did_subtitle)
    elif len(lines) > 1 and line_shape(lines[-1]).plain_subtitle and not line_shape(lines[-2]).kicker_only:
        r.subtitles = [lines.pop()]
        r.add(_PLAIN_SUBTITLE, r.weights.plain_subtitle)


def _kicker_title_terms(r: _Reading) -> None:
    """What is left: a kicker alone, a title alone, or a kicker over a title (and more subtitles)."""
    lines, w = r.lines, r.weights
    if len(lines) == 1 and not r.subtitles and line_shape(lines[0]).kicker_only:
        r.kicker = lines[0]  # "X在Y调研时强调" over a title the page does not show
        r.note(_READ_KICKER)
    elif len(lines) == 1:
        r.title = lines[0]
        r.note(_READ_TITLE)
    elif lines:
        kicker, title = lines[0], lines[1]
        r.kicker, r.title = kicker, title
        r.subtitles = lines[2:] + r.subtitles
        r.note(_READ_KICKER_TITLE)
        top, under = line_shape(kicker), line_shape(title)
        if under.kicker_only and not top.kicker_only:
            r.add(_KICKER_UNDER_LINE, w.kicker_under_line)
        elif top.who_did and not top.kicker_end:
            r.add(_WHO_DID_OVER_TITLE, w.who_did_over_title)
        elif top.kicker_end or len(kicker) < w.short_kicker_ratio * len(title):
            r.add(_KICKER_OVER_TITLE, w.kicker_over_title)
        if lines[2:]:  # more than a kicker and a title
            r.add(_EXTRA_LINES, w.extra_lines)


#: The terms that read a group of several lines, in order: each takes its part off the lines left.
TERMS: tuple[Callable[[_Reading], None], ...] = (
    _speaker_terms,
    _section_terms,
    _wrapped_terms,
    _subtitle_terms,
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


def read_headline(group: Sequence[HeadlineLine], weights: RoleWeights) -> HeadlineReading:
    """Read the parts of one headline group and score its shape.

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
    r = _Reading(lines, weights, [h.text for h in lines if h.speaker is None])
    for term in TERMS:
        term(r)
    reading = HeadlineReading(r.section, r.kicker, r.title, tuple(r.subtitles), r.speaker, r.shape, tuple(r.reasons))
    return _carried(reading, group, weights)
