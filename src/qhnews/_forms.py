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

from qhnews._script import VARIANTS, either
from qhnews._surnames import COMPOUND_SURNAMES, SURNAMES

__all__ = [
    "DEFAULT",
    "NUMBER",
    "OCR_CONFUSIONS",
    "TOOK_PART",
    "BylinePatterns",
    "Forms",
    "compiled",
    "surname_pattern",
]

#: Words that close a credit of the reporters who took part in an article credited at its head, printed at its
#: end: （本报记者 X、Y参与采写）. They name nobody (``Forms.closers``) and credit no other article.
TOOK_PART = ("参与采写", "参加采写")


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
        outlet_endings: How other outlets' names end: <X>日报, <X>晚报, <X>网, <App>新闻 (before a role or 讯), …
        credits: Credits that open a heading byline or follow its names: 文/图, 图/文, 文·图, 文, 图,
            撰文, 文并摄 (文/图 本报记者 X, X 文/图, 本报记者 X 文并摄); before bare names they are
            set off by a slash, or hold one: 文/X 图/Y, 文/X, 文/图 X, 撰文/X 摄影/Y (with ``labels``).
        labels: Credits printed as a label with a colon before the names of a heading byline:
            撰稿：本报记者 X, 摄影：X Y (the names may go without roles after one).
        markers: Marks printed before a heading byline: ■ □ ● ▲ ◆ ◇ ◎ ★.
        closers: Words after the names that close a byline and name nobody:
            报道, 摄影报道, 整理, 采写, 参与采写 (of reporters who took part, after an article
            credited at its head), 摄.
        surnames: Surnames that tell a name printed without a role (■X, （X）, X/文)
            from a word: the common single surnames and the compound ones (欧阳, 司马 …).

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
            "特派记者",
            "融媒体记者",
            "全媒体记者",
            "驻站记者",
            "通讯员",
            "实习生",
            "记者",
            "摄影",
            "摄",
            "编辑",
            # a commentator signs a commentary: 本报评论员 X (alone, 本报评论员 is a label over its title)
            "特约评论员",
            "评论员",
            "整理",
            "作者",
            "拍友",
        ),
        converter=_words,
    )
    houses: tuple[str, ...] = attrs.field(default=("本报", "本刊", "本台", "本网"), converter=_words)
    outlets: tuple[str, ...] = attrs.field(
        default=(
            "本报",
            "本刊",
            "本台",
            "本网",
            "新华社",
            "中新社",
            "人民网",
            "新华网",
            "央视网",
            "晨刊",
            # foreign agencies, as 参考消息 and older 人民日报 pages print them: 【法新社地N日电】
            "法新社",
            "美联社",
            "路透社",
            "塔斯社",
            "共同社",
            "合众社",
            "合众国际社",
            "德新社",
            "埃菲社",
            "安莎社",
            "韩联社",
        ),
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
            "电台",
            "广播电视台",
            "融媒体中心",
            "客户端",
            # an app's brand before a role or 讯 (<X>新闻记者 X, <X>新闻讯): not a title that ends so
            "新闻",
            "记者团",
            "网",
            "报",
        ),
        converter=_words,
    )
    credits: tuple[str, ...] = attrs.field(
        default=("文/图", "图/文", "文·图", "图·文", "文图", "图文", "文并摄", "文并图", "文/摄", "撰文", "文", "图"),
        converter=_words,
    )
    labels: tuple[str, ...] = attrs.field(default=("撰稿", "摄影", "采写", "文字", "图片"), converter=_words)
    markers: tuple[str, ...] = attrs.field(default=("■", "□", "●", "▲", "◆", "◇", "◎", "★", "☆"), converter=_words)
    closers: tuple[str, ...] = attrs.field(
        default=("摄影报道", "报道", *TOOK_PART, "采写", "整理", "摄", "供图"), converter=_words
    )
    surnames: tuple[str, ...] = attrs.field(default=(*SURNAMES, *COMPOUND_SURNAMES), converter=_words)

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
    """The words as one alternation, each read with its OCR misreadings.

    A lookahead at the characters the words open with comes first: the
    alternation is tried at many places (every character of a name is checked
    not to start a role word), and most places open no word, which the class
    tells at once, where the engine would try each word in turn.
    """
    alternation = "(?:" + "|".join(_cue(w) for w in words) + ")"
    firsts = dict.fromkeys(c for w in words if w for c in w[0] + OCR_CONFUSIONS.get(w[0], ""))
    if not firsts or "" in words:
        return alternation
    return "(?=[" + "".join(regex.escape(c) for c in firsts) + "])" + alternation


