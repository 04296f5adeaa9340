"""The commands of ``qhnews``: ``parse`` (and ``parse --explain``), ``report`` and ``normalize``.

Each takes the parsed command line and returns the exit code; what it
writes goes through ``_cli_output``. The command line itself, its help and
``main`` are in ``_cli``.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import importlib.util
import json
import os
import sys
from typing import Any, TextIO

import attrs

from qhnews._batch import PageReader, expand_inputs, iter_pages, run_pages
from qhnews._cli_output import (
    EXIT_FAILED,
    EXIT_OK,
    NAMED_FAILURES,
    JsonSink,
    ParquetSink,
    Progress,
    Recorded,
    Sink,
    TextSink,
    UsageError,
    done_sources,
    fail,
    failure_summary,
    resume_summary,
)
from qhnews._convert import Script, convert_page
from qhnews._errors import QhnewsError
from qhnews._explain import explain_page
from qhnews._export import page_to_dict, render
from qhnews._normalize import explain
from qhnews._parquet import ParquetWriter, article_rows
from qhnews._pipeline import ParseOptions, parse
from qhnews._text import normalize_page
from qhnews._unsure import Tally, sift

__all__ = ["cmd_explain", "cmd_normalize", "cmd_parse", "cmd_report", "output_format"]


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


def output_format(args: argparse.Namespace) -> str:
    """The format ``parse`` writes: ``--format``, else the one OUT's extension names, else json."""
    if args.format:
        return str(args.format)
    for ext, fmt in ((".jsonl", "jsonl"), (".parquet", "parquet")):
        if args.output and args.output.lower().endswith(ext):
            return fmt
    return "json"


def _check(args: argparse.Namespace, fmt: str) -> None:
    if fmt == "parquet":
        if not args.output:
            raise UsageError("--format parquet needs -o OUT")
        if importlib.util.find_spec("pyarrow") is None:
            raise UsageError('--format parquet needs pyarrow: pip install "qhnews[parquet]"')
    if args.script and importlib.util.find_spec("opencc") is None:
        raise UsageError(f'--script {args.script} needs opencc: pip install "qhnews[opencc]"')
    if args.resume and (not args.output or fmt != "jsonl"):
        raise UsageError("--resume needs -o OUT with --format jsonl")
    if args.output and os.path.isdir(args.output):
        raise UsageError(f"{args.output}: -o names a directory, not a file")


def _not_the_output(paths: list[str], output: str | None) -> list[str]:
    """The inputs without OUT itself: it is being written, never read."""
    if not output:
        return paths
    target = os.path.abspath(output)
    return [p for p in paths if p == "-" or os.path.abspath(p) != target]


def _open_sink(args: argparse.Namespace, fmt: str) -> tuple[Sink, TextIO | None]:
    if fmt == "parquet":
        folder = os.path.dirname(os.path.abspath(args.output))
        if not os.path.isdir(folder):
            raise FileNotFoundError(2, "No such file or directory")
        return ParquetSink(ParquetWriter(args.output)), None
    out: TextIO = sys.stdout
    if args.output:
        out = open(args.output, "a" if args.resume else "w", encoding="utf-8")  # noqa: SIM115 - closed by the caller
    if fmt == "json":
        return JsonSink(out), out
    return TextSink(out, fmt), out


def cmd_explain(args: argparse.Namespace) -> int:
    """``qhnews parse --explain``: each page's lines, what each became and the rules that said so."""
    out = sys.stdout
    failed = False
    for path in expand_inputs(args.inputs):
        try:
            for number, (source, text) in enumerate(iter_pages(path, strict=args.strict)):
                out.write(("\n" if number else "") + f"== {source}\n{explain_page(text)}\n")
                out.flush()
        except QhnewsError as exc:
            fail(str(exc))
            failed = True
    return EXIT_FAILED if failed else EXIT_OK


