"""Golden normalization cases: input beside expected, a must-not-change set, and known failures."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import qhnews
from qhnews import NormalizeOptions, explain, normalize
from qhnews._normalize import VERTICAL_FORMS

DATA = Path(__file__).resolve().parent / "data" / "normalize"


def _load(name: str) -> list[dict[str, Any]]:
    cases: list[dict[str, Any]] = json.loads((DATA / name).read_text("utf-8"))
    assert cases, f"{name} holds no cases"
    return cases


CASES = _load("cases.json")
NEGATIVE = _load("negative.json")
KNOWN = _load("known_failures.json")


@pytest.mark.parametrize("case", CASES, ids=[c["note"] for c in CASES])
def test_golden(case: dict[str, Any]) -> None:
    assert normalize(case["input"]) == case["expected"]


@pytest.mark.parametrize("case", NEGATIVE, ids=[c["note"] for c in NEGATIVE])
def test_must_not_change(case: dict[str, Any]) -> None:
    assert normalize(case["input"]) == case["input"]


@pytest.mark.xfail(strict=True, reason="known failure, kept so a fix shows")
@pytest.mark.parametrize("case", KNOWN, ids=[c["note"][:40] for c in KNOWN])
def test_known_failures(case: dict[str, Any]) -> None:
    assert normalize(case["input"]) == case["expected"]


@pytest.mark.parametrize("case", CASES, ids=[c["note"] for c in CASES])
def test_golden_is_idempotent(case: dict[str, Any]) -> None:
    assert normalize(case["expected"]) == case["expected"]


@pytest.mark.parametrize("case", CASES, ids=[c["note"] for c in CASES])
def test_explain_agrees_and_maps_back(case: dict[str, Any]) -> None:
    n = explain(case["input"])
    assert n.text == case["expected"]
    assert len(n.origins) == len(n.text) + 1
    for i, ch in enumerate(n.text):
        src = case["input"][n.source_offset(i)]
        # A kept character maps to itself; a replaced mark maps to the half-width or vertical one it replaced.
        assert (
            src == ch
            or VERTICAL_FORMS.get(src) == ch
            or {src: ch} in ({",": "，"}, {"(": "（"}, {")": "）"}, {":": "："}, {";": "；"}, {"?": "？"}, {"!": "！"})
            or src.isspace()
        )
    for c in n.changes:
        assert 0 <= c.start <= c.end <= len(case["input"])


def test_explain_names_rules() -> None:
    rules = {c.rule for c in explain("本报讯(记者 施翔) 7 月\u3000好").changes}
    assert rules == {"unify_spaces", "fullwidth_punctuation", "cjk_alnum_spaces", "cjk_punct_spaces"}


@pytest.mark.parametrize("offset", [-1, 2, 5])
def test_source_offset_out_of_range(offset: int) -> None:
    with pytest.raises(IndexError):
        explain("好").source_offset(offset)


@pytest.mark.parametrize(
    ("rule", "text"),
    [
        ("fullwidth_punctuation", "你好,世界"),
        ("vertical_forms", "他說︰﹁好﹂"),
        ("cjk_alnum_spaces", "7 月"),
        ("cjk_punct_spaces", "好 。"),
        ("collapse_spaces", "好  好"),
        ("unify_spaces", "好\u3000好"),
        ("strip", " 好 "),
    ],
)
def test_each_rule_can_be_switched_off(rule: str, text: str) -> None:
    off = NormalizeOptions(**{rule: False})
    assert normalize(text) != text
    assert rule not in {c.rule for c in explain(text, off).changes}
    assert rule in {c.rule for c in explain(text).changes}


def test_options_are_frozen() -> None:
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        NormalizeOptions().strip = False  # type: ignore[misc]


@pytest.mark.parametrize("bad", [None, b"bytes", 3, ["a"]])
def test_wrong_type(bad: object) -> None:
    with pytest.raises(TypeError, match="takes str"):
        normalize(bad)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="takes str"):
        explain(bad)  # type: ignore[arg-type]


def test_line_breaks_are_kept() -> None:
    assert normalize("第一行 ,\n 第二行") == "第一行，\n 第二行".replace("\n ", "\n")


def test_public_names() -> None:
    assert qhnews.normalize is normalize


@pytest.mark.parametrize(("vertical", "horizontal"), sorted(VERTICAL_FORMS.items()))
def test_every_vertical_form_has_a_golden_case(vertical: str, horizontal: str) -> None:
    assert any(vertical in c["input"] and horizontal in c["expected"] for c in CASES), vertical
    n = explain(f"好{vertical}好")
    assert n.text == f"好{horizontal}好"
    assert [(c.rule, c.before, c.after) for c in n.changes] == [("vertical_forms", vertical, horizontal)]


def test_the_fast_path_sees_every_vertical_form() -> None:
    from qhnews import _patterns as pat

    for vertical in VERTICAL_FORMS:
        assert pat.NOTHING_TO_NORMALIZE.match(f"好{vertical}") is None
    for kept in "「」『』﹅﹆﹉﹏":
        assert pat.NOTHING_TO_NORMALIZE.match(f"好{kept}") is not None
        assert normalize(f"好{kept}") == f"好{kept}"


@given(st.text(alphabet=st.sampled_from("好会7a Z 　\t,，。(（)）\n")))
def test_a_space_rule_left_out_of_a_text_without_a_space_would_have_found_nothing(text: str) -> None:
    """The space rules skip a text without a space: each of their patterns matches only where one stands."""
    from qhnews import _patterns as pat
    from qhnews._normalize import _regex_rule

    for pattern in (pat.SPACE_RUN, pat.SPACE_HAN_ALNUM, pat.SPACE_PUNCT, pat.LINE_EDGE_SPACES):
        edits = _regex_rule(pattern, "")(text)
        assert _regex_rule(pattern, "", needs=" ")(text) == edits
        assert all(" " in text[s:e] for s, e, _ in edits)