@attrs.frozen
class BylinePatterns:
    """The byline patterns of one ``Forms``, compiled.

    Attributes:
        role: A role word.
        role_start: The cheap test before the heading pattern, one character class: a character
            of a small set that every role word holds one of (found from the words), a credit's
            slash or a mark (■X, X/文); no line without one is a heading byline.
        people_token: One token of a byline's people part: an outlet and role, a name, a closer.
        lead: A lead byline or dateline at the start of a paragraph.
        heading_hint: The test before the heading pattern, after ``role_start``: a role word or a
            mark, one of which every heading byline holds (its first person names a role, or a mark
            opens its names without roles). Running text often has a character of ``role_start``
            (习 of a name, 者 of 学者) and seldom a whole role word: the long pattern is spared.
        heading: A byline printed as a line of its own under a headline.
        credited: Names without roles with a credit each or after them (X/文 Y/图, X 文/图); a
            heading byline too, tried only where the line has a slash or ends in 文 or 图.
        trailing: Bracketed roles and names closing a paragraph.
        photo_credit: A photo credit on a line of its own: 新华社记者 X 摄, X 摄, 本报记者 X 供图.
        caption_credit: A photo credit closing a caption: 图为会场。本报记者 X 摄, …（X 摄）.
        name_alone: A name alone, told by its surname: 王五 (a byline under a headline, in context).
        surnames: The single-character surnames, in either script: where names run together split.
    """

    role: regex.Pattern[str]
    role_start: re.Pattern[str]
    people_token: regex.Pattern[str]
    lead: regex.Pattern[str]
    heading_hint: regex.Pattern[str]
    heading: regex.Pattern[str]
    credited: regex.Pattern[str]
    trailing: regex.Pattern[str]
    photo_credit: regex.Pattern[str]
    caption_credit: regex.Pattern[str]
    name_alone: regex.Pattern[str]
    surnames: frozenset[str]


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


def surname_pattern(forms: Forms) -> str:
    """A surname as a pattern: one of the compound surnames, or a character of the single ones."""
    single = "".join(regex.escape(w) for w in forms.surnames if len(w) == 1)
    alts = [_cue(w) for w in forms.surnames if len(w) > 1] + ([f"[{single}]"] if single else [])
    return "(?:" + "|".join(alts) + ")" if alts else "(?!)"


