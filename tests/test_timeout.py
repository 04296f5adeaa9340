"""The suite fails a test that hangs instead of hanging with it (pytest-timeout, set in pyproject.toml)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_the_suite_has_a_per_test_timeout() -> None:
    found = re.search(r"^timeout = (\d+)$", (ROOT / "pyproject.toml").read_text("utf-8"), re.MULTILINE)
    assert found is not None, "pyproject.toml sets no pytest timeout"
    assert 0 < int(found.group(1)) <= 1800  # well above the slowest test, well below CI's 90 minutes


def test_a_test_that_loops_for_ever_fails(tmp_path: Path) -> None:
    (tmp_path / "test_loop.py").write_text("def test_loop():\n    while True:\n        pass\n", "utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--timeout=2", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
        check=False,
    )
    assert run.returncode == 1, run.stdout + run.stderr
    assert "Timeout" in run.stdout + run.stderr
    assert "1 failed" in run.stdout
