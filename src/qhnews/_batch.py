r"""Many pages: file discovery, streaming page reads and lazy parsing, in input order.

A file may hold several pages separated by form feeds (``\f``, as
``pdftotext`` and most OCR exports write them). Such files are read as a
stream, one page at a time, so memory stays bounded by the largest page, not
the file; the pages are named ``FILE#2``, ``FILE#3`` … after the first. A form
feed that ends the file (``pdftotext`` writes one after every page) does not
open an empty page.

An empty or blank file (nothing but white space) is a page without
articles, as ``qhnews.parse("")`` is; with ``strict=True`` (``--strict`` on
the command line) it is an error instead.

The batch machinery is one pipeline shared by ``parse_many`` and
``qhnews parse``:

    expand_inputs → PageReader (source, text | error) → run_pages (work in N processes) → results in input order

A page that cannot be read, decoded or parsed gives a result with an error;
the rest go on. This module finds and reads the pages; ``_batch_pool`` runs
the work on them.
"""

from __future__ import annotations

import contextlib
import functools
import glob
import os
import sys
from collections import deque
from collections.abc import Collection, Generator, Iterable, Iterator, Sequence
from pathlib import Path
from typing import BinaryIO

import attrs

from qhnews._batch_pool import Item, run_pages
from qhnews._decode import decode, decode_stream, detect_stream, unify_newlines
from qhnews._errors import QhnewsError
from qhnews._pipeline import ParseOptions, parse
from qhnews._records import Page

__all__ = [
    "InputError",
    "Item",
    "PageReader",
    "PageResult",
    "expand_inputs",
    "iter_pages",
    "parse_file",
    "parse_many",
    "run_pages",
]

_CHUNK = 1 << 20
_PAGE_EXTENSIONS = (".txt",)


class InputError(QhnewsError, OSError):
    """An input path that cannot be read as a page: missing, a directory, unreadable (or, when strict, empty)."""


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


# -- discovery -------------------------------------------------------------------------------------------------------


def _pages_in(directory: str) -> list[str]:
    return sorted(str(p) for p in Path(directory).rglob("*") if p.suffix in _PAGE_EXTENSIONS and p.is_file())


def expand_inputs(inputs: Iterable[str | os.PathLike[str]] | str | os.PathLike[str]) -> Iterator[str]:
    """Expand directories (their ``*.txt`` files, recursively, sorted) and glob patterns.

    One path (a str or path object) is taken as a list of one. A path that
    exists is yielded as given; "-" (standard input) too. A glob
    pattern yields its matches, sorted, a matched directory its pages. A
    directory without pages, a pattern that matches nothing and a missing path
    are yielded unchanged, so the reader reports them in order. A path already
    yielded is not yielded again.

    Examples:
        >>> list(expand_inputs(["a.txt", "-", "a.txt", "no-match-*.txt"]))
        ['a.txt', '-', 'no-match-*.txt']
    """
    if isinstance(inputs, (str, os.PathLike)):
        inputs = [inputs]  # one path, not its characters
    seen: set[str] = set()

    def once(paths: Iterable[str]) -> Iterator[str]:
        for p in paths:
            key = p if p == "-" else os.path.normpath(p)
            if key not in seen:
                seen.add(key)
                yield p

    for item in inputs:
        path = os.fspath(item)
        if path == "-":
            yield from once([path])
        elif os.path.isdir(path):
            yield from once(_pages_in(path) or [path])
        elif not os.path.exists(path) and glob.has_magic(path):
            matched: list[str] = []
            for m in sorted(glob.glob(path, recursive=True)):
                matched.extend(_pages_in(m) if os.path.isdir(m) else [m])
            yield from once(matched or [path])
        else:
            yield from once([path])


# -- reading ---------------------------------------------------------------------------------------------------------