def _trailing_source(
    forms: Forms, *, outlet: str, credits: str, credited_people: str, named_untailed: str, bares: str
) -> str:
    """The trailing byline's pattern, from the parts ``_compiled`` builds (an outlet, credits, people)."""
    houses = _alt(forms.houses)
    # the sources a story is compiled from: 新华社, <X>日报, 央视新闻 (an outlet's news brand)
    compiled = rf"(?:{outlet}社?|\p{{Han}}{{1,6}}?新闻)"
    return (
        # a signed piece's note on its author, after its last sentence or on a line of its own: （作者为<单位><职务>）,
        # （作者单位：X）; it names nobody (the author's name heads the piece)
        rf"(?:(?<=[。！？”…])|^)[（(]\s*(?P<note>作者(?:为|系|是|单位\s*[：:]|简介\s*[：:])[^（）()]{{2,60}})[)）](?P<people>)$"
        # roles and names, a credit after them: （记者 X 通讯员 Y 文/图）
        rf"|[（(]\s*(?P<people>{credited_people})(?:\s*(?P<after>{credits}))?\s*[)）]$"
        # a photo-news item's credit run into its last sentence, no brackets: …。记者 X 通讯员 Y 摄影报道
        rf"|(?<=[。！？”…])\s*(?P<people>{named_untailed})\s*摄影报道$"
        # names alone in brackets after the last sentence, or on a line of their own: （X）
        rf"|(?:(?<=[。！？”…])|^)[（(]\s*(?P<people>{bares})(?P<bare>)\s*[)）]$"
        # the source of a story taken from another outlet, after its last sentence: （据新华社电）, （据《X报》）
        rf"|(?:(?<=[。！？”…])|^)[（(]\s*据(?:《(?P<source>[^《》\s]{{1,12}})》|(?P<source>{outlet}社?))"
        rf"(?:电|消息|报道)?(?P<people>)\s*[)）]$"
        # …or on a line of its own under the last paragraph, without brackets: 据新华社
        rf"|^据(?P<source>{outlet}社?)(?P<people>)$"
        # a story compiled by the paper or from outlets: （本报综合）, （综合新华社、<X>新闻）, 本报综合 on its own line
        rf"|(?:(?<=[。！？”…])|^)[（(]\s*(?:(?P<source>{houses})综合|综合自?(?P<source>{compiled})(?:[、，,]{compiled}){{0,5}})"
        rf"(?:报道|消息)?(?P<people>)\s*[)）]$"
        rf"|^(?P<source>{houses})综合(?P<people>)$"
    )


