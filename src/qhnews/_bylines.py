"""Bylines and datelines read into their parts: outlet, place, date, credit, people with roles.

The forms (lead: 本报讯（记者 X）, 本报上海讯（记者 X Y）, 新华社北京7月10日电（记者 X）;
heading: 文/图 本报记者 X; trailing: （记者 X）) are patterns of
``_patterns``; this module turns a match into a [`Byline`][qhnews.Byline].
"""

from __future__ import annotations

import attrs
import regex

from qhnews._forms import DEFAULT, BylinePatterns, Forms, compiled
from qhnews._normalize import NormalizeOptions, normalize
from qhnews._records import Byline, BylinePosition, Person, Span
from qhnews._rules import reason

__all__ = [
    "AUTHOR_NOTE",
    "CREDIT_ENDS",
    "as_lead",
    "credit_outlet",
    "credit_start",
    "heading_byline_ok",
    "heading_match",
    "name_alone",
    "parse_byline",
    "parse_people",
    "photo_credit",
]

LEAD = reason("byline.lead", "a dateline opening the first paragraph: outlet, place, date, 讯 or 电, bracketed people")
HEADING = reason("byline.heading", "a credit line under a headline: credit, outlet, roles and names")
TRAILING = reason("byline.trailing", "bracketed roles and names closing the last paragraph")
AUTHOR_NOTE = reason(
    "byline.author-note",
    "a signed piece's closing note on its author (（作者为<单位><职务>）): a trailing byline naming nobody",
)
BRACKET_LEAD = reason(
    "byline.bracket-lead",
    "roles and names in brackets at the head of a paragraph, its text after them, no outlet: a lead byline",
)
NAME_ALONE = reason(
    "byline.name-alone", "a name alone under a headline, over the body, told by its surname: the author, no role"
)


def parse_people(text: str, forms: Forms | None = None) -> tuple[Person, ...]:
    """Split a byline's people part into people with roles.

    A role goes with every name after it up to the next role; a name before
    any role has none. Words that close a byline (报道, 整理, 摄 …) name nobody.

    Examples:
        >>> parse_people("记者 孙八 钱七 通讯员 王五")
        (Person(role='记者', name='孙八'), Person(role='记者', name='钱七'), Person(role='通讯员', name='王五'))
        >>> parse_people("赵六、记者钱七整理")
        (Person(role=None, name='赵六'), Person(role='记者', name='钱七'))
    """
    return _people(text, _patterns(forms))[0]


def _people(text: str, patterns: BylinePatterns) -> tuple[tuple[Person, ...], str | None]:
    """The people of a byline's people part, and the outlet it names first (本报记者 X → 本报)."""
    return _read_people(text, patterns)[:2]


def _read_people(text: str, patterns: BylinePatterns) -> tuple[tuple[Person, ...], str | None, str | None]:
    """The people, the outlet named first, and the credits printed after the names (王五/文 赵六/图 → 文/图)."""
    people: list[Person] = []
    role: str | None = None
    outlet: str | None = None
    per: list[str] = []
    spaced = -1  # where a one-character name ended: a name of two set with a space between (王 平) goes on
    for m in patterns.people_token.finditer(text):
        kind = m.lastgroup  # the alternative that matched: role (its outlet before it), closer, per, name
        if kind == "name" and len(m.group()) == 1 and spaced >= 0 and not text[spaced : m.start()].strip():
            people[-1] = Person(role, people[-1].name + m.group())
            spaced = -1
        elif kind == "name":
            people.extend(Person(role, name) for name in split_names(m.group(), patterns.surnames))
            spaced = m.end() if len(m.group()) == 1 else -1
        elif kind == "role":
            spaced = -1
            role = m.group("role")
            outlet = outlet or m.group("outlet")
        elif kind == "per":
            per.append(m.group()[1:])
        elif kind == "station":  # a station's people print no role: 共享联盟<地>站 X
            spaced = -1
            role = None
        elif kind == "pre":  # a credit before its name: 文/王五 图/赵六
            spaced = -1
            per.append(m.group()[:-1])
    return tuple(people), outlet, "/".join(dict.fromkeys(per)) or None