def iter_pages(path: str, *, strict: bool = False) -> Generator[tuple[str, str], None, None]:
    r"""Yield ``(source, text)`` for each form-feed separated page of a file, streaming.

    Text is decoded as ``qhnews.stages.decode`` says, also for files too large
    to read at once (their encoding is checked over the whole file before the
    first page is yielded). "-" reads standard input, named ``<stdin>``. An
    empty or blank file is one page of that text, unless ``strict``.

    Raises:
        InputError: The path is missing, a directory or unreadable; with
            ``strict``, also empty or blank.
        DecodeError: The bytes are in no supported encoding.

    Examples:
        >>> import pathlib, tempfile
        >>> f = pathlib.Path(tempfile.mkdtemp()) / "p.txt"
        >>> _ = f.write_bytes("第一版\r\n\f第二版\f".encode("gb18030"))
        >>> [(s.rsplit("/", 1)[-1], t) for s, t in iter_pages(str(f))]
        [('p.txt', '第一版\n'), ('p.txt#2', '第二版')]
    """
    if path == "-":
        data = sys.stdin.buffer.read()
        if not data and strict:
            raise InputError("<stdin>: empty input")
        yield from _split_pages("<stdin>", decode(data, "<stdin>").text, strict=strict)
        return
    if os.path.isdir(path):
        raise InputError(f"{path}: is a directory")
    try:
        fh = open(path, "rb")  # noqa: SIM115 - closed in finally below, while a generator
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
    try:
        try:
            head = fh.read(_CHUNK)
        except OSError as exc:
            raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
        if not head and strict:
            raise InputError(f"{path}: empty file")
        if len(head) < _CHUNK:  # small file: one read
            yield from _split_pages(path, decode(head, path).text, strict=strict)
            return
        yield from _stream(fh, detect_stream(fh, path, chunk=_CHUNK), path, strict=strict)
    finally:
        fh.close()


def _split_pages(path: str, text: str, *, strict: bool) -> Iterator[tuple[str, str]]:
    if _blank(text) and strict:
        raise InputError(f"{path}: blank file (only white space)")
    pages = text.split("\f")
    if len(pages) > 1 and _blank(pages[-1]):
        pages.pop()  # the form feed after the last page
    for number, page in enumerate(pages, start=1):
        yield _name(path, number), page


def _blank(text: str) -> bool:
    """Only white space (or nothing), without copying the text as strip() would."""
    return not text or text.isspace()


def _name(path: str, number: int) -> str:
    return path if number == 1 else f"{path}#{number}"


def _stream(fh: BinaryIO, codec: str, path: str, *, strict: bool) -> Iterator[tuple[str, str]]:
    """Yield the pages of a large file as form feeds close them."""
    buffer = ""
    number = 0
    blank = True
    for text in decode_stream(fh, codec, path, chunk=_CHUNK):
        buffer += text
        *done, buffer = buffer.split("\f")
        for page in done:
            number += 1
            blank = blank and _blank(page)
            yield _name(path, number), unify_newlines(page)
    if blank and _blank(buffer) and strict:
        raise InputError(f"{path}: blank file (only white space)")
    if number == 0 or not _blank(buffer):
        yield _name(path, number + 1), unify_newlines(buffer)


class PageReader:
    """The pages of many inputs, read lazily in input order.

    Iterating yields one ``Item`` per page; an input that cannot be read
    yields one item with its error. Pages named in ``skip`` are passed over
    (``--resume``) and counted in ``skipped``. ``files`` is known before the
    first page is read; ``file_of`` says, in the order items were yielded,
    which input each came from, so that a consumer of results in input order
    can count the files done.

    Args:
        paths: Expanded inputs (see ``expand_inputs``).
        skip: Sources not to yield.
        strict: Empty and blank files are errors (see ``iter_pages``).
    """

    def __init__(self, paths: Sequence[str], skip: Collection[str] = (), *, strict: bool = False) -> None:
        self.paths = paths
        self.skip = skip
        self.strict = strict
        self.items = 0
        self.skipped = 0
        self.file_of: deque[int] = deque()

    @property
    def files(self) -> int:
        """How many inputs there are (an input that fails counts as one)."""
        return len(self.paths)

    def __iter__(self) -> Iterator[Item]:
        for index, path in enumerate(self.paths):
            try:
                for source, text in self._pages(path):
                    if source in self.skip:
                        self.skipped += 1
                        continue
                    self._count(index)
                    yield source, text, None
            except QhnewsError as exc:
                self._count(index)
                yield ("<stdin>" if path == "-" else path), None, str(exc)

    def _count(self, index: int) -> None:
        self.items += 1
        self.file_of.append(index)

    def _pages(self, path: str) -> Iterator[tuple[str, str]]:
        if os.path.isdir(path):  # expand_inputs yields a directory only when it has no pages
            raise InputError(f"{path}: directory has no pages (no *{' *'.join(_PAGE_EXTENSIONS)} files)")
        if path != "-" and not os.path.lexists(path) and glob.has_magic(path):
            raise InputError(f"{path}: no file matches this pattern")
        return iter_pages(path, strict=self.strict)


