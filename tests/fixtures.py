"""Fixture files: cases of input beside expected output, one file per rule (markdown-it-py's format).

A file holds cases one after another; each is a title line, a line of a
single ``.``, the input lines, ``.``, the expected lines, ``.``; blank lines
between cases are skipped::

    A line that opens a quote it does not close is no heading
    .
    …the page…
    .
    …what qhnews makes of it…
    .
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import attrs

import qhnews

FIXTURES = Path(__file__).resolve().parent / "fixtures"


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


def read_cases(path: Path) -> Iterator[Case]:
    """The cases of one fixture file, with the line each starts on."""
    lines = path.read_text("utf-8").split("\n")
    i = 0
    while i < len(lines):
        if not lines[i].strip():
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


def page_outline(page: qhnews.Page) -> str:
    """A parsed page as indented lines: what each article holds, then furniture and leftovers."""
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
        if a.speaker:
            out.append(f"  speaker: {a.speaker.text}")
        out += [f"  {b.kind}: {b.text}" for b in a.blocks]
        out += [f"  caption: {c.text}" for c in a.captions]
        if a.continued_to:
            out.append(f"  continued to: {a.continued_to}")
    out += [f"furniture ({f.kind.value}): {f.text}" for f in page.furniture]
    out += [f"leftover: {x.text}" for x in page.leftovers]
    return "\n".join(out)
