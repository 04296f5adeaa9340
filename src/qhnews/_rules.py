"""Named rules: how every decision of the parser is written down.

Each decision (where a paragraph breaks, which lines stand alone, where an
article starts, which headline line plays which part) is an ordered list of
small functions, markdown-it-py's block rules being the model. A rule looks at
one situation and either gives a verdict or declines with ``None``; the first
verdict wins, and the rule that gave it is kept as a *reason code* on the
record it decided, so that a page can be explained line by line. Where a
decision weighs cues together instead (a headline's roles), each cue is a
named term whose weight is an options field, and the terms that fired are
kept.

Every rule is registered with its reason code and a one-line account of the
typesetting convention it follows; ``REASONS`` is the list the docs print and
``qhnews parse --explain`` names.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Generic, TypeVar

import attrs

__all__ = ["REASONS", "Rule", "first_verdict", "reason", "rule"]

A = TypeVar("A")
V = TypeVar("V")

#: Every reason code and what it says, in the order the rules were registered.
REASONS: dict[str, str] = {}


def reason(code: str, doc: str) -> str:
    """Register a reason code that no rule function gives (a default, a cue read off a line)."""
    if REASONS.get(code, doc) != doc:
        raise ValueError(f"reason code {code!r} is registered twice with different texts")
    REASONS[code] = doc
    return code


@attrs.frozen
class Rule(Generic[A, V]):
    """One named rule: a reason code, the convention it follows, and its test.

    Attributes:
        code: The reason code recorded where this rule decides.
        doc: The typesetting convention the rule follows, in one line.
        test: Looks at one situation; a verdict, or None to let the next rule decide.
    """

    code: str
    doc: str
    test: Callable[[A], V | None]


def rule(code: str, doc: str) -> Callable[[Callable[[A], V | None]], Rule[A, V]]:
    """Make a function a registered rule (a decorator)."""

    def make(test: Callable[[A], V | None]) -> Rule[A, V]:
        reason(code, doc)
        return Rule(code, doc, test)

    return make


def first_verdict(rules: Sequence[Rule[A, V]], situation: A, default: tuple[V, str]) -> tuple[V, str]:
    """The verdict of the first rule that gives one, with its reason code; ``default`` if none does.

    Examples:
        >>> short = Rule("short", "short lines", lambda s: "heading" if len(s) < 4 else None)
        >>> first_verdict([short], "标题", ("paragraph", "default"))
        ('heading', 'short')
        >>> first_verdict([short], "很长的一行正文", ("paragraph", "default"))
        ('paragraph', 'default')
    """
    for r in rules:
        test = r.test  # a field read (fast on a slotted record); the call ``r.test(…)`` looks it up as a method
        verdict = test(situation)
        if verdict is not None:
            return verdict, r.code
    return default
