"""Parse time of each sample page in traditional characters against its simplified twin (issue 18).

    python benchmarks/script.py             # 40 rounds of every page
    python benchmarks/script.py --rounds 10

The traditional pages are the stored OpenCC conversions in
``tests/data/traditional/``. Each page is parsed ``--rounds`` times in each
script, the two interleaved round by round; the table gives the fastest CPU
time of each (``time.process_time``) and the ratio. Target: a traditional
page at most 10 % slower than its twin.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from _common import SEEDS, machine, table

import qhnews

TRAD = Path(__file__).resolve().parent.parent / "tests" / "data" / "traditional"
LIMIT = 1.10


def _once(text: str) -> float:
    start = time.process_time()
    qhnews.parse(text)
    return time.process_time() - start


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=40)
    args = ap.parse_args(argv)
    pairs = [(p.name, p.read_text("utf-8"), (TRAD / p.name).read_text("utf-8")) for p in sorted(SEEDS.glob("*.txt"))]
    if not pairs:
        raise SystemExit("no sample pages found")
    rows = []
    total_s = total_t = 0.0
    for name, simp, trad in pairs:
        qhnews.parse(simp)
        qhnews.parse(trad)
        best_s = best_t = float("inf")
        for _ in range(args.rounds):
            best_s = min(best_s, _once(simp))
            best_t = min(best_t, _once(trad))
        total_s += best_s
        total_t += best_t
        rows.append([name[:3], f"{best_s * 1e3:.2f}", f"{best_t * 1e3:.2f}", f"{best_t / best_s:.3f}"])
    ratio = total_t / total_s
    rows.append(["all", f"{total_s * 1e3:.2f}", f"{total_t * 1e3:.2f}", f"{ratio:.3f}"])
    print("\n".join(machine()))
    print(f"best of {args.rounds} rounds, CPU ms per parse")
    print(table(["page", "simplified ms", "traditional ms", "ratio"], rows))
    verdict = "ok" if ratio <= LIMIT else "SLOWER than the 10 % target"
    print(f"traditional / simplified: {ratio:.3f} ({verdict})")
    return 0 if ratio <= LIMIT else 1


if __name__ == "__main__":
    sys.exit(main())
