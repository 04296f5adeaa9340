"""Find small pages that pin the options fields: each changes what qhnews makes of it when a field moves one step.

    .venv/bin/python scripts/mutation_pins.py --pages 600 > pins.txt

It draws pages with the property tests' generator (invented text), adds the
inputs of the fixture files, parses each with every stepped field of
ReflowOptions, AssembleOptions and RoleWeights moved one step down and one
step up, picks a small set of pages that together pin every field it can (a
greedy cover), shrinks each picked page (dropping blocks, then lines, while it
still pins its fields), and prints them in the format of
``tests/fixtures/pinning/pages.txt``. Fields no page pins are listed at the end.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "benchmarks")]

import attrs  # noqa: E402

import qhnews  # noqa: E402
from qhnews import AssembleOptions, ParseOptions, ReflowOptions, RoleWeights  # noqa: E402

Move = tuple[str, str, int]  # (record, field, direction)


def stepped() -> Iterator[tuple[str, attrs.Attribute]]:  # type: ignore[type-arg]
    for name, record in (("reflow", ReflowOptions), ("assemble", AssembleOptions), ("roles", RoleWeights)):
        for f in attrs.fields(record):
            if "step" in f.metadata:
                yield name, f


def moved(record: str, field: attrs.Attribute, direction: int) -> ParseOptions:  # type: ignore[type-arg]
    value = field.default + direction * field.metadata["step"]
    value = round(value, 6) if isinstance(value, float) else value
    if record == "reflow":
        return ParseOptions(reflow=attrs.evolve(ReflowOptions(), **{field.name: value}))
    if record == "assemble":
        return ParseOptions(assemble=attrs.evolve(AssembleOptions(), **{field.name: value}))
    return ParseOptions(assemble=AssembleOptions(roles=attrs.evolve(RoleWeights(), **{field.name: value})))


def output(text: str, options: ParseOptions | None = None) -> str:
    return json.dumps(qhnews.parse(text, options=options).to_dict(), ensure_ascii=False, sort_keys=True)


def corpus(count: int) -> list[str]:
    from fixtures import FIXTURES, read_cases
    from roundtrip import draw

    texts = [c.input for f in sorted(FIXTURES.rglob("*.txt")) if f.parent.name != "layouts" for c in read_cases(f)]
    texts += [f.read_text("utf-8") for f in sorted((FIXTURES / "layouts").glob("*.txt"))]
    texts += [t for t, _, _ in draw(count)]
    return list(dict.fromkeys(t for t in texts if t.strip()))


def pins(text: str, moves: list[tuple[Move, ParseOptions]]) -> set[Move]:
    base = output(text)
    return {m for m, o in moves if output(text, o) != base}


def shrink(text: str, need: set[Move], moves: dict[Move, ParseOptions]) -> str:
    """Drop blocks (between blank lines), then single lines, while the page still pins ``need``."""
    chosen = [(m, moves[m]) for m in need]

    def ok(t: str) -> bool:
        return bool(t.strip()) and need <= pins(t, chosen)

    for sep in ("\n\n", "\n"):
        parts = text.split(sep)
        i = 0
        while i < len(parts) and len(parts) > 1:
            trial = sep.join(parts[:i] + parts[i + 1 :])
            if ok(trial):
                parts = parts[:i] + parts[i + 1 :]
            else:
                i += 1
        text = sep.join(parts)
    return text


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pages", type=int, default=600)
    args = ap.parse_args()
    moves = {(r, f.name, d): moved(r, f, d) for r, f in stepped() for d in (-1, 1)}
    texts = corpus(args.pages)
    print(f"{len(texts)} pages, {len(moves)} moves", file=sys.stderr)
    pinned: list[set[Move]] = [pins(t, list(moves.items())) for t in texts]
    left = set(moves)
    picked: list[tuple[str, set[Move]]] = []
    while left:
        best = max(range(len(texts)), key=lambda i: (len(pinned[i] & left), -len(texts[i])))
        gain = pinned[best] & left
        if not gain:
            break
        picked.append((texts[best], gain))
        left -= gain
    for text, gain in picked:
        small = shrink(text, gain, moves)
        fields = sorted({f"{r}.{n}" for r, n, _ in gain})
        print("Pins " + " ".join(fields))
        print(".")
        print(small)
        print(".")
        print("(expected)")
        print(".")
        print()
    for r, n, d in sorted(left):
        print(f"unpinned: {r}.{n} {'+' if d > 0 else '-'}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
