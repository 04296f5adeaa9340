"""Stage 7, export: pages as the page JSON, JSON lines, Markdown or plain text."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from qhnews._records import Article, BodyKind, Byline, Page, Person, Span

__all__ = ["FORMATS", "SCHEMA_VERSION", "article_to_dict", "page_to_dict", "render"]

FORMATS: tuple[str, ...] = ("json", "jsonl", "markdown", "text")
"""The output formats of ``render`` and ``qhnews parse`` (``parquet`` is the command's alone)."""

SCHEMA_VERSION = 1
"""The version of the page object's shape, written as its ``schema_version``.

It goes up when a key is removed or changes its meaning or type; new keys
do not raise it. The JSON Schema of the page, ``page.schema.json`` in the
package, describes this version.
"""


def _span(span: Span | None) -> dict[str, int] | None:
    if span is None:
        return None
    return {"start": span.start, "end": span.end, "first_line": span.first_line, "last_line": span.last_line}


def _people(people: tuple[Person, ...]) -> list[dict[str, Any]]:
    return [{"role": p.role, "name": p.name} for p in people]


def _byline(b: Byline) -> dict[str, Any]:
    return {
        "text": b.text,
        "credit": b.credit,
        "outlet": b.outlet,
        "place": b.place,
        "date": b.date,
        "people": _people(b.people),
        "position": b.position.value,
        "span": _span(b.span),
    }


def article_to_dict(article: Article) -> dict[str, Any]:
    """An article as the page JSON's article object.

    Besides the keys every reader of the page JSON knows, it carries the
    article's ``span`` and ``headline_span``, its ``confidence`` and
    ``notes``, and each byline its ``position`` and ``span``.
    """
    sp = article.speaker
    return {
        "section": article.section,
        "kicker": article.kicker,
        "title": article.title,
        "subtitles": list(article.subtitles),
        "bylines": [_byline(b) for b in article.bylines],
        "speaker": None if sp is None else {"text": sp.text, "titles": sp.titles, "name": sp.name},
        "blocks": [{"kind": b.kind.value, "text": b.text} for b in article.blocks],
        "captions": [{"text": c.text, "credit": c.credit, "people": _people(c.people)} for c in article.captions],
        "continued_to": article.continued_to,
        "continued_from": article.continued_from,
        "span": _span(article.span),
        "headline_span": _span(article.headline_span),
        "confidence": article.confidence,
        "notes": list(article.notes),
    }


def page_to_dict(page: Page) -> dict[str, Any]:
    r"""A page as the object of the JSON output (also ``Page.to_dict()``).

    The keys and their meaning are in the JSON output guide of the
    documentation, and in the JSON Schema shipped in the package
    (``page.schema.json``). Besides the keys every reader of the page JSON
    knows, it carries ``schema_version``, ``leftovers`` (text no article took)
    and ``diagnostics``; each record from the page has its ``span``.

    Examples:
        >>> from qhnews import parse
        >>> d = page_to_dict(parse("会议召开\n\n本报讯（记者 王五）开会。", source="p.txt"))
        >>> d["schema_version"], d["source"], d["articles"][0]["title"], d["articles"][0]["bylines"][0]["outlet"]
        (1, 'p.txt', '会议召开', '本报')
    """
    return {
        "schema_version": SCHEMA_VERSION,
        "source": page.source,
        "page_headings": list(page.page_headings),
        "articles": [article_to_dict(a) for a in page.articles],
        "furniture": [{"kind": f.kind.value, "text": f.text, "span": _span(f.span)} for f in page.furniture],
        "leftovers": [{"text": x.text, "span": _span(x.span)} for x in page.leftovers],
        "diagnostics": [{"code": d.code, "message": d.message, "span": _span(d.span)} for d in page.diagnostics],
    }


def _markdown(page: Page) -> str:
    out: list[str] = []
    if page.source:
        out.append(f"<!-- {page.source} -->\n")
    out.extend(f"# {h}\n" for h in page.page_headings)
    for a in page.articles:
        out.extend(_markdown_headline(a))
        out.extend(_markdown_body(a))
    if page.leftovers:
        out.append("---\n")
        out.extend(f"{x.text}\n" for x in page.leftovers)
    return "\n".join(out)


def _markdown_headline(a: Article) -> Iterator[str]:
    """The article's section, kicker, title, subtitles and profile line, as Markdown paragraphs."""
    if a.section:
        yield f"**【{a.section}】**\n"
    if a.kicker:
        yield f"*{a.kicker}*\n"
    yield f"## {a.title or '（无标题）'}\n"
    yield from (f"*{s}*\n" for s in a.subtitles)
    if a.speaker:
        yield f"> {a.speaker.text}\n"


def _markdown_body(a: Article) -> Iterator[str]:
    """The article's bylines on one line, its body blocks (subheadings as headings) and its jump."""
    if a.bylines:
        yield " · ".join(b.text for b in a.bylines) + "\n"
    for b in a.blocks:
        yield f"### {b.text}\n" if b.kind is BodyKind.SUBHEADING else f"{b.text}\n"
    if a.continued_to:
        yield f"*（下转{a.continued_to}）*\n"


def _text(page: Page) -> str:
    out: list[str] = []
    for h in page.page_headings:
        out.append(h)
    for a in page.articles:
        head = [x for x in (a.section, a.kicker, a.title, *a.subtitles) if x]
        if a.speaker:
            head.append(a.speaker.text)
        head.extend(b.text for b in a.bylines)
        out.append("\n".join(head + [b.text for b in a.blocks]))
    if page.leftovers:
        out.append("\n".join(x.text for x in page.leftovers))
    return "\n\n".join(out) + "\n"


def render(page: Page, fmt: str = "json") -> str:
    """Render a page in one of ``FORMATS``.

    ``json`` is indented, ``jsonl`` is one line; both end with a newline.

    Raises:
        ValueError: ``fmt`` is not a known format.
    """
    if fmt == "json":
        return json.dumps(page_to_dict(page), ensure_ascii=False, indent=2) + "\n"
    if fmt == "jsonl":
        return json.dumps(page_to_dict(page), ensure_ascii=False) + "\n"
    if fmt == "markdown":
        return _markdown(page)
    if fmt == "text":
        return _text(page)
    raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
