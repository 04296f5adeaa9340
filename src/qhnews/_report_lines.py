r"""The review report's line views: every raw line of a page, cut into the pieces it became.

The colouring comes from the records' spans alone: bylines, body blocks,
speakers, leftovers, captions and furniture know their character range in
``Page.text``; the headline parts are found by their text among
the lines of the article's ``headline_span``; page banners by their text
among the lines nothing else took; jump marks by their pattern in the
article's first and last lines. A line holding two things (a lead byline and
the start of a paragraph) is coloured piece by piece. Each record's span is a
claim on the page; where claims overlap, the higher ``_PRIORITY`` paints over
the lower.

The HTML made of the views is in ``_report``; this module needs no Jinja2.

Examples:
    >>> from qhnews import parse
    >>> page = parse("会议召开\n\n本报讯（记者 王五）开会。", source="p.txt")
    >>> [(v.number, [(p.role, page.text[p.start : p.end]) for p in v.pieces]) for v in line_views(page)]
    [(1, [('title', '会议召开')]), (2, []), (3, [('byline', '本报讯（记者 王五）'), ('paragraph', '开会。')])]
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import attrs

from qhnews import _patterns as pat
from qhnews._normalize import normalize
from qhnews._records import Article, Page, Span

__all__ = ["ROLES", "LineView", "Piece", "line_views"]

#: What a stretch of a raw line can become, with the legend's words for it, in legend order.
ROLES: dict[str, str] = {
    "section": "section (栏目)",
    "kicker": "kicker (引题)",
    "title": "title (主题)",
    "subtitle": "subtitle (副题)",
    "speaker": "profile line",
    "byline": "byline",
    "paragraph": "paragraph",
    "subheading": "subheading",
    "jump": "jump (转版)",
    "caption": "caption",
    "furniture": "furniture",
    "banner": "page banner",
    "leftover": "leftover",
    "unplaced": "in no record",
}

#: Where a piece of a line stands when records overlap: the higher wins.
_PRIORITY = {
    "paragraph": 0,
    "leftover": 1,
    "banner": 1,
    "furniture": 2,
    "section": 3,
    "kicker": 3,
    "title": 3,
    "subtitle": 3,
    "speaker": 4,
    "subheading": 4,
    "caption": 5,
    "byline": 6,
    "jump": 7,
}


@attrs.frozen
class Piece:
    """A stretch of one raw line and what it became.

    Attributes:
        start: Offset of its first character in the page text.
        end: Offset one past its last character.
        role: One of ``ROLES``.
        article: Index of the article it belongs to, or None (banner, leftover, furniture).
        reason: The rule that decided it, where the record names one.
    """

    start: int
    end: int
    role: str
    article: int | None = None
    reason: str | None = None


@attrs.frozen
class LineView:
    """One raw line of the page and the pieces it became, in order.

    Attributes:
        number: 1-based line number.
        start: Offset of the line's first character in the page text.
        end: Offset one past its last character.
        pieces: Non-overlapping pieces covering every character of the line
            that is not a space; empty for a blank line.
    """

    number: int
    start: int
    end: int
    pieces: tuple[Piece, ...]

    @property
    def role(self) -> str | None:
        """What the line's first piece became; None for a blank line."""
        return self.pieces[0].role if self.pieces else None

    @property
    def articles(self) -> tuple[int, ...]:
        """The articles that own a piece of the line, in order, each once."""
        return tuple(dict.fromkeys(p.article for p in self.pieces if p.article is not None))


# -- colouring -------------------------------------------------------------------------------------------------------

#: One claim on a stretch of the page: (start, end, first line, last line, role, article, reason).
_Claim = tuple[int, int, int, int, str, int | None, str | None]


def _claim(span: Span, role: str, article: int | None, record: object) -> _Claim:
    return (
        span.start,
        span.end,
        span.first_line,
        span.last_line,
        role,
        article,
        getattr(record, "reason", None) or None,
    )


def _headline_claims(article: Article, i: int, text: str, starts: list[int]) -> Iterator[_Claim]:
    """The lines of the article's headline, each as the part whose text it holds."""
    hs = article.headline_span
    if hs is None:
        return
    parts = [("section", article.section), ("kicker", article.kicker), ("title", article.title)]
    parts += [("subtitle", s) for s in article.subtitles]
    speaker = article.speaker.span if article.speaker else None
    for number in range(hs.first_line, hs.last_line + 1):
        if speaker is not None and speaker.first_line <= number <= speaker.last_line:
            continue
        start, end = _line_bounds(number, text, starts)
        norm = normalize(text[start:end])
        if not norm:
            continue
        role = next((r for r, t in parts if t == norm), None)
        if role is None:  # a part the assembler joined from lines, or reworded: the part that holds the line
            role = next((r for r, t in parts if t and norm in t), "title")
        yield (start, end, number, number, role, i, None)


