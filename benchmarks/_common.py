"""What the benchmark scripts share: the corpus, the clock, the machine, the table."""

from __future__ import annotations

import importlib.metadata
import os
import platform
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def mb(text: str) -> float:
    """Size of ``text`` in MB (10**6 bytes of UTF-8), the unit of every figure."""
    return len(text.encode("utf-8")) / 1e6


def load_pages() -> list[str]:
    """The bundled sample pages: ``seeds/*.txt`` of the repository, else the installed samples."""
    paths = sorted(SEEDS.glob("*.txt"))
    if paths:
        return [p.read_text(encoding="utf-8") for p in paths]
    from importlib.resources import files

    samples = files("qhnews") / "samples"
    pages = [p.read_text(encoding="utf-8") for p in sorted(samples.iterdir(), key=str) if p.name.endswith(".txt")]
    if not pages:
        raise SystemExit("no sample pages found (seeds/*.txt or the installed qhnews/samples)")
    return pages


def cycle(pages: Sequence[str], count: int) -> list[str]:
    """``count`` pages, the samples repeated in order."""
    return [pages[i % len(pages)] for i in range(count)]


def clock(fn: Callable[[], object], samples: int) -> float:
    """The fastest of ``samples`` runs of ``fn``, in seconds (the least disturbed run)."""
    best = float("inf")
    for _ in range(samples):
        start = time.process_time()
        fn()
        best = min(best, time.process_time() - start)
    return best


def cpu_model() -> str:
    """The CPU model as /proc/cpuinfo names it (or the platform's word for it)."""
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as fh:
            for line in fh:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def version(dist: str) -> str:
    """The installed version of a distribution, or "not installed"."""
    try:
        return importlib.metadata.version(dist)
    except importlib.metadata.PackageNotFoundError:
        return "not installed"


def machine() -> list[str]:
    """Lines that describe the machine and the software measured."""
    return [
        f"machine: {os.cpu_count()} cores (nproc {len(os.sched_getaffinity(0))}), {cpu_model()}, {platform.system()}",
        f"python:  {sys.version.split()[0]} ({platform.python_implementation()})",
        "versions: " + ", ".join(f"{d} {version(d)}" for d in ("qhnews", "regex", "attrs", "autocorrect-py", "pangu")),
    ]


def table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """A Markdown table, padded to line up in a terminal too."""
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]

    def line(cells: Sequence[str]) -> str:
        return "| " + " | ".join(str(c).ljust(w) for c, w in zip(cells, widths, strict=True)) + " |"

    return "\n".join([line(header), "|" + "|".join("-" * (w + 2) for w in widths) + "|", *map(line, rows)])


def verdict(ok: bool) -> str:
    """The word for a target met or missed."""
    return "met" if ok else "MISSED"
