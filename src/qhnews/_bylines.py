"""Bylines and datelines read into their parts: outlet, place, date, credit, people with roles.

The forms (lead: 本报讯（记者 X）, 本报上海讯（记者 X Y）, 新华社北京7月10日电（记者 X）;
heading: 文/图 本报记者 X; trailing: （记者 X）) are patterns of
``_patterns``; this module turns a match into a [`Byline`][qhnews.Byline].
"""

from __future__ import annotations

import regex

from qhnews import _patterns as pat
from qhnews._normalize import NormalizeOptions, normalize
from qhnews._records import Byline, BylinePosition, Person, Span
from qhnews._rules import reason

__all__ = ["heading_byline_ok", "parse_byline", "parse_people"]

LEAD = reason("byline.lead", "a dateline opening the first paragraph: outlet, place, date, 讯 or 电, bracketed people")
HEADING = reason("byline.heading", "a credit line under a headline: credit, outlet, roles and names")
TRAILING = reason("byline.trailing", "bracketed roles and names closing the last paragraph")

#: The outlets a credit may name inside its brackets: "（本报记者 X）" → "本报".
_HOUSES = ("本报", "本刊", "本台", "本网")


def parse_people(text: str) -> tuple[Person, ...]:
    """Split a byline's people part into people with roles.

    Examples:
        >>> parse_people("记者 孙八 钱七 通讯员 王五")
        (Person(role='记者', name='孙八'), Person(role='记者', name='钱七'), Person(role='通讯员', name='王五'))
    """
    people: list[Person] = []
    role: str | None = None
    for m in pat.PEOPLE_TOKEN.finditer(text):
        if m.group("role"):
            role = m.group("role")
        else:
            people.append(Person(role, m.group("name")))
    return tuple(people)


def heading_byline_ok(m: regex.Match[str]) -> bool:
    """A bare "role name" line is a byline only with a credit, an outlet or a space after the role."""
    if m.group("credit") or m.group("outlet"):
        return True
    people = m.group("people")
    role = pat.ROLE.match(people)
    return role is not None and people[role.end() : role.end() + 1].isspace()


def _house(people: str) -> str | None:
    """The outlet a credit names inside its brackets: "（本报记者 X）" → "本报"."""
    return people[:2] if people.startswith(_HOUSES) else None


def parse_byline(
    text: str, span: Span | None = None, *, normalized: NormalizeOptions | bool | None = None
) -> Byline | None:
    """Parse a byline in any of the forms qhnews knows; None if ``text`` is not one.

    ``text`` is normalized first (with ``normalized`` as the options, if it is a
    [`NormalizeOptions`][qhnews.NormalizeOptions]); pass ``normalized=True`` for
    text that already is.

    The forms: lead (本报讯（记者 X）, 本报上海讯（记者 X Y）, 青海日报讯（记者 X）,
    新华社北京7月10日电（记者 X）), heading (文/图 本报记者 X, 本报记者 X Y) and
    trailing (（记者 X）).

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
    m = pat.BYLINE_LEAD.match(text)
    if m and m.end() == len(text):
        people = parse_people(m.group("people") or "")
        place = m.group("place") or None
        return Byline(text, BylinePosition.LEAD, None, m.group("outlet"), place, people, where, None, LEAD)
    m = pat.BYLINE_HEADING.match(text)
    if m and heading_byline_ok(m):
        people = parse_people(m.group("people"))
        return Byline(
            text, BylinePosition.HEADING, m.group("credit"), m.group("outlet"), None, people, where, None, HEADING
        )
    m = pat.BYLINE_TRAILING.search(text)
    if m and m.start() == 0:
        people_text = m.group("people")
        people = parse_people(people_text)
        return Byline(text, BylinePosition.TRAILING, None, _house(people_text), None, people, where, None, TRAILING)
    return None