#: A name run into the next has at most this many characters before it is read as several: a
#: compound surname and two characters (欧阳小明); a longer run holds two names or more.
_ONE_NAME = 4


def split_names(run: str, surnames: frozenset[str]) -> tuple[str, ...]:
    """The names a run of names printed with no separator holds (张三李四 → 张三, 李四).

    Chinese names are a surname and one or two characters. A run longer than
    one name is cut where every piece is a name that opens with a surname; a
    run that cuts no such way, or more than one way, stays whole.

    Examples:
        >>> sorted_surnames = frozenset("王李张赵欧阳")
        >>> split_names("张鹏赵小明李梓健", sorted_surnames)
        ('张鹏', '赵小明', '李梓健')
        >>> split_names("王五", sorted_surnames), split_names("欧阳小明", frozenset({"欧阳"}))
        (('王五',), ('欧阳小明',))
    """
    if len(run) <= _ONE_NAME and not (len(run) == _ONE_NAME and run[0] in surnames and run[2] in surnames):
        return (run,)
    cuts = _cuts(run, surnames)
    return cuts[0] if len(cuts) == 1 else (run,)


def _no_name(run: str) -> bool:
    """A run longer than one name that the surnames cut into none, with no middle dot: no name at all.

    A line of running text that reads like a credit (…电视台记者X在…) runs on
    past the name into the words after it; a minority name that long is
    printed with its dot (买买提·艾力).
    """
    return len(run) > _ONE_NAME and "·" not in run and "•" not in run


def _cuts(run: str, surnames: frozenset[str]) -> list[tuple[str, ...]]:
    """Every way to cut ``run`` into names of two or three characters that open with a single surname."""
    if not run:
        return [()]
    out: list[tuple[str, ...]] = []
    for n in (2, 3):
        if len(run) >= n and run[0] in surnames:
            out.extend((run[:n], *rest) for rest in _cuts(run[n:], surnames))
    return out


def as_lead(byline: Byline) -> Byline:
    """A byline cut off a paragraph's head as a lead byline: （记者 X 通讯员 Y） reads alone as a trailing one.

    Papers that print no outlet before the bracket open the article with it
    (（记者 X 通讯员 Y）N月N日，…): the article's lead byline, outlet None.
    """
    if byline.position is not BylinePosition.TRAILING:
        return byline
    return attrs.evolve(byline, position=BylinePosition.LEAD, reason=BRACKET_LEAD)


def _patterns(forms: Forms | None) -> BylinePatterns:
    return DEFAULT if forms is None else compiled(forms)


#: A line of names with their credits has a slash (X/文 Y/图) or ends in one (X 文/图), in either script.
_CREDITED_ENDS = ("文", "图", "圖")


#: A heading byline ends in a name or a credit word (摄, 文, 图, 报道), never in a mark of running text.
TEXT_ENDS = frozenset("。，、；：！？”’…—》,.;:!?")


def may_head(text: str, patterns: BylinePatterns) -> bool:
    """Whether ``heading_match`` may find a heading byline in ``text``: the tests it makes before its patterns.

    A heading byline names a role or opens with a mark (``heading_hint``), or
    credits its names with a slash or a closing 文 or 图; it never ends in a
    mark of running text.
    """
    return text[-1:] not in TEXT_ENDS and (
        patterns.heading_hint.search(text) is not None or "/" in text or "／" in text or text.endswith(_CREDITED_ENDS)
    )


def heading_match(text: str, patterns: BylinePatterns) -> regex.Match[str] | None:
    """The heading-byline pattern's match of ``text``, or of the names-with-credits pattern where it may hold."""
    if text[-1:] in TEXT_ENDS:  # a line of running text: neither pattern can end there
        return None
    m = patterns.heading.match(text) if patterns.heading_hint.search(text) is not None else None
    if m is None and ("/" in text or "／" in text or text.endswith(_CREDITED_ENDS)):
        m = patterns.credited.match(text)
    return m


