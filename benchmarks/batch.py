"""Batch throughput: pages per second with 1 and 2 jobs, and the batch path's overhead on one core.

    python benchmarks/batch.py                 # 400 pages, best of 3; appends to benchmarks/results.md
    python benchmarks/batch.py --pages 100 --repeat 1 --no-write

The corpus is the bundled sample pages (seeds/*.txt) repeated to ``--pages``
files in a temporary directory. Every variant reads the same files and is
timed round-robin, ``--repeat`` rounds, best round kept:

| variant | what runs |
|---|---|
| loop: parse | ``for path: parse(open(path).read(), source=path)``: the floor |
| loop: parse + jsonl | the floor plus ``json.dumps(page_to_dict(page))`` written to a file |
| parse_many, jobs=N | ``list(qhnews.parse_many([dir], jobs=N))`` |
| qhnews parse -o jsonl, jobs=N | the command, in-process: ``main(["parse", dir, "-o", out, "--jobs", N, "-q"])`` |
| dask bag, processes | ``parse_bag([dir], npartitions=8).compute(scheduler="processes")`` (if dask is installed) |

Overhead is the batch path over its plain loop on one core, in CPU time (this
process and its reaped workers; much steadier than wall time on a shared
machine): parse_many over "loop: parse", the command over "loop: parse +
jsonl". Target: under 10 %. Pages per second are wall clock; the load average
before and after says how much of the two cores other work took.
The figures go to the "Batch" section of benchmarks/results.md (that section
only: the rest of the file is left as it is).
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import io
import json
import os
import platform
import re
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import qhnews
from qhnews import _cli

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
RESULTS = Path(__file__).resolve().parent / "results.md"
OVERHEAD_TARGET = 0.10


def make_corpus(directory: Path, pages: int) -> list[str]:
    if not SEEDS:
        raise SystemExit("no seeds/*.txt found")
    paths = []
    for i in range(pages):
        path = directory / f"page{i:05d}.txt"
        shutil.copyfile(SEEDS[i % len(SEEDS)], path)
        paths.append(str(path))
    return paths


def loop_parse(paths: list[str]) -> None:
    for path in paths:
        with open(path, encoding="utf-8") as fh:
            qhnews.parse(fh.read(), source=path)


def loop_parse_jsonl(paths: list[str], out: Path) -> None:
    with open(out, "w", encoding="utf-8") as sink:
        for path in paths:
            with open(path, encoding="utf-8") as fh:
                page = qhnews.parse(fh.read(), source=path)
            sink.write(json.dumps(qhnews.page_to_dict(page), ensure_ascii=False) + "\n")
            sink.flush()


def cli(directory: Path, out: Path, jobs: int) -> None:
    with contextlib.redirect_stderr(io.StringIO()):
        code = _cli.main(["parse", str(directory), "-o", str(out), "--jobs", str(jobs), "-q"])
    if code != 0:
        raise SystemExit(f"qhnews parse failed with exit code {code}")


def dask_bag(directory: Path) -> None:
    from qhnews.dask import parse_bag

    parse_bag([directory], npartitions=8).compute(scheduler="processes")


def cpu() -> float:
    """CPU seconds of this process and of its finished (reaped) worker processes."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def measure(variants: dict[str, Callable[[], object]], repeat: int) -> dict[str, tuple[float, float]]:
    """Best wall time and best CPU time of each variant over ``repeat`` round-robin rounds."""
    best = dict.fromkeys(variants, (float("inf"), float("inf")))
    for _ in range(repeat):
        for name, fn in variants.items():
            wall, used = time.perf_counter(), cpu()
            fn()
            wall, used = time.perf_counter() - wall, cpu() - used
            best[name] = (min(best[name][0], wall), min(best[name][1], used))
    return best


def load() -> str:
    """The 1-minute load average: other work on the machine takes cores from the 2-job rows."""
    return f"{os.getloadavg()[0]:.2f}" if hasattr(os, "getloadavg") else "n/a"


