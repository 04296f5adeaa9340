"""Bylines and datelines read into their parts: outlet, place, date, credit, people with roles.

The forms (lead: 本报讯（记者 X）, 本报上海讯（记者 X Y）, 新华社北京7月10日电（记者 X）;
heading: 文/图 本报记者 X; trailing: （记者 X）) are patterns of
``_patterns``; this module turns a match into a [`Byline`][qhnews.Byline].
"""

from __future__ import annotations

import regex

from qhnews._forms import DEFAULT, BylinePatterns, Forms, compiled
from qhnews._normalize import NormalizeOptions, normalize
from qhnews._records import Byline, BylinePosition, Person, Span
from qhnews._rules import reason

__all__ = ["CREDIT_ENDS", "heading_byline_ok", "parse_byline", "parse_people", "photo_credit"]

LEAD = reason("byline.lead", "a dateline opening the first paragraph: outlet, place, date, 讯 or 电, bracketed people")
HEADING = reason("byline.heading", "a credit line under a headline: credit, outlet, roles and names")
TRAILING = reason("byline.trailing", "bracketed roles and names closing the last paragraph")


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
    people: list[Person] = []
    role: str | None = None
    outlet: str | None = None
    for m in patterns.people_token.finditer(text):
        if m.group("role"):
            role = m.group("role")
            outlet = outlet or m.group("outlet")
        elif m.group("name"):
            people.append(Person(role, m.group("name")))
    return tuple(people), outlet


def _patterns(forms: Forms | None) -> BylinePatterns:
    return DEFAULT if forms is None else compiled(forms)


def heading_byline_ok(m: regex.Match[str], forms: Forms | None = None) -> bool:
    """A bare "role name" line is a byline only with a credit, an outlet or a space after the role."""
    if m.group("credit") or m.group("outlet"):
        return True
    people = m.group("people")
    role = _patterns(forms).role.match(people)
    return role is not None and people[role.end() : role.end() + 1].isspace()


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
    named_role = any(p.role for p in people)
    if whole and not named_role and not text[: m.start("credit")].endswith((" ", "\u3000")):
        return None
    return m.group("credit"), people


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
    m = patterns.lead.match(text)
    if m and m.end() == len(text):
        people, _ = _people(m.group("people") or m.group("reported") or "", patterns)
        place = m.group("place") or None
        return Byline(text, BylinePosition.LEAD, None, m.group("outlet"), place, people, where, m.group("date"), LEAD)
    m = patterns.heading.match(text)
    if m and heading_byline_ok(m, forms):
        people, house = _people(m.group("people"), patterns)
        outlet = m.group("outlet") or house
        return Byline(text, BylinePosition.HEADING, m.group("credit"), outlet, None, people, where, None, HEADING)
    m = patterns.trailing.search(text)
    if m and m.start() == 0:
        people, house = _people(m.group("people"), patterns)
        return Byline(text, BylinePosition.TRAILING, None, house, None, people, where, None, TRAILING)
    return None
