"""The ``qhnews`` command.

    qhnews parse PAGE... [-f json|jsonl|markdown|text|parquet] [-o OUT] [-j N] [--resume] [--strict] [-q]
                         [--script simplified|traditional]
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
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import importlib.util
import json
import os
import sys
import time
from collections.abc import Sequence
from typing import Any, TextIO

import attrs

from qhnews._batch import PageReader, expand_inputs, iter_pages, run_pages
from qhnews._convert import SCRIPTS, Script, convert_page
from qhnews._errors import QhnewsError
from qhnews._explain import explain_page
from qhnews._export import FORMATS, page_to_dict, render
from qhnews._normalize import explain
from qhnews._parquet import ParquetWriter, article_rows
from qhnews._pipeline import ParseOptions, parse
from qhnews._text import normalize_page
from qhnews._unsure import Tally, level, sift
from qhnews._version import __version__

__all__ = ["EXIT_FAILED", "EXIT_INTERRUPTED", "EXIT_OK", "EXIT_USAGE", "OUTPUT_FORMATS", "main"]

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130

#: The formats of ``qhnews parse``: the text formats of ``render``, and parquet.
OUTPUT_FORMATS: tuple[str, ...] = (*FORMATS, *(("parquet",) if "parquet" not in FORMATS else ()))
#: Failed pages named in the summary line; more are counted.
_NAMED_FAILURES = 10


class _UsageError(Exception):
    """The command line asks for something that cannot be done; exit code 2."""


def _jobs(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if n < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {n}")
    return n


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


_STRICT_HELP = "empty and blank files fail (exit 1) instead of giving pages without articles"


def _fail(message: str, stream: TextIO | None = None) -> None:
    print(f"qhnews: {message}", file=stream or sys.stderr, flush=True)


# -- progress --------------------------------------------------------------------------------------------------------


class _Progress:
    """A one-line progress bar on a terminal; silent when disabled.

    Files are counted before the first page is read, so the total never
    moves; a file is done when a result of a later file arrives (results come
    in input order), or at the end.
    """

    _WIDTH = 24
    _EVERY = 0.1  # seconds between redraws

    def __init__(self, reader: PageReader, stream: TextIO, *, enabled: bool) -> None:
        self.reader, self.stream, self.enabled = reader, stream, enabled
        self.done = 0
        self.files_done = 0
        self.start = self.drawn = time.monotonic()

    def step(self) -> None:
        self.done += 1
        if self.reader.file_of:
            self.files_done = self.reader.file_of.popleft()  # the files before this page's are done
        if self.enabled and time.monotonic() - self.drawn >= self._EVERY:
            self._draw()

    def line(self) -> str:
        """The bar as text, e.g. ``[#####-----] 120/480 files  130 pages  55.2 pages/s  0:07 left``."""
        total = self.reader.files
        elapsed = max(time.monotonic() - self.start, 1e-9)
        filled = self._WIDTH * self.files_done // total if total else self._WIDTH
        bar = "#" * filled + "-" * (self._WIDTH - filled)
        if self.files_done:
            minutes, seconds = divmod(round(elapsed * (total - self.files_done) / self.files_done), 60)
            left = f"{minutes}:{seconds:02d}"
        else:
            left = "-:--"
        return (
            f"[{bar}] {self.files_done}/{total} files  {self.done} pages  "
            f"{self.done / elapsed:.1f} pages/s  {left} left"
        )

    def _draw(self) -> None:
        self.stream.write("\r\x1b[K" + self.line())
        self.stream.flush()
        self.drawn = time.monotonic()

    def note(self, message: str) -> None:
        """Print a line above the bar."""
        if self.enabled:
            self.stream.write("\r\x1b[K")
        _fail(message, self.stream)
        if self.enabled and self.done:
            self._draw()

    def close(self, *, finished: bool) -> None:
        if finished:
            self.files_done = self.reader.files
        if self.enabled and self.done:
            self._draw()
            self.stream.write("\n")
            self.stream.flush()


# -- output sinks ----------------------------------------------------------------------------------------------------


def _error_json(source: str, error: str | None, indent: int | None = None) -> str:
    return json.dumps({"source": source, "error": error}, ensure_ascii=False, indent=indent) + "\n"


class _Sink:
    """Where ``parse`` writes pages: the value a worker made of each page, or an error."""

    def page(self, value: Any) -> None:
        raise NotImplementedError

    def error(self, source: str, error: str | None) -> None:
        """Record a failed page (the default: only the message on standard error)."""

    def close(self) -> None:
        """Finish the output."""

    def abort(self) -> None:
        """Stop after an interruption, keeping what is complete."""
        self.close()


@attrs.define
class _TextSink(_Sink):
    """jsonl, markdown, text: one chunk per page, flushed as written."""

    out: TextIO
    fmt: str
    count: int = 0

    def page(self, value: Any) -> None:
        text = str(value)
        if self.fmt != "jsonl":
            text = ("\n" if self.count else "") + text + ("" if text.endswith("\n") else "\n")
        self._write(text)

    def error(self, source: str, error: str | None) -> None:
        if self.fmt == "jsonl":
            self._write(_error_json(source, error))

    def _write(self, text: str) -> None:
        self.out.write(text)
        self.out.flush()
        self.count += 1


@attrs.define
class _JsonSink(_Sink):
    """json: one array of page objects, whatever their number, written as pages come."""

    out: TextIO
    opened: bool = False

    def page(self, value: Any) -> None:
        self._item(str(value))

    def error(self, source: str, error: str | None) -> None:
        self._item(_error_json(source, error, indent=2))

    def _item(self, text: str) -> None:
        lead = ",\n" if self.opened else "[\n"
        self.opened = True
        self.out.write(lead + "  " + text.rstrip("\n").replace("\n", "\n  "))
        self.out.flush()

    def close(self) -> None:
        self.out.write("\n]\n" if self.opened else "[]\n")
        self.out.flush()

    def abort(self) -> None:
        self.out.flush()


@attrs.define
class _ParquetSink(_Sink):
    writer: ParquetWriter

    def page(self, value: Any) -> None:
        self.writer.add(value)

    def close(self) -> None:
        self.writer.close()

    def abort(self) -> None:
        self.writer.abort()


# -- worker side: what each page becomes -----------------------------------------------------------------------------


def _work(
    source: str, text: str, *, fmt: str, options: ParseOptions, script: Script | None = None, at: float | None = None
) -> Any:
    """Parse and render one page in a worker, so only the rendering (and what the summary needs) travels back."""
    page = parse(text, source=source, options=options)
    if script is not None:
        page = convert_page(page, script)
    page, sifted = sift(page, source, at)
    if fmt == "parquet":
        return article_rows(page_to_dict(page)), sifted
    return render(page, fmt), sifted


# -- parse -----------------------------------------------------------------------------------------------------------


def _format(args: argparse.Namespace) -> str:
    if args.format:
        return str(args.format)
    for ext, fmt in ((".jsonl", "jsonl"), (".parquet", "parquet")):
        if args.output and args.output.lower().endswith(ext):
            return fmt
    return "json"


def _check(args: argparse.Namespace, fmt: str) -> None:
    if fmt == "parquet":
        if not args.output:
            raise _UsageError("--format parquet needs -o OUT")
        if importlib.util.find_spec("pyarrow") is None:
            raise _UsageError('--format parquet needs pyarrow: pip install "qhnews[parquet]"')
    if args.script and importlib.util.find_spec("opencc") is None:
        raise _UsageError(f'--script {args.script} needs opencc: pip install "qhnews[opencc]"')
    if args.resume and (not args.output or fmt != "jsonl"):
        raise _UsageError("--resume needs -o OUT with --format jsonl")
    if args.output and os.path.isdir(args.output):
        raise _UsageError(f"{args.output}: -o names a directory, not a file")


@attrs.frozen
class Recorded:
    """What a JSON-lines output already holds, for ``--resume``.

    Attributes:
        done: Sources whose last line is a page.
        failed: Sources whose last line is an error record.
    """

    done: frozenset[str] = frozenset()
    failed: frozenset[str] = frozenset()


def done_sources(path: str) -> Recorded:
    """The sources a JSON-lines output already holds, made ready to append to.

    A last line without its newline (a run cut short) is cut off the file, so
    its page is parsed again and the next line starts clean. A later line for
    a source supersedes an earlier one: a source whose last line is an
    ``error`` record is in ``failed`` (tried again), not in ``done``.

    Raises:
        OSError: OUT cannot be read or truncated.
    """
    done: set[str] = set()
    failed: set[str] = set()
    if not os.path.exists(path):
        return Recorded()
    with open(path, "rb+") as fh:
        complete = 0
        for raw in fh:
            if not raw.endswith(b"\n"):
                break
            complete += len(raw)
            try:
                record = json.loads(raw)
            except ValueError:
                continue
            if isinstance(record, dict) and isinstance(record.get("source"), str):
                source = record["source"]
                if "error" in record:
                    failed.add(source)
                    done.discard(source)
                else:
                    done.add(source)
                    failed.discard(source)
        fh.truncate(complete)
    return Recorded(frozenset(done), frozenset(failed))


def _not_the_output(paths: list[str], output: str | None) -> list[str]:
    """The inputs without OUT itself: it is being written, never read."""
    if not output:
        return paths
    target = os.path.abspath(output)
    return [p for p in paths if p == "-" or os.path.abspath(p) != target]


def _open_sink(args: argparse.Namespace, fmt: str) -> tuple[_Sink, TextIO | None]:
    if fmt == "parquet":
        folder = os.path.dirname(os.path.abspath(args.output))
        if not os.path.isdir(folder):
            raise FileNotFoundError(2, "No such file or directory")
        return _ParquetSink(ParquetWriter(args.output)), None
    out: TextIO = sys.stdout
    if args.output:
        out = open(args.output, "a" if args.resume else "w", encoding="utf-8")  # noqa: SIM115 - closed by the caller
    if fmt == "json":
        return _JsonSink(out), out
    return _TextSink(out, fmt), out


def _cmd_explain(args: argparse.Namespace) -> int:
    """``qhnews parse --explain``: each page's lines, what each became and the rules that said so."""
    out = sys.stdout
    failed = False
    for path in expand_inputs(args.inputs):
        try:
            for number, (source, text) in enumerate(iter_pages(path, strict=args.strict)):
                out.write(("\n" if number else "") + f"== {source}\n{explain_page(text)}\n")
                out.flush()
        except QhnewsError as exc:
            _fail(str(exc))
            failed = True
    return EXIT_FAILED if failed else EXIT_OK


def _cmd_parse(args: argparse.Namespace) -> int:
    fmt = _format(args)
    _check(args, fmt)
    paths = _not_the_output(list(expand_inputs(args.inputs)), args.output)
    try:
        recorded = done_sources(args.output) if args.resume else Recorded()
        sink, out = _open_sink(args, fmt)
    except OSError as exc:
        _fail(f"{args.output}: cannot write ({exc.strerror or exc})")
        return EXIT_FAILED
    reader = PageReader(paths, recorded.done, strict=args.strict)
    to_terminal = args.output is None and sys.stdout.isatty()
    progress = _Progress(reader, sys.stderr, enabled=not args.quiet and sys.stderr.isatty() and not to_terminal)
    work = functools.partial(_work, fmt=fmt, options=ParseOptions(), script=args.script, at=args.min_confidence)
    tally = Tally(args.min_confidence, quiet=args.quiet)
    failed: list[str] = []
    again = 0  # pages OUT records as failed that failed again, and are not written again
    finished = False
    try:
        with contextlib.closing(run_pages(reader, work, jobs=args.jobs)) as results:
            for source, value, error in results:
                progress.step()
                if error is not None:
                    failed.append(source)
                    progress.note(error)
                    if source in recorded.failed:
                        again += 1
                    else:
                        sink.error(source, error)
                else:
                    sink.page(tally.take(value))
        finished = True
    finally:
        progress.close(finished=finished)
        if finished:
            sink.close()
        else:
            sink.abort()
        if out is not None and out is not sys.stdout:
            out.close()
    if failed and progress.done > 1:
        names = ", ".join(failed[:_NAMED_FAILURES])
        more = len(failed) - _NAMED_FAILURES
        tail = f", and {more} more" if more > 0 else ""
        _fail(f"{len(failed)} of {progress.done} pages failed: {names}{tail}")
    if args.resume and not args.quiet:
        _fail(_resume_summary(args.output, reader.skipped, progress.done, len(failed), again))
    tally.report(_fail)
    return EXIT_FAILED if failed else EXIT_OK


def _pages(n: int) -> str:
    return f"{n} page{'' if n == 1 else 's'}"


def _resume_summary(output: str, skipped: int, done: int, failed: int, again: int) -> str:
    """What a resumed run skipped and did, e.g. ``out.jsonl: resumed: skipped 5 pages already done; parsed 3``."""
    did = "nothing left to do" if not done else f"parsed {_pages(done - failed)}"
    if failed:
        did += f", {failed} failed"
        if again:
            did += f" ({again} failed again and {'was' if again == 1 else 'were'} not written again)"
    return f"{output}: resumed: skipped {_pages(skipped)} already done; {did}"


# -- report ----------------------------------------------------------------------------------------------------------


def _cmd_report(args: argparse.Namespace) -> int:
    if importlib.util.find_spec("jinja2") is None:
        raise _UsageError('report needs Jinja2: pip install "qhnews[report]"')
    if os.path.exists(args.output) and not os.path.isdir(args.output):
        raise _UsageError(f"{args.output}: -o names a file, not a directory")
    from qhnews._report import ReportWriter, report_work  # noqa: PLC0415 - only the report needs it

    try:
        writer = ReportWriter(args.output)
    except OSError as exc:
        _fail(f"{args.output}: cannot write ({exc.strerror or exc})")
        return EXIT_FAILED
    reader = PageReader(list(expand_inputs(args.inputs)))
    progress = _Progress(reader, sys.stderr, enabled=not args.quiet and sys.stderr.isatty())
    work = functools.partial(report_work, options=ParseOptions())
    failed: list[str] = []
    finished = False
    try:
        with contextlib.closing(run_pages(reader, work, jobs=args.jobs)) as results:
            for source, value, error in results:
                progress.step()
                if error is not None or value is None:
                    failed.append(source)
                    progress.note(error or f"{source}: failed")
                    writer.add_error(source, error)
                else:
                    writer.add(*value)
        index = writer.close()
        finished = True
    except OSError as exc:
        progress.note(f"{args.output}: cannot write ({exc.strerror or exc})")
        return EXIT_FAILED
    finally:
        if not finished:
            with contextlib.suppress(OSError):
                writer.close()  # an interrupted run still gets an index of the pages written
        progress.close(finished=finished)
    if not args.quiet:
        print(index, flush=True)
    if failed:
        if progress.done > 1:
            names = ", ".join(failed[:_NAMED_FAILURES])
            more = len(failed) - _NAMED_FAILURES
            tail = f", and {more} more" if more > 0 else ""
            _fail(f"{len(failed)} of {progress.done} pages failed: {names}{tail}")
        return EXIT_FAILED
    return EXIT_OK


# -- normalize -------------------------------------------------------------------------------------------------------


def _cmd_normalize(args: argparse.Namespace) -> int:
    out = sys.stdout
    reader = PageReader(list(expand_inputs(args.inputs)), strict=args.strict)
    failed: list[str] = []
    written = 0
    for source, text, error in reader:
        if text is None:
            failed.append(source)
            _fail(str(error))
            continue
        if args.explain:
            for change in explain(text).changes:
                out.write(json.dumps({"source": source, **attrs.asdict(change)}, ensure_ascii=False) + "\n")
        else:
            blocks = normalize_page(text)
            out.write(("\f\n" if written else "") + "".join(b.text + "\n\n" for b in blocks).removesuffix("\n"))
        written += 1
        out.flush()
    if failed and reader.items > 1:
        _fail(f"{len(failed)} of {reader.items} pages failed: {', '.join(failed[:_NAMED_FAILURES])}")
    return EXIT_FAILED if failed else EXIT_OK


# -- entry point -----------------------------------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``qhnews`` command; return its exit code (also for ``--help``, ``--version`` and usage errors)."""
    try:
        args = _parser().parse_args(argv)
    except SystemExit as exc:  # argparse has printed usage, help or the version
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE
    try:
        if args.command == "parse":
            return _cmd_explain(args) if args.explain else _cmd_parse(args)
        if args.command == "report":
            return _cmd_report(args)
        return _cmd_normalize(args)
    except _UsageError as exc:
        _fail(str(exc))
        return EXIT_USAGE
    except BrokenPipeError:  # e.g. piped into head: the reader has all it wants
        with contextlib.suppress(OSError):
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())  # no second error when Python flushes stdout at exit
        return EXIT_OK
    except KeyboardInterrupt:
        hint = "; run again with --resume to go on" if getattr(args, "output", None) and _is_jsonl(args) else ""
        _fail("interrupted" + hint)
        return EXIT_INTERRUPTED


def _is_jsonl(args: argparse.Namespace) -> bool:
    return _format(args) == "jsonl"


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
