"""Make the traditional copies of the sample pages and gold pages (run from the repository root).

    pip install "qhnews[opencc]" && python scripts/make_traditional.py

Pages are converted with OpenCC's s2t as if their wrapped lines were one, so
that a word cut by a line break converts as the word does in the gold, whose
strings are converted one by one.
"""

from __future__ import annotations

import glob
import json
import os
import sys
from typing import Any

import opencc

c = opencc.OpenCC("s2t")
GOLD = sys.argv[1] if len(sys.argv) > 1 else "tests/data/pages"
OUT = "tests/data/traditional/"


def conv_page(text: str) -> str:
    """The page converted; each line keeps its length."""
    flat = text.replace("\n", "")
    out = c.convert(flat)
    assert len(out) == len(flat)
    it = iter(out)
    return "".join(ch if ch == "\n" else next(it) for ch in text)


def conv(x: Any) -> Any:
    """Every string of a gold page converted but its source name."""
    if isinstance(x, str):
        return c.convert(x)
    if isinstance(x, list):
        return [conv(v) for v in x]
    if isinstance(x, dict):
        return {k: (v if k == "source" else conv(v)) for k, v in x.items()}
    return x


for p in sorted(glob.glob("seeds/*.txt")):
    with open(p, encoding="utf-8") as fh:
        text = fh.read()
    with open(OUT + os.path.basename(p), "w", encoding="utf-8") as fh:
        fh.write(conv_page(text))
for p in sorted(glob.glob(GOLD + "/*.json")):
    with open(p, encoding="utf-8") as fh:
        d = json.load(fh)
    if "note" in d:  # a reviewed snapshot, not gold
        continue
    with open(OUT + os.path.basename(p), "w", encoding="utf-8") as fh:
        fh.write(json.dumps(conv(d), ensure_ascii=False, indent=1) + "\n")