def cmd_parse(args: argparse.Namespace) -> int:
    """``qhnews parse``: every page in the output format, in input order."""
    fmt = output_format(args)
    _check(args, fmt)
    paths = _not_the_output(list(expand_inputs(args.inputs)), args.output)
    try:
        recorded = done_sources(args.output) if args.resume else Recorded()
        sink, out = _open_sink(args, fmt)
    except OSError as exc:
        fail(_cannot_write(args.output, exc))
        return EXIT_FAILED
    reader = PageReader(paths, recorded.done, strict=args.strict)
    progress = Progress(reader, sys.stderr, enabled=_progress_on(args, pages_to_stdout=True))
    work = functools.partial(_work, fmt=fmt, options=ParseOptions(), script=args.script, at=args.min_confidence)
    written = _Written(sink, recorded, Tally(args.min_confidence, quiet=args.quiet))
    finished = False
    try:
        with contextlib.closing(run_pages(reader, work, jobs=args.jobs)) as results:
            for source, value, error in results:
                progress.step()
                if error is not None:
                    progress.note(error)
                written.take(source, value, error)
        finished = True
    finally:
        progress.close(finished=finished)
        _close_output(sink, out, finished=finished)
    if written.failed and progress.done > 1:
        fail(failure_summary(written.failed, progress.done))
    if args.resume and not args.quiet:
        fail(resume_summary(args.output, reader.skipped, progress.done, len(written.failed), written.again))
    written.tally.report(fail)
    return EXIT_FAILED if written.failed else EXIT_OK


@attrs.define
class _Written:
    """What ``parse`` did with each result: a page written, or a failure recorded.

    Attributes:
        sink: Where pages and failures go.
        recorded: What OUT already held (``--resume``).
        tally: The articles under the summary's level (``--min-confidence``).
        failed: The sources that failed, in order.
        again: Pages OUT records as failed that failed again: not written again.
    """

    sink: Sink
    recorded: Recorded
    tally: Tally
    failed: list[str] = attrs.Factory(list)
    again: int = 0

    def take(self, source: str, value: Any, error: str | None) -> None:
        """Write one result: the page's value, or its failure (unless OUT already records it)."""
        if error is None:
            self.sink.page(self.tally.take(value))
            return
        self.failed.append(source)
        if source in self.recorded.failed:
            self.again += 1
        else:
            self.sink.error(source, error)


def _close_output(sink: Sink, out: TextIO | None, *, finished: bool) -> None:
    """Finish the output, or keep what is complete of it after an interruption; close OUT."""
    if finished:
        sink.close()
    else:
        sink.abort()
    if out is not None and out is not sys.stdout:
        out.close()


def _progress_on(args: argparse.Namespace, *, pages_to_stdout: bool) -> bool:
    """A progress bar only on a terminal, not with ``-q``, and not over pages printed to the same terminal."""
    to_terminal = pages_to_stdout and args.output is None and sys.stdout.isatty()
    return not args.quiet and sys.stderr.isatty() and not to_terminal


def _cannot_write(output: str, exc: OSError) -> str:
    return f"{output}: cannot write ({exc.strerror or exc})"


# -- report ----------------------------------------------------------------------------------------------------------


def cmd_report(args: argparse.Namespace) -> int:
    """``qhnews report``: the review report's folder, a view per page and the index."""
    _check_report(args)
    from qhnews._report import ReportWriter, report_work  # noqa: PLC0415 - only the report needs it

    try:
        writer = ReportWriter(args.output)
    except OSError as exc:
        fail(_cannot_write(args.output, exc))
        return EXIT_FAILED
    reader = PageReader(list(expand_inputs(args.inputs)))
    progress = Progress(reader, sys.stderr, enabled=_progress_on(args, pages_to_stdout=False))
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
        progress.note(_cannot_write(args.output, exc))
        return EXIT_FAILED
    finally:
        if not finished:
            with contextlib.suppress(OSError):
                writer.close()  # an interrupted run still gets an index of the pages written
        progress.close(finished=finished)
    if not args.quiet:
        print(index, flush=True)
    if failed and progress.done > 1:
        fail(failure_summary(failed, progress.done))
    return EXIT_FAILED if failed else EXIT_OK


def _check_report(args: argparse.Namespace) -> None:
    if importlib.util.find_spec("jinja2") is None:
        raise UsageError('report needs Jinja2: pip install "qhnews[report]"')
    if os.path.exists(args.output) and not os.path.isdir(args.output):
        raise UsageError(f"{args.output}: -o names a file, not a directory")


# -- normalize -------------------------------------------------------------------------------------------------------


def cmd_normalize(args: argparse.Namespace) -> int:
    """``qhnews normalize``: each page as normalized, reflowed blocks, or with ``--explain`` every change."""
    out = sys.stdout
    reader = PageReader(list(expand_inputs(args.inputs)), strict=args.strict)
    failed: list[str] = []
    written = 0
    for source, text, error in reader:
        if text is None:
            failed.append(source)
            fail(str(error))
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
        fail(f"{len(failed)} of {reader.items} pages failed: {', '.join(failed[:NAMED_FAILURES])}")
    return EXIT_FAILED if failed else EXIT_OK
