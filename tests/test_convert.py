"""Optional conversion of the output to one script: convert_page and ``qhnews parse --script``."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import qhnews
import qhnews.evaluation
from qhnews import _convert

pytest.importorskip("opencc")

ROOT = Path(__file__).resolve().parent.parent
TRAD = ROOT / "tests" / "data" / "traditional" / "004_1e2f18578d06e38f.txt"
SIMP = ROOT / "seeds" / "004_1e2f18578d06e38f.txt"


def _strings(page: qhnews.Page) -> list[str]:
    d = qhnews.page_to_dict(page)
    out: list[str] = [*d["page_headings"], *(x["text"] for x in d["leftovers"])]
    for a in d["articles"]:
        out.extend(x for x in (a["title"], a["kicker"], a["section"]) if x)
        out.extend(a["subtitles"])
        out.extend(b["text"] for b in a["blocks"])
        for b in a["bylines"]:
            out.extend(x for x in (b["text"], b["outlet"], b["place"], b["credit"]) if x)
            out.extend(x for p in b["people"] for x in (p["role"], p["name"]) if x)
    return out


def test_to_simplified_converts_every_string_and_keeps_spans() -> None:
    page = qhnews.parse(TRAD.read_text("utf-8"))
    simple = qhnews.convert_page(page, "simplified")
    assert simple.text == page.text  # the page as printed, that spans point into
    assert len(simple.articles) == len(page.articles)
    for a, b in zip(page.articles, simple.articles, strict=True):
        assert a.span == b.span
        assert [x.span for x in a.blocks] == [x.span for x in b.blocks]
        assert [x.span for x in a.bylines] == [x.span for x in b.bylines]
    before, after = "".join(_strings(page)), "".join(_strings(simple))
    assert len(before) == len(after)
    assert "報" in before
    assert not {"報", "訊", "記", "會", "說"} & set(after)


def test_the_traditional_page_converted_is_its_simplified_twin() -> None:
    got = qhnews.page_to_dict(qhnews.convert_page(qhnews.parse(TRAD.read_text("utf-8")), "simplified"))
    want = qhnews.page_to_dict(qhnews.parse(SIMP.read_text("utf-8")))
    figures = qhnews.evaluation.evaluate([(want, got)]).as_dict()
    assert figures["text_accuracy"] > 0.99, figures
    assert figures["article_f1"] == 1.0, figures


def test_to_traditional() -> None:
    page = qhnews.parse("会议召开\n\n本报讯（记者 王五）7 月 10 日,会议在某地召开。")
    (a,) = qhnews.convert_page(page, "traditional").articles
    assert a.title == "會議召開"
    assert (a.bylines[0].text, a.bylines[0].outlet, a.bylines[0].people[0].role) == (
        "本報訊（記者 王五）",
        "本報",
        "記者",
    )
    assert a.paragraphs == ("7月10日，會議在某地召開。",)
    assert page.articles[0].title == "会议召开"  # the page given is not changed


def test_a_page_already_in_the_script_stays_equal() -> None:
    page = qhnews.parse(SIMP.read_text("utf-8"))
    assert qhnews.convert_page(page, "simplified") == page


def test_an_unknown_script_says_which_are_known() -> None:
    page = qhnews.parse("好")
    with pytest.raises(ValueError, match=r"to='hk' is not one of 'simplified', 'traditional'"):
        qhnews.convert_page(page, "hk")  # type: ignore[arg-type]


def test_without_opencc(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "opencc", None)  # makes the import fail
    _convert._converter.cache_clear()
    try:
        with pytest.raises(ImportError, match=r'pip install "qhnews\[opencc\]"'):
            qhnews.convert_page(qhnews.parse("好"), "simplified")
    finally:
        _convert._converter.cache_clear()


def test_import_qhnews_does_not_import_opencc() -> None:
    code = "import sys, qhnews, qhnews._cli, qhnews._convert\nassert 'opencc' not in sys.modules\n"
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stderr


def _run(*args: str, pre: str = "") -> subprocess.CompletedProcess[str]:
    code = f"{pre}import sys; from qhnews._cli import main; sys.exit(main(sys.argv[1:]))"
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, env=env, check=False, timeout=120
    )


def test_cli_script_option(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text("會議召開\n\n本報訊（記者 王五）7月10日，會議在某地召開。\n", "utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "qhnews", "parse", str(page), "--script", "simplified"],
        capture_output=True,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        check=False,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    (out,) = json.loads(proc.stdout.decode("utf-8"))  # --format json: an array, of one page here
    assert out["articles"][0]["title"] == "会议召开"
    assert out["articles"][0]["bylines"][0]["outlet"] == "本报"
    plain = subprocess.run(
        [sys.executable, "-m", "qhnews", "parse", str(page)], capture_output=True, check=False, timeout=120
    )
    assert json.loads(plain.stdout.decode("utf-8"))[0]["articles"][0]["title"] == "會議召開"


def test_cli_script_without_opencc(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text("好\n", "utf-8")
    proc = _run("parse", str(page), "--script", "traditional", pre="import sys; sys.modules['opencc'] = None; ")
    assert proc.returncode == 2
    assert proc.stderr.strip().endswith('--script traditional needs opencc: pip install "qhnews[opencc]"')
