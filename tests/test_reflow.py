"""The text layer's reflow rules, one example each (the properties generalise them)."""

from __future__ import annotations

import attrs

import qhnews
from qhnews._cues import analyse
from qhnews._lines import split_lines
from qhnews.stages import BlockKind, normalize_page


def texts(page: str) -> list[str]:
    return [b.text for b in normalize_page(page)]


COL = "的" * 16  # a full 16-character column line


def test_wrapped_lines_join_with_nothing_between() -> None:
    assert texts("记者日前从省工信厅获悉，第24\n 届青洽会将于7月20 日在西宁开幕。") == [
        "记者日前从省工信厅获悉，第24届青洽会将于7月20日在西宁开幕。"
    ]


def test_blank_line_mid_sentence_is_a_column_break() -> None:
    page = f"{COL}\n{COL}\n\n{COL}\n{COL[:5]}。"
    assert texts(page) == [COL * 3 + COL[:5] + "。"]


def test_short_sentence_final_line_ends_a_paragraph() -> None:
    page = f"{COL}\n{COL[:6]}。\n{COL[:14]}\n{COL}\n{COL[:3]}。"
    assert texts(page) == [COL + COL[:6] + "。", COL[:14] + COL + COL[:3] + "。"]


def test_indent_dropped_line_after_full_sentence_end_starts_a_paragraph() -> None:
    full_end = COL[:15] + "。"
    page = f"{COL}\n{COL}\n{full_end}\n{COL[:14]}\n{COL}\n{COL[:4]}。"
    assert texts(page) == [COL * 2 + full_end, COL[:14] + COL + COL[:4] + "。"]


def test_full_width_line_after_sentence_end_continues() -> None:
    full_end = COL[:15] + "。"
    page = f"{COL}\n{full_end}\n{COL}\n{COL[:4]}。"
    assert texts(page) == [COL + full_end + COL + COL[:4] + "。"]


def test_unwrapped_page_one_paragraph_per_line() -> None:
    long1 = "第一段" * 40 + "。"
    long2 = "第二段" * 40 + "，"
    long3 = "续写" * 30 + "。"
    assert texts(f"{long1}\n\n{long2}\n\n{long3}") == [long1, long2 + long3]


def test_headline_stands_alone() -> None:
    page = f"{COL}\n{COL[:5]}。\n\n浙江作为主宾省参加青洽会\n\n7月7日，{COL[:12]}\n{COL}\n{COL[:4]}。"
    blocks = normalize_page(page)
    assert [b.kind for b in blocks] == [BlockKind.FLOW, BlockKind.STANDALONE, BlockKind.FLOW]
    assert blocks[1].text == "浙江作为主宾省参加青洽会"


def test_lead_byline_starts_a_paragraph() -> None:
    page = f"{COL}\n本报讯（记者 施翔）{COL[:8]}\n{COL[:3]}。"
    assert texts(page)[1].startswith("本报讯（记者 施翔）")


def test_trailing_byline_closes_a_paragraph() -> None:
    page = f"{COL}\n{COL[:3]}。 （记者 施翔）\n{COL}\n{COL[:3]}。"
    assert texts(page) == [COL + COL[:3] + "。", "（记者 施翔）", COL + COL[:3] + "。"]


def test_every_nonblank_line_is_in_one_block() -> None:
    page = "\n\n标题\n\n本报讯（记者 施翔）好。\n\n\n（记者 王五）\n\n尾"
    blocks = normalize_page(page)
    assert [b.text for b in blocks] == ["标题", "本报讯（记者 施翔）", "好。", "（记者 王五）", "尾"]
    # Only the lead byline shares its line (5) with the paragraph cut from it.
    assert [[ln.number for ln in b.lines] for b in blocks] == [[3], [5], [5], [8], [10]]


def test_remeasured_is_evolve_with_other_columns() -> None:
    # remeasured spells out every field for speed; it must stay what attrs.evolve would give
    (info,) = analyse(split_lines("本报讯（记者 王五）好。"))
    assert info.remeasured(7, 9, 100) == attrs.evolve(info, column=7, ahead=9)
    assert info.remeasured(120, 9, 100) == attrs.evolve(info, column=120, ahead=9, unwrapped=True)


def test_every_threshold_of_the_reflow_is_a_documented_field_with_a_step() -> None:
    doc = qhnews.ReflowOptions.__doc__ or ""
    for field in attrs.fields(qhnews.ReflowOptions):
        assert field.metadata.get("step") == 1, f"{field.name}: no mutation step"
        assert f"        {field.name}: " in doc, f"{field.name} is not documented"
