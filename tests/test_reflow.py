"""The text layer's reflow rules, one example each (the properties generalise them)."""

from __future__ import annotations

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import qhnews
from qhnews._blocks import _joined, reflow
from qhnews._cues import _form_chars, _info, _plain, analyse
from qhnews._forms import DEFAULT, Forms, compiled
from qhnews._lines import split_lines
from qhnews._normalize import NormalizeOptions, normalize
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


def test_remeasured_changes_the_columns_and_what_follows_from_them_only() -> None:
    (info,) = analyse(split_lines("本报讯（记者 王五）好。"))
    narrow = info.remeasured(7, 9, 100)
    assert (narrow.column, narrow.ahead, narrow.unwrapped) == (7, 9, False)
    assert narrow._replace(column=info.column, ahead=info.ahead) == info
    wide = info.remeasured(120, 9, 100)
    assert (wide.column, wide.unwrapped) == (120, True)
    assert wide._replace(column=info.column, ahead=info.ahead, unwrapped=False) == info


def test_every_threshold_of_the_reflow_is_a_documented_field_with_a_step() -> None:
    doc = qhnews.ReflowOptions.__doc__ or ""
    for field in attrs.fields(qhnews.ReflowOptions):
        assert field.metadata.get("step") == 1, f"{field.name}: no mutation step"
        assert f"        {field.name}: " in doc, f"{field.name} is not documented"


# --- the shortcuts of the text layer agree with the long way ------------------------------

_PIECES = (
    list("本报讯记者电员摄编者习整会议召开的了在是版星周")
    + list("0123456789abc.,:;?!()（）：；，。、“”《》—…·/／")
    + [" ", "  ", "\t", "\u3000", "\xa0", "\x0b", "\x0c", "\x1c", "\x85", "\u2028", "︵", "︶", "𠀀"]
    + ["本报讯（记者 王五）", "（记者 王五）", "(下转三版)", "文/图 本报记者 李四", "7 月 10 日", "王五 摄", "1,000"]
    # role characters in words of the text, role words, credits without a slash, marks, the user's role
    + ["学习", "实习生", "整理", "通讯员", "编辑", "王五文", "李四图", "■", "★", "主笔"]
)
_lines_text = st.lists(st.lists(st.sampled_from(_PIECES), max_size=30).map("".join), min_size=1, max_size=6)


@given(_lines_text)
def test_joined_lines_are_the_paragraph_normalized_again(raws: list[str]) -> None:
    # _joined skips normalizing a paragraph again where its lines, normalized one by one, are it already
    lines = [ln for ln in split_lines("\n".join(r.replace("\n", " ") for r in raws)) if ln.text]
    if lines:
        texts = "".join(ln.text for ln in lines)
        assert _joined(lines, texts, NormalizeOptions()) == normalize("".join(ln.raw.strip() for ln in lines))


@given(st.lists(st.sampled_from(_PIECES), max_size=30).map("".join))
def test_a_line_read_as_plain_holds_no_form(text: str) -> None:
    # analyse reads a plain line's cues without the patterns of the forms; _info reads them all
    opts = qhnews.ReflowOptions()
    for patterns in (DEFAULT, compiled(Forms().extend(roles=("主笔",)))):
        for line in split_lines(text.replace("\n", " ")):
            if line.text and _plain(line.text, opts.lead_search_chars, _form_chars(patterns), patterns):
                info = _info(line, 60, 60, 0, opts, patterns=patterns, forms=None)
                assert (info.lead_byline, info.alone, info.closes, info.form) == (False, False, False, "")


def test_a_line_with_a_new_role_is_not_plain() -> None:
    # the prefilter is derived from the forms: a role a user adds is seen
    patterns = compiled(Forms().extend(roles=("主笔",)))
    assert not _plain("主笔王五", 40, _form_chars(patterns), patterns)


def _reasons(page: str) -> list[tuple[str, str]]:
    """Each block's rule and its text, as the reflow makes them."""
    return [(b.reason, b.text) for b in reflow(split_lines(page))]


def test_a_heading_exactly_far_margin_short_of_the_text_below_is_far_short() -> None:
    # 28 cells over lines of 40: short by far_margin (12) exactly, over a first line that lost its indent
    page = (
        "东河区召开全区文化工作推进会\n今年以来东河区文化馆组织开展送戏下乡活动\n"
        "一百余场，覆盖全区十二个街道和五十多个社\n区，参与群众累计超过三万人次，受到居民的\n普遍欢迎。"
    )
    assert [r for r, _ in _reasons(page)] == ["heads.far-short", "block.after-standalone"]


