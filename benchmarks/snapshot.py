"""Snapshot what the parser makes of a fixed corpus, to show that a refactoring changes no result.

    python benchmarks/snapshot.py save /tmp/before.json      # the corpus and today's output
    python benchmarks/snapshot.py check /tmp/before.json     # parse the stored pages again, list differences

The corpus is every page the tests and the benchmarks compare: the sample
pages, each with its lines rotated (the property tests' robustness cases),
the gold pages re-laid as ``tests/test_relayout.py`` lays them, and the
derandomized generated pages of ``benchmarks/roundtrip.py``. ``save`` stores
the page texts themselves beside their output, so that ``check`` still sees
the same pages after the generator has changed.

What is compared is the page's contract (``qhnews.page_to_dict``: the keys of
the JSON contract plus spans and confidences). ``check`` exits 1 and prints
the first differing pages when anything changed.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

import qhnews  # noqa: E402


def corpus(generated: int) -> dict[str, str]:
    """Page name -> page text."""
    pages: dict[str, str] = {}
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        text = path.read_text("utf-8")
        pages[path.name] = text
        lines = text.split("\n")
        for k in (1, 7, 23):
            pages[f"{path.name}:rot{k}"] = "\n".join(lines[k:] + lines[:k])
    import test_relayout  # the tests' own layouts

    for stem in sorted(test_relayout.SPEC):
        banner, arts = test_relayout._pieces(stem)
        for name, layout in sorted(test_relayout.LAYOUTS.items()):
            pages[f"{stem}:{name}"] = "\n".join(banner + layout(arts))
    if generated:
        import roundtrip

        for i, rendered in enumerate(roundtrip.draw(generated)):
            pages[f"generated:{i}"] = rendered.text
    return pages


def outputs(pages: dict[str, str]) -> dict[str, object]:
    return {name: qhnews.page_to_dict(qhnews.parse(text)) for name, text in pages.items()}


def difference(before: Any, after: Any, path: str = "") -> list[str]:
    """Where two JSON values differ: one line per differing leaf, ``path: before -> after``."""
    if isinstance(before, dict) and isinstance(after, dict):
        keys = list(before) + [k for k in after if k not in before]
        return [d for k in keys for d in difference(before.get(k), after.get(k), f"{path}.{k}")]
    if isinstance(before, list) and isinstance(after, list) and len(before) == len(after):
        return [d for i, (b, a) in enumerate(zip(before, after, strict=True)) for d in difference(b, a, f"{path}[{i}]")]
    if before == after:
        return []
    show = lambda v: json.dumps(v, ensure_ascii=False)[:160]  # noqa: E731
    return [f"{path}: {show(before)} -> {show(after)}"]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("action", choices=("save", "check"))
    ap.add_argument("file", type=Path)
    ap.add_argument("--generated", type=int, default=1000, help="generated pages in the corpus (save)")
    ap.add_argument("--show", type=int, default=5, help="differing pages to print (check)")
    args = ap.parse_args()
    if args.action == "save":
        pages = corpus(args.generated)
        args.file.write_text(json.dumps({"pages": pages, "out": outputs(pages)}, ensure_ascii=False), "utf-8")
        print(f"saved {len(pages)} pages to {args.file}")
        return 0
    stored = json.loads(args.file.read_text("utf-8"))
    now = outputs(stored["pages"])
    changed = [name for name in stored["pages"] if now[name] != stored["out"][name]]
    print(f"{len(stored['pages'])} pages, {len(changed)} changed")
    for name in changed[: args.show]:
        print(f"--- {name}")
        for line in difference(stored["out"][name], now[name]):
            print("   ", line)
    return 1 if changed else 0


if __name__ == "__main__":
    raise SystemExit(main())