# -- the public batch API --------------------------------------------------------------------------------------------


def _parse_page(source: str, text: str, *, options: ParseOptions) -> Page:
    return parse(text, source=source, options=options)


def parse_file(path: str | os.PathLike[str], *, options: ParseOptions | None = None, strict: bool = False) -> Page:
    r"""Read, decode and parse the one page a file holds.

    ``qhnews.parse`` takes the page's text (a ``str`` is always text, never a
    path) or its bytes; ``parse_file`` takes a path. The file is decoded as
    ``qhnews.stages.decode`` says; the page's ``source`` is the path as
    given. For files of several form-feed separated pages, directories and
    globs, use ``parse_many``.

    Args:
        path: The page file (a ``str`` or a path object), or "-" for standard input.
        options: Parser settings.
        strict: An empty or blank file raises ``InputError`` instead of
            giving a page without articles.

    Raises:
        InputError: The file is missing, unreadable or a directory, holds
            more than one page, or (with ``strict``) is empty or blank.
        DecodeError: The bytes are in no supported encoding.

    Examples:
        >>> import pathlib, tempfile
        >>> f = pathlib.Path(tempfile.mkdtemp()) / "p.txt"
        >>> _ = f.write_bytes("会议召开\n\n本报讯（记者 王五）开会。".encode("gb18030"))
        >>> parse_file(f).articles[0].title
        '会议召开'
        >>> _ = f.write_bytes(b"")
        >>> parse_file(f).articles
        ()
    """
    name = os.fspath(path)
    pages = iter_pages(name, strict=strict)
    with contextlib.closing(pages):
        source, text = next(pages)
        extra = next(pages, None)
    if extra is not None:
        raise InputError(f"{name}: holds more than one page, separated by form feeds: use parse_many")
    return parse(text, source=source, options=options)


def parse_many(
    paths: Iterable[str | os.PathLike[str]] | str | os.PathLike[str],
    *,
    jobs: int = 1,
    options: ParseOptions | None = None,
    skip: Collection[str] = (),
    strict: bool = False,
) -> Iterator[PageResult]:
    r"""Parse many pages lazily, in input order, one result per page.

    A directory gives its ``*.txt`` files (recursively, sorted), a glob
    pattern its matches, sorted; a path named twice is parsed once. A file of
    several form-feed separated pages gives one result per page, named
    ``FILE``, ``FILE#2``, … A page that cannot be read, decoded or parsed gives a
    ``PageResult`` with ``error`` set; the rest go on. An empty or blank file
    is a page without articles, unless ``strict``.

    Args:
        paths: Files, directories, glob patterns, or "-" for standard input
            (or one of them).
        jobs: Worker processes; 1 parses in this process.
        options: Parser settings.
        skip: Page sources to pass over (pages an earlier run already did).
        strict: Empty and blank files are errors, not pages without articles.

    Examples:
        >>> import pathlib, tempfile
        >>> d = pathlib.Path(tempfile.mkdtemp())
        >>> _ = (d / "a.txt").write_text("标题\n\n本报讯（记者 王五）开会。\f第二版", encoding="utf-8")
        >>> [(r.source[len(str(d)):], r.ok) for r in parse_many([d, d / "missing.txt"])]
        [('/a.txt', True), ('/a.txt#2', True), ('/missing.txt', False)]
        >>> [r.error for r in parse_many([d / "missing.txt"])]
        ['.../missing.txt: no such file']
    """
    work = functools.partial(_parse_page, options=options or ParseOptions())
    reader = PageReader(list(expand_inputs(paths)), skip, strict=strict)
    for source, page, error in run_pages(reader, work, jobs=jobs):
        yield PageResult(source, page, error)