def test_a_subheading_right_above_its_paragraph_breaks_by_the_mid_sentence_rule() -> None:
    # the rule of a heading set without a blank line decides, not the short-line rule after it
    page = (
        "持续推进城乡公共文化服务体系建设让群众在家门口\n享受丰富多彩的文化生活和更优质服务\n"
        "东河区文化馆今年组织开展各类文化惠民活\n动一百余场，覆盖全区十二个街道五十多个社区，\n"
        "参与群众累计超过三万人次，受到居民的普遍欢迎。"
    )
    assert [r for r, _ in _reasons(page)] == ["block.page-start", "break.mid-sentence"]


def test_a_line_ending_in_a_word_over_a_paragraph_opener_is_a_heading() -> None:
    # 今年以来，opens a sentence: the line over it, ending in a word, is no line of that paragraph
    page = (
        "持续推进城乡公共文化服务体系建设让群众在家门口享受丰富多彩的文化生活\n"
        "今年以来，东河区文化馆组织开展各类文化惠民活动一百余场，覆盖全区十二个\n"
        "街道，参与群众累计超过三万人次，受到居民的普遍欢迎。"
    )
    assert [r for r, _ in _reasons(page)] == ["block.page-start", "break.before-opener"]


@pytest.mark.parametrize("tail", ["与此", "截至", "在"])
def test_a_phrase_cut_before_its_opener_part_goes_on(tail: str) -> None:
    # 与此 / 同时，截至 / 目前，在 / 会上，: the opener is the rest of a phrase the line above cut
    rest = {"与此": "同时，", "截至": "目前，", "在": "会上，"}[tail]
    page = (
        f"东河区文化馆组织开展各类文化惠民活动一百余场，覆盖全区十二个街道{tail}\n"
        f"{rest}参与群众累计超过三万人次，受到居民的普遍欢迎。"
    )
    assert [r for r, _ in _reasons(page)] == ["block.page-start"]


def test_a_short_line_that_opens_a_quote_goes_on_below() -> None:
    # “ left open on a short line: the quoted name goes on in the line below, one paragraph
    page = (
        "东河区文化馆近日在西山镇文化广场举办了\n“文化进万家\n”主题演出活动，吸引周边群众前来\n"
        "观看，现场气氛热烈，演出持续了两个多小\n时，受到居民的普遍欢迎。"
    )
    assert len(_reasons(page)) == 1


def test_split_lines_normalizes_each_line_with_the_options_given() -> None:
    (line,) = split_lines("7 月 10 日", NormalizeOptions(cjk_alnum_spaces=False))
    assert (line.text, line.width) == ("7 月 10 日", 10)


@given(st.characters(codec=None))
def test_a_wide_character_is_one_of_east_asian_width_w_or_f_or_chinese_punctuation(c: str) -> None:
    """The common Han range tried first in ``WIDE`` changes no verdict: it is all of width W."""
    import regex

    from qhnews import _patterns as pat

    plain = regex.compile(rf"[\p{{ea=W}}\p{{ea=F}}{pat._CJK_PUNCT}]")
    assert (pat.WIDE.match(c) is None) == (plain.match(c) is None)


@given(st.text(st.characters(codec=None), max_size=40))
def test_taking_out_a_class_of_characters_agrees_with_its_pattern(text: str) -> None:
    """The standard-library class ``without`` reads first agrees with the pattern, beyond the BMP too."""
    from qhnews import _patterns as pat
    from qhnews._charsets import narrow, without

    assert narrow(text) == pat.WIDE_RUN.sub("", text)
    assert without(pat.NOT_ALNUM, text) == pat.NOT_ALNUM.sub("", text)


def test_the_classes_of_the_bmp_agree_with_their_patterns_on_every_character() -> None:
    from qhnews import _patterns as pat
    from qhnews._charsets import narrow, without

    plane = "".join(map(chr, range(0x10000)))  # lone surrogates too
    assert narrow(plane) == "".join(c for c in plane if pat.WIDE.match(c) is None)
    assert without(pat.NOT_ALNUM, plane) == "".join(c for c in plane if pat.NOT_ALNUM.match(c) is None)
    assert narrow("𠀀好a") == "a"  # CJK extension B, beyond the BMP
    assert without(pat.NOT_ALNUM, "𠀀，🙂a") == "𠀀a"


@given(st.integers(0, 10**6), st.integers(0, 10**6), st.text(max_size=5), st.text(max_size=5))
def test_a_line_made_slot_by_slot_is_the_line_its_constructor_makes(n: int, s: int, raw: str, text: str) -> None:
    from qhnews._records_text import Line, line_of

    made, built = (
        line_of(n, s, s + len(raw), raw, text, 2 * len(text)),
        Line(n, s, s + len(raw), raw, text, 2 * len(text)),
    )
    assert made == built
    assert hash(made) == hash(built)
    assert repr(made) == repr(built)
