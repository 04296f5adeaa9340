"""The ``qhnews`` command.

    qhnews parse PAGE... [--format json|jsonl|markdown|text] [-o OUT] [--jobs N] [--resume]
    qhnews normalize PAGE [--explain]

Exit codes:

| code | meaning |
|---|---|
| 0 | every page was parsed |
| 1 | at least one input failed (missing, empty, undecodable, unreadable, a directory without pages); |
|   | the others were still parsed |
| 2 | the command line is wrong |

Every failure prints one line to standard error: ``qhnews: PATH: what went wrong``.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Iterator, Sequence
from typing import TextIO

import attrs

from qhnews._batch import PageResult, expand_inputs, iter_pages, parse_many
from qhnews._errors import QhnewsError
from qhnews._export import FORMATS, page_to_dict, render
from qhnews._normalize import Change, explain
from qhnews._text import normalize_page
from qhnews._version import __version__

__all__ = ["EXIT_FAILED", "EXIT_OK", "EXIT_USAGE", "main"]

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2


def _parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(
        prog="qhnews",
        description="Turn the raw OCR text of Chinese newspaper pages into typed articles.",
    )
    ap.add_argument("--version", action="version", version=f"qhnews {__version__}")
    sub = ap.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("parse", help="parse pages into articles")
    p.add_argument("inputs", nargs="+", metavar="PAGE", help="page files, directories, glob patterns, or - for stdin")
    p.add_argument(
        "-f", "--format", choices=FORMATS, default=None, help="output format (default: json; jsonl with -o *.jsonl)"
    )
    p.add_argument("-o", "--output", metavar="OUT", help="write to OUT instead of standard output")
    p.add_argument("-j", "--jobs", type=int, default=1, metavar="N", help="worker processes (default: 1)")
    p.add_argument("--resume", action="store_true", help="skip pages already recorded in OUT (jsonl)")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar")

    n = sub.add_parser("normalize", help="print a page as normalized, reflowed blocks")
    n.add_argument("input", metavar="PAGE", help="a page file, or - for stdin")
    n.add_argument("--explain", action="store_true", help="list every change each rule made, as JSON lines")
    return ap


def _fail(message: str) -> None:
    print(f"qhnews: {message}", file=sys.stderr)


def _done_sources(path: str) -> set[str]:
    done: set[str] = set()
    if not os.path.exists(path):
        return done
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            try:
                record = json.loads(line)
            except json.JSONDecodeError:
                continue  # a line cut short by an interrupted run is parsed again
            if isinstance(record, dict) and isinstance(record.get("source"), str):
                done.add(record["source"])
    return done


class _Progress:
    """A one-line progress bar on a terminal; silent elsewhere."""

    def __init__(self, total: int, stream: TextIO, enabled: bool) -> None:
        self.total, self.stream, self.enabled = total, stream, enabled and stream.isatty()
        self.done = 0
        self.start = time.monotonic()

    def step(self) -> None:
        self.done += 1
        if not self.enabled:
            return
        elapsed = max(time.monotonic() - self.start, 1e-9)
        rate = self.done / elapsed
        left = (self.total - self.done) / rate if rate and self.total >= self.done else 0.0
        width = 30
        filled = int(width * self.done / self.total) if self.total else width
        bar = "#" * filled + "-" * (width - filled)
        self.stream.write(f"\r[{bar}] {self.done}/{self.total} pages  {rate:.1f} pages/s  {left:.0f}s left ")
        self.stream.flush()

    def close(self) -> None:
        if self.enabled:
            self.stream.write("\n")
            self.stream.flush()


def _cmd_parse(args: argparse.Namespace) -> int:
    if args.jobs < 1:
        _fail("--jobs must be at least 1")
        return EXIT_USAGE
    fmt = args.format or ("jsonl" if args.output and args.output.endswith(".jsonl") else "json")
    if args.resume and (not args.output or fmt != "jsonl"):
        _fail("--resume needs -o OUT with --format jsonl")
        return EXIT_USAGE
    files = list(expand_inputs(args.inputs))
    skip = _done_sources(args.output) if args.resume else set()
    todo = [f for f in files if f not in skip]
    out: TextIO
    out = open(args.output, "a" if args.resume else "w", encoding="utf-8") if args.output else sys.stdout  # noqa: SIM115
    progress = _Progress(len(todo), sys.stderr, not args.quiet)
    failed: list[str] = []
    pages: list[dict[str, object]] = []
    try:
        for result in parse_many(todo, jobs=args.jobs):
            progress.step()
            if not result.ok:
                failed.append(result.source)
                _fail(result.error or f"{result.source}: failed")
                if fmt == "jsonl":
                    out.write(json.dumps({"source": result.source, "error": result.error}, ensure_ascii=False) + "\n")
                continue
            _write(result, fmt, out, pages)
        if fmt == "json" and pages:
            payload: object = pages[0] if len(pages) == 1 and len(todo) == 1 else pages
            out.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    finally:
        progress.close()
        if out is not sys.stdout:
            out.close()
    if failed:
        _fail(f"{len(failed)} of {len(todo)} inputs failed: {', '.join(failed)}")
        return EXIT_FAILED
    return EXIT_OK


def _write(result: PageResult, fmt: str, out: TextIO, pages: list[dict[str, object]]) -> None:
    assert result.page is not None
    if fmt == "json":
        pages.append(page_to_dict(result.page))
    else:
        out.write(render(result.page, fmt))
        if fmt in ("markdown", "text"):
            out.write("\n")
        out.flush()


def _cmd_normalize(args: argparse.Namespace) -> int:
    try:
        pages: Iterator[tuple[str, str]] = iter_pages(args.input)
        for source, text in pages:
            if args.explain:
                for change in explain(text).changes:
                    print(json.dumps({"source": source, **_change(change)}, ensure_ascii=False))
                continue
            blocks = normalize_page(text)
            sys.stdout.write("\n\n".join(b.text for b in blocks) + ("\n" if blocks else ""))
    except QhnewsError as exc:
        _fail(str(exc))
        return EXIT_FAILED
    return EXIT_OK


def _change(change: Change) -> dict[str, object]:
    return attrs.asdict(change)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``qhnews`` command; return its exit code."""
    args = _parser().parse_args(argv)
    try:
        if args.command == "parse":
            return _cmd_parse(args)
        return _cmd_normalize(args)
    except BrokenPipeError:  # e.g. piped into head
        return EXIT_OK
    except KeyboardInterrupt:
        _fail("interrupted")
        return 130


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