def heading_byline_ok(m: regex.Match[str], forms: Forms | None = None) -> bool:
    """A bare "role name" line is a byline only with a credit, an outlet or a space or slash after the role.

    Names without a role are one only after a mark or with credits (■X, X/文 Y/图, X 文/图).
    """
    got = m.groupdict()
    if got.get("credit") or got.get("outlet") or got.get("after") or got.get("bare") is not None:
        return True
    people = m.group("people")
    role = _patterns(forms).role.match(people)
    after = people[role.end() : role.end() + 1] if role is not None else ""
    return after.isspace() or after in _ROLE_SLASHES


#: A slash between a role and its name: 记者/X.
_ROLE_SLASHES = ("/", "／")


#: A photo credit ends in one of these (摄, 供图, a bracket closing （X 摄）), in either script:
#: the cheap test before the credit patterns.
CREDIT_ENDS = ("摄", "攝", "摄影", "攝影", "供图", "供圖", "摄）", "攝）", "摄)", "攝)")


def photo_credit(text: str, *, whole: bool = True, forms: Forms | None = None) -> tuple[str, tuple[Person, ...]] | None:
    """The credit and people of a photo credit (新华社记者 X 摄, X 摄), or None.

    ``whole``: the credit is the whole text (a line of its own); else it closes
    a caption (图为会场。本报记者 X 摄, …（X 摄）). A credit naming no role
    is one only with a space before 摄 or inside a caption: a word may end in 摄.

    Examples:
        >>> photo_credit("新华社记者 李红摄")
        ('摄', (Person(role='记者', name='李红'),))
        >>> photo_credit("王五 摄"), photo_credit("航拍摄")
        (('摄', (Person(role=None, name='王五'),)), None)
    """
    patterns = _patterns(forms)
    m = patterns.photo_credit.match(text) if whole else patterns.caption_credit.search(text)
    if m is None:
        return None
    people, _ = _people(m.group("people"), patterns)
    unnamed = not people  # 新华社记者摄: a role, no name
    if (
        whole
        and not unnamed
        and not any(p.role for p in people)
        and not _bare_credit(text[: m.start("credit")], people, patterns)
    ):
        return None
    return m.group("credit"), people


def credit_outlet(text: str, forms: Forms | None = None) -> str | None:
    """The outlet a photo credit names before its people (中新社发 X 摄 → 中新社), or None.

    Examples:
        >>> credit_outlet("中新社发 王五 摄"), credit_outlet("王五 摄")
        ('中新社', None)
    """
    patterns = _patterns(forms)
    m = patterns.photo_credit.match(text) or patterns.caption_credit.search(text)
    return None if m is None else m.group("outlet")


def credit_start(text: str, forms: Forms | None = None) -> int | None:
    """Where the photo credit that closes a caption begins in ``text``, or None when none closes it.

    Examples:
        >>> t = "市民在广场散步。本报记者 王五 摄"
        >>> t[credit_start(t):]
        '本报记者 王五 摄'
        >>> credit_start("市民在广场散步。") is None
        True
    """
    m = _patterns(forms).caption_credit.search(text)
    return None if m is None else m.start()


def _bare_credit(before: str, people: tuple[Person, ...], patterns: BylinePatterns) -> bool:
    """A credit line naming no role names people (told by their surnames) and sets 摄 apart: 王五 摄.

    Else it is a word ending in 摄 (航拍摄), or the end of a credit wrapped from the line above (…钟英 / 逸 摄).
    """
    return before.endswith((" ", "\u3000")) and all(patterns.name_alone.match(p.name) for p in people)


