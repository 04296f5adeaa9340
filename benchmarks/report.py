"""The review report against parse: ``qhnews report`` on the pages ``qhnews parse`` reads, in the same run.

    python benchmarks/report.py                  # 1000 pages, best of 2; writes the Report section of results.md
    python benchmarks/report.py --pages 200 --repeat 1 --no-write

The corpus is the bundled sample pages (seeds/*.txt) repeated to ``--pages``
files in a temporary directory. Both commands run in-process, one job,
round-robin over ``--repeat`` rounds, best round kept:

| variant | what runs |
|---|---|
| qhnews parse -o jsonl | ``main(["parse", DIR, "-o", "out.jsonl", "-q"])`` |
| qhnews report -o DIR | ``main(["report", DIR, "-o", "report/", "-q"])``: parse, page views, index |

The figure is the report's speed over parse's, in CPU time (this process
and its reaped workers; steadier than wall time on a shared machine) and in
wall time. Target (issue 15): at least 0.5, i.e. a report is written at no
less than half the speed of ``qhnews parse``. Also printed: the cost of one
page view alone (``line_views`` and the HTML, on parsed pages) and the
report's size on disk. The figures go to the "Report" section of
benchmarks/results.md (that section only).
"""

from __future__ import annotations

import argparse
import contextlib
import io
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
from qhnews import _cli, _report

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
RESULTS = Path(__file__).resolve().parent / "results.md"
TARGET = 0.5


def make_corpus(directory: Path, pages: int) -> None:
    if not SEEDS:
        raise SystemExit("no seeds/*.txt found")
    for i in range(pages):
        shutil.copyfile(SEEDS[i % len(SEEDS)], directory / f"page{i:05d}.txt")


def command(*args: str) -> None:
    with contextlib.redirect_stderr(io.StringIO()), contextlib.redirect_stdout(io.StringIO()):
        code = _cli.main([*args, "-q"])
    if code != 0:
        raise SystemExit(f"qhnews {args[0]} failed with exit code {code}")


def cpu() -> float:
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


def view_cost(samples: int = 3) -> tuple[float, float]:
    """CPU ms per page of parse alone and of a page view alone (colouring and HTML), on the seed pages."""
    texts = [p.read_text("utf-8") for p in SEEDS] * 4
    pages = [qhnews.parse(t) for t in texts]
    _report._render_page(pages[0], inline=False)  # compile the templates
    parse_ms = view_ms = float("inf")
    for _ in range(samples):
        start = time.process_time()
        for t in texts:
            qhnews.parse(t)
        parse_ms = min(parse_ms, (time.process_time() - start) / len(texts) * 1000)
        start = time.process_time()
        for p in pages:
            _report._render_page(p, inline=False)
        view_ms = min(view_ms, (time.process_time() - start) / len(pages) * 1000)
    return parse_ms, view_ms


def size(directory: Path) -> int:
    return sum(f.stat().st_size for f in directory.rglob("*") if f.is_file())


def load() -> str:
    return f"{os.getloadavg()[0]:.2f}" if hasattr(os, "getloadavg") else "n/a"


def render(
    pages: int,
    measured: dict[str, tuple[float, float]],
    repeat: int,
    *,
    loads: tuple[str, str],
    costs: tuple[float, float],
    sizes: tuple[int, int],
) -> str:
    (p_wall, p_cpu), (r_wall, r_cpu) = measured["qhnews parse -o jsonl"], measured["qhnews report -o DIR"]
    kb = sum(os.path.getsize(s) for s in SEEDS) * pages // len(SEEDS) // 1000
    ratio_cpu, ratio_wall = p_cpu / r_cpu, p_wall / r_wall
    verdict = "target met" if ratio_cpu >= TARGET else "BELOW TARGET"
    lines = [
        f"{pages} pages (seeds/*.txt repeated, {kb} kB), one job, best of {repeat};"
        f" {platform.python_implementation()} {platform.python_version()}, {os.cpu_count()} CPUs,"
        f" {platform.system()} {platform.machine()}; load average {loads[0]} before, {loads[1]} after.",
        "",
        "| command | wall s | pages/s | CPU s | CPU ms/page | output |",
        "|---|---:|---:|---:|---:|---:|",
        f"| qhnews parse -o out.jsonl | {p_wall:.2f} | {pages / p_wall:.0f} | {p_cpu:.2f} |"
        f" {p_cpu / pages * 1000:.1f} | {sizes[0] / 1e6:.1f} MB |",
        f"| qhnews report -o DIR | {r_wall:.2f} | {pages / r_wall:.0f} | {r_cpu:.2f} |"
        f" {r_cpu / pages * 1000:.1f} | {sizes[1] / 1e6:.1f} MB |",
        "",
        f"Report speed over parse speed: **{ratio_cpu:.2f}** in CPU time, {ratio_wall:.2f} in wall time"
        f" (target: at least {TARGET}; {verdict}).",
        f"On the seed pages, one page view (colouring and HTML) costs {costs[1]:.1f} ms of CPU, parsing the page"
        f" {costs[0]:.1f} ms.",
    ]
    return "\n".join(lines) + "\n"


def write_section(body: str) -> None:
    """Put ``body`` under "## Report" in results.md, replacing only an earlier Report section."""
    section = (
        "## Report\n\n"
        "`python benchmarks/report.py`: `qhnews report DIR -o report/` against `qhnews parse DIR -o out.jsonl`"
        " on the same pages (target, issue 15: the report at no less than half the speed of parse).\n\n" + body
    )
    text = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else "# Benchmark results\n"
    pattern = re.compile(r"^## Report\n.*?(?=^## |\Z)", re.MULTILINE | re.DOTALL)
    if pattern.search(text):
        text = pattern.sub(lambda _: section + "\n", text, count=1)
    else:
        text = text.rstrip("\n") + "\n\n" + section
    RESULTS.write_text(text.rstrip("\n") + "\n", encoding="utf-8")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--pages", type=int, default=1000)
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--no-write", action="store_true", help="print only; do not touch benchmarks/results.md")
    args = ap.parse_args()

    with tempfile.TemporaryDirectory(prefix="qhnews-bench-") as tmp:
        corpus, out, site = Path(tmp) / "pages", Path(tmp) / "out.jsonl", Path(tmp) / "report"
        corpus.mkdir()
        make_corpus(corpus, args.pages)
        variants: dict[str, Callable[[], object]] = {
            "qhnews parse -o jsonl": lambda: command("parse", str(corpus), "-o", str(out)),
            "qhnews report -o DIR": lambda: command("report", str(corpus), "-o", str(site)),
        }
        costs = view_cost()  # also warms imports and templates
        before = load()
        measured = measure(variants, args.repeat)
        after = load()
        sizes = (out.stat().st_size, size(site))

    body = render(args.pages, measured, args.repeat, loads=(before, after), costs=costs, sizes=sizes)
    print(body)
    if not args.no_write:
        write_section(body)
        print(f"appended to {RESULTS.relative_to(ROOT)}", file=sys.stderr)


if __name__ == "__main__":
    main()
