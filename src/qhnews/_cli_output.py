"""What the ``qhnews`` command writes: exit codes, messages, the progress bar, the output sinks, resume records.

The commands (``_cli_commands``) decide what to do; this module says it: one
line per failure on standard error, a progress bar on a terminal, the pages in
the output format as they come, and for ``--resume`` what an output already
holds.
"""

from __future__ import annotations

import json
import os
import sys
import time
from typing import Any, TextIO

import attrs

from qhnews._batch import PageReader
from qhnews._parquet import ParquetWriter

__all__ = [
    "EXIT_FAILED",
    "EXIT_INTERRUPTED",
    "EXIT_OK",
    "EXIT_USAGE",
    "NAMED_FAILURES",
    "JsonSink",
    "ParquetSink",
    "Progress",
    "Recorded",
    "Sink",
    "TextSink",
    "UsageError",
    "done_sources",
    "fail",
    "failure_summary",
    "resume_summary",
]

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130

#: Failed pages named in the summary line; more are counted.
NAMED_FAILURES = 10


class UsageError(Exception):
    """The command line asks for something that cannot be done; exit code 2."""


def fail(message: str, stream: TextIO | None = None) -> None:
    """Say what went wrong, on one line of standard error: ``qhnews: message``."""
    print(f"qhnews: {message}", file=stream or sys.stderr, flush=True)


# -- progress --------------------------------------------------------------------------------------------------------


class Progress:
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
        fail(message, self.stream)
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


class Sink:
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
class TextSink(Sink):
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
class JsonSink(Sink):
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
class ParquetSink(Sink):
    """parquet: one row per article, through a ``ParquetWriter``."""

    writer: ParquetWriter

    def page(self, value: Any) -> None:
        self.writer.add(value)

    def close(self) -> None:
        self.writer.close()

    def abort(self) -> None:
        self.writer.abort()


# -- resume ---------------------------------------------------------------------------------------------------------


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


# -- summary lines ---------------------------------------------------------------------------------------------------


def _pages(n: int) -> str:
    return f"{n} page{'' if n == 1 else 's'}"


def resume_summary(output: str, skipped: int, done: int, failed: int, again: int) -> str:
    """What a resumed run skipped and did, e.g. ``out.jsonl: resumed: skipped 5 pages already done; parsed 3``."""
    did = "nothing left to do" if not done else f"parsed {_pages(done - failed)}"
    if failed:
        did += f", {failed} failed"
        if again:
            did += f" ({again} failed again and {'was' if again == 1 else 'were'} not written again)"
    return f"{output}: resumed: skipped {_pages(skipped)} already done; {did}"


def failure_summary(failed: list[str], done: int) -> str:
    """The closing line when some of several pages failed, naming the first of them."""
    names = ", ".join(failed[:NAMED_FAILURES])
    more = len(failed) - NAMED_FAILURES
    tail = f", and {more} more" if more > 0 else ""
    return f"{len(failed)} of {done} pages failed: {names}{tail}"
