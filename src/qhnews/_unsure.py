"""The articles ``qhnews parse`` is least sure of, and ``--min-confidence``.

An article's confidence is the chance that it is exactly right (see
``_confidence``). Each worker sifts its page (``sift``): the articles under
the summary's level are noted, and with ``--min-confidence X`` those under X
leave the page, a ``below-min-confidence`` diagnostic with each one's span
saying so. The main process adds the notes up (``Tally``) and closes the run
with a summary on standard error: how many articles were under the level and
the least sure of them, by page and index.
"""

from __future__ import annotations

import argparse
import heapq
import math
from collections.abc import Callable
from typing import Any

import attrs

from qhnews._records import Article, Diagnostic, Page

__all__ = ["NAMED", "UNSURE", "Sifted", "Tally", "Unsure", "level", "sift"]

#: Articles under this confidence are more likely wrong than right: the summary names them.
UNSURE = 0.5
#: How many of the least sure articles the summary names.
NAMED = 5


@attrs.frozen
class Unsure:
    """An article under the summary's level.

    Attributes:
        source: Its page (``FILE`` or ``FILE#N``).
        index: Its index among the page's articles as parsed, from 0.
        title: Its title, else its kicker; None when it has neither.
        confidence: Its confidence.
    """

    source: str
    index: int
    title: str | None
    confidence: float


@attrs.frozen
class Sifted:
    """What one page adds to the summary.

    Attributes:
        articles: The page's articles as parsed.
        under: How many were under the level (and dropped, with ``--min-confidence``).
        least: The least sure of those, at most ``NAMED``, least sure first.
    """

    articles: int
    under: int
    least: tuple[Unsure, ...]


def level(value: str) -> float:
    """The value of ``--min-confidence``: a number from 0 to 1.

    Raises:
        argparse.ArgumentTypeError: It is not a number from 0 to 1.
    """
    try:
        x = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if not 0.0 <= x <= 1.0 or math.isnan(x):
        raise argparse.ArgumentTypeError(f"must be from 0 to 1, not {value}")
    return x


def _key(u: Unsure) -> float:
    return u.confidence


def _dropped(i: int, a: Article, at: float) -> Diagnostic:
    name = a.title or a.kicker or "without a title"
    message = f"article {i} ({name}) dropped: confidence {a.confidence} under --min-confidence {at}"
    return Diagnostic("below-min-confidence", message, a.span)


def sift(page: Page, source: str, min_confidence: float | None = None) -> tuple[Page, Sifted]:
    r"""Note the page's articles under the level; with ``min_confidence``, drop them from the page.

    The level is ``min_confidence`` when given, else ``UNSURE``.

    Examples:
        >>> import qhnews
        >>> page = qhnews.parse("????\n\n12345\n\n!!!")
        >>> kept, s = sift(page, "p.txt", 0.5)
        >>> len(kept.articles), s.under, [d.code for d in kept.diagnostics]
        (0, 1, ['below-min-confidence'])
    """
    at = UNSURE if min_confidence is None else min_confidence
    under = [i for i, a in enumerate(page.articles) if a.confidence < at]
    notes = [Unsure(source, i, a.title or a.kicker, a.confidence) for i in under for a in (page.articles[i],)]
    sifted = Sifted(len(page.articles), len(under), tuple(heapq.nsmallest(NAMED, notes, key=_key)))
    if min_confidence is None or not under:
        return page, sifted
    gone = set(under)
    kept = tuple(a for i, a in enumerate(page.articles) if i not in gone)
    dropped = tuple(_dropped(i, page.articles[i], at) for i in under)
    return attrs.evolve(page, articles=kept, diagnostics=page.diagnostics + dropped), sifted


@attrs.define
class Tally:
    """The summary of a run: the pages' ``Sifted`` added up.

    Attributes:
        min_confidence: The run's ``--min-confidence``, or None.
        quiet: Print no summary (``-q``).
        articles: Articles parsed.
        under: Articles under the level.
        least: The least sure of them, at most ``NAMED``, least sure first (the earlier page first in a tie).
    """

    min_confidence: float | None = None
    quiet: bool = False
    articles: int = 0
    under: int = 0
    least: list[Unsure] = attrs.Factory(list)

    def add(self, s: Sifted) -> None:
        self.articles += s.articles
        self.under += s.under
        self.least = heapq.nsmallest(NAMED, [*self.least, *s.least], key=_key)

    def take(self, result: Any) -> Any:
        """Add what a worker's result, ``(rendering, Sifted)``, says of its page; return the rendering."""
        rendering, sifted = result
        self.add(sifted)
        return rendering

    def report(self, say: Callable[[str], object]) -> None:
        """Say each line of the summary (``lines``), unless quiet."""
        for line in [] if self.quiet else self.lines():
            say(line)

    def lines(self) -> list[str]:
        r"""The summary's lines; none when no article was under the level.

        Examples:
            >>> t = Tally()
            >>> t.add(Sifted(3, 1, (Unsure("p.txt", 2, "会议召开", 0.12),)))
            >>> print("\n".join(t.lines()))
            1 of 3 articles under confidence 0.5, more likely wrong than right; the least sure:
              p.txt article 2 (confidence 0.12): 会议召开
        """
        if not self.under:
            return []
        if self.min_confidence is None:
            head = f"{self.under} of {self.articles} articles under confidence {UNSURE}, more likely wrong than right"
        else:
            head = f"dropped {self.under} of {self.articles} articles under --min-confidence {self.min_confidence}"
        named = [
            f"  {u.source} article {u.index} (confidence {u.confidence}): {u.title or '(no title)'}" for u in self.least
        ]
        return [f"{head}; the least sure:", *named]
