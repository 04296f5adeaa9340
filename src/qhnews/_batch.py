r"""Many pages: file discovery, streaming page reads and lazy parsing, in input order.

A file may hold several pages separated by form feeds (``\f``, as
``pdftotext`` and most OCR exports write them). Such files are read as a
stream, one page at a time, so memory stays bounded by the largest page, not
the file; the pages are named ``FILE#2``, ``FILE#3`` … after the first.
"""

from __future__ import annotations

import codecs
import glob
import os
import sys
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from typing import BinaryIO

import attrs

from qhnews._decode import _BOMS, FALLBACKS, decode, unify_newlines
from qhnews._errors import DecodeError, QhnewsError
from qhnews._pipeline import ParseOptions, parse
from qhnews._records import Page

__all__ = ["InputError", "PageResult", "expand_inputs", "iter_pages", "parse_many"]

_CHUNK = 1 << 20
_PAGE_EXTENSIONS = (".txt",)


class InputError(QhnewsError, OSError):
    """An input path that cannot be read as a page: missing, a directory, empty, unreadable."""


@attrs.frozen
class PageResult:
    """One page of a batch: its parse, or why it failed.

    Attributes:
        source: The page's name (its path; ``PATH#N`` for the N-th page of a file).
        page: The parsed page, or None if it failed.
        error: One line saying what went wrong, or None.
    """

    source: str
    page: Page | None = None
    error: str | None = None

    @property
    def ok(self) -> bool:
        """True when the page parsed."""
        return self.error is None


def expand_inputs(inputs: Iterable[str | os.PathLike[str]]) -> Iterator[str]:
    """Expand directories (their ``*.txt`` files, recursively, sorted) and glob patterns.

    A path that exists is yielded as given; "-" (standard input) too. A pattern that
    matches nothing and a missing path are yielded unchanged, so the reader can
    report them in order.
    """
    for item in inputs:
        path = os.fspath(item)
        if path == "-":
            yield path
        elif os.path.isdir(path):
            found = sorted(str(p) for p in Path(path).rglob("*") if p.is_file() and p.suffix in _PAGE_EXTENSIONS)
            if not found:
                yield path  # reported as "no pages in directory"
            yield from found
        elif not os.path.exists(path) and glob.has_magic(path):
            matched = sorted(glob.glob(path, recursive=True))
            yield from (matched or [path])
        else:
            yield path


def _codec_for(head: bytes) -> tuple[str, int]:
    for bom, codec in _BOMS:
        if head.startswith(bom):
            return codec, 0
    return "", 0


def iter_pages(path: str) -> Iterator[tuple[str, str]]:
    """Yield ``(source, text)`` for each form-feed separated page of a file, streaming.

    Raises:
        InputError: The path is missing, a directory, empty, or unreadable.
        DecodeError: The bytes are in no supported encoding.
    """
    if path == "-":
        data = sys.stdin.buffer.read()
        yield from _split_pages("<stdin>", _decode_all(data, "<stdin>"))
        return
    if os.path.isdir(path):
        has_files = any(Path(path).iterdir())
        raise InputError(f"{path}: is a directory" + ("" if has_files else " with no pages"))
    try:
        fh = open(path, "rb")  # noqa: SIM115 - closed in finally below, while a generator
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None
    try:
        head = fh.read(_CHUNK)
        if not head:
            raise InputError(f"{path}: empty file")
        codec, _ = _codec_for(head)
        if len(head) < _CHUNK:  # small file: one read, the full detection of decode()
            yield from _split_pages(path, _decode_all(head, path))
            return
        yield from _stream(fh, codec, path)
    finally:
        fh.close()


def _decode_all(data: bytes, source: str) -> str:
    return decode(data, source).text


def _stream(fh: BinaryIO, codec: str, path: str) -> Iterator[tuple[str, str]]:
    """Decode a large file incrementally, yielding pages as form feeds close them."""
    tried = (codec,) if codec else FALLBACKS
    for attempt, name in enumerate(tried):
        decoder = codecs.getincrementaldecoder(name)(errors="strict")
        fh.seek(0)
        consumed = 0
        buffer = ""
        number = 0
        try:
            while True:
                chunk = fh.read(_CHUNK)
                final = not chunk
                buffer += decoder.decode(chunk, final=final)
                consumed += len(chunk)
                *done, buffer = buffer.split("\f")
                for text in done:
                    number += 1
                    yield _name(path, number), unify_newlines(text)
                if final:
                    break
        except UnicodeDecodeError as exc:
            if number == 0 and attempt + 1 < len(tried):
                continue  # nothing yielded yet: try the next encoding from the start
            raise DecodeError(consumed - len(chunk) + max(exc.start, 0), tried, path) from None
        number += 1
        yield _name(path, number), unify_newlines(buffer)
        return


def _name(path: str, number: int) -> str:
    return path if number == 1 else f"{path}#{number}"


def _split_pages(path: str, text: str) -> Iterator[tuple[str, str]]:
    for number, page in enumerate(text.split("\f"), start=1):
        yield _name(path, number), page


def _parse_file(path: str, options: ParseOptions) -> list[PageResult]:
    try:
        return [PageResult(src, parse(text, source=src, options=options)) for src, text in iter_pages(path)]
    except QhnewsError as exc:
        return [PageResult(path, None, str(exc))]


def parse_many(
    paths: Iterable[str | os.PathLike[str]],
    *,
    jobs: int = 1,
    options: ParseOptions | None = None,
) -> Iterator[PageResult]:
    r"""Parse many pages lazily, in input order, one result per page.

    Directories and glob patterns are expanded. A page that cannot be read or
    decoded gives a [`PageResult`][qhnews.PageResult] with ``error`` set; the
    rest go on.

    Args:
        paths: Files, directories, glob patterns, or "-" for standard input.
        jobs: Worker processes; 1 parses in this process.
        options: Parser settings.

    Example:
        >>> import pathlib, tempfile
        >>> d = pathlib.Path(tempfile.mkdtemp())
        >>> _ = (d / "a.txt").write_text("标题\n\n本报讯（记者 施翔）开会。", encoding="utf-8")
        >>> [(r.ok, r.page.articles[0].title) for r in parse_many([d])]
        [(True, '标题')]
        >>> [r.error for r in parse_many([d / "missing.txt"])]
        ['.../missing.txt: no such file']
    """
    opts = options or ParseOptions()
    files = expand_inputs(paths)
    if jobs <= 1:
        for path in files:
            yield from _parse_file(path, opts)
        return
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        # A bounded window of files in flight keeps memory flat and order intact.
        queue: deque[Future[list[PageResult]]] = deque()
        for path in files:
            queue.append(pool.submit(_parse_file, path, opts))
            if len(queue) >= jobs * 4:
                yield from queue.popleft().result()
        while queue:
            yield from queue.popleft().result()
