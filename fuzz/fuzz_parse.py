#!/usr/bin/env python3
"""Fuzz target: qhnews.parse on arbitrary bytes and arbitrary str.

Run with atheris (the ``fuzz`` extra)::

    python fuzz/fuzz_parse.py fuzz/corpus -max_total_time=1200

Without atheris, or with file arguments and ``--replay``, it replays inputs
(the regression files) through the same checks::

    python fuzz/fuzz_parse.py --replay fuzz/regressions/*

The first byte of an input chooses the mode: even feeds the rest to
``qhnews.parse`` as bytes (it goes through ``decode`` and may raise
``qhnews.DecodeError``, nothing else); odd turns the rest into a ``str`` with
``FuzzedDataProvider.ConsumeUnicode`` (then nothing may raise at all).

Invariants checked on every page that parses:

* nothing is lost: every character of the decoded input that is not white
  space (``str.isspace``) appears in the page's output strings (article
  headlines, subtitles, section labels, speaker lines, bylines, body blocks,
  page headings, leftovers) at least as often as in the input, counted after
  folding the full-width marks normalization makes (，（）：；？！) back to
  their half-width forms on both sides;
* every span lies inside the page text, start <= end and first_line <= last_line;
* every export format renders;
* ``normalize`` is idempotent on the input.

``QHNEWS_FUZZ_SKIP`` (a comma list of ``lost``, ``spans``, ``idempotence``)
leaves checks out, to look for other findings while one is open.
"""

from __future__ import annotations

import os
import sys
from collections import Counter
from collections.abc import Iterator

try:
    import atheris
except ImportError:  # replay-only mode
    atheris = None

if atheris is not None:
    with atheris.instrument_imports(include=["qhnews"]):
        import qhnews
else:
    import qhnews

#: Checks to leave out while a known finding is open: QHNEWS_FUZZ_SKIP=idempotence,lost,...
SKIP = frozenset(filter(None, os.environ.get("QHNEWS_FUZZ_SKIP", "").split(",")))
_FOLD = str.maketrans("，（）：；？！", ",():;?!")
_MODE_BYTES = 0


class InvariantError(AssertionError):
    """A checked property of the parse does not hold."""


def output_strings(page: qhnews.Page) -> Iterator[str]:
    """Every string of the page's output that carries page text.

    A continuation jump is kept as the page it names (``continued_to="三版"``
    for "（下转三版）"): its markup is stood in for by the characters the jump
    patterns allow around the page name.
    """
    for a in page.articles:
        for jump in (a.continued_to, a.continued_from):
            if jump is not None:
                yield f"(上下接转至自{jump})"
        for s in (a.title, a.kicker, a.section):
            if s is not None:
                yield s
        yield from a.subtitles
        if a.speaker is not None:
            yield a.speaker.text
        for b in a.bylines:
            yield b.text
        for block in a.blocks:
            yield block.text
    yield from page.page_headings
    for left in page.leftovers:
        yield left.text


def _chars(text: str) -> Counter[str]:
    return Counter(ch for ch in text.translate(_FOLD) if not ch.isspace())


def _spans(page: qhnews.Page) -> Iterator[qhnews.Span]:
    for a in page.articles:
        for s in (a.span, a.headline_span, a.speaker.span if a.speaker else None):
            if s is not None:
                yield s
        for b in a.bylines:
            yield b.span
        for block in a.blocks:
            yield block.span
    for left in page.leftovers:
        yield left.span
    for d in page.diagnostics:
        if d.span is not None:
            yield d.span


def check_page(page: qhnews.Page) -> None:
    """Assert the invariants of one parsed page."""
    text = page.text
    missing = _chars(text) - _chars("".join(output_strings(page)))
    if missing and "lost" not in SKIP:
        shown = ", ".join(f"{ch!r} x{n}" for ch, n in sorted(missing.items())[:10])
        raise InvariantError(f"characters lost: {shown}")
    lines = text.count("\n") + 1
    for s in _spans(page) if "spans" not in SKIP else ():
        if not (0 <= s.start <= s.end <= len(text) and 1 <= s.first_line <= s.last_line <= lines):
            raise InvariantError(f"span out of the page: {s} (text of {len(text)} chars, {lines} lines)")
    for fmt in qhnews.FORMATS:
        qhnews.render(page, fmt)
    once = qhnews.normalize(text)
    if "idempotence" not in SKIP and qhnews.normalize(once) != once:
        raise InvariantError("normalize is not idempotent")


def check_bytes(data: bytes) -> None:
    """Parse bytes: a DecodeError is allowed, any other exception is a finding."""
    try:
        page = qhnews.parse(data)
    except qhnews.DecodeError:
        return
    check_page(page)


def check_str(text: str) -> None:
    """Parse a str: no exception is allowed."""
    check_page(qhnews.parse(text))


def test_one_input(data: bytes) -> None:
    """The fuzz entry point: one input, both modes chosen by its first byte."""
    if not data:
        return
    if data[0] % 2 == _MODE_BYTES:
        check_bytes(data[1:])
        return
    if atheris is None:  # replaying without atheris: read the rest as UTF-8
        check_str(data[1:].decode("utf-8", "surrogatepass"))
        return
    fdp = atheris.FuzzedDataProvider(data[1:])
    check_str(fdp.ConsumeUnicode(len(data)))


def replay(paths: list[str]) -> int:
    """Run the checks on files, without atheris; return the number that failed."""
    failed = 0
    for path in paths:
        with open(path, "rb") as fh:
            data = fh.read()
        try:
            test_one_input(data)
        except Exception as exc:
            failed += 1
            print(f"{path}: {type(exc).__name__}: {str(exc)[:200]}")
        else:
            print(f"{path}: ok")
    return failed


def main() -> None:
    """Fuzz with atheris, or replay files given after ``--replay``."""
    if atheris is None or (len(sys.argv) > 1 and sys.argv[1] == "--replay"):
        sys.exit(1 if replay(sys.argv[2:] if sys.argv[1:2] == ["--replay"] else sys.argv[1:]) else 0)
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
