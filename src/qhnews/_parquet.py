r"""Parquet export: one row per article, for DuckDB, pandas, Polars, Spark.

Needs the ``parquet`` extra (``pip install "qhnews[parquet]"``, i.e. pyarrow),
imported only when a file is written: ``import qhnews`` never imports pyarrow.

The columns, in order:

| column | type | |
|---|---|---|
| ``source`` | string | the page (``FILE`` or ``FILE#N``) |
| ``article`` | int32 | the article's index on its page, from 0 |
| ``section``, ``kicker``, ``title`` | string | the headline parts (null when absent) |
| ``subtitles`` | list<string> | |
| ``bylines`` | list<struct<text, credit, outlet, place, people: list<struct<role, name>>>> | as in the page JSON |
| ``speaker`` | struct<text, titles, name> | null when absent |
| ``body`` | string | every body block, one per line |
| ``paragraphs`` | list<string> | the paragraph blocks alone |
| ``blocks`` | list<struct<kind, text>> | paragraphs and subheadings in reading order |
| ``continued_to``, ``continued_from`` | string | jump targets |
| ``confidence`` | float64 | |

A page without articles gives no rows; its leftovers and diagnostics stay in
the JSON output.

Examples:
    >>> import qhnews, tempfile, os
    >>> pa = __import__("pytest").importorskip("pyarrow.parquet")
    >>> page = qhnews.parse("会议召开\n\n本报讯（记者 王五）开会。", source="p.txt")
    >>> path = os.path.join(tempfile.mkdtemp(), "out.parquet")
    >>> qhnews.parquet.to_parquet([page], path)
    1
    >>> pa.read_table(path).to_pylist()[0]["title"]
    '会议召开'
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Iterable, Mapping
from types import ModuleType
from typing import Any

from qhnews._batch import PageResult
from qhnews._export import page_to_dict
from qhnews._records import Page

__all__ = ["COLUMNS", "ParquetWriter", "article_rows", "to_parquet"]

COLUMNS: tuple[str, ...] = (
    "source",
    "article",
    "section",
    "kicker",
    "title",
    "subtitles",
    "bylines",
    "speaker",
    "body",
    "paragraphs",
    "blocks",
    "continued_to",
    "continued_from",
    "confidence",
)
"""The columns of the Parquet export, in order."""

_ROW_GROUP = 10_000


def _pyarrow() -> tuple[ModuleType, ModuleType]:
    """The modules pyarrow and pyarrow.parquet, or an ImportError that says how to install them."""
    try:
        return importlib.import_module("pyarrow"), importlib.import_module("pyarrow.parquet")
    except ImportError as exc:
        raise ImportError('Parquet export needs pyarrow: pip install "qhnews[parquet]"') from exc


def _schema(pa: Any) -> Any:
    s = pa.string()
    person = pa.struct([("role", s), ("name", s)])
    byline = pa.struct([("text", s), ("credit", s), ("outlet", s), ("place", s), ("people", pa.list_(person))])
    types = {
        "source": s,
        "article": pa.int32(),
        "section": s,
        "kicker": s,
        "title": s,
        "subtitles": pa.list_(s),
        "bylines": pa.list_(byline),
        "speaker": pa.struct([("text", s), ("titles", s), ("name", s)]),
        "body": s,
        "paragraphs": pa.list_(s),
        "blocks": pa.list_(pa.struct([("kind", s), ("text", s)])),
        "continued_to": s,
        "continued_from": s,
        "confidence": pa.float64(),
    }
    return pa.schema([(name, types[name]) for name in COLUMNS])


def _as_dict(page: Page | PageResult | Mapping[str, Any]) -> Mapping[str, Any] | None:
    if isinstance(page, PageResult):
        return None if page.page is None else page_to_dict(page.page)
    if isinstance(page, Page):
        return page_to_dict(page)
    return page


def article_rows(page: Page | PageResult | Mapping[str, Any]) -> list[dict[str, Any]]:
    r"""The Parquet rows of one page: one dict per article, keyed by ``COLUMNS``.

    Args:
        page: A parsed page, a batch result, or a page object of the JSON
            output (a line of ``qhnews parse --format jsonl``). A
            failed result or an error record gives no rows.

    Examples:
        >>> import qhnews
        >>> rows = article_rows(qhnews.parse("会议召开\n\n本报讯（记者 王五）开会。", source="p.txt"))
        >>> [(r["source"], r["article"], r["title"], r["paragraphs"]) for r in rows]
        [('p.txt', 0, '会议召开', ['开会。'])]
    """
    d = _as_dict(page)
    if d is None or "error" in d:
        return []
    rows: list[dict[str, Any]] = []
    for index, a in enumerate(d.get("articles", ())):
        blocks = [{"kind": b["kind"], "text": b["text"]} for b in a.get("blocks", ())]
        speaker = a.get("speaker")
        rows.append(
            {
                "source": d.get("source"),
                "article": index,
                "section": a.get("section"),
                "kicker": a.get("kicker"),
                "title": a.get("title"),
                "subtitles": list(a.get("subtitles", ())),
                "bylines": [
                    {
                        "text": b.get("text"),
                        "credit": b.get("credit"),
                        "outlet": b.get("outlet"),
                        "place": b.get("place"),
                        "people": [{"role": p.get("role"), "name": p.get("name")} for p in b.get("people", ())],
                    }
                    for b in a.get("bylines", ())
                ],
                "speaker": None
                if speaker is None
                else {"text": speaker.get("text"), "titles": speaker.get("titles"), "name": speaker.get("name")},
                "body": "\n".join(b["text"] for b in blocks),
                "paragraphs": [b["text"] for b in blocks if b["kind"] == "paragraph"],
                "blocks": blocks,
                "continued_to": a.get("continued_to"),
                "continued_from": a.get("continued_from"),
                "confidence": a.get("confidence"),
            }
        )
    return rows


class ParquetWriter:
    """Write article rows to a Parquet file in row groups, with memory bounded by one group.

    The file appears under its name only when ``close`` completes: until
    then it is written to ``PATH.part``, and ``abort`` removes that.

    Raises:
        ImportError: pyarrow is not installed.
    """

    def __init__(self, path: str | os.PathLike[str], *, row_group_size: int = _ROW_GROUP) -> None:
        self._pa, self._pq = _pyarrow()
        self._schema = _schema(self._pa)
        self.path = os.fspath(path)
        self._part = self.path + ".part"
        self._writer: Any = self._pq.ParquetWriter(self._part, self._schema)
        self._rows: list[dict[str, Any]] = []
        self._size = row_group_size
        self.written = 0

    def add(self, rows: Iterable[dict[str, Any]]) -> None:
        """Queue rows (see ``article_rows``); a full group is written."""
        self._rows.extend(rows)
        while len(self._rows) >= self._size:
            self._write(self._rows[: self._size])
            del self._rows[: self._size]

    def _write(self, rows: list[dict[str, Any]]) -> None:
        self._writer.write_table(self._pa.Table.from_pylist(rows, schema=self._schema), row_group_size=len(rows))
        self.written += len(rows)

    def _flush(self) -> None:
        if self._rows:
            self._write(self._rows)
            self._rows = []

    def close(self) -> None:
        """Write what is queued, finish the file and give it its name."""
        self._flush()
        self._writer.close()
        os.replace(self._part, self.path)

    def abort(self) -> None:
        """Drop the unfinished file."""
        try:
            self._writer.close()
        finally:
            if os.path.exists(self._part):
                os.remove(self._part)


def to_parquet(
    pages: Iterable[Page | PageResult | Mapping[str, Any]],
    path: str | os.PathLike[str],
    *,
    row_group_size: int = _ROW_GROUP,
) -> int:
    """Write the articles of many pages to one Parquet file, one row per article.

    Args:
        pages: Parsed pages, ``qhnews.parse_many`` results (failed ones are
            left out), or page dicts (e.g. from ``qhnews.dask.parse_bag`` or
            a JSON-lines file).
        path: The file to write; it appears only once complete.
        row_group_size: Rows per Parquet row group (and rows held in memory).

    Returns:
        The number of rows (articles) written.

    Raises:
        ImportError: pyarrow is not installed (``pip install "qhnews[parquet]"``).
    """
    writer = ParquetWriter(path, row_group_size=row_group_size)
    try:
        for page in pages:
            writer.add(article_rows(page))
    except BaseException:
        writer.abort()
        raise
    writer.close()
    return writer.written
