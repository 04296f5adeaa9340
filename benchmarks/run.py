"""qhnews speed, scaling and memory, side by side with autocorrect-py and pangu.

    python benchmarks/run.py            # the full run (about 3 minutes on 2 cores)
    python benchmarks/run.py --quick    # a smaller run (about 40 seconds)

Every figure comes from this one run, on the same text: the bundled sample
pages (seeds/*.txt), repeated to a few MB. It prints one table; see
benchmarks/README.md for what each row means.

Needs the ``bench`` extra: ``pip install -e '.[bench]'`` (autocorrect-py, pangu).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence

from _common import clock, cycle, load_pages, machine, mb, table, verdict

import qhnews

#: Pages concatenated into one input for the scaling rows.
SCALES = (1, 8, 64, 512)

# Targets of GitHub issue 6.
NORMALIZE_VS_AUTOCORRECT = 3.0
NORMALIZE_VS_PANGU = 15.0
PARSE_VS_PANGU = 1.0
SCALING_LIMIT = 1.25
MEMORY_LIMIT = 3.0

# Runs the CLI as a child and prints the child's peak RSS, in kB (Linux ru_maxrss).
_PEAK_RSS = """
import resource, subprocess, sys
code = subprocess.run(sys.argv[1:]).returncode
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, code)
"""


def _tools() -> dict[str, Callable[[str], object]]:
    try:
        import autocorrect_py
        import pangu
    except ImportError as exc:
        raise SystemExit(f"{exc.name} is missing: pip install -e '.[bench]'") from None
    # pangu 4.x calls it spacing_text, pangu 5+ space_text.
    space = getattr(pangu, "space_text", None) or pangu.spacing_text
    return {
        "qhnews.parse": qhnews.parse,
        "qhnews.normalize": qhnews.normalize,
        "qhnews.normalize_page": qhnews.stages.normalize_page,
        "autocorrect_py.format": autocorrect_py.format,
        f"pangu.{space.__name__}": space,
    }


def throughput(corpus: Sequence[str], samples: int) -> dict[str, float]:
    """Seconds each tool takes over the corpus, page by page; the fastest of ``samples`` rounds.

    The rounds interleave the tools, so a slow spell of the machine hits them alike.
    """
    tools = _tools()
    for fn in tools.values():  # warm up: imports, compiled patterns, caches
        for page in corpus[:5]:
            fn(page)
    best = dict.fromkeys(tools, math.inf)
    for _ in range(samples):
        for name, fn in tools.items():

            def run(fn: Callable[[str], object] = fn) -> None:
                for page in corpus:
                    fn(page)

            best[name] = min(best[name], clock(run, 1))
    return best


def scaling(pages: Sequence[str], sample_mb: float, samples: int) -> dict[int, tuple[float, float]]:
    """Seconds per MB of one ``qhnews.parse`` call on 1, 8, 64 and 512 pages joined by blank lines.

    Each sample parses the input as often as it takes to reach ``sample_mb``
    MB, so that every size is timed over about the same amount of text.
    Returns ``{pages: (input MB, seconds per MB)}``.
    """
    out: dict[int, tuple[float, float]] = {}
    for count in SCALES:
        text = "\n\n".join(cycle(pages, count))
        size = mb(text)
        repeat = max(1, math.ceil(sample_mb / size))

        def run(text: str = text, repeat: int = repeat) -> None:
            for _ in range(repeat):
                qhnews.parse(text)

        out[count] = (size, clock(run, samples) / (repeat * size))
    return out


def peak_memory(pages: Sequence[str], target_mb: float) -> dict[str, float]:
    """Peak RSS of ``qhnews parse big.txt --format jsonl`` on a file of ``target_mb`` MB.

    The file holds the sample pages separated by form feeds, written to a
    temporary directory and removed afterwards. The CLI runs as the child of
    a small wrapper process, so its ``ru_maxrss`` is the CLI's alone.
    """
    page_mb = sum(map(mb, pages)) / len(pages)
    count = math.ceil(target_mb / page_mb)
    with tempfile.TemporaryDirectory(prefix="qhnews-bench-") as tmp:
        big = os.path.join(tmp, "big.txt")
        with open(big, "w", encoding="utf-8") as fh:
            for i in range(count):
                if i:
                    fh.write("\f")
                fh.write(pages[i % len(pages)])
        small = os.path.join(tmp, "small.txt")
        with open(small, "w", encoding="utf-8") as fh:
            fh.write(pages[0])
        out = os.path.join(tmp, "out.jsonl")
        base_kb, _ = _cli_peak(small, out)
        start = time.perf_counter()
        peak_kb, code = _cli_peak(big, out)
        seconds = time.perf_counter() - start
        if code != 0:
            raise SystemExit(f"qhnews parse exited {code} on the {target_mb:g} MB file")
        with open(out, encoding="utf-8") as fh:
            written = sum(1 for _ in fh)
        if written != count:
            raise SystemExit(f"qhnews parse wrote {written} records for {count} pages")
        input_mb = os.path.getsize(big) / 1e6
    return {
        "input_mb": input_mb,
        "pages": count,
        "peak_mb": peak_kb * 1024 / 1e6,
        "base_mb": base_kb * 1024 / 1e6,
        "seconds": seconds,
    }


def _cli_peak(path: str, out: str) -> tuple[int, int]:
    cli = [sys.executable, "-m", "qhnews", "parse", path, "--format", "jsonl", "-o", out, "--quiet"]
    done = subprocess.run([sys.executable, "-c", _PEAK_RSS, *cli], capture_output=True, text=True, check=True)
    kb, code = done.stdout.split()
    return int(kb), int(code)


def report(args: argparse.Namespace) -> tuple[str, dict[str, object]]:
    """Run every measurement; return the table and the raw figures."""
    pages = load_pages()
    per_round = sum(map(mb, pages))
    corpus = cycle(pages, len(pages) * max(1, round(args.mb / per_round)))
    corpus_mb = sum(map(mb, corpus))
    print(f"corpus: {len(corpus)} pages, {corpus_mb:.2f} MB ({len(pages)} sample pages repeated)", file=sys.stderr)

    print("throughput ...", file=sys.stderr)
    secs = throughput(corpus, args.samples)
    rate = {name: corpus_mb / s for name, s in secs.items()}
    pangu_name = next(n for n in rate if n.startswith("pangu."))
    parse, norm, auto, pangu = (
        rate["qhnews.parse"],
        rate["qhnews.normalize"],
        rate["autocorrect_py.format"],
        rate[pangu_name],
    )
    rows: list[list[str]] = [
        [
            "qhnews.parse, page by page",
            f"{parse:.2f} MB/s, {len(corpus) / secs['qhnews.parse']:.0f} pages/s",
            f"{parse / pangu:.2f}x {pangu_name}",
            f">= {PARSE_VS_PANGU:g}x {pangu_name}",
            verdict(parse >= PARSE_VS_PANGU * pangu),
        ],
        [
            "qhnews.normalize, page by page",
            f"{norm:.1f} MB/s",
            f"{norm / auto:.1f}x autocorrect",
            f">= {NORMALIZE_VS_AUTOCORRECT:g}x autocorrect",
            verdict(norm >= NORMALIZE_VS_AUTOCORRECT * auto),
        ],
        [
            "",
            "",
            f"{norm / pangu:.1f}x pangu",
            f">= {NORMALIZE_VS_PANGU:g}x pangu",
            verdict(norm >= NORMALIZE_VS_PANGU * pangu),
        ],
        ["autocorrect_py.format, page by page", f"{auto:.1f} MB/s", "1x", "", ""],
        [f"{pangu_name}, page by page", f"{pangu:.2f} MB/s", "1x", "", ""],
        [
            "qhnews.normalize_page (decode, normalize, reflow)",
            f"{rate['qhnews.normalize_page']:.2f} MB/s",
            f"{rate['qhnews.normalize_page'] / pangu:.2f}x pangu",
            "",
            "",
        ],
    ]

    print("scaling ...", file=sys.stderr)
    scale = scaling(pages, args.sample_mb, args.samples)
    ref = scale[8][1]
    for count, (size, per_mb) in scale.items():
        target = f"<= {SCALING_LIMIT:g}x 8 pages" if count == max(SCALES) else ""
        rows.append(
            [
                f"parse of {count} page{'s' if count > 1 else ''} in one string ({size:.2f} MB)",
                f"{per_mb:.3f} s/MB",
                f"{per_mb / ref:.2f}x 8 pages",
                target,
                verdict(per_mb <= SCALING_LIMIT * ref) if target else "",
            ]
        )

    memory: dict[str, float] = {}
    if args.memory_mb > 0:
        print(f"CLI memory on {args.memory_mb:g} MB ...", file=sys.stderr)
        memory = peak_memory(pages, args.memory_mb)
        ratio = memory["peak_mb"] / memory["input_mb"]
        rows.append(
            [
                f"CLI peak RSS, {memory['input_mb']:.0f} MB file of {memory['pages']:.0f} pages (jsonl)",
                f"{memory['peak_mb']:.0f} MB (one small page: {memory['base_mb']:.0f} MB)",
                f"{ratio:.2f}x input",
                f"< {MEMORY_LIMIT:g}x input",
                verdict(ratio < MEMORY_LIMIT),
            ]
        )
        rows.append(
            [
                "CLI throughput on that file",
                f"{memory['input_mb'] / memory['seconds']:.2f} MB/s",
                "",
                "",
                "",
            ]
        )
    figures = {
        "corpus_mb": corpus_mb,
        "pages": len(corpus),
        "mb_per_s": rate,
        "scaling_s_per_mb": {str(k): v[1] for k, v in scale.items()},
        "memory": memory,
    }
    return table(["measure", "result", "relative", "target", "verdict"], rows), figures


def main(argv: Sequence[str] | None = None) -> int:
    """Parse the options, run, print the machine and the table."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    ap.add_argument("--quick", action="store_true", help="smaller inputs, fewer samples, a 20 MB memory file")
    ap.add_argument("--mb", type=float, help="size of the throughput corpus in MB (default 4, quick 1)")
    ap.add_argument("--samples", type=int, help="timed rounds per figure, the fastest kept (default 3, quick 2)")
    ap.add_argument("--sample-mb", type=float, help="MB parsed per scaling sample (default 2, quick 1)")
    ap.add_argument("--memory-mb", type=float, help="size of the CLI memory file in MB; 0 skips it (default 100)")
    ap.add_argument("--json", metavar="FILE", help="also write the raw figures as JSON")
    args = ap.parse_args(argv)
    quick = args.quick
    args.mb = args.mb or (1.0 if quick else 4.0)
    args.samples = args.samples or (2 if quick else 3)
    args.sample_mb = args.sample_mb or (1.0 if quick else 2.0)
    if args.memory_mb is None:
        args.memory_mb = 20.0 if quick else 100.0
    text, figures = report(args)
    print("\n".join(machine()))
    print()
    print(text)
    if args.json:
        with open(args.json, "w", encoding="utf-8") as fh:
            json.dump(figures, fh, indent=2)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
