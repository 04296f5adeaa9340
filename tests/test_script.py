"""Traditional-script pages: every cue form in both scripts, and the table behind it.

``tests/data/script/forms.json`` holds one case per traditional (or mixed)
form: bylines, datelines in Chinese numerals and brackets, jumps, furniture,
kickers, subtitles, profile lines and news leads. The simplified forms are
the cases of ``test_bylines.py`` and the golden pages.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import regex

import qhnews
import qhnews.records
from qhnews import _patterns as pat
from qhnews._script import SAME, VARIANTS, either, forms

FORMS: list[dict[str, Any]] = json.loads(
    (Path(__file__).resolve().parent / "data" / "script" / "forms.json").read_text("utf-8")
)
PATTERNS = {name: obj for name, obj in vars(pat).items() if hasattr(obj, "pattern") and hasattr(obj, "match")}


def test_forms_found() -> None:
    assert len(FORMS) >= 30, "the forms fixture holds too few cases"
    assert {c["kind"] for c in FORMS} >= {"byline", "jump_to", "jump_from", "furniture", "kicker", "subtitle"}


def _cases(kind: str) -> list[Any]:
    """The cases of one kind; one whose ``xfail`` names what it waits for is a strict expected failure."""
    return [
        pytest.param(c, id=c["note"], marks=[pytest.mark.xfail(strict=True, reason=c["xfail"])] if "xfail" in c else [])
        for c in FORMS
        if c["kind"] == kind
    ]


@pytest.mark.parametrize("case", _cases("byline"))
def test_byline(case: dict[str, Any]) -> None:
    b = qhnews.stages.parse_byline(case["text"])
    assert b is not None, case["text"]
    assert b.position is qhnews.records.BylinePosition(case["position"])
    assert (b.outlet, b.place, b.credit) == (case["outlet"], case["place"], case.get("credit"))
    assert [[p.role, p.name] for p in b.people] == case["people"]
    assert b.text == case["text"].replace("(", "（").replace(")", "）")  # kept in its own script


@pytest.mark.parametrize("case", _cases("jump_to"))
def test_jump_to(case: dict[str, Any]) -> None:
    m = pat.JUMP_TO.search(case["text"])
    assert m is not None
    assert m.start() == 0
    assert m.group("page") == case["page"]


@pytest.mark.parametrize("case", _cases("jump_from"))
def test_jump_from(case: dict[str, Any]) -> None:
    m = pat.JUMP_FROM.match(case["text"])
    assert m is not None
    assert m.group("page") == case["page"]


@pytest.mark.parametrize("case", _cases("furniture"))
def test_furniture(case: dict[str, Any]) -> None:
    assert pat.FURNITURE_CHAR.search(case["text"]) is not None
    assert pat.FURNITURE.match(case["text"]) is not None


@pytest.mark.parametrize("case", _cases("kicker"))
def test_kicker(case: dict[str, Any]) -> None:
    assert pat.kicker_only(case["text"])
    assert pat.KICKER_END.search(case["text"]) is not None


@pytest.mark.parametrize("case", _cases("subtitle"))
def test_subtitle(case: dict[str, Any]) -> None:
    assert pat.SUBTITLE_WHO.search(case["text"]) is not None


@pytest.mark.parametrize("case", _cases("speaker"))
def test_speaker(case: dict[str, Any]) -> None:
    m = pat.SPEAKER.match(case["text"])
    assert m is not None
    assert m.group("name") == case["name"]


@pytest.mark.parametrize("case", _cases("date_lead"))
def test_date_lead(case: dict[str, Any]) -> None:
    assert pat.DATE_LEAD.search(case["text"]) is not None


@pytest.mark.parametrize(
    "text",
    ["本報", "據說", "某某時報", "（記者）", "下轉", "一九五〇年七月十日", "【新華社北京十四日電"],
)
def test_what_is_no_byline(text: str) -> None:
    """Half a form is no byline, in either script."""
    assert qhnews.stages.parse_byline(text) is None


# ---------------------------------------------------------------- the variant table


def test_every_cue_character_of_the_patterns_is_in_the_table() -> None:
    """A Han character a pattern names is either in the table or the same in both scripts."""
    assert PATTERNS
    missing = {
        (name, ch)
        for name, p in PATTERNS.items()
        for ch in p.pattern
        if regex.match(r"\p{Han}", ch) and ch not in VARIANTS and ch not in SAME
    }
    assert not missing


def test_the_table_is_symmetric() -> None:
    for ch, fs in VARIANTS.items():
        assert fs[0] == ch
        for f in fs:
            assert set(VARIANTS[f]) == set(fs), (ch, f)
    assert not set(VARIANTS) & SAME


def test_every_pattern_matches_either_script() -> None:
    """Each pattern's source is already rewritten: rewriting it again changes nothing."""
    for name, p in PATTERNS.items():
        assert either(p.pattern) == p.pattern, name


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("本报讯", "本[报報][讯訊]"),
        ("[记员]", "[记記员員]"),
        ("[記员]", "[記记员員]"),
        ("[^报]", "[^报報]"),
        ("[]报]", "[]报報]"),
        (r"[\]报]", r"[\]报報]"),
        (r"\p{Han}{1,6}?(?:日报|时报)", r"\p{Han}{1,6}?(?:日[报報]|[时時][报報])"),
        ("(?P<kind>讯|电)", "(?P<kind>[讯訊]|[电電])"),
        (r"[至到—-]\d{1,2}日", r"[至到—-]\d{1,2}日"),
        ("\\报", "[报報]"),
        ("众", "[众衆眾]"),
    ],
)
def test_either(source: str, expected: str) -> None:
    assert either(source) == expected
    assert either(expected) == expected
    regex.compile(expected)


@pytest.mark.parametrize("source", ["[报-讯]", "[a-报]"])
def test_either_refuses_a_range_it_cannot_keep(source: str) -> None:
    with pytest.raises(ValueError, match="range"):
        either(source)


def test_either_refuses_an_open_class() -> None:
    with pytest.raises(ValueError, match="unterminated character class at offset 1"):
        either("a[报")


def test_forms() -> None:
    assert forms("本报讯") == ("本报讯", "本报訊", "本報讯", "本報訊")
    assert forms("指出") == ("指出",)
    assert forms("a", "a") == ("a",)
