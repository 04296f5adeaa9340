"""Fixture files: cases of input beside expected output, one file per rule (markdown-it-py's format).

A file holds cases one after another; each is a title line, a line of a
single ``.``, the input lines, ``.``, the expected lines, ``.``; blank lines
between cases are skipped, and so are comment lines (``# …``) before a
title, which say where a case came from::

    A line that opens a quote it does not close is no heading
    .
    …the page…
    .
    …what qhnews makes of it…
    .

A title that ends in ``[bug X]`` is a case a parser bug still breaks: its
expected lines say what the parser should make of the input, and the case is
a strict xfail while bug X is open (``Case.bug``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import attrs

import qhnews

FIXTURES = Path(__file__).resolve().parent / "fixtures"
_BUG = re.compile(r" \[bug (\w+)\]$")


@attrs.frozen
class Case:
    """One case of a fixture file."""

    file: str
    line: int
    title: str
    input: str
    expected: str

    @property
    def id(self) -> str:
        return f"{self.file}:{self.line}"

    @property
    def bug(self) -> str | None:
        """The open parser bug that still breaks the case (``[bug X]`` at the end of its title), or None."""
        m = _BUG.search(self.title)
        return m.group(1) if m else None


def read_cases(path: Path) -> Iterator[Case]:
    """The cases of one fixture file, with the line each starts on."""
    lines = path.read_text("utf-8").split("\n")
    i = 0
    while i < len(lines):
        if not lines[i].strip() or lines[i].startswith("# "):
            i += 1
            continue
        start, title = i + 1, lines[i]
        if i + 1 >= len(lines) or lines[i + 1] != ".":
            raise ValueError(f"{path.name}:{start}: a case's title is followed by a line '.'")
        parts: list[list[str]] = [[], []]
        i += 2
        for part in parts:
            while i < len(lines) and lines[i] != ".":
                part.append(lines[i])
                i += 1
            if i >= len(lines):
                raise ValueError(f"{path.name}:{start}: the case is not closed by a line '.'")
            i += 1
        yield Case(path.relative_to(FIXTURES).as_posix(), start, title, "\n".join(parts[0]), "\n".join(parts[1]))


def cases(kind: str) -> list[Case]:
    """Every case under ``fixtures/<kind>/``; the glob may not come back empty."""
    files = sorted((FIXTURES / kind).glob("*.txt"))
    assert files, f"no fixture files under {FIXTURES / kind}"
    return [c for f in files for c in read_cases(f)]


def page_outline(page: qhnews.Page, *, detail: bool = False) -> str:
    """A parsed page as indented lines: what each article holds, then furniture and leftovers.

    With ``detail``, each byline also shows its text and the lines its span
    covers with the text there (joined and normalized as the text layer
    joins wrapped lines), and a profile line its titles and name apart.
    """
    out = [f"page heading: {h}" for h in page.page_headings]
    for a in page.articles:
        out.append("article")
        heads = [("section", a.section), ("kicker", a.kicker), ("title", a.title)]
        heads += [("subtitle", s) for s in a.subtitles]
        out += [f"  {k}: {v}" for k, v in heads if v]
        if a.continued_from:
            out.append(f"  continued from: {a.continued_from}")
        for b in a.bylines:
            people = ", ".join(f"{p.role or '-'} {p.name}" for p in b.people) or "-"
            out.append(f"  byline ({b.position.value}): {b.outlet or '-'} | {b.place or '-'} | {people}")
            if detail:
                out.append(f"    text: {b.text}")
                out.append(f"    span: {_lines(b.span)}: {span_text(page.text, b.span)}")
        if a.speaker:
            speaker = f"{a.speaker.titles} | {a.speaker.name}" if detail else a.speaker.text
            out.append(f"  speaker: {speaker}")
        out += [f"  {b.kind}: {b.text}" for b in a.blocks]
        out += [f"  caption: {c.text}" for c in a.captions]
        if a.continued_to:
            out.append(f"  continued to: {a.continued_to}")
    out += [f"furniture ({f.kind.value}): {f.text}" for f in page.furniture]
    out += [f"leftover: {x.text}" for x in page.leftovers]
    return "\n".join(out)


def span_text(text: str, span: qhnews.Span) -> str:
    """The page text under ``span``, its lines joined and normalized the way the text layer joins wrapped lines."""
    return qhnews.normalize("".join(part.strip() for part in text[span.start : span.end].split("\n")))


def _lines(span: qhnews.Span) -> str:
    first, last = span.first_line, span.last_line
    return f"line {first}" if first == last else f"lines {first}-{last}"
