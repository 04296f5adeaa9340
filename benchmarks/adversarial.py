"""Time per MB of qhnews.parse on adversarial inputs, against a normal page.

    python benchmarks/adversarial.py            # inputs of the sizes issue 7 names (about 1 MB)
    python benchmarks/adversarial.py --quick    # a quarter of that
    python benchmarks/adversarial.py --only quote

Each input is parsed by one ``qhnews.parse`` call at 1/16, 1/4 and the full
size; the table gives the time per MB at the full size, its ratio to the time
per MB of the bundled pages parsed page by page (target: at most 10x), and
the growth exponent between the last two sizes (1 is linear, 2 quadratic).
An input whose next size would take longer than ``--budget`` seconds at the
growth seen so far is not run at that size: its row is extrapolated and
says so.
"""

from __future__ import annotations

import argparse
import math
import random
import sys
import time
from collections.abc import Callable, Sequence

from _common import clock, load_pages, machine, mb, table, verdict

import qhnews

LIMIT = 10.0  # issue 7: at most 10x the time per MB of a normal page

Make = Callable[[float], str]


def _fill(unit: str, target_bytes: float) -> str:
    """``unit`` repeated (and cut) to about ``target_bytes`` bytes of UTF-8."""
    chars = max(1, round(target_bytes * len(unit) / len(unit.encode("utf-8"))))
    return (unit * (chars // len(unit) + 1))[:chars]


def _count(unit: str, n: float) -> str:
    return unit * max(1, round(n))


def _random(alphabet: Sequence[str], target_bytes: float, seed: int, wrap: int = 0) -> str:
    rng = random.Random(seed)
    avg = sum(len(c.encode("utf-8")) for c in alphabet) / len(alphabet)
    chars = rng.choices(alphabet, k=max(1, round(target_bytes / avg)))
    if wrap:
        return "\n".join("".join(chars[i : i + wrap]) for i in range(0, len(chars), wrap))
    return "".join(chars)


_BRACKETS = list("（）“”《》()「」【】‘’〔〕『』")
_HALF = list(",:;?!()")
_CONTROLS = [chr(c) for c in (*range(0x20), *range(0x7F, 0xA0))] + list(
    "\u00ad\u061c\u180e\u200b\u200c\u200d\u200e\u200f\u2028\u2029\u202a\u202e\u2060\u2066\u2069\ufeff\ufff9\ufffc"
)
_SCRIPTS = list(
    "好中国新闻报道abcXYZ0123456789ДЖжя\u0391\u03a9\u03b1\u03c9عربية\u05e2\u05d1\u05e8\u05d9\u05eaहिन्दीไทย한국어かなカナ"
    "😀🎉👍🏽🇨🇳\u0301\u0308\u20dd，。！？：；“”（）《》 —…·"
)


def cases(pages: Sequence[str]) -> dict[str, Make]:
    """Adversarial inputs by name; each makes its input at a scale (1 = the full size)."""
    flat = "".join(pages).replace("\n", "")
    mib = 1e6
    return {
        # one huge line
        "1 MB line of page text, no newline": lambda s: _fill(flat, s * mib),
        "1 MB line of one Han character (好)": lambda s: _fill("好", s * mib),
        "1 MB of 12-character lines of 好 (a column)": lambda s: _fill("好" * 12 + "\n", s * mib),
        # blank lines
        "100,000 blank lines": lambda s: _count("\n", 100_000 * s),
        "100,000 lines of spaces and U+3000": lambda s: _count("  \u3000 \n", 100_000 * s),
        # brackets and quotes
        "50,000 （ (full-width, unclosed)": lambda s: _count("（", 50_000 * s),
        "50,000 ( (half-width, unclosed)": lambda s: _count("(", 50_000 * s),
        "50,000 “ (unclosed)": lambda s: _count("“", 50_000 * s),
        "50,000 《 (unclosed)": lambda s: _count("《", 50_000 * s),
        "50,000 nested （…） then as many ）": lambda s: _count("（", 25_000 * s) + _count("）", 25_000 * s),
        "50,000 nested (…) half-width": lambda s: _count("(", 25_000 * s) + "好" + _count(")", 25_000 * s),
        "50,000 mixed brackets and quotes, one line": lambda s: _random(_BRACKETS, 150_000 * s, 1),
        "50,000 mixed brackets and quotes, 20 a line": lambda s: _random([*_BRACKETS, "好"], 150_000 * s, 2, 20),
        "1 MB of 本报讯（记者 张三 (unclosed bylines)": lambda s: _fill("本报讯（记者 张三", s * mib),
        "1 MB of (下转 (unclosed jumps)": lambda s: _fill("(下转", s * mib),
        # punctuation
        "1 MB of ， (full-width commas)": lambda s: _fill("，", s * mib),
        "1 MB of , (half-width commas)": lambda s: _fill(",", s * mib),
        "1 MB of 好 then half-width , : ; ? ! ( )": lambda s: "好" + _random(_HALF, s * mib, 3) + "好",
        "1 MB of —— and ……": lambda s: _fill("——……", s * mib),
        "1 MB of lines ending in ——, one paragraph": lambda s: _fill("好" * 14 + "\n" + "好" * 12 + "——\n", s * mib),
        # spaces
        "1 MB of spaces": lambda s: _fill(" ", s * mib),
        "1 MB of U+3000 and NBSP": lambda s: _fill("\u3000\u00a0", s * mib),
        "好 + 1 MB of spaces + 1": lambda s: "好" + _fill(" ", s * mib) + "1",
        "1 MB of 好 1 a (space edits everywhere)": lambda s: _fill("好 1 a ", s * mib),
        # digits
        "1 MB of digits": lambda s: _fill("1", s * mib),
        "1 MB of 1,2:3 (digit-guarded marks)": lambda s: _fill("1,2:3", s * mib),
        "1 MB of 7 月 10 日 (OCR dates)": lambda s: _fill("7 月 10 日 ", s * mib),
        # scripts and control characters
        "1 MB of mixed scripts, emoji, combining marks": lambda s: _random(_SCRIPTS, s * mib, 4, 40),
        "1 MB of every control and format character": lambda s: _fill("".join(_CONTROLS), s * mib),
        "control characters between Chinese lines": lambda s: _fill(
            "".join(f"好{c}新闻\n" for c in _CONTROLS), s * mib
        ),
        # page structure
        "paragraphs of “好。 (open quotes) between blank lines": lambda s: _fill("“好。\n\n", s * mib),
        "1 MB of short heading lines between blank lines": lambda s: _fill("市委召开专题会议\n\n", s * mib),
        "1 MB of trailing bylines （记者 张三）": lambda s: _fill("（记者 张三）\n", s * mib),
        "1 MB of lead bylines 本报讯（记者 张三）好。": lambda s: _fill("本报讯（记者 张三）好。\n", s * mib),
        "1 MB of jump lines （下转三版）": lambda s: _fill("好。（下转三版）\n", s * mib),
    }


def normal_seconds_per_mb(pages: Sequence[str], samples: int) -> float:
    """Time per MB of the sample pages, parsed page by page."""
    corpus = list(pages) * 8
    size = sum(map(mb, corpus))

    def run() -> None:
        for page in corpus:
            qhnews.parse(page)

    run()
    return clock(run, samples) / size


def measure(make: Make, scales: Sequence[float], budget: float) -> tuple[float, float, float, bool]:
    """Parse the input at each scale; return (MB, seconds, growth exponent, extrapolated) at the last."""
    points: list[tuple[float, float]] = []
    growth = 1.0
    for scale in scales:
        text = make(scale)
        size = mb(text)
        if points:
            ((s0, t0),) = points[-1:]
            predicted = t0 * (size / s0) ** max(growth, 1.0)
            if predicted > budget:
                return size, predicted, growth, True
        start = time.process_time()
        qhnews.parse(text)
        seconds = time.process_time() - start
        if points and size > points[-1][0]:
            s0, t0 = points[-1]
            growth = math.log(max(seconds, 1e-6) / max(t0, 1e-6)) / math.log(size / s0)
        points.append((size, seconds))
    size, seconds = points[-1]
    return size, seconds, growth, False


def main(argv: Sequence[str] | None = None) -> int:
    """Run every adversarial input; print the machine and the table."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    ap.add_argument("--quick", action="store_true", help="inputs a quarter of the full size")
    ap.add_argument("--only", metavar="TEXT", help="only the inputs whose name contains TEXT")
    ap.add_argument("--budget", type=float, default=60.0, help="seconds one parse may take (default 60)")
    args = ap.parse_args(argv)
    pages = load_pages()
    scales = (1 / 64, 1 / 16, 1 / 4) if args.quick else (1 / 16, 1 / 4, 1.0)
    normal = normal_seconds_per_mb(pages, 3)
    measured: list[tuple[str, float, float, float, bool]] = []
    for name, make in cases(pages).items():
        if args.only and args.only not in name:
            continue
        print(f"{name} ...", file=sys.stderr)
        measured.append((name, *measure(make, scales, args.budget)))
    # The normal pages again: the faster of the two figures is the less disturbed one.
    normal = min(normal, normal_seconds_per_mb(pages, 3))
    rows = [["normal pages (the samples, page by page)", "", "", f"{normal:.3f}", "1.0x", "", ""]]
    for name, size, seconds, growth, extrapolated in measured:
        ratio = seconds / size / normal
        rows.append(
            [
                name,
                f"{size:.3f}",
                f"{seconds:.2f}{' (extrapolated)' if extrapolated else ''}",
                f"{seconds / size:.3f}",
                f"{ratio:.1f}x",
                f"{growth:.2f}",
                verdict(ratio <= LIMIT),
            ]
        )
    print("\n".join(machine()))
    print()
    header = ["input", "MB", "seconds", "s/MB", "vs normal", "growth", f"<= {LIMIT:g}x"]
    print(table(header, rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
