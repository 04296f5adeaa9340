"""The page explained line by line: every line says what it became and which rules decided it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from qhnews._explain import explain_page, reasons_table
from qhnews._rules import REASONS

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


def test_seeds_found() -> None:
    assert len(SEEDS) >= 5


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name)
def test_every_line_of_a_sample_page_says_what_it_became_and_why(path: Path) -> None:
    text = path.read_text("utf-8")
    ex = explain_page(text)
    assert [ln.number for ln in ex.lines] == list(range(1, text.count("\n") + 2))
    for ln in ex.lines:
        if ln.text:
            assert ln.became, f"line {ln.number} became nothing: {ln.text}"
            assert ln.rules, f"line {ln.number} names no rule: {ln.text}"
            assert set(ln.rules) <= set(REASONS), set(ln.rules) - set(REASONS)
        else:
            assert not ln.became


def test_a_line_holding_a_lead_byline_and_a_paragraph_says_both() -> None:
    ex = explain_page("会议召开\n\n本报讯（记者 王五）7 月 10 日，开会。\n讨论了工作。")
    assert ex.lines[0].became == ("article 1: title",)
    assert ex.lines[2].became == ("article 1: byline (lead)", "article 1: paragraph 1")
    assert {"cut.lead-byline", "byline.lead"} <= set(ex.lines[2].rules)
    assert ex.lines[3].became == ("article 1: paragraph 1",)
    (joined_by,) = ex.lines[3].rules  # the last line of its paragraph: the rule that saw no break
    assert joined_by.startswith("break.")


def test_the_table_has_a_row_for_every_non_blank_line() -> None:
    text = SEEDS[3].read_text("utf-8")
    rows = str(explain_page(text)).split("\n")
    assert rows[0].split() == ["line", "text", "became", "rules"]
    assert [int(r.split()[0]) for r in rows[1:]] == [n for n, ln in enumerate(text.split("\n"), 1) if ln.strip()]


def test_every_reason_code_is_listed_with_its_rule() -> None:
    table = reasons_table()
    for code, doc in REASONS.items():
        assert f"| `{code}` | {doc} |" in table


def test_qhnews_parse_explain_prints_every_line() -> None:
    path = ROOT / "seeds" / "003_29d6f4c84771eb18.txt"
    proc = subprocess.run(
        [sys.executable, "-m", "qhnews", "parse", "--explain", str(path)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.split("\n")
    assert lines[0] == f"== {path}"
    numbered = [int(r.split()[0]) for r in lines[2:] if r.strip()]
    want = [n for n, ln in enumerate(path.read_text("utf-8").split("\n"), 1) if ln.strip()]
    assert numbered == want
