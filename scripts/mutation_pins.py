"""Which fixture pins which options field: what changes when a field moves one step either way.

    .venv/bin/python scripts/mutation_pins.py map      # rewrite tests/fixtures/pinning/fields.list
    .venv/bin/python scripts/mutation_pins.py search   # look for pages that pin the fields no fixture pins
    .venv/bin/python scripts/mutation_pins.py fill     # write the expected outlines of pages.txt, check its titles

A field with a step (``metadata["step"]``) of ReflowOptions, AssembleOptions
or RoleWeights is pinned in a direction when some fixture comes out different
with the field moved one step that way: a page (``qhnews.parse``, its JSON), a
headline group (``read_headline``, its roles, shape and terms) or a body text
(its kind and rule). ``map`` names, for each field and direction, the fixture
already named if it still pins it, else the first fixture that does;
``tests/test_pinning.py`` checks that each named fixture still does.
``search`` perturbs the page fixtures and generated pages (a line a character
shorter or longer, cut, repeated, a blank line added or taken away) and
prints, in the fixture format of ``tests/fixtures/pinning/pages.txt``, the
shrunk pages that pin a field no fixture pins yet.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "benchmarks")]

from pinning import FIELDS_FILE, Move, Pinnable, fields_file, fixtures, moves, pins  # noqa: E402


def write_map() -> int:
    items = fixtures()
    lines = [
        "# Which fixture pins which options field, moved one step down (-1) or up (+1).",
        "# Written by scripts/mutation_pins.py map; tests/test_pinning.py checks each line.",
        "# A field with no fixture is listed in tests/test_pinning.py's UNPINNED with the reason.",
    ]
    left = []
    # A fixture already named that still pins its move keeps it: a new page takes only the moves left.
    named = dict(fields_file())
    by_id = {item.id: item for item in items}
    for move in moves():
        kept = by_id.get(named.get(move, ""))
        for item in [kept] if kept is not None and pins(kept, move) else items:
            if pins(item, move):
                lines.append(f"{move.field} {move.direction:+d} {item.id}")
                break
        else:
            left.append(move)
    FIELDS_FILE.write_text("\n".join(lines) + "\n", "utf-8")
    for m in left:
        print(f"unpinned: {m.field} {m.direction:+d}")
    return 0


def variants(text: str) -> Iterator[str]:
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if not line.strip():
            yield "\n".join(lines[:i] + lines[i + 1 :])
            continue
        for new in (line[:-1], line + "民", line + "1", line[:-2] + line[-1:], line[:-1] + "民" + line[-1:]):
            yield "\n".join([*lines[:i], new, *lines[i + 1 :]])
        yield "\n".join([*lines[: i + 1], line, *lines[i + 1 :]])
        yield "\n".join([*lines[: i + 1], "", *lines[i + 1 :]])


def shrink(item: Pinnable, need: list[Move]) -> Pinnable:
    """Drop blocks (between blank lines) while the page still pins ``need``: what is left reads as printed."""
    text = item.text
    for sep in ("\n\n",):
        parts = text.split(sep)
        i = 0
        while i < len(parts) and len(parts) > 1:
            trial = item.with_text(sep.join(parts[:i] + parts[i + 1 :]))
            if trial.text.strip() and all(pins(trial, m) for m in need):
                parts = parts[:i] + parts[i + 1 :]
            else:
                i += 1
        text = sep.join(parts)
    return item.with_text(text)


def search(count: int, *, plain: bool, only: bool = False) -> int:
    from roundtrip import draw

    pinned = {(f, int(d)) for f, d, *_ in (x.split(" ", 2) for x in _map_lines())}
    left = [m for m in moves() if (m.field, m.direction) not in pinned]
    seeds = [] if only else [f.with_kind("pinning") for f in fixtures() if f.kind not in ("headline", "body")]
    seeds += [Pinnable("pinning", f"generated {i}", r.text) for i, r in enumerate(draw(count))]
    print(f"{len(left)} moves unpinned; {len(seeds)} seed pages", file=sys.stderr)
    for seed in seeds:
        if not left:
            break
        for text in [seed.text] if plain else variants(seed.text):
            trial = seed.with_text(text)
            got = [m for m in left if pins(trial, m)]
            if got:
                small = shrink(trial, got)
                print("Pins " + " ".join(sorted({f"{m.field}{m.direction:+d}" for m in got})) + f" (from {seed.id})")
                print(".", small.text, ".", "(expected)", ".", "", sep="\n", flush=True)
                left = [m for m in left if m not in got]
    for m in left:
        print(f"unpinned: {m.field} {m.direction:+d}", file=sys.stderr)
    return 0


def fill() -> int:
    """Write each pinning page's expected outline; keep in its title only the moves it pins."""
    import qhnews
    from fixtures import FIXTURES, read_cases
    from pinning import rendered

    path = FIXTURES / "pinning" / "pages.txt"
    out = []
    for case in read_cases(path):
        words = case.title.split()
        item = Pinnable("pinning", case.id, case.input)
        kept = []
        for w in words[1:]:
            if w[-2:] in ("-1", "+1") and "." in w:
                if pins(item, Move(w[:-2], int(w[-2:]))):
                    kept.append(w)
                else:
                    print(f"{case.id}: does not pin {w}", file=sys.stderr)
            else:
                kept.append(w)
        title = " ".join(["Pins", *kept])
        out += [title, ".", case.input, ".", rendered(qhnews.parse(case.input)), ".", ""]
    path.write_text("\n".join(out), "utf-8")
    return 0


def _map_lines() -> list[str]:
    return [x for x in FIELDS_FILE.read_text("utf-8").splitlines() if x and not x.startswith("#")]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("command", choices=("map", "search", "fill"))
    ap.add_argument("--pages", type=int, default=100, help="generated pages to perturb after the fixtures")
    ap.add_argument("--plain", action="store_true", help="try the pages as they are, without perturbing them")
    ap.add_argument("--generated", action="store_true", help="only generated pages, not the fixtures")
    args = ap.parse_args()
    if args.command == "fill":
        return fill()
    return write_map() if args.command == "map" else search(args.pages, plain=args.plain, only=args.generated)


if __name__ == "__main__":
    raise SystemExit(main())
