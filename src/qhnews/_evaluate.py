"""The project's own evaluation: how close parsed pages come to expected ones.

Both sides are page objects of the JSON output (``dict``), or a ``Page``
for the predicted side. Articles are paired one to one,
most similar first, by the Dice overlap of their bodies' character bigrams
(pairs under 0.5 stay unpaired). Then:

| figure | what it counts |
|---|---|
| ``article_f1`` | paired articles against expected and predicted counts |
| ``text_accuracy`` | 1 minus edits / expected body characters; an unpaired article's body counts as all edits |
| ``paragraph_f1`` | body blocks reproduced exactly, over paired articles |
| ``title_accuracy`` | expected titles reproduced exactly |
| ``heading_f1`` | section, kicker, title and subtitle lines reproduced exactly |
| ``people_f1`` | (role, name) pairs of the bylines |
| ``continued_accuracy`` | continuation jumps reproduced |
| ``page_heading_f1`` | page banners |

Edits are counted from ``difflib.SequenceMatcher``
opcodes (each replaced, inserted or deleted character one edit), an upper
bound of the Levenshtein distance that is exact for the usual OCR slips.
"""

from __future__ import annotations

import difflib
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import attrs

from qhnews._export import page_to_dict
from qhnews._records import Page

__all__ = ["Evaluation", "evaluate"]

#: Articles pair up when their bodies' bigram Dice is at least this.
MATCH_DICE = 0.5

PageLike = Mapping[str, Any] | Page


@attrs.frozen
class Evaluation:
    """Figures of an evaluation, each from 0 to 1, micro-averaged over the pages.

    Attributes:
        pages: How many pages were compared.
        article_f1: Articles paired by body similarity.
        text_accuracy: Body characters right.
        paragraph_f1: Body blocks reproduced exactly.
        title_accuracy: Titles reproduced exactly.
        heading_f1: Heading lines reproduced exactly.
        people_f1: Byline (role, name) pairs.
        continued_accuracy: Continuation jumps reproduced.
        page_heading_f1: Page banners.
    """

    pages: int
    article_f1: float
    text_accuracy: float
    paragraph_f1: float
    title_accuracy: float
    heading_f1: float
    people_f1: float
    continued_accuracy: float
    page_heading_f1: float

    def as_dict(self) -> dict[str, float]:
        """The figures by name."""
        return {k: float(v) for k, v in attrs.asdict(self).items()}


class _F1:
    def __init__(self) -> None:
        self.hit = self.want = self.got = 0

    def add(self, want: Counter[Any], got: Counter[Any]) -> None:
        self.hit += sum((want & got).values())
        self.want += sum(want.values())
        self.got += sum(got.values())

    def value(self) -> float:
        if not self.want and not self.got:
            return 1.0
        if not self.hit:
            return 0.0
        return 2 * self.hit / (self.want + self.got)


def _body(article: Mapping[str, Any]) -> str:
    return "\n".join(b["text"] for b in article.get("blocks", []))


def _grams(text: str) -> Counter[str]:
    s = "".join(text.split())
    return Counter(s[i : i + 2] for i in range(len(s) - 1))


def _dice(a: Counter[str], b: Counter[str]) -> float:
    n = sum(a.values()) + sum(b.values())
    return 2 * sum((a & b).values()) / n if n else 0.0


def _pair(want: Sequence[Mapping[str, Any]], got: Sequence[Mapping[str, Any]]) -> list[tuple[int, int]]:
    wg = [_grams(_body(a)) for a in want]
    gg = [_grams(_body(a)) for a in got]
    scored = sorted(
        ((_dice(wg[i], gg[j]), -i, -j) for i in range(len(want)) for j in range(len(got))),
        reverse=True,
    )
    used_w: set[int] = set()
    used_g: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for score, ni, nj in scored:
        i, j = -ni, -nj
        if score < MATCH_DICE:
            break
        if i not in used_w and j not in used_g:
            used_w.add(i)
            used_g.add(j)
            pairs.append((i, j))
    return pairs


