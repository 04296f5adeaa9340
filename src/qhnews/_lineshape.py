"""Stage 6, assemble: the cues of one headline line and the weights of a headline group's shape.

``line_shape`` reads what a line says of the part it plays (a section label,
a kicker, a subtitle, a line that goes on); ``RoleWeights`` holds what each
cue adds to a group's shape score. The reading of a group is ``_headline``'s.
"""

from __future__ import annotations

import functools

import attrs
import regex

from qhnews import _patterns as pat
from qhnews._forms import Forms, surname_pattern
from qhnews._script import either

__all__ = ["LineShape", "RoleWeights", "line_shape", "parts_cued", "second_line_subtitle"]


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
        lone_plain_subtitle: A lone line that says whom the piece is about (记X, 访X): a
            subtitle whose title stands elsewhere.
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
        who_did_over_title: A who-did line that ends on its verb ("X出席") over a title (it stands under
            its title, never over one).
        subtitle_over_title: A line that says whom the piece is about (访X, 记X) over a line: it
            stands under its title, never over one.
        kicker_over_title: A kicker over its title: it ends like a kicker or is much shorter.
        short_kicker_ratio: A first line shorter than this share of the second
            reads as a kicker over its title.
        extra_lines: A group of more than two lines besides its label and subtitles.
        wrapped_line: A line that goes on (it ends in 的, 与, 为…, or leaves a quote
            open) joined with the line under it: one title or kicker set over two lines.
        plain_subtitle: A last line that says whom the piece is about or what kind
            of piece it is (记…, 访…, …综述) without "——", under the title: its subtitle;
            also a title over its plain second line, or over the longer lines of a stack
            it opens (``headline.plain-second-line``, ``headline.title-over-lines``).
        wrapped_title: Two lines with no kicker cue, cut in the middle of a word the page has or
            the lower a remainder too short to be a title, read as one title wrapped at the
            headline measure.
        wrapped_rest_chars: The longest lower line, in characters, that is too short to be a
            title of its own: under a longer line with no kicker cue, the remainder of a title
            wrapped at the measure (a longer one may be a title under its kicker, which is set
            smaller and is often the longer line).
        wrapped_rest_ratio: Under a kicker, a lower line shorter than this share of the line over
            it is the rest of a title wrapped at the measure: a wrapped line fills the measure, and a
            subtitle is as long as its title or longer (a kicker over a short title is the case the
            lengths cannot settle without a kicker above).
        open_end: A group (or a lone line) whose last line completes no phrase (…的, …为, an
            open quote): the line it goes on in belongs to it.
        kicker_cut: A cut between two groups right under a kicker-only line ("X在Y调研时强调")
            with a line right under it, no blank line between: the kicker heads the line the
            press sets under it, its title, so no group ends on it there.
        group_byline: A heading byline that closes a group printed away from its body
            (文/图 本报记者 X under the title, over no text): a headline group for sure.
    """

    lone_kicker: float = attrs.field(default=0.0, metadata={"step": 0.1})
    lone_title: float = attrs.field(default=0.0, metadata={"step": 0.1})
    lone_subtitle: float = attrs.field(default=-1.0, metadata={"step": 0.1})
    lone_who_did: float = attrs.field(default=-0.5, metadata={"step": 0.1})
    lone_plain_subtitle: float = attrs.field(default=-0.5, metadata={"step": 0.1})
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
    subtitle_over_title: float = attrs.field(default=-1.0, metadata={"step": 0.1})
    kicker_over_title: float = attrs.field(default=0.4, metadata={"step": 0.1})
    short_kicker_ratio: float = attrs.field(default=0.75, metadata={"step": 0.05})
    extra_lines: float = attrs.field(default=-0.3, metadata={"step": 0.1})
    wrapped_line: float = attrs.field(default=0.2, metadata={"step": 0.1})
    plain_subtitle: float = attrs.field(default=0.3, metadata={"step": 0.1})
    wrapped_title: float = attrs.field(default=0.0, metadata={"step": 0.1})
    wrapped_rest_chars: int = attrs.field(default=3, metadata={"step": 1})
    wrapped_rest_ratio: float = attrs.field(default=0.5, metadata={"step": 0.05})
    open_end: float = attrs.field(default=-1.0, metadata={"step": 0.1})
    group_byline: float = attrs.field(default=0.3, metadata={"step": 0.1})
    kicker_cut: float = attrs.field(default=-1.0, metadata={"step": 0.1})


@attrs.frozen
class LineShape:
    """The headline cues of one line.

    Attributes:
        section_label: It reads "A·B", a section label (尊师重教·感念师恩).
        dash_subtitle: It opens with "——", a subtitle.
        who_did: It ends like a who-did line ("X主持并讲话"), or lists the leaders a
            report names and what they did ("田某某吴某某参观").
        who_did_bare: It is a who-did line that ends on its verb, with no object
            ("X主持并讲话", "X出席", "田某某吴某某参观"), never a kicker.
        kicker_end: It ends like a kicker ("…时强调").
        kicker_only: It can only be a kicker: it heads a title the page may not show.
        goes_on: It completes no phrase: it ends in a particle, a preposition or a
            conjunction (的, 之, 与, 为, 在 …), a comma, or leaves a quote or 《 open.
        plain_subtitle: It opens 记… or 访… (whom a feature is about) or ends …综述,
            …侧记 (what kind of piece it is), without "——".
        closed: It ends with a closing quote or bracket, ！ or ？: it completes its phrase.
        kicker_like: It reads as a kicker over a line as long: it sets a time frame ("…前三季度")
            or is a slogan of four-character phrases ("喜看金秋", "喜看金秋 丰收在望").
    """

    section_label: bool
    dash_subtitle: bool
    who_did: bool
    kicker_end: bool
    kicker_only: bool
    goes_on: bool = False
    plain_subtitle: bool = False
    closed: bool = False
    kicker_like: bool = False
    who_did_bare: bool = False


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
        who_did=pat.SUBTITLE_WHO.search(text) is not None or _NAMES_DID.fullmatch(text) is not None,
        kicker_end=pat.KICKER_END.search(text) is not None,
        kicker_only=pat.kicker_only(text),
        goes_on=pat.goes_on(text),
        plain_subtitle=pat.PLAIN_SUBTITLE.search(text) is not None,
        closed=text.endswith(_CLOSED),
        kicker_like=pat.KICKER_TIME.search(text) is not None or _SLOGAN.fullmatch(text) is not None,
        who_did_bare=pat.WHO_DID_BARE.search(text) is not None or _NAMES_DID.fullmatch(text) is not None,
    )


#: The leaders a report names, listed and followed by what they did (田某某吴某某姜某某参观, 李某王某等出席):
#: the press sets such a line under its title, a subtitle. Two names at least, each a surname of the
#: defaults and one or two characters; a verb of attending.
_NAMES_DID = regex.compile(
    either(
        rf"(?:{surname_pattern(Forms())}\p{{Han}}{{1,2}}){{2,6}}等?(?:参观|出席|会见|接见|看望|慰问|观看|视察|考察|送行|欢迎)"
    )
)
#: A headline line that ends in one of these completes its phrase.
_CLOSED = tuple("”」』》）)！？!?")
#: A slogan of one or more four-character phrases (四字格), the press's favourite kicker: 喜看金秋, 喜看金秋 丰收在望.
_SLOGAN = regex.compile(r"\p{Han}{4}(?: \p{Han}{4})*")


def parts_cued(upper: LineShape, lower: LineShape) -> bool:
    """The two lines show that they are two parts: a kicker, a subtitle, a line that completes its phrase."""
    return (
        upper.kicker_end
        or upper.kicker_only
        or upper.who_did
        or upper.plain_subtitle
        or upper.closed  # a line that completes its phrase is no wrapped title's first
        or lower.kicker_only
        or lower.kicker_end  # a line that ends like a kicker (…之际, …时强调) heads a title: it ends none
        or lower.dash_subtitle
    )


def second_line_subtitle(upper: str, lower: str) -> bool:
    """Two lines that read as a title over its subtitle: no kicker cue, the lower no shorter.

    A kicker (引题) over its title and a title over a plain second line (副题,
    no ——) differ on the page by type size alone. The press prints the second
    twice as often (30 against 15 of the surveyed headlines), and a subtitle
    says more than its title: it runs as long or longer. A kicker with a cue
    (…时强调, …之际, …前三季度, a slogan), a who-did line and a line that
    says whom the piece is about keep their own readings, and so do two
    lines of phrases set apart by spaces (a subtitle is a plain sentence).
    """
    top, under = line_shape(upper), line_shape(lower)
    cued = top.kicker_end or top.kicker_like or top.kicker_only or top.who_did or top.plain_subtitle
    # phrases set apart by spaces on both lines (全面推进 着力打造… over 全面推进 着力打造…): two display lines
    # of the main title's kind, no title over the plain sentence of its subtitle
    spaced = pat.HAN_SPACE.search(upper) is not None and pat.HAN_SPACE.search(lower) is not None
    return not cued and not spaced and not under.kicker_only and not under.kicker_end and len(lower) >= len(upper)
