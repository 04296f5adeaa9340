r"""Parquet export: one row per article, for DuckDB, pandas, Polars or Spark.

Needs the ``parquet`` extra (``pip install "qhnews[parquet]"``, that is
pyarrow), which is imported only when a file is written: ``import qhnews``
and ``import qhnews.parquet`` never import pyarrow.

``COLUMNS`` lists the columns in order; the Command line page of the
documentation says what each holds. A page without articles gives no rows;
its leftovers and diagnostics stay in the JSON output.

Examples:
    >>> import os, tempfile, qhnews, qhnews.parquet
    >>> pq = __import__("pytest").importorskip("pyarrow.parquet")
    >>> page = qhnews.parse("会议召开\n\n本报讯（记者 王五）开会。", source="p.txt")
    >>> path = os.path.join(tempfile.mkdtemp(), "out.parquet")
    >>> qhnews.parquet.to_parquet([page], path)
    1
    >>> pq.read_table(path).to_pylist()[0]["title"]
    '会议召开'
"""

from __future__ import annotations

from qhnews._parquet import COLUMNS, ParquetWriter, article_rows, to_parquet

__all__ = ["COLUMNS", "ParquetWriter", "article_rows", "to_parquet"]
