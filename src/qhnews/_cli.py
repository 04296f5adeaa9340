"""The ``qhnews`` command.

    qhnews parse PAGE... [-f json|jsonl|markdown|text|parquet] [-o OUT] [-j N] [--resume] [--strict] [-q]
                         [--script simplified|traditional] [--min-confidence X]
    qhnews parse PAGE... --explain
    qhnews normalize PAGE... [--explain] [--strict]
    qhnews report PAGE... -o DIR [-j N] [-q]
    qhnews --version

``PAGE`` is a file (several pages in one file are separated by form feeds and
named ``FILE``, ``FILE#2``, …), a directory (its ``*.txt`` files, recursively),
a glob pattern, or ``-`` for standard input. An empty or blank file is a page
without articles, as ``qhnews.parse("")`` is; with ``--strict`` it fails.
``parse`` writes pages in input order, each as soon as it and every page
before it are done:

- ``json`` (the default): one array of page objects, whatever the number of
  pages; a page that failed is the object ``{"source", "error"}``.
- ``jsonl`` (the default for ``-o *.jsonl``): one object per line, flushed as
  it is written; failed pages are ``{"source", "error"}`` lines. ``--resume``
  skips the pages OUT already holds (a last line cut short by an interrupted
  run is dropped and its page parsed again); pages recorded as failed are
  tried again, a page that fails again is not written again, and the later
  line for a source supersedes the earlier one. A resume ends with a line
  saying what it skipped and what it did.
- ``markdown``, ``text``: for reading.

``--script simplified`` or ``--script traditional`` converts every page's
output to that script with OpenCC (``pip install "qhnews[opencc]"``); by
default each page keeps its own script.
- ``parquet`` (the default for ``-o *.parquet``; needs ``pip install
  "qhnews[parquet]"``): one row per article, see ``qhnews.parquet``.

``report`` writes a review report into DIR: ``index.html`` (every page with
its article count, lowest article confidence, diagnostics and leftovers,
least sure first) and one view per page under ``pages/``, the raw lines
coloured by what they became beside the parsed articles; a static site that
opens from disk. It needs ``pip install "qhnews[report]"`` (Jinja2). A page
that failed is listed in the index with its error.

With ``--jobs N``, N worker processes parse. On a terminal a progress bar on
standard error shows files done out of all files (counted before the first
page is read), pages done, pages per second and the time left; it is off
with ``-q``, when standard error is not a terminal, or when the pages
themselves go to the terminal.

Exit codes:

| code | meaning |
|---|---|
| 0 | every page was parsed |
| 1 | at least one input failed (see below), the others were still parsed; or OUT cannot be written |
| 2 | the command line is wrong, or asks for what is not installed (pyarrow for parquet, Jinja2 for report) |
| 130 | interrupted (Ctrl-C) |

An input fails when it is missing, unreadable, undecodable, a directory
without ``*.txt`` pages or a glob that matches nothing, with ``--strict``
empty or blank, or when parsing a page raised. Every failure prints one line
to standard error: ``qhnews: PATH: what went wrong``; when several pages were
asked for and some failed, a last line says how many and which.

This module holds the command line and ``main``; the commands are in
``_cli_commands``, what they write (messages, progress, output sinks) in
``_cli_output``.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Sequence

from qhnews._cli_commands import cmd_explain, cmd_normalize, cmd_parse, cmd_report, output_format
from qhnews._cli_output import EXIT_FAILED, EXIT_INTERRUPTED, EXIT_OK, EXIT_USAGE, UsageError, fail
from qhnews._convert import SCRIPTS
from qhnews._export import FORMATS
from qhnews._unsure import level
from qhnews._version import __version__

__all__ = ["EXIT_FAILED", "EXIT_INTERRUPTED", "EXIT_OK", "EXIT_USAGE", "OUTPUT_FORMATS", "main"]

#: The formats of ``qhnews parse``: the text formats of ``render``, and parquet.
OUTPUT_FORMATS: tuple[str, ...] = (*FORMATS, *(("parquet",) if "parquet" not in FORMATS else ()))


def _jobs(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if n < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {n}")
    return n


_STRICT_HELP = "empty and blank files fail (exit 1) instead of giving pages without articles"


def _parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(
        prog="qhnews",
        description="Turn the raw OCR text of Chinese newspaper pages into typed articles.",
        epilog="Exit codes: 0 all pages parsed, 1 some input failed, 2 usage error, 130 interrupted.",
    )
    ap.add_argument("--version", action="version", version=f"qhnews {__version__}")
    sub = ap.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("parse", help="parse pages into articles")
    p.add_argument("inputs", nargs="+", metavar="PAGE", help="page files, directories, glob patterns, or - for stdin")
    p.add_argument(
        "-f",
        "--format",
        choices=OUTPUT_FORMATS,
        default=None,
        help="output format (default: json; jsonl with -o *.jsonl, parquet with -o *.parquet)",
    )
    p.add_argument("-o", "--output", metavar="OUT", help="write to OUT instead of standard output")
    p.add_argument("-j", "--jobs", type=_jobs, default=1, metavar="N", help="worker processes (default: 1)")
    p.add_argument("--resume", action="store_true", help="skip pages already recorded in OUT (jsonl)")
    p.add_argument("--strict", action="store_true", help=_STRICT_HELP)
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar, no resume summary")
    p.add_argument(
        "--script",
        choices=tuple(SCRIPTS),
        default=None,
        help="convert the output to one script with OpenCC (default: each page keeps its own)",
    )
    p.add_argument(
        "--explain",
        action="store_true",
        help="print every line of each page with what it became and the rules that decided it",
    )
    p.add_argument("--min-confidence", type=level, metavar="X", help="drop articles under confidence X (0 to 1)")

    r = sub.add_parser("report", help="write a review report: raw lines beside the parsed articles, as HTML")
    r.add_argument("inputs", nargs="+", metavar="PAGE", help="page files, directories, glob patterns, or - for stdin")
    r.add_argument("-o", "--output", metavar="DIR", required=True, help="the report's folder (made if missing)")
    r.add_argument("-j", "--jobs", type=_jobs, default=1, metavar="N", help="worker processes (default: 1)")
    r.add_argument("-q", "--quiet", action="store_true", help="no progress bar, no closing line")

    n = sub.add_parser("normalize", help="print pages as normalized, reflowed blocks")
    n.add_argument("inputs", nargs="+", metavar="PAGE", help="page files, directories, glob patterns, or - for stdin")
    n.add_argument("--explain", action="store_true", help="list every change each rule made, as JSON lines")
    n.add_argument("--strict", action="store_true", help=_STRICT_HELP)
    return ap


# -- entry point -----------------------------------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``qhnews`` command; return its exit code (also for ``--help``, ``--version`` and usage errors)."""
    try:
        args = _parser().parse_args(argv)
    except SystemExit as exc:  # argparse has printed usage, help or the version
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE
    try:
        if args.command == "parse":
            return cmd_explain(args) if args.explain else cmd_parse(args)
        if args.command == "report":
            return cmd_report(args)
        return cmd_normalize(args)
    except UsageError as exc:
        fail(str(exc))
        return EXIT_USAGE
    except BrokenPipeError:  # e.g. piped into head: the reader has all it wants
        with contextlib.suppress(OSError):
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())  # no second error when Python flushes stdout at exit
        return EXIT_OK
    except KeyboardInterrupt:
        hint = "; run again with --resume to go on" if getattr(args, "output", None) and _is_jsonl(args) else ""
        fail("interrupted" + hint)
        return EXIT_INTERRUPTED


def _is_jsonl(args: argparse.Namespace) -> bool:
    return output_format(args) == "jsonl"


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
