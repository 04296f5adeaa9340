"""A fixed draw of generated pages is the same in any process.

The benchmarks (``roundtrip.py``, ``calibration.py``) and the confidence test
judge the parser on ``strategies.fixed_draw``'s pages: a seed must name the
same pages under pytest and in a script, and a change of the parser that
adds a literal to its source must not change them (Hypothesis draws, now and
then, a literal of the source of the modules it has seen; see
``strategies.source_blind``).
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

from render import render
from strategies import Rates, fixed_draw, pages

TESTS = Path(__file__).resolve().parent

#: Pages per draw: enough that, drawn with the literals of the modules imported, some text seed is one of them.
COUNT = 40

#: Run in a fresh interpreter: the draw as a script makes it, then again after importing a module of new literals.
SCRIPT = """
import hashlib, sys
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from render import render
from strategies import Rates, fixed_draw, pages

def digest():
    h = hashlib.sha1()
    for spec in fixed_draw(pages(rates=Rates()), int(sys.argv[3]), 1):
        h.update(render(spec).text.encode())
    return h.hexdigest()

print(digest())
module = Path(sys.argv[2]) / "page_literals.py"
module.write_text("VALUES = (" + ", ".join(str(100_003 + 7_919 * k) for k in range(500)) + ")\\n", "utf-8")
sys.path.insert(0, sys.argv[2])
import page_literals
print(digest())
"""


def digest() -> str:
    h = hashlib.sha1()
    for spec in fixed_draw(pages(rates=Rates()), COUNT, 1):
        h.update(render(spec).text.encode())
    return h.hexdigest()


def test_a_seeded_draw_is_the_same_in_a_script_and_after_new_literals_are_imported(tmp_path: Path) -> None:
    here = digest()
    env = {k: v for k, v in os.environ.items() if not k.startswith("HYPOTHESIS")}
    run = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(TESTS), str(tmp_path), str(COUNT)],
        capture_output=True,
        text=True,
        check=True,
        env=env,
        cwd=tmp_path,
    )
    assert run.stdout.split() == [here, here]


def test_seeds_draw_different_pages() -> None:
    first = [render(s).text for s in fixed_draw(pages(rates=Rates()), 5, 1)]
    assert first != [render(s).text for s in fixed_draw(pages(rates=Rates()), 5, 2)]
