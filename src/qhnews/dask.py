r"""Scale-out: parse an archive on a Dask cluster, or on Spark.

Needs the ``dask`` extra (``pip install "qhnews[dask]"``; for a cluster
``pip install "dask[distributed]"`` too), imported only when ``parse_bag``
is called: ``import qhnews.dask`` never imports dask.

The unit of work is a *partition*: a list of page files, read and parsed by
``parse_partition`` on whichever worker gets it. Only paths travel to the
workers and only page dicts come back, so the files must be on a file system
every worker sees (NFS, a mounted bucket, the same disk on one machine). The
results are the dicts of ``qhnews.page_to_dict``, in input order, with
``{"source", "error"}`` records for pages that failed: exactly the lines of
``qhnews parse --format jsonl``.

On one machine (Dask's local scheduler, a process pool)::

    import qhnews.dask

    bag = qhnews.dask.parse_bag(["archive/"], npartitions=64)
    pages = bag.compute(scheduler="processes")

On a cluster: start ``dask scheduler`` on one node and
``dask worker tcp://scheduler:8786`` on each of the others, all with qhnews
installed and the archive mounted at the same path; then, on the client::

    import json
    from dask.distributed import Client
    import qhnews.dask, qhnews.parquet

    client = Client("tcp://scheduler:8786")
    bag = qhnews.dask.parse_bag(["/shared/archive/"], npartitions=4 * sum(client.nthreads().values()))
    bag.map(json.dumps, ensure_ascii=False).to_textfiles("/shared/out/*.jsonl")  # one file per partition
    articles = bag.filter(lambda p: "error" not in p).map(qhnews.parquet.article_rows).flatten()
    articles.to_dataframe().to_parquet("/shared/articles/")                    # needs dask[dataframe]

The same function is a Spark ``mapPartitions`` step: a partition is an
iterator of paths in, an iterator of page dicts out::

    files = list(qhnews.dask.expand_inputs(["/shared/archive/"]))
    rdd = spark.sparkContext.parallelize(files, numSlices=256)
    pages = rdd.mapPartitions(qhnews.dask.parse_partition)
    pages.map(lambda p: json.dumps(p, ensure_ascii=False)).saveAsTextFile("/shared/out")

Directories and globs are expanded on the client (so the order is fixed
there); choose about four partitions per worker core so that slow pages even
out.

On one machine, ``qhnews parse --jobs N`` and ``parse_many(jobs=N)`` are
faster: Dask's local process scheduler starts fresh (spawned) interpreters for
every ``compute`` and sends whole page dicts back (see benchmarks/results.md,
"Batch"). Dask pays off when the pages are spread over many machines.
"""

from __future__ import annotations

import functools
import importlib
import os
from collections.abc import Iterable, Iterator
from typing import Any

from qhnews._batch import PageReader, expand_inputs, run_pages
from qhnews._export import page_to_dict
from qhnews._pipeline import ParseOptions, parse

__all__ = ["expand_inputs", "parse_bag", "parse_partition"]


def _page_dict(source: str, text: str, *, options: ParseOptions) -> dict[str, Any]:
    return page_to_dict(parse(text, source=source, options=options))


def parse_partition(paths: Iterable[str], options: ParseOptions | None = None) -> Iterator[dict[str, Any]]:
    r"""Parse the pages of some files, in order: page dicts, and error records for pages that failed.

    This is the worker side of ``parse_bag``, and a Spark ``mapPartitions``
    function as it stands.

    Args:
        paths: Page files (no directories or globs: expand those first).
        options: Parser settings.

    Examples:
        >>> [(p["source"], p.get("error")) for p in parse_partition(["missing.txt"])]
        [('missing.txt', 'missing.txt: no such file')]
    """
    work = functools.partial(_page_dict, options=options or ParseOptions())
    for source, page, error in run_pages(PageReader(list(paths)), work):
        yield page if page is not None else {"source": source, "error": error}


def _partition_list(paths: Iterable[str], options: ParseOptions | None) -> list[dict[str, Any]]:
    return list(parse_partition(paths, options))


def parse_bag(
    paths: Iterable[str | os.PathLike[str]] | str | os.PathLike[str],
    *,
    npartitions: int | None = None,
    options: ParseOptions | None = None,
) -> Any:
    """A Dask bag of page dicts, one per page, in input order.

    Nothing is read until the bag is computed, and then on the workers; see
    the recipes of ``qhnews.dask`` for a cluster and for Spark.

    Args:
        paths: Files, directories or glob patterns, expanded here.
        npartitions: How many partitions (tasks); by default about 100 files each.
        options: Parser settings.

    Returns:
        A ``dask.bag.Bag`` of the dicts of ``qhnews.page_to_dict``, with
        ``{"source", "error"}`` for pages that failed.

    Raises:
        ImportError: dask is not installed (``pip install "qhnews[dask]"``).

    Examples:
        >>> import qhnews.dask
        >>> _ = __import__("pytest").importorskip("dask.bag")
        >>> bag = qhnews.dask.parse_bag(["missing.txt"])
        >>> bag.compute(scheduler="sync")
        [{'source': 'missing.txt', 'error': 'missing.txt: no such file'}]
    """
    try:
        db = importlib.import_module("dask.bag")
    except ImportError as exc:
        raise ImportError('parse_bag needs dask: pip install "qhnews[dask]"') from exc
    files = list(expand_inputs(paths))
    if not files:
        return db.from_sequence([], npartitions=1)
    parts = npartitions or max(1, -(-len(files) // 100))
    bag = db.from_sequence(files, npartitions=min(parts, len(files)))
    return bag.map_partitions(_partition_list, options)