def render(pages: int, measured: dict[str, tuple[float, float]], repeat: int, loads: tuple[str, str]) -> str:
    base = {"parse_many, jobs=1": "loop: parse", "qhnews parse -o jsonl, jobs=1": "loop: parse + jsonl"}
    size_kb = sum(os.path.getsize(s) for s in SEEDS) * pages // len(SEEDS) // 1000
    lines = [
        f"{pages} pages (seeds/*.txt repeated, {size_kb} kB),"
        f" best of {repeat}; {platform.python_implementation()} {platform.python_version()},"
        f" {os.cpu_count()} CPUs, {platform.system()} {platform.machine()};"
        f" load average {loads[0]} before, {loads[1]} after.",
        "",
        "| variant | wall s | pages/s | vs. one job | CPU s | CPU ms/page | overhead (CPU) |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    times = {name: wall for name, (wall, _) in measured.items()}
    cpus = {name: used for name, (_, used) in measured.items()}
    for name, seconds in times.items():
        rate = pages / seconds
        speedup = ""
        m = re.search(r"jobs=(\d+)$", name)
        if m and m.group(1) != "1":
            one = name.replace(f"jobs={m.group(1)}", "jobs=1")
            speedup = f"{times[one] / seconds:.2f}x" if one in times else ""
        elif name.startswith("dask") and "parse_many, jobs=1" in times:
            speedup = f"{times['parse_many, jobs=1'] / seconds:.2f}x"
        overhead = ""
        if name in base:
            over = cpus[name] / cpus[base[name]] - 1
            overhead = f"{over:+.1%}" + ("" if over < OVERHEAD_TARGET else " (over target)")
        used = "" if name.startswith("dask") else f"{cpus[name]:.2f}"  # dask keeps its workers: not reaped
        per_page = "" if not used else f"{cpus[name] / pages * 1000:.1f}"
        lines.append(f"| {name} | {seconds:.2f} | {rate:.0f} | {speedup} | {used} | {per_page} | {overhead} |")
    return "\n".join(lines) + "\n"


def write_section(body: str) -> None:
    """Put ``body`` under "## Batch" in results.md, replacing only an earlier Batch section."""
    section = (
        "## Batch\n\n"
        "`python benchmarks/batch.py`: `qhnews parse DIR -o out.jsonl --jobs N`, `parse_many` and the Dask bag"
        " against a plain loop of `parse` (overhead target: under 10 % on one core).\n\n" + body
    )
    text = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else "# Benchmark results\n"
    pattern = re.compile(r"^## Batch\n.*?(?=^## |\Z)", re.MULTILINE | re.DOTALL)
    if pattern.search(text):
        text = pattern.sub(lambda _: section + "\n", text, count=1)
    else:
        text = text.rstrip("\n") + "\n\n" + section
    RESULTS.write_text(text.rstrip("\n") + "\n", encoding="utf-8")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--pages", type=int, default=400)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--no-write", action="store_true", help="print only; do not touch benchmarks/results.md")
    args = ap.parse_args()

    with tempfile.TemporaryDirectory(prefix="qhnews-bench-") as tmp:
        corpus = Path(tmp) / "pages"
        corpus.mkdir()
        paths = make_corpus(corpus, args.pages)
        out = Path(tmp) / "out.jsonl"
        variants: dict[str, Callable[[], object]] = {
            "loop: parse": lambda: loop_parse(paths),
            "loop: parse + jsonl": lambda: loop_parse_jsonl(paths, out),
            "parse_many, jobs=1": lambda: list(qhnews.parse_many([corpus])),
            "parse_many, jobs=2": lambda: list(qhnews.parse_many([corpus], jobs=2)),
            "qhnews parse -o jsonl, jobs=1": lambda: cli(corpus, out, 1),
            "qhnews parse -o jsonl, jobs=2": lambda: cli(corpus, out, 2),
        }
        if importlib.util.find_spec("dask") is not None:
            variants["dask bag, processes"] = lambda: dask_bag(corpus)
        loop_parse(paths[: len(SEEDS)])  # warm caches and imports
        before = load()
        times = measure(variants, args.repeat)
        after = load()

    body = render(args.pages, times, args.repeat, (before, after))
    print(body)
    if not args.no_write:
        write_section(body)
        print(f"appended to {RESULTS.relative_to(ROOT)}", file=sys.stderr)


if __name__ == "__main__":
    main()
