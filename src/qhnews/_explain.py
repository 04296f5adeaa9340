"""A page explained line by line: what each input line became, and which rule said so.

ftfy's ``fix_and_explain`` is the model, per line and with the rules' names:
the page is parsed stage by stage, and every line of the input is reported
with the records it ended in (headline part, byline, paragraph, subheading,
page banner, furniture, leftover) and the reason codes of the rules that
decided it — the block rule that started or joined it, the form it was read
in, the article boundary it opened, the role of its headline line.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

import attrs

from qhnews._blocks import Block
from qhnews._decode import decode, unify_newlines
from qhnews._pipeline import STAGES, ParseOptions, page_of
from qhnews._records import Article, BlockKind, Page, Span
from qhnews._rules import REASONS

__all__ = ["LineExplanation", "PageExplanation", "explain_page"]


@attrs.frozen
class LineExplanation:
    """One input line: what it became and the rules that decided it.

    Attributes:
        number: The 1-based line number.
        text: The line as printed (its edges stripped).
        became: What the line, or a part of it, ended in, in reading order
            ("article 2: title", "article 2: byline (lead)", "leftover", …);
            empty for a blank line.
        rules: The reason codes of the rules that decided it (see ``REASONS``).
    """

    number: int
    text: str
    became: tuple[str, ...]
    rules: tuple[str, ...]


@attrs.frozen
class PageExplanation:
    """Every line of a page with what it became; ``str()`` gives the table ``qhnews parse --explain`` prints.

    Attributes:
        page: The parsed page.
        lines: One explanation per input line, blank lines included.
    """

    page: Page
    lines: tuple[LineExplanation, ...]

    def __str__(self) -> str:
        out = [_row("line", "text", "became", "rules")]
        for ln in self.lines:
            if ln.text:
                shown = ln.text if len(ln.text) <= _SHOWN else ln.text[: _SHOWN - 1] + "…"
                out.append(_row(str(ln.number), shown, " + ".join(ln.became) or "-", " ".join(ln.rules) or "-"))
        return "\n".join(out)


_SHOWN = 16  # characters of a line shown in the table
_WIDE_FROM = 0x2E80  # from the CJK radicals on, a character takes two cells in a terminal


def _row(number: str, text: str, became: str, rules: str) -> str:
    pad = 2 * _SHOWN + 2 - sum(2 if ord(c) >= _WIDE_FROM else 1 for c in text)  # Chinese takes two cells
    return f"{number:>5}  {text}{' ' * max(1, pad)}{became:<40} {rules}"


def _article_parts(a: Article, k: int) -> Iterator[tuple[Span, str, str]]:
    """(span, what, rule) of every record of article number ``k``."""
    for b in a.bylines:
        yield b.span, f"article {k}: byline ({b.position.value})", b.reason
    if a.speaker is not None:
        yield a.speaker.span, f"article {k}: profile line", ""
    paragraph = 0
    for block in a.blocks:
        paragraph += block.kind == "paragraph"
        what = f"paragraph {paragraph}" if block.kind == "paragraph" else "subheading"
        yield block.span, f"article {k}: {what}", block.reason
    for c in a.captions:
        yield c.span, f"article {k}: caption", ""


def _headline_role(a: Article, text: str) -> str:
    """Which headline part of ``a`` a heading line is, by its text."""
    parts = [("section", a.section), ("kicker", a.kicker), ("title", a.title)]
    parts += [("subtitle", s) for s in a.subtitles]
    for name, part in parts:
        if part and text and (text in part or part in text):
            return name
    return "headline"


def _covering(page: Page) -> dict[int, list[tuple[str, str]]]:
    """Line number → (what, rule) of the records whose spans cover it."""
    by_line: dict[int, list[tuple[str, str]]] = {}

    def mark(span: Span, what: str, why: str) -> None:
        for n in range(span.first_line, span.last_line + 1):
            by_line.setdefault(n, []).append((what, why))

    for k, a in enumerate(page.articles, start=1):
        for span, what, why in _article_parts(a, k):
            mark(span, what, why)
        if a.opened_by and a.span is not None:
            by_line.setdefault(a.span.first_line, []).append((f"article {k} starts", a.opened_by))
    for f in page.furniture:
        mark(f.span, f"furniture ({f.kind.value})", "")
    for x in page.leftovers:
        mark(x.span, "leftover", "")
    return by_line


def _block_rules(blocks: tuple[Block, ...]) -> dict[int, list[str]]:
    """Line number → the block rules that decided it: the one that made its block, or joined it."""
    rules: dict[int, list[str]] = {}
    for b in blocks:
        rules.setdefault(b.infos[0].line.number, []).append(b.block.reason)
        if b.infos[0].form:
            rules[b.infos[0].line.number].append(b.infos[0].form)
        if b.block.kind is BlockKind.STANDALONE:  # each line of a group stands alone by the group's rule
            joins: Sequence[str] = [b.block.reason] * (len(b.infos) - 1)
        else:
            joins = b.joins
        for info, why in zip(b.infos[1:], joins, strict=False):
            rules.setdefault(info.line.number, []).append(why)
    return rules


def _headline_lines(page: Page) -> dict[int, int]:
    """Line number → the number of the article whose headline stands there."""
    out: dict[int, int] = {}
    for k, a in enumerate(page.articles, start=1):
        if a.headline_span is not None:
            for n in range(a.headline_span.first_line, a.headline_span.last_line + 1):
                out[n] = k
    return out


class _Explainer:
    """What a parsed page says of each of its lines."""

    def __init__(self, page: Page, blocks: tuple[Block, ...]) -> None:
        self.page = page
        self.covering = _covering(page)
        self.block_rules = _block_rules(blocks)
        self.headline_lines = _headline_lines(page)
        self.banners = set(page.page_headings)

    def line(self, number: int, line: str) -> LineExplanation:
        if not line:  # a blank line: a column break inside a paragraph's span is no part of it
            return LineExplanation(number, line, (), ())
        covering = self.covering.get(number, [])
        became = [what for what, _ in covering if not what.endswith(" starts")]
        rules = [*self.block_rules.get(number, []), *(why for _, why in covering)]
        k = self.headline_lines.get(number)
        if k is not None and not became:
            article = self.page.articles[k - 1]
            became.append(f"article {k}: {_headline_role(article, line)}")
            rules.extend(article.headline_reasons)
        if not became and any(line in b or b in line for b in self.banners):
            became.append("page heading")
        return LineExplanation(number, line, tuple(became), tuple(dict.fromkeys(r for r in rules if r)))


def explain_page(page: str | bytes, *, options: ParseOptions | None = None) -> PageExplanation:
    r"""Parse a page and say, line by line, what each line became and which rules decided it.

    Args:
        page: The page text, or its raw bytes.
        options: Parser settings (the defaults, when None).

    Returns:
        The parsed page and one explanation per input line.

    Examples:
        >>> ex = explain_page("会议召开\n\n本报讯（记者 王五）7 月 10 日，开会。")
        >>> [(ln.number, ln.became) for ln in ex.lines if ln.text]
        [(1, ('article 1: title',)), (3, ('article 1: byline (lead)', 'article 1: paragraph 1'))]
        >>> "cut.lead-byline" in ex.lines[2].rules
        True
    """
    opts = options or ParseOptions()
    text = decode(bytes(page)).text if isinstance(page, (bytes, bytearray, memoryview)) else unify_newlines(page)
    value: Any = text
    stages: dict[str, Any] = {}
    for stage in STAGES:
        value = stage.run(value, opts)
        stages[stage.name] = value
    parsed = page_of(value, text)
    explainer = _Explainer(parsed, stages["blocks"])
    normalized = {ln.number: ln.text for ln in stages["lines"]}
    lines = (
        explainer.line(number, normalized.get(number, raw.strip()))
        for number, raw in enumerate(text.split("\n"), start=1)
    )
    return PageExplanation(parsed, tuple(lines))


def reasons_table() -> str:
    """Every reason code and the convention it follows, as a Markdown table (for the docs)."""
    rows = [f"| `{code}` | {doc} |" for code, doc in sorted(REASONS.items())]
    return "\n".join(["| reason code | the rule |", "|---|---|", *rows])