@functools.lru_cache(maxsize=16)
def _compiled(forms: Forms) -> BylinePatterns:
    # (记者节, the journalists' day, is a word of titles, no role before a name: 东川新闻记者节…;
    # …评论员文章, a commentary's label, is no role and name either)
    role = _alt(forms.roles) + "(?!节|文章)"
    closer = _alt(forms.closers)
    credits = _alt(forms.credits)
    labels = _alt(forms.labels)
    # a credit with a slash (文/图) is no name: 王五 文/图; nor is 文并摄 (text and pictures by)
    stop = f"(?:{role}|{closer}|[文图][/／][文图摄]|文并[摄图])"
    ending = _alt(forms.outlet_endings)
    named = _alt(forms.outlets)
    marker = _alt(forms.markers)
    # An outlet said before a role inside a credit: 本报记者 X, 新华社记者 X, 解放军报记者 X; a paper's own
    # site or app after its name (<X>晚报网N月N日讯, <X>日报客户端记者 X).
    # …also a paper and its app or site together, joined by a dot or a slash: <X>日报·<X>客户端记者 X,
    # <X>晚报/<X>新闻记者 X; an app whose name has no outlet's ending only right before the role or 讯
    # (<X>日报·<App> 记者 X, <X>日报·<App>讯)
    app = rf"[·•]\p{{Han}}{{2,6}}(?=\s?(?:{_BAR}\s?)?{role}|{_cue('讯')})"
    house = (
        rf"(?:(?:{named}|\p{{Han}}{{1,6}}?{ending}(?:{_alt(_OWN_OUTLETS)})?)"
        rf"(?:[·•/／]\p{{Han}}{{1,8}}?{ending}|{app})?)"
    )
    # A credit after each name: 王五/文 赵六/图.
    per = r"[/／](?:文|图|摄影|摄)"
    # …or before each, set off by a slash (文/王五 图/赵六, 撰文/王五 摄影/赵六): not before a credit (文/图)
    pre = rf"{_alt(_unslashed((*forms.credits, *forms.labels)))}[/／](?!{credits}(?!\p{{Han}}))(?=\p{{Han}})"
    # a credit that holds a slash or a dot stands before bare names with a space: 文/图 王五, 文·图 王五
    slashed = _alt(tuple(c for c in forms.credits if c not in _unslashed(forms.credits)))
    # A name stops before a role word or a closer: 记者王五通讯员赵六, 王五整理.
    # (a minority name runs longer, its parts set apart by a middle dot: 阿卜杜·热合曼)
    plain = rf"(?!{stop})\p{{Han}}(?:(?!{stop})[\p{{Han}}·•]){{0,5}}(?:[·•](?:(?!{stop})\p{{Han}}){{1,6}})*"
    name = rf"{plain}(?:{per})?"
    # A name printed without a role is told from a word by its surname, two to four characters in all.
    # (a name of two characters is often set with a space between, to the width of a three-character one: 王 平)
    surname = surname_pattern(forms)
    bare = rf"{surname}(?:(?:(?!{stop})\p{{Han}}){{1,2}}|[ \u3000](?!{stop})\p{{Han}}(?!\p{{Han}}))(?:{per})?"
    bares = rf"{bare}(?:[\s、]+{bare}){{0,7}}"
    named_by_surname = rf"{surname}(?:(?!{stop})\p{{Han}}){{1,2}}"
    # a role may be set off from its name by a slash (（记者/X 通讯员/Y）, a city daily's form)
    gap = r"(?:\s*[/／])?\s*"
    person = rf"(?:{house}?{role}{gap})?{name}"
    first = rf"{house}?{role}{gap}{name}"
    tail = rf"(?:\s*{closer})?"
    # a bracket closing with 摄 or 供图 is a photo credit, no trailing byline: （记者 X 摄）
    unshot = _alt(tuple(c for c in forms.closers if c not in _SHOT))
    # a closer ending in 报道 (摄影报道) is no place before 报道: （记者 X 摄影报道）
    no_closer = "".join(f"(?!{regex.escape(c)})" for c in forms.closers if c.endswith("报道") and c != "报道")

    def people(lead: str, sep: str, end: str = tail) -> str:
        # names run together before a role word need no separator: 记者王五通讯员赵六
        return rf"{lead}(?:(?:{sep}|(?={house}?{role})){person}){{0,7}}{end}"

    # Inside a dateline's brackets names may run together with no separator (通讯员XY printed for X Y):
    # a run of up to four names, which the reading splits by their surnames (``_bylines.split_names``).
    runon = rf"(?!{stop})\p{{Han}}(?:(?!{stop})[\p{{Han}}·•]){{0,11}}"
    run_person = rf"(?:{house}?{role}{gap})?{runon}(?:{per})?"
    # a station of a paper's network of county media centres after its reporters, before its own people, who
    # print no role (<X>日报记者 X 共享联盟<地>站 Y): their names told by their surnames
    station = r"\p{Han}{1,8}?站(?=\s)"
    bracketed = rf"{run_person}(?:(?:[\s、,，]+|(?={house}?{role})){run_person}){{0,7}}{tail}"
    strict = people(first, r"[\s、,，]+")  # the first person names a role: （记者 X）, 本报记者 X
    loose = people(person, r"[\s、,，]+")  # inside a lead byline's brackets the role may be left out
    untailed = people(person, r"[\s、,，]+", "")
    named_untailed = people(first, r"[\s、,，]+", "")  # the first person names a role
    reported = people(person, r"[\s、]+")  # before 报道, unbracketed: 本报讯 X、记者Y报道：
    outlet = house
    # 消息 closes a dateline before a colon, a space or the date the text opens with (the space between
    # 消息 and a figure is one the normalization takes out: <X>日报消息 12月16日 -> <X>日报消息12月16日)
    kind = rf"(?:(?P<kind>{_cue('讯')}|专?电)|(?P<kind>消息)(?:[：:]|(?=\s|$|[（(]|\d{{1,2}}[月日])))"
    lead_source = (
        # 本报讯, 新华社地N月N日电, 新华社据<agency>地N日讯, <X>日报消息, 【新华社地〇日电】
        rf"^(?:(?P<bracket>[【〔])?据?(?:《(?P<outlet>[^《》\s]{{1,12}})》|(?P<outlet>{outlet}))(?:据{outlet})?"
        rf"(?P<place>\p{{Han}}{{0,6}}?)(?P<date>{_DATE})?{kind}(?(bracket)[】〕])"
        # a foreign paper relayed: 【<country>《X报》N月N日报道】
        rf"|(?P<bracket>【)(?P<place>\p{{Han}}{{1,6}}?)《(?P<outlet>[^《》\s]{{1,12}})》(?P<date>{_DATE})?(?P<kind>报道)】)"
        # the people in brackets, with where they reported from (（记者 X 地报道）, a Hong Kong form), or before 报道
        # (each form tried only where 报道 stands ahead: the lookaheads spare the names' backtracking elsewhere)
        rf"(?:\s*[（(]\s*(?:(?=[^（()）]*报道\s*[)）])(?P<people>{untailed})\s+{no_closer}(?P<place>\p{{Han}}{{2,6}}?)报道|(?P<people>{bracketed}))\s*[)）]"
        # (据<X>报报道 after the dateline names a source, no people: the text opens with it)
        rf"|\s*(?!据)(?=[\s\S]*?报道)(?P<reported>{reported})报道(?:[：:]\s*|(?=\s))"
        # roles and names set off by spaces, no bracket, the text after a space (本报讯 记者 X 通讯员 Y 近日…,
        # a provincial daily's form; or a colon after the names, an app's: <App>新闻讯 记者 X：…): with nothing
        # to close them, the names are told by their surnames
        rf"|\s+(?P<people>{role}\s*{named_by_surname}(?:\s+(?:{house}?{role}\s*)?{named_by_surname}){{0,7}})(?:(?=\s|$)|[：:]))?\s*"
        # no 讯 or 电, the outlet's reporters before 报道 and a colon: 本报记者X报道：, 新华社记者X、X报道：
        rf"|^(?P<outlet>{named})(?={role})(?=[^：:]{{0,40}}报道[：:])(?P<reported>{reported})报道[：:]\s*"
        # no outlet: roles and names in brackets at a paragraph's head, its text after them
        # (（记者 X 通讯员 Y）N月N日，…; on a line of its own the bracket is a trailing byline)
        rf"|^[（(]\s*(?P<people>{strict})\s*[)）](?=\s*[^\s（()）])"
    )
    after = rf"(?:\s+(?P<after>{credits}))?"
    heading_source = (
        rf"^(?:(?:{marker}\s*)?(?:(?P<credit>{credits}|{labels}(?=\s*[:：]))\s*[/／:：|丨]?\s*)?"
        # (an app's name set off from the role by a bar: <X>日报客户端 | 记者 X)
        # (the outlet whole: no outlet and role after it, as <X>网 before 时刻新闻记者 X would leave)
        rf"(?:(?:《(?P<outlet>[^《》\s]{{1,12}})》|(?P<outlet>{outlet}社?)\s*{_BAR}?\s*(?!{house}{role})))?\s*"
        rf"(?P<people>{strict}(?:\s+{station}\s*{bares})?){after}"
        # names without roles after a label: 摄影：X Y
        rf"|(?P<credit>{labels})\s*[:：]\s*(?P<people>{bares})(?P<bare>)"
        # names without roles after a mark (■X, 作者：■X, ■X X <X>报记者 X), with a credit each, or before one
        rf"|(?P<people>(?:作者\s*[：:]\s*)?{marker}\s*{bares}(?:[\s、]+{strict})?)(?P<bare>)"
        # roles printed as labels, a colon after each, the names told by their surnames: 记者：X Y 实习生：Z
        rf"|(?P<people>{house}?{role}\s*[:：]\s*{bares}(?:\s+{house}?{role}\s*[:：]\s*{bares}){{0,5}})(?P<bare>)"
        # a credit before each roled name: 文/本报记者 X 图/本报通讯员 Y
        rf"|(?:{marker}\s*)?(?P<people>{pre}{first}(?:\s+{pre}{first}){{1,3}})(?P<bare>)"
        # …or without a mark, before an outlet's reporter: X <X>报·<X>网记者 Y
        rf"|(?P<people>{bares}[\s、]+(?={house}{role}){strict})(?P<bare>))$"
    )
    # names without roles with a credit each or after them (X/文 Y/图, X 文/图): tried only on a line
    # with a slash or ending in a credit (``credited_hint``)
    credited_source = (
        rf"^(?:(?P<people>{bare}(?<=[文图摄])(?:[\s、]+{bare}(?<=[文图摄])){{0,7}})"
        rf"|(?P<people>{bares})\s+(?P<after>{credits})"
        # …or a credit before them, as evening and metro papers print it: 文/图 X, 文/X, 文/X 图/Y
        rf"|(?:{marker}\s*)?(?:(?P<credit>{slashed})\s*|(?P<credit>{credits}|{labels})\s*[/／]\s*)(?P<people>{bares})"
        rf"|(?:{marker}\s*)?(?P<people>{pre}{bare}(?:\s+{pre}{bare}){{1,3}}))(?P<bare>)$"
    )
    credited_people = people(first, r"[\s、,，]+", rf"(?:\s*{unshot})?")
    trailing_source = _trailing_source(
        forms,
        outlet=outlet,
        credits=credits,
        credited_people=credited_people,
        named_untailed=named_untailed,
        bares=bares,
    )
    # A photo credit: roles and names (a name may stand alone) and 摄 or 供图.
    # 文并摄 (text and pictures by X) credits the writer of the piece, no photo: a byline's credit.
    shot = r"(?<!文并|文[/／])(?P<credit>摄影|摄|供图)"
    # …or a role alone, the agency's staff unnamed: 新华社记者摄; an agency that released the photo says 发
    # before its photographer's name (中新社发 X 摄, 新华社发 X 摄): 发 is no part of the name
    credited = rf"(?:(?:(?P<outlet>{outlet}社?)(?:发\s*)?)?\s*(?P<people>{loose})|(?P<people>(?:{outlet}社?)?{role}))"
    photo_credit = rf"^{credited}\s*{shot}$"
    caption_credit = rf"(?:[（(]\s*{credited}\s*{shot}\s*[)）]|(?<=[。！？”]){credited}\s*{shot})$"
    # the characters as OCR misreads them too (记考 for 记者); a mark opening the line; a credit's slash
    starts = [c + OCR_CONFUSIONS.get(c, "") for c in _hitting_chars(forms.roles)]
    hint = "[" + "".join(re.escape(c) for c in (*starts, "/", "／", *forms.markers)) + "]"
    return BylinePatterns(
        role=regex.compile(either(role)),
        role_start=re.compile(either(hint)),
        people_token=regex.compile(
            either(
                rf"(?P<pre>{pre})|(?P<station>{station})|(?P<outlet>{house})?(?P<role>{role})|(?P<closer>{closer})|(?P<per>{per})"
                rf"|(?P<name>{runon})"
            )
        ),
        lead=regex.compile(either(lead_source)),
        heading_hint=regex.compile(either(f"{role}|{marker}")),
        heading=regex.compile(either(heading_source)),
        credited=regex.compile(either(credited_source)),
        trailing=regex.compile(either(trailing_source)),
        photo_credit=regex.compile(either(photo_credit)),
        caption_credit=regex.compile(either(caption_credit)),
        name_alone=regex.compile(either(rf"^{surname}(?:(?!{stop})\p{{Han}}){{1,2}}$")),
        surnames=frozenset(c for w in forms.surnames if len(w) == 1 for c in VARIANTS.get(w, w)),
    )


#: A bar that sets an outlet off from its role (<X>日报客户端 | 记者 X), half- or full-width, or 丨.
_BAR = r"[|\uff5c丨]"

#: A paper's own site or app, printed after its name as one outlet: <X>晚报网, <X>日报客户端.
_OWN_OUTLETS = ("网", "客户端")


def _unslashed(words: tuple[str, ...]) -> tuple[str, ...]:
    """The credits that hold no slash and no dot (文, 图, 撰文, 摄影): they may stand before a slash and a name."""
    return tuple(w for w in words if not any(c in w for c in "/／·"))


#: The closers that end a photo credit, not a byline: （记者 X 摄） closes a caption.
_SHOT = frozenset(("摄", "供图"))


#: The patterns of the default forms.
DEFAULT = compiled(Forms())
