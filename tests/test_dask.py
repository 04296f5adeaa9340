"""Scale-out on Dask: the bag equals the single-process parse and the CLI's --jobs 2 output.

Runs on Dask's local schedulers and on a real ``dask.distributed`` cluster
(a scheduler and two worker processes over TCP on 127.0.0.1); both come with
the ``test`` extra. The check that ``import qhnews`` does not import dask or
pyarrow runs in a fresh interpreter.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import qhnews
import qhnews.dask
import qhnews.parquet
from qhnews import _cli
from qhnews.dask import parse_partition

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


def test_seeds_found() -> None:
    assert len(SEEDS) >= 5


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    root = tmp_path / "archive"
    root.mkdir()
    for seed in SEEDS:
        shutil.copy(seed, root / seed.name)
    texts = [s.read_text(encoding="utf-8") for s in SEEDS[:2]]
    (root / "multi.txt").write_text("\f".join(texts), encoding="utf-8")
    (root / "broken.txt").write_bytes(b"abc\xff")
    return root


def _single_process(paths: list[Path]) -> list[dict[str, Any]]:
    return [
        qhnews.page_to_dict(r.page) if r.page is not None else {"source": r.source, "error": r.error}
        for r in qhnews.parse_many(paths)
    ]


def test_import_qhnews_imports_neither_dask_nor_pyarrow() -> None:
    code = (
        "import sys, qhnews, qhnews.dask, qhnews.parquet, qhnews.stages, qhnews._cli\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in {'dask', 'pyarrow', 'pandas', 'numpy'})\n"
        "assert not heavy, heavy\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stderr


def test_parse_partition_is_a_spark_map_partitions_function(archive: Path) -> None:
    """An iterator of paths in, an iterator of page dicts out, as Spark's mapPartitions calls it."""
    files = sorted(str(p) for p in archive.glob("*.txt"))
    out = parse_partition(iter(files))
    assert iter(out) is out  # lazy
    assert list(out) == _single_process([Path(f) for f in files])


def test_parse_bag_without_dask(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "dask.bag", None)  # makes the import fail
    with pytest.raises(ImportError, match=r'pip install "qhnews\[dask\]"'):
        qhnews.dask.parse_bag(["x.txt"])


@pytest.mark.parametrize(
    ("scheduler", "npartitions"),
    [("sync", None), ("sync", 1), ("sync", 50), ("threads", 3), ("processes", 3)],
)
def test_bag_equals_single_process(archive: Path, scheduler: str, npartitions: int | None) -> None:
    pytest.importorskip("dask.bag")
    bag = qhnews.dask.parse_bag([archive], npartitions=npartitions)
    pages = bag.compute(scheduler=scheduler)
    assert pages == _single_process([archive])
    sources = [p["source"] for p in pages]
    multi = str(archive / "multi.txt")
    assert sources[sources.index(multi) + 1] == f"{multi}#2"  # the pages of a file stay together, in order


def test_bag_equals_cli_with_two_jobs(archive: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Three ways over the same pages, one result: one process, --jobs 2, and Dask."""
    pytest.importorskip("dask.bag")
    out = tmp_path / "out.jsonl"
    assert _cli.main(["parse", str(archive), "-o", str(out), "--jobs", "2", "-q"]) == 1  # broken.txt
    capsys.readouterr()
    cli = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    bag = qhnews.dask.parse_bag([archive], npartitions=4).compute(scheduler="processes")
    assert bag == cli == _single_process([archive])
    assert len(bag) == len(SEEDS) + 3  # multi.txt has two pages, broken.txt one error record
    broken = str(archive / "broken.txt")
    message = f"{broken}: cannot decode bytes as utf-8, gb18030 (at byte offset 3)"
    assert [p for p in bag if "error" in p] == [{"source": broken, "error": message}]


def test_bag_options_and_empty_input(archive: Path) -> None:
    pytest.importorskip("dask.bag")
    assert qhnews.dask.parse_bag([]).compute(scheduler="sync") == []
    options = qhnews.ParseOptions(normalize=qhnews.NormalizeOptions(fullwidth_punctuation=False))
    page = archive / "comma.txt"
    page.write_text("会议召开\n\n本报讯（记者 施翔）开会,讨论。", encoding="utf-8")
    (result,) = qhnews.dask.parse_bag([page], options=options).compute(scheduler="sync")
    assert result["articles"][0]["blocks"][0]["text"] == "开会,讨论。"


def test_bag_partitions(archive: Path) -> None:
    pytest.importorskip("dask.bag")
    files = len(list(archive.glob("*.txt")))
    assert qhnews.dask.parse_bag([archive]).npartitions == 1
    assert qhnews.dask.parse_bag([archive], npartitions=3).npartitions == 3
    assert qhnews.dask.parse_bag([archive], npartitions=1000).npartitions <= files


def test_bag_to_parquet(archive: Path, tmp_path: Path) -> None:
    """The bag's dicts feed to_parquet as they are."""
    pytest.importorskip("dask.bag")
    pq = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / "a.parquet"
    pages = qhnews.dask.parse_bag([archive], npartitions=2).compute(scheduler="sync")
    written = qhnews.parquet.to_parquet(pages, out)
    assert written == sum(len(p.get("articles", [])) for p in pages) == pq.read_table(out).num_rows


# ---------------------------------------------------------------- a real cluster: scheduler, worker processes, TCP


def test_bag_on_a_distributed_cluster(archive: Path) -> None:
    """Two worker processes behind a scheduler, over TCP on 127.0.0.1, read the pages from the shared disk.

    The result equals the single-process parse, and the task stream shows
    that the partitions ran on the workers, not in this process.
    """
    import dask
    from distributed import Client, LocalCluster, get_task_stream

    with (
        dask.config.set({"distributed.comm.timeouts.connect": "30s", "distributed.worker.daemon": False}),
        LocalCluster(  # type: ignore[no-untyped-call]
            n_workers=2,
            threads_per_worker=1,
            processes=True,
            protocol="tcp",
            host="127.0.0.1",
            dashboard_address=None,
            silence_logs=40,  # logging.ERROR
        ) as cluster,
        Client(cluster, timeout="60s") as client,  # type: ignore[no-untyped-call]
    ):
        assert cluster.scheduler_address.startswith("tcp://127.0.0.1:")
        workers = client.run(os.getpid)
        assert len(workers) == 2
        assert os.getpid() not in workers.values()
        bag = qhnews.dask.parse_bag([archive], npartitions=4)
        with get_task_stream(client) as stream:
            pages = client.compute(bag).result(timeout=120)
        ran_on = {task["worker"] for task in stream.data}
    assert pages == _single_process([archive])
    assert len(pages) == len(SEEDS) + 3  # multi.txt has two pages, broken.txt one error record
    assert ran_on
    assert ran_on <= set(workers)