def _jump_claims(article: Article, i: int, text: str, starts: list[int]) -> Iterator[_Claim]:
    """The "(下转N版)" and "(上接N版)" marks next to the article's body: inside its edge lines or beside them."""
    body = Span.union([*(b.span for b in article.bylines), *(b.span for b in article.blocks)])
    span = article.span
    if body is None or span is None:
        return
    reach = 3  # lines between the body's edge and a jump mark on a line of its own (blank lines)
    if article.continued_to is not None:
        for n in range(body.last_line, min(span.last_line, body.last_line + reach) + 1):
            start, end = _line_bounds(n, text, starts)
            m = pat.JUMP_TO.search(text[start:end].rstrip())
            if m:
                yield (start + m.start(), start + m.end(), n, n, "jump", i, None)
                break
    if article.continued_from is not None:
        for n in range(max(span.first_line, body.first_line - reach), body.first_line + 1):
            start, end = _line_bounds(n, text, starts)
            raw = text[start:end]
            lead = len(raw) - len(raw.lstrip())
            m = pat.JUMP_FROM.match(raw[lead:])
            if m:
                yield (start + lead, start + lead + m.end(), n, n, "jump", i, None)
                break


def _line_bounds(number: int, text: str, starts: list[int]) -> tuple[int, int]:
    start = starts[number - 1]
    end = starts[number] - 1 if number < len(starts) else len(text)
    return start, end


def _claims(page: Page, starts: list[int]) -> list[_Claim]:
    text = page.text
    out: list[_Claim] = []
    for i, a in enumerate(page.articles):
        out.extend(_headline_claims(a, i, text, starts))
        if a.speaker is not None:
            out.append(_claim(a.speaker.span, "speaker", i, a.speaker))
        out.extend(_claim(b.span, "byline", i, b) for b in a.bylines)
        out.extend(_claim(b.span, "subheading" if b.kind == "subheading" else "paragraph", i, b) for b in a.blocks)
        for c in getattr(a, "captions", ()) or ():
            if isinstance(getattr(c, "span", None), Span):
                out.append(_claim(c.span, "caption", i, c))
        out.extend(_jump_claims(a, i, text, starts))
    out.extend(_claim(x.span, "leftover", None, x) for x in page.leftovers)
    for f in getattr(page, "furniture", ()) or ():
        if isinstance(getattr(f, "span", None), Span):
            out.append(_claim(f.span, "furniture", None, f))
    return out


def _pieces(start: int, end: int, text: str, claims: list[_Claim]) -> tuple[Piece, ...]:
    """Paint the claims on one line, the higher priority over the lower; spaces at a piece's ends belong to none."""
    if len(claims) == 1 and claims[0][0] <= start and claims[0][1] >= end:  # the common case: one whole line
        return _whole_line(start, end, text, claims[0])
    owner = _paint(start, end, claims)
    pieces: list[Piece] = []
    k = 0
    while k < end - start:
        if text[start + k].isspace():
            k += 1
            continue
        j = _piece_end(owner, k, text, start)
        c = owner[k]
        pieces.append(Piece(start + k, start + j, "unplaced") if c is None else Piece(start + k, start + j, *c[4:]))
        k = j
    return tuple(pieces)


def _whole_line(start: int, end: int, text: str, claim: _Claim) -> tuple[Piece, ...]:
    """The one piece of a line one claim covers whole: the line without the spaces at its ends."""
    line = text[start:end]
    lead, tail = len(line) - len(line.lstrip()), len(line.rstrip())
    return (Piece(start + lead, start + tail, claim[4], claim[5], claim[6]),) if tail > lead else ()


def _paint(start: int, end: int, claims: list[_Claim]) -> list[_Claim | None]:
    """The claim that owns each character of the line: the claims painted in rising priority, the last one wins."""
    owner: list[_Claim | None] = [None] * (end - start)
    for claim in sorted(claims, key=lambda x: _PRIORITY.get(x[4], 0)):
        for k in range(max(claim[0], start) - start, min(claim[1], end) - start):
            owner[k] = claim
    return owner


def _piece_end(owner: list[_Claim | None], k: int, text: str, start: int) -> int:
    """Where the piece that starts at ``k`` ends: where its owner changes, less the spaces before that."""
    c = owner[k]
    j = k + 1
    while j < len(owner) and owner[j] is c:
        j += 1
    while text[start + j - 1].isspace():  # spaces at the end of a piece belong to none
        j -= 1
    return j


def line_views(page: Page) -> tuple[LineView, ...]:
    r"""Every raw line of the page, cut into the pieces it became.

    Examples:
        >>> from qhnews import parse
        >>> page = parse("本报讯（记者 王五）开会。\n\n会议召开")
        >>> [(v.role, v.articles) for v in line_views(page)]
        [('byline', (0,)), (None, ()), ('title', (0,))]
    """
    text = page.text
    starts = [0]
    starts.extend(m.end() for m in re.finditer("\n", text))
    per_line: list[list[_Claim]] = [[] for _ in starts]
    for c in _claims(page, starts):
        first, last = max(c[2], 1), min(c[3], len(starts))
        for n in range(first, last + 1):
            s, e = _line_bounds(n, text, starts)
            if c[0] < e and c[1] > s:  # the claim touches this line's characters
                per_line[n - 1].append(c)
    banners = set(page.page_headings)
    views: list[LineView] = []
    for n, claims in enumerate(per_line, start=1):
        start, end = _line_bounds(n, text, starts)
        if not claims and banners and not text[start:end].isspace() and normalize(text[start:end]) in banners:
            claims.append((start, end, n, n, "banner", None, None))
        views.append(LineView(n, start, end, _pieces(start, end, text, claims)))
    return tuple(views)
