"""The forms of the press as data: the words bylines and datelines are built from.

A byline names its outlet (本报, 新华社, <X>日报 …), a dateline's place and
date, the roles printed before names (记者, 特约通讯员, 全媒体记者 …) and the
words that may close it (报道, 摄影报道, 整理 …). They are fields of
[`Forms`][qhnews.Forms]; a paper that prints a role or an outlet the
defaults do not know is read by passing ``ParseOptions(forms=Forms().extend(...))``.
The patterns are built from a ``Forms`` once and cached; their cheap
prefilters (the characters a role word may start with) are derived from the
same words, never kept by hand.

The words are written in simplified characters; every pattern also reads
them in traditional characters (``_script.either``). docs/guide/forms.md
lists the forms the survey of the press met and how often.
"""

from __future__ import annotations

import functools
import re

import attrs
import regex

from qhnews._script import either

__all__ = ["DEFAULT", "NUMBER", "OCR_CONFUSIONS", "BylinePatterns", "Forms", "compiled"]


def _words(value: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    """Words longest first (an alternation tries them in order), without repeats."""
    return tuple(sorted(dict.fromkeys(value), key=lambda w: (-len(w), w)))


@attrs.frozen
class Forms:
    """The words of bylines and datelines, as data a user can extend.

    Attributes:
        roles: Roles printed before names: 记者, 特约通讯员, 全媒体记者, …
        houses: How a paper names itself inside a credit: 本报记者 X → outlet 本报.
        outlets: Outlets printed whole before 讯 or 电, or before a role: 新华社, 中新社, …
        outlet_endings: How other outlets' names end: <X>日报, <X>晚报, <X>网, …
        credits: Credits that open a heading byline: 文/图, 图/文, 文, 图.
        markers: Marks printed before a heading byline: ■ □ ● ▲ ◆ ★.
        closers: Words after the names that close a byline and name nobody:
            报道, 摄影报道, 整理, 采写, 摄.

    Examples:
        >>> forms = Forms().extend(roles=("主笔",))
        >>> "主笔" in forms.roles and "记者" in forms.roles
        True
    """

    roles: tuple[str, ...] = attrs.field(
        default=(
            "特约通讯员",
            "特约记者",
            "见习记者",
            "实习记者",
            "摄影记者",
            "首席记者",
            "融媒体记者",
            "全媒体记者",
            "驻站记者",
            "通讯员",
            "实习生",
            "记者",
            "摄影",
            "摄",
            "编辑",
            "整理",
            "作者",
        ),
        converter=_words,
    )
    houses: tuple[str, ...] = attrs.field(default=("本报", "本刊", "本台", "本网"), converter=_words)
    outlets: tuple[str, ...] = attrs.field(
        default=("本报", "本刊", "本台", "本网", "新华社", "中新社", "人民网", "新华网", "央视网", "晨刊"),
        converter=_words,
    )
    outlet_endings: tuple[str, ...] = attrs.field(
        default=(
            "日报",
            "晚报",
            "晨报",
            "早报",
            "时报",
            "商报",
            "都市报",
            "法制报",
            "晨刊",
            "报社",
            "新闻社",
            "通讯社",
            "电视台",
            "广播电视台",
            "融媒体中心",
            "客户端",
            "网",
            "报",
        ),
        converter=_words,
    )
    credits: tuple[str, ...] = attrs.field(default=("文/图", "图/文", "文图", "图文", "文", "图"), converter=_words)
    markers: tuple[str, ...] = attrs.field(default=("■", "□", "●", "▲", "◆", "★", "☆"), converter=_words)
    closers: tuple[str, ...] = attrs.field(default=("摄影报道", "报道", "采写", "整理", "摄", "供图"), converter=_words)

    def extend(self, **more: tuple[str, ...]) -> Forms:
        """The same forms with more words in the named fields (``roles=("主笔",)``)."""
        unknown = set(more) - {f.name for f in attrs.fields(Forms)}
        if unknown:
            raise TypeError(f"Forms has no field {', '.join(sorted(unknown))}")
        return attrs.evolve(self, **{k: (*getattr(self, k), *v) for k, v in more.items()})


#: Characters of the cue words that OCR misreads, and what it reads them as
#: (本扱讯, 本报汛, 新华杜, 记考). The byline patterns read the cue words with
#: these too; the output keeps the characters as printed.
OCR_CONFUSIONS: dict[str, str] = {"报": "扱", "讯": "汛", "社": "杜", "者": "考"}


def _cue(word: str) -> str:
    """A cue word as a pattern that also reads its common OCR misreadings."""
    return "".join(f"[{c}{OCR_CONFUSIONS[c]}]" if c in OCR_CONFUSIONS else regex.escape(c) for c in word)


def _alt(words: tuple[str, ...]) -> str:
    return "(?:" + "|".join(_cue(w) for w in words) + ")"


@attrs.frozen
class BylinePatterns:
    """The byline patterns of one ``Forms``, compiled.

    Attributes:
        role: A role word.
        role_start: Characters one of which every role word holds (a small set, found from the
            words): no line without one is a byline of people.
        people_token: One token of a byline's people part: an outlet and role, a name, a closer.
        lead: A lead byline or dateline at the start of a paragraph.
        heading: A byline printed as a line of its own under a headline.
        trailing: Bracketed roles and names closing a paragraph.
        photo_credit: A photo credit on a line of its own: 新华社记者 X 摄, X 摄, 本报记者 X 供图.
        caption_credit: A photo credit closing a caption: 图为会场。本报记者 X 摄, …（X 摄）.
    """

    role: regex.Pattern[str]
    role_start: re.Pattern[str]
    people_token: regex.Pattern[str]
    lead: regex.Pattern[str]
    heading: regex.Pattern[str]
    trailing: regex.Pattern[str]
    photo_credit: regex.Pattern[str]
    caption_credit: regex.Pattern[str]


def _hitting_chars(words: tuple[str, ...]) -> list[str]:
    """A small set of characters such that every word holds one: the cheap test before a byline pattern.

    Chosen greedily, the character in the most words not yet held first, so
    that common characters (报, 特, 全 …) stay out when rarer ones do the job.

    Examples:
        >>> _hitting_chars(("记者", "特约记者", "通讯员", "摄"))
        ['员', '摄', '者']
    """
    left = set(words)
    chosen: set[str] = set()
    while left:
        counts: dict[str, int] = {}
        for w in left:
            for c in set(w):
                counts[c] = counts.get(c, 0) + 1
        best = max(sorted(counts), key=lambda c: counts[c])
        chosen.add(best)
        left = {w for w in left if best not in w}
    return sorted(chosen)


#: A number as printed in a date: 14, 十四, 二十一, 一九五〇.
NUMBER = r"(?:\d{1,4}|[〇零一二三四五六七八九十]{1,4})"
#: A dateline's date as printed: 7月10日, 10日, 七月十日, 十四日, 一九五〇年七月十日.
_DATE = rf"(?:{NUMBER}年)?(?:{NUMBER}月)?{NUMBER}日"


#: The patterns of the ``Forms`` objects seen, by identity: a lookup per line costs no hashing of their words.
_BY_ID: dict[int, tuple[Forms, BylinePatterns]] = {}


def compiled(forms: Forms) -> BylinePatterns:
    """The byline patterns built from ``forms`` (cached: build them once per ``Forms``)."""
    hit = _BY_ID.get(id(forms))
    if hit is not None and hit[0] is forms:
        return hit[1]
    patterns = _compiled(forms)
    if len(_BY_ID) > _MAX_CACHED:
        _BY_ID.clear()
    _BY_ID[id(forms)] = (forms, patterns)
    return patterns


_MAX_CACHED = 64


@functools.lru_cache(maxsize=16)
def _compiled(forms: Forms) -> BylinePatterns:
    role = _alt(forms.roles)
    closer = _alt(forms.closers)
    stop = f"(?:{role}|{closer})"
    ending = _alt(forms.outlet_endings)
    named = _alt(forms.outlets)
    # An outlet said before a role inside a credit: 本报记者 X, 新华社记者 X, 解放军报记者 X.
    house = rf"(?:{named}|\p{{Han}}{{1,6}}?{ending})"
    # A name stops before a role word or a closer: 记者王五通讯员赵六, 王五整理.
    name = rf"(?!{stop})\p{{Han}}(?:(?!{stop})[\p{{Han}}·•]){{0,5}}"
    person = rf"(?:{house}?{role}\s*)?{name}"
    first = rf"{house}?{role}\s*{name}"
    tail = rf"(?:\s*{closer})?"

    def people(lead: str, sep: str) -> str:
        # names run together before a role word need no separator: 记者王五通讯员赵六
        return rf"{lead}(?:(?:{sep}|(?={house}?{role})){person}){{0,7}}{tail}"

    strict = people(first, r"[\s、,，]+")  # the first person names a role: （记者 X）, 本报记者 X
    loose = people(person, r"[\s、,，]+")  # inside a lead byline's brackets the role may be left out
    reported = people(person, r"[\s、]+")  # before 报道, unbracketed: 本报讯 X、记者Y报道：
    outlet = rf"(?:{named}|\p{{Han}}{{1,6}}?{ending})"
    lead_source = (
        rf"^(?P<bracket>[【〔])?据?(?P<outlet>{outlet}(?:·\p{{Han}}{{1,8}}?{ending})?)"
        rf"(?P<place>\p{{Han}}{{0,6}}?)(?P<date>{_DATE})?(?P<kind>{_cue('讯')}|电)(?(bracket)[】〕])"
        rf"(?:\s*[（(]\s*(?P<people>{loose})\s*[)）]|\s*(?P<reported>{reported})报道(?:[：:]\s*|(?=\s)))?\s*"
    )
    heading_source = (
        rf"^(?:{_alt(forms.markers)}\s*)?(?:(?P<credit>{_alt(forms.credits)})\s*[/／:：|丨]?\s*)?"
        rf"(?P<outlet>{outlet}社?)?\s*(?P<people>{strict})$"
    )
    # A photo credit: roles and names (a name may stand alone) and 摄 or 供图.
    shot = r"(?P<credit>摄影|摄|供图)"
    credited = rf"(?:{outlet}社?)?\s*(?P<people>{loose})"
    photo_credit = rf"^{credited}\s*{shot}$"
    caption_credit = rf"(?:[（(]\s*{credited}\s*{shot}\s*[)）]|(?<=[。！？”]){credited}\s*{shot})$"
    # the characters as OCR misreads them too (记考 for 记者)
    starts = [c + OCR_CONFUSIONS.get(c, "") for c in _hitting_chars(forms.roles)]
    return BylinePatterns(
        role=regex.compile(either(role)),
        role_start=re.compile(either("[" + "".join(re.escape(c) for c in starts) + "]")),
        people_token=regex.compile(
            either(rf"(?P<outlet>{house})?(?P<role>{role})|(?P<closer>{closer})|(?P<name>{name})")
        ),
        lead=regex.compile(either(lead_source)),
        heading=regex.compile(either(heading_source)),
        trailing=regex.compile(either(rf"[（(]\s*(?P<people>{strict})\s*[)）]$")),
        photo_credit=regex.compile(either(photo_credit)),
        caption_credit=regex.compile(either(caption_credit)),
    )


#: The patterns of the default forms.
DEFAULT = compiled(Forms())