def _edits(a: str, b: str) -> int:
    sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
    return sum(max(i2 - i1, j2 - j1) for op, i1, i2, j1, j2 in sm.get_opcodes() if op != "equal")


def _headings(a: Mapping[str, Any]) -> Counter[str]:
    return Counter(h for h in (a.get("section"), a.get("kicker"), a.get("title"), *a.get("subtitles", [])) if h)


def _people(a: Mapping[str, Any]) -> Counter[tuple[str | None, str]]:
    return Counter((p.get("role"), p["name"]) for b in a.get("bylines", []) for p in b.get("people", []))


def _blocks(a: Mapping[str, Any]) -> Counter[str]:
    return Counter(b["text"] for b in a.get("blocks", []))


def evaluate(pairs: Iterable[tuple[Mapping[str, Any], PageLike]]) -> Evaluation:
    r"""Compare expected pages with predicted ones.

    Args:
        pairs: ``(expected, predicted)`` per page; expected as a page object
            of the JSON output (a dict, e.g. a gold file), predicted as one
            too or as a parsed ``Page``.

    Examples:
        >>> from qhnews import parse
        >>> gold = {"page_headings": [], "articles": [{"title": "会议召开", "blocks": [
        ...     {"kind": "paragraph", "text": "7月10日，会议在西宁召开。"}]}]}
        >>> e = evaluate([(gold, parse("会议召开\n\n7 月 10 日,会议在西宁召开。"))])
        >>> e.article_f1, e.text_accuracy, e.title_accuracy
        (1.0, 1.0, 1.0)
    """
    arts, paras, heads, people, banners = _F1(), _F1(), _F1(), _F1(), _F1()
    edits = chars = titles_ok = titles = cont_ok = cont = pages = 0
    empty: Counter[Any] = Counter()
    for want_page, got_like in pairs:
        pages += 1
        got_page = page_to_dict(got_like) if isinstance(got_like, Page) else got_like
        want, got = list(want_page["articles"]), list(got_page.get("articles", []))
        pairs_ = _pair(want, got)
        arts.hit += len(pairs_)
        arts.want += len(want)
        arts.got += len(got)
        banners.add(Counter(want_page.get("page_headings", [])), Counter(got_page.get("page_headings", [])))
        chars += sum(len(_body(a)) for a in want)
        paired_w = {i for i, _ in pairs_}
        paired_g = {j for _, j in pairs_}
        for i, j in pairs_:
            w, g = want[i], got[j]
            edits += _edits(_body(w), _body(g))
            paras.add(_blocks(w), _blocks(g))
            heads.add(_headings(w), _headings(g))
            people.add(_people(w), _people(g))
            if w.get("title"):
                titles += 1
                titles_ok += w["title"] == g.get("title")
            cont += 1
            cont_ok += w.get("continued_to") == g.get("continued_to")
        for i, w in enumerate(want):
            if i not in paired_w:
                edits += len(_body(w))
                paras.add(_blocks(w), empty)
                heads.add(_headings(w), empty)
                people.add(_people(w), empty)
                titles += bool(w.get("title"))
                cont += 1
        for j, g in enumerate(got):
            if j not in paired_g:
                edits += len(_body(g))
                paras.add(empty, _blocks(g))
                heads.add(empty, _headings(g))
                people.add(empty, _people(g))
    return Evaluation(
        pages=pages,
        article_f1=arts.value(),
        text_accuracy=max(0.0, 1 - edits / chars) if chars else 1.0,
        paragraph_f1=paras.value(),
        title_accuracy=titles_ok / titles if titles else 1.0,
        heading_f1=heads.value(),
        people_f1=people.value(),
        continued_accuracy=cont_ok / cont if cont else 1.0,
        page_heading_f1=banners.value(),
    )