def name_alone(text: str, span: Span, forms: Forms | None = None) -> Byline | None:
    """A heading byline of names alone (王五, or 王五 赵小六 set apart by spaces), or None.

    A name is a surname and one or two characters. Whether the line stands
    where a byline does (under heading lines, over the body) the caller says;
    alone, a short line may be a word.

    Examples:
        >>> name_alone("王小明", Span(0, 3, 1, 1)).people
        (Person(role=None, name='王小明'),)
        >>> [p.name for p in name_alone("王小明 李红", Span(0, 6, 1, 1)).people]
        ['王小明', '李红']
        >>> name_alone("城市绿廊", Span(0, 4, 1, 1)) is None, name_alone("王小明 绿廊", Span(0, 6, 1, 1)) is None
        (True, True)
    """
    names = text.split()
    pattern = _patterns(forms).name_alone
    # how long a name may be the pattern says: a surname (a compound one too) and one or two characters
    if not 0 < len(names) <= _NAMES_MAX or not all(pattern.match(n) for n in names):
        return None
    people = tuple(Person(None, n) for n in names)
    return Byline(text, BylinePosition.HEADING, None, None, None, people, span, None, NAME_ALONE)


#: The most names a line of names alone holds (the writers of a feature, set apart by spaces): as
#: many as the byline patterns take in one byline (their ``{0,7}`` after the first person).
_NAMES_MAX = 8


def parse_byline(
    text: str,
    span: Span | None = None,
    *,
    normalized: NormalizeOptions | bool | None = None,
    forms: Forms | None = None,
) -> Byline | None:
    """Parse a byline in any of the forms qhnews knows; None if ``text`` is not one.

    ``text`` is normalized first (with ``normalized`` as the options, if it is a
    ``NormalizeOptions``); pass ``normalized=True`` for
    text that already is.

    The forms: lead (本报讯（记者 X）, 本报上海讯（记者 X Y）, 青海日报讯（记者 X）,
    新华社北京7月10日电（记者 X）), heading (文/图 本报记者 X, 本报记者 X Y) and
    trailing (（记者 X）). ``forms`` names the roles and outlets to know
    (the defaults, when None).

    Examples:
        >>> b = parse_byline("本报上海讯(记者 孙八 钱七)")
        >>> b.outlet, b.place, [p.name for p in b.people], b.text
        ('本报', '上海', ['孙八', '钱七'], '本报上海讯（记者 孙八 钱七）')
        >>> b = parse_byline("文/图 本报记者 赵六")
        >>> b.credit, b.outlet, b.people[0].role
        ('文/图', '本报', '记者')
    """
    if isinstance(normalized, NormalizeOptions):
        text = normalize(text, normalized)
    elif not normalized:
        text = normalize(text)
    where = span or Span(0, len(text), 1, 1)
    patterns = _patterns(forms)
    return _lead(text, where, patterns) or _heading_or_trailing(text, where, patterns, forms)


def _lead(text: str, where: Span, patterns: BylinePatterns) -> Byline | None:
    m = patterns.lead.match(text)
    if m is None or m.end() != len(text):
        return None
    people, _ = _people(m.group("people") or m.group("reported") or "", patterns)
    place = m.group("place") or None
    return Byline(text, BylinePosition.LEAD, None, m.group("outlet"), place, people, where, m.group("date"), LEAD)


def _heading_or_trailing(text: str, where: Span, patterns: BylinePatterns, forms: Forms | None) -> Byline | None:
    m = heading_match(text, patterns)
    if m and heading_byline_ok(m, forms):
        people, house, per = _read_people(m.group("people"), patterns)
        got = m.groupdict()
        outlet = got.get("outlet") or house
        credit = got.get("credit") or got.get("after") or per
        if not any(_no_name(p.name) for p in people):
            return Byline(text, BylinePosition.HEADING, credit, outlet, None, people, where, None, HEADING)
    m = patterns.trailing.search(text)
    if m and m.start() == 0:
        people, house, per = _read_people(m.group("people"), patterns)
        got = m.groupdict()
        outlet = house or got.get("source")  # （据新华社电）: the outlet a story is taken from
        why = AUTHOR_NOTE if got.get("note") else TRAILING
        credit = got.get("after") or per  # （记者 X 通讯员 Y 文/图）
        return Byline(text, BylinePosition.TRAILING, credit, outlet, None, people, where, None, why)
    return None
