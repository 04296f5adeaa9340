"""Pages that random property runs (``scripts/deep``, the ``deep`` or ``dev`` profile) found failing.

Each is kept as an explicit example so that CI, whose ``ci`` profile draws the
same pages every run, keeps checking it. A page that shows a bug still open
is an expected failure (strict: it fails the suite once the bug is fixed, so
that the mark comes off).
"""

from __future__ import annotations

import pytest

import qhnews
from fixtures import FIXTURES


def _deep_page(stem: str) -> str:
    """A page a deep run found, stored whole in ``tests/fixtures/deep/<stem>.txt``."""
    return (FIXTURES / "deep" / f"{stem}.txt").read_text("utf-8")


def test_two_trailing_bylines_run_into_a_paragraph_line_parse() -> None:
    # found by test_parse_never_raises_on_any_str with random draws: 0(记考⺀)(记考 ⺀)
    page = qhnews.parse("开会。（记者王五）（记者 王五）")
    assert page.articles


def test_two_trailing_bylines_run_into_a_line_each_point_at_their_text() -> None:
    # found by scripts/deep (test_every_span_points_at_what_the_record_was_built_from): 0(记考⺀)(记考⺀)
    page = qhnews.parse("开会。（记者王五）（记者王五）")
    spans = [b.span for a in page.articles for b in a.bylines]
    assert len(spans) == 2
    assert [page.text[s.start : s.end] for s in spans] == ["（记者王五）", "（记者王五）"]


# Found by scripts/deep (test_layouts.py::test_structure_round_trip, 2026-12-01): the pages are the
# generator's (invented text), cut down to what still showed the bug. All three are fixed.

#: An unwrapped page (one paragraph a line): a column break cuts a short paragraph after a clause; the
#: fragment above the break, one comma and no stop, stood alone as a subheading (standalone.kept-apart):
#: the paragraph is too short for the line under the break to be wider than any column (unwrapped_width),
#: but that line is running text (a sentence ends inside it) wider than a column of body type holds
#: (unwrapped_text_width): the OCR did not wrap it, and the clause above the break opens its paragraph.
_UNWRAPPED_FRAGMENT = (
    "东山县召开项目推进会议，部署下一阶段重点工作，要求各部门加强协作，确保项目按期建成投用？\n\n"
    "在东山县住建局，深入巩固农\n \n业保护，扩大乡村旅游。东山县服务人次达到 8 万，推进驿站服务。 （李四）\n"
)


def test_a_clause_cut_off_an_unwrapped_paragraph_by_a_column_break_goes_on_past_it() -> None:
    page = qhnews.parse(_UNWRAPPED_FRAGMENT)
    assert len(page.articles) == 1
    article = page.articles[0]
    assert [b.kind.value for b in article.blocks] == ["paragraph", "paragraph"]
    assert article.blocks[1].text.startswith("在东山县住建局，深入巩固农业保护，")


#: The rest of an article continued from another page: a column break right under the first line of its
#: text (…获 / 悉，…); that line was read as a title: the lines under the break, clauses without a stop,
#: were taken for a headline group of their own, though each fills the column (text type: a headline's
#: larger type holds fewer characters a line), so the line over them stood apart.
_FIRST_LINE_UNDER_A_CONTINUED_FROM_MARK = (
    " (上接一版)  \n\xa0记者从岭营交通运输局获\xa0\n \n\xa0悉,岭营村总经理吴勇仪深入\n 岭营泰河农牧合作社调研,提\n"
    "升生态工坊，与 GDP质量企业\n共建体系平台，增强措施、基  \n \n层、农业等标准。完成医疗\n"
    "75.59 万亩,扎实提升农业治\u3000\n理，岭营泰河农牧合作社(试\n\n\t行)加强文化,围绕“泰河生\n态工坊”实施环境。\n"
)


def test_the_first_line_under_a_continued_from_mark_cut_off_by_a_column_break_opens_the_text() -> None:
    page = qhnews.parse(_FIRST_LINE_UNDER_A_CONTINUED_FROM_MARK)
    assert len(page.articles) == 1, [a.title for a in page.articles]
    article = page.articles[0]
    assert article.continued_from == "一版"
    assert article.title is None
    assert article.blocks[0].text.startswith("记者从岭营交通运输局获悉，")


#: A joint report's dateline wrapped inside an outlet's name (…讯西川 / 日报记者…): the line under the
#: break read as a heading byline of the outlet 日报 and stood alone, cutting the dateline in two.
#: Refusing a generic ending alone as an outlet fixed this page but broke the press's own form: an
#: evening paper names itself 晚报 in a credit (□晚报记者 X), as others say 本报. The line is the
#: dateline's (``_cues._inside_lead``) once the dateline read on reaches its 报道, which the narrow
#: column wraps too (…李四报 / 道：): it reads the next two lines, not one.
_DATELINE_WRAPPED_IN_AN_OUTLETS_NAME = (
    "新区召开项目推进会\n\n本报西川7月25日讯西川\n日报记者王小五、东山晚报记\n者赵六、本报记者李四报\n"
    "道：此外，东山县书记张三深\n入东山科技有限公司调研，推\n进项目建设。\n"
)


def test_a_dateline_wrapped_inside_an_outlets_name_is_one_lead_byline() -> None:
    page = qhnews.parse(_DATELINE_WRAPPED_IN_AN_OUTLETS_NAME)
    assert len(page.articles) == 1
    (byline,) = page.articles[0].bylines
    assert [p.name for p in byline.people] == ["王小五", "赵六", "李四"]


def test_an_evening_paper_names_itself_by_its_generic_ending_in_a_credit() -> None:
    """晚报记者 X under a headline: the paper's own name for itself, as 本报记者 X is."""
    page = qhnews.parse("雨中疏导交通的民警\n\n□晚报记者 王小五\n\n本报讯 昨日下午，东山路口积水，民警冒雨疏导。\n")
    byline = next(b for a in page.articles for b in a.bylines if b.position.value == "heading")
    assert (byline.outlet, [(p.role, p.name) for p in byline.people]) == ("晚报", [("记者", "王小五")])


# Found by scripts/deep (test_properties.py::test_swapping_two_articles_gives_the_same_articles), fixed: the
# swap put a later item of a short-news column (△…（X）) above the column's label. Every group then moved
# up one article (the label to the item above it, the title to the item under the label), and the title's
# subtitle (…综述) was left to head the last article alone: each item gained a headline, paid for by a
# subtitle read as a title. A column's items stand under its label with no headline of their own (no cost
# left headless, as an article continued from another page), and a lone line that says what kind of piece
# it is (…综述) is a weak title, as 记X and 访X are.
_ITEM_ABOVE_ITS_COLUMNS_LABEL = (
    "△东山县召开安全生产会议，部署下一阶段工作任务。（王丽）\n\n东山快讯\n\n"
    "△东山县新建图书馆一座，年底前开放。（王丹）\n\n西川村修通产业路\n西川村产业路建设综述\n\n"
    "本报讯（记者 赵六）西川村三公里产业路全线贯通，西川村的核桃可以直接装车运出山了。\n"
)


def test_an_item_printed_above_its_columns_label_moves_no_headline_up() -> None:
    page = qhnews.parse(_ITEM_ABOVE_ITS_COLUMNS_LABEL)
    assert [(a.title, a.subtitles) for a in page.articles] == [
        (None, ()),
        ("东山快讯", ()),
        ("西川村修通产业路", ("西川村产业路建设综述",)),
    ]


# Found by scripts/deep (the swap property, 2026-12-01), fixed: a picture story (a title over a caption and
# its credit, no text) at the page top, its title wrapped over two lines as wide as the caption's: lines
# that fill the column over a blank line read as running text a column break cut, and the title ran into
# the caption. A short text closed by its credit (…摄) within a few lines is a caption: the lines over it
# are the picture story's title, set to the caption's measure.
_PICTURE_STORY_TITLE_AS_WIDE_AS_ITS_CAPTION = (
    "让“西山产业园”成为\n全县高质量发展新引擎\n\n王五在西山产业园了解\n企业生产情况。\n本报记者赵六摄\n\n"
    "西川村修通产业路\n\n本报讯（记者 赵六）西川村三\n公里产业路全线贯通。\n"
)


def test_a_picture_storys_title_as_wide_as_its_caption_stays_its_title() -> None:
    page = qhnews.parse(_PICTURE_STORY_TITLE_AS_WIDE_AS_ITS_CAPTION)
    assert [a.title for a in page.articles] == ["让“西山产业园”成为全县高质量发展新引擎", "西川村修通产业路"]
    # a photo-news item since (caption.photo-news): its text a paragraph, its credit the trailing byline
    assert [b.text for b in page.articles[0].blocks] == ["王五在西山产业园了解企业生产情况。"]
    assert [(b.text, b.credit, b.outlet) for b in page.articles[0].bylines] == [("本报记者赵六摄", "摄", "本报")]


# Found by scripts/deep (test_layouts.py, title over two lines, 2026-12-01): bug AH in
# test_properties.KNOWN_BUGS. A paragraph's first line ends far short of its column where the number after
# it did not fit (…完成成果 / 1.21%，…); the lines above, their commas hanging past the edge, make the column
# look two cells wider, and the short line read as a heading over the line under it. It goes on since
# 2026-12-03: a paragraph's first line under a heading is short of the lines under it too, by its indent,
# and the line under this one is as wide as they are.
_FIRST_LINE_SHORT_BEFORE_A_NUMBER = (
    "南川顺华材料有限公司（试行）\n构建环境。积极引导安全格局，\n印发《南川市经济工作方案》，\n"
    "着力促进质量品牌。\n东山县，完成成果\n1.21%，加快加强格局基础，\n"
)


@pytest.mark.parametrize(
    ("below", "paragraph"),
    [
        ("", "东山县，完成成果1.21%，加快加强格局基础，"),
        (
            "推动全县产业稳步发展，让\n群众收入持续增加，各项指标\n都有提升。\n",
            "东山县，完成成果1.21%，加快加强格局基础，推动全县产业稳步发展，让群众收入持续增加，各项指标都有提升。",
        ),
    ],
    ids=["last-line", "lines-under-it"],
)
def test_a_first_line_cut_short_before_a_number_goes_on(below: str, paragraph: str) -> None:
    page = qhnews.parse(_FIRST_LINE_SHORT_BEFORE_A_NUMBER + below)
    assert [b.text for a in page.articles for b in a.blocks][-1] == paragraph


# Found by scripts/deep (the swap property, 2026-12-02), open: two bare titles gathered after two bodies with
# lead bylines and no heading byline (the page's own order, 本报讯… / 本报讯… / title / title). The attachment
# gives both to the second body, the second title read as the first's plain second line (a subtitle without
# ——) across the blank line between them, and the first body keeps none. A blank line cannot part them:
# pages print a title and its subtitle with one between as often as not (the second reading's title
# accuracy fell from 0.87 to 0.72 when it did). What tells them apart is which body each title speaks of.
# The deep run of 2026-12-02 (parser of e7b1247) found the same again in the swap property: a bare title
# over the next article's title, read as its plain second line.
_TWO_BARE_TITLES_AFTER_TWO_BODIES = (
    "本报讯（东东晚报全媒体\n记者 王丹丹）此外，东东县\n书记王丹深入东东东东科技有\n限公司调研，拓展智慧乡村，\n"
    "开展智慧乡村能力，促进旅游、\n安全、环境等设施。与AI市场\n企业共建品牌平台，统筹深化\n管理民生？\n\n"
    "本报讯（东中晚报全媒体\n记者 王丹丹）此外，东中县\n书记王丽深入东中东东科技有\n限公司调研，拓展智慧城市，\n"
    "开展智慧城市能力，促进旅游、\n安全、环境等设施。与AI市场\n企业共建品牌平台，统筹深化\n管理民生？\n\n"
    "东东农业农村局推进工作工作\n\n全面推进  全面推进  着力打造智慧城市\n"
)


@pytest.mark.xfail(strict=True, reason="open: two bare titles after two bodies both go to the second body")
def test_two_bare_titles_after_two_bodies_go_one_to_each() -> None:
    page = qhnews.parse(_TWO_BARE_TITLES_AFTER_TWO_BODIES)
    assert [(a.title, a.subtitles) for a in page.articles] == [
        ("东东农业农村局推进工作工作", ()),
        ("全面推进 全面推进 着力打造智慧城市", ()),
    ]


# Found by scripts/deep (2026-12-02, parser of e7b1247; each still fails at the parser of this commit). The
# pages are the generator's (invented text); four are cut down to what still shows the failure, the fifth
# (two groups with heading bylines) fails only with its bodies whole: the attachment weighs their words.

#: ``qhnews normalize`` kept a line apart that a blank line cuts off in the middle of a word (共建要 /
#: 展…: the line ends no sentence but stops short of its column); its output, read again, has no blank
#: line there and joined the two. Fixed where the line opens as only a paragraph does (同时，…: a
#: connective, an attribution or a time frame and its comma, ``pat.PARAGRAPH_OPENER``): it is running
#: text, joined across the blank line both times.
_SHORT_LINE_OVER_A_BLANK_MID_WORD = (
    "同时，与GDP治理企业共建要\n\n展智慧城市能力，促进旅游、安全、环境等设施。与\n王丹丹、王丹参加。（下转二版）"
)


def test_normalize_reads_back_a_short_line_cut_off_by_a_blank_line() -> None:
    from test_properties import read_back

    once, twice = read_back(_SHORT_LINE_OVER_A_BLANK_MID_WORD)
    assert twice == once
    assert once[0] == "同时，与GDP治理企业共建要展智慧城市能力，促进旅游、安全、环境等设施。与王丹丹、王丹参加。"


#: The same line opening with a subject (东山县，…) instead: in wrapped text a short line with a comma
#: between blank lines reads as a heading, and ``normalize`` prints it on a line of its own; read again,
#: the page is unwrapped (a paragraph a line) and a lone line with a comma over running text wider than a
#: column is a paragraph a column break cut (``unwrapped_text_width``), joined. Only the column tells the
#: two apart, and the printed output has none.
_SHORT_LINE_WITH_A_SUBJECT_OVER_A_BLANK_MID_WORD = _SHORT_LINE_OVER_A_BLANK_MID_WORD.replace("同时，", "东山县，")


#: Found again by scripts/deep (2026-12-03, parser of 38212c3; open at 154bc87 too): 王丹丹表示，东乐东东科技有限公司
#: alone between blank lines, cut by a column break before （一期）…, kept apart once and joined when read again.
_SHORT_LINE_WITH_A_SUBJECT_IN_A_PAGE = (
    "全面推进  全面推进  着力打造智慧城市\n\n本报讯（东乐晚报全媒体记者 王丹\n"
    "丹）今年以来，东乐县书记王丹丹深入东乐\n东东科技有限公司调研，激发智慧城市，与\n"
    "AI民生企业共建安全平台，东乐县产业工作\n达到2021年，东乐县管理链条达到825亿元。\n"
    "完成医疗49吨，大力引导能力农业，扩大安\n全、机制、机制等动能！围绕“东东智慧城\n"
    "市”提升市场，印发《东乐县服务管理办法》，\n切实拓展工作旅游。\n\n王丹丹表示，东乐东东科技有限公司\n\n"
    "（一期）落实经济，夯实治理、格局、教育\n等管理！印发《东乐县链条若干措施》，东\n乐县管理平台达到443万人次？\n"
    "\n全面推进  全面推进  着力打造数字城市\n\n本报讯（记者 王丹）此外，东丰县书记王云深\n"
    "入东丰东东科技有限公司调研，拓展数字城市，开展\n数字城市能力，促进旅游、安全、环境等设施。与AI\n"
    "市场企业共建品牌平台，统筹深化管理民生？\n王云表示，东丰县安全政策达到2019年，促进旅\n"
    "游、安全、环境等设施，精准落实活力科技。统筹深\n化管理民生，落实治理、效益、经济等活力，印发\n"
    "《东丰县措施若干措施》。\n王云、王丹参加。\n\n全面推进  全面推进  着力打造绿色城市\n\n"
    "本报讯（记者 王丹）此外，东中县书\n记王丽深入东中东东科技有限公司调研，拓\n"
    "展绿色城市，开展绿色城市能力，促进旅游、\n安全、环境等设施。与AI市场企业共建品牌\n平台，统筹深化管理民生？\n"
    "王丽、王丹参加。\n\n全面推进  全面推进  着力打造智慧乡村\n\n本报讯（记者 王丹）会议指出，东东\n"
    "县书记王丹深入东东东东科技有限公司调研，\n完善智慧乡村，大力夯实成果措施，印发\n"
    "《东东县旅游行动计划》，着力拓展效益动\n能。构建教育、格局、基层等经济，全面推\n"
    "进基础品牌，不断发挥旅游效益，东东东东\n科技有限公司（试行）引导教育。\n（转二版）"
)


@pytest.mark.xfail(
    strict=True, reason="open: a short line over a blank line mid-word is kept apart once, joined when read again"
)
def test_normalize_reads_back_a_short_line_with_a_subject_cut_off_by_a_blank_line() -> None:
    from test_properties import read_back

    once, twice = read_back(_SHORT_LINE_WITH_A_SUBJECT_OVER_A_BLANK_MID_WORD)
    assert twice == once


def test_normalize_reads_back_a_short_line_with_a_subject_cut_off_by_a_blank_line_in_a_page() -> None:
    # Fixed (2026-12-03) by measuring the column not across the lines that stand alone by their form: the
    # line's column had taken in the next article's lines past its lead byline, and it read far short of it.
    from test_properties import read_back

    once, twice = read_back(_SHORT_LINE_WITH_A_SUBJECT_IN_A_PAGE)
    assert twice == once
    assert "王丹丹表示，东乐东东科技有限公司（一期）落实经济，夯实治理、格局、教育等管理！" in "".join(once)


#: A title at the page top over a lead dateline, and after that article's body the next group: a section
#: label (A·B), a title and a heading byline. The label went to the first body as its title and the
#: first title was left as a page banner. Fixed: a banner heads the lead story's own headline, so a group
#: set right over the first article's dateline is that article's headline (``glued_banner_cost``).
_TOP_TITLE_AND_A_LABEL_UNDER_THE_FIRST_BODY = (
    "东丰农业农村局推进工作工作\n本报讯（东丰晚报全媒体\n展智慧城市能力，促进旅游、\n发挥旅游效益。\n\n"
    "智慧城市·推进工作\n全面推进 全面推进 着力打造智慧乡村\n■王丽\n建品牌平台，统筹深化管理民\n生？ （记者 王丹）"
)


def test_a_title_at_the_page_top_over_a_dateline_is_its_articles() -> None:
    page = qhnews.parse(_TOP_TITLE_AND_A_LABEL_UNDER_THE_FIRST_BODY)
    assert page.page_headings == ()
    assert [(a.section, a.title) for a in page.articles] == [
        (None, "东丰农业农村局推进工作工作"),
        ("智慧城市·推进工作", "全面推进 全面推进 着力打造智慧乡村"),
    ]


#: Two headline groups, each with its heading byline, each printed after its body; the second body opens
#: with a dateline. The first group goes to the second body (the dateline's), and the first body keeps none.
_TWO_BYLINE_GROUPS_AFTER_THEIR_BODIES = (
    "会议强调,福定镇书记韩雪深入福定岭东职\n业技术学院调研,健全绿色果园，福定镇水平服\n"
    "务达到44.34万，福定岭东职业技术学院（试行)\n"
    "构建底线。精准落实市场基础,切实巩固农业服\n务,精准推进活力基层,完成平台85.79%。不断\n"
    "落实工作平台,扎实推动要素市场,福定镇产业\n"
    "质量达到66.64%,与IP服务企业共建水平平台。\n\n福定应急管理局提升旅游与\n绿色果园医疗深度融合\n\n"
    "■泰德日报特约记者 易荣晶 通讯员 余明 邵韵\n"
    "\n本报北营1月17日电 (记者邵韵、吴育)据\n了解，河中县局长卢丹深入河中岭乐产业园调研，\n"
    "深化绿色工坊，河中岭乐产业园(一期)强化标\n"
    "准,河中岭乐产业园(文化企业)提升文化,实\n施绿色工坊经济。稳步健全旅游活力,河中县人\n"
    "才市场达到44.95%,引导绿色工坊管理?统筹巩\n"
    "固教育市场,河中县人才能力达到536家,加快\n保障农业治理。夯实绿色工坊基层,全面引导农\n业要素。\n\n"
    "卢丹表示,完成医疗6.42万亩,河中岭乐产\n"
    "业园(试行)夯实标准，河中岭乐产业园(试行)\n培育企业,完成底线98.81%。切实加强格局项目,\n"
    "河中岭乐产业园(一期)优化体系。与LED科技\n"
    "企业共建责任平台。完成品牌11月8日!\n\n卢丹表示，持续构建旅游服务,大力提升水\n"
    "平效益,完成能力218吨，河中县链条保护达到\n"
    "37.79%。持续提升企业保护!\n\n今年以来，稳步开展企业保护，完善品牌、\n"
    "成果、平台等安全,拓展绿色工坊基础。扎实拓\n展链条保护,围绕“岭乐绿色工坊”落实基础，\n"
    "大力激发活力水平。全面培育底线资源,培育绿\n色工坊体系，促进基础、政策、成果等民生,河\n"
    "中县设施安全达到3月16日。扎实加强底线责任,\n"
    "印发《河中县经济若干措施》。巩固动能、质量、\n经济等设施!\n\n据了解,扎实推动民生企业,印发《河中县\n"
    "保护行动计划》。深入开展能力民生,加强资源、\n"
    "人才、任务等产业,着力开展民生平台,发挥绿\n色工坊人才!完成能力241吨,与EPC工作企业共\n"
    "建责任平台?切实打造水平能力,与App动能企\n"
    "业共建政策平台!与AI农业企业共建市场平台。\n\n“河中岭乐产业园（安全机制)构建安全，\n"
    "印发《河中县农业行动计划》,健全绿色工坊基\n"
    "层。”卢丹说。积极推进标准保护?\n\n河中农业农村局提升旅游与\n绿色工坊医疗深度融合\n\n■易荣晶"
)


@pytest.mark.xfail(strict=True, reason="open: the first body's group, printed after it, goes to the dateline under it")
def test_two_byline_groups_after_their_bodies_go_one_to_each() -> None:
    page = qhnews.parse(_TWO_BYLINE_GROUPS_AFTER_THEIR_BODIES)
    assert [a.title for a in page.articles] == [
        "福定应急管理局提升旅游与绿色果园医疗深度融合",
        "河中农业农村局提升旅游与绿色工坊医疗深度融合",
    ]


#: A title glued over its plain second line, the line break inside a word the page has (乡村 | 建设): read as
#: one title wrapped at the headline measure. Only type size tells the two apart on a real page.
_TITLE_OVER_A_SECOND_LINE_CUT_IN_A_WORD = (
    "永福镇促进生态乡村建设综述\n村建设成果。\n着力促进 持续拓展 着力打造和美乡村\n"
    "建设工作旅游培育庄广市和美乡村活力科技\n"
    "文 本报记者 邵军\n品牌环境。着力强化链条机制。\n成果环境，完成资源27.51亿\n元，不断增强资源工作？"
)


@pytest.mark.xfail(strict=True, reason="open: a title over its plain second line cut inside a word reads as one title")
def test_a_title_over_its_second_line_cut_inside_a_word_keeps_its_subtitle() -> None:
    page = qhnews.parse(_TITLE_OVER_A_SECOND_LINE_CUT_IN_A_WORD)
    assert [(a.title, a.subtitles) for a in page.articles][-1] == (
        "着力促进 持续拓展 着力打造和美乡村",
        ("建设工作旅游培育庄广市和美乡村活力科技",),
    )


#: A credited caption set under a text, then a headline group with a heading byline naming the same
#: photographer: the caption was read as the text and trailing credit of the article under the group (a
#: photo-news item told in paragraphs). Fixed: an article credited at its head, by the byline its group
#: brings from after its body, is credited once; the caption stays its picture's (``_passes.caption_again``).
_CAPTION_OVER_A_GROUP_CREDITED_TO_ITS_PHOTOGRAPHER = (
    "扎实培育动能旅游,提升生态驿站措施。\u3000\n\n  市民在永岗村街区参观生态驿站建设成果。\u3000\n"
    "\t新华社记者 韩瑞岚摄\t\n持续激发 深入建设 着力打造生态驿站\n本报记者 韩瑞岚"
)


def test_a_caption_over_a_group_credited_to_its_photographer_stays_a_caption() -> None:
    page = qhnews.parse(_CAPTION_OVER_A_GROUP_CREDITED_TO_ITS_PHOTOGRAPHER)
    assert [b.text for a in page.articles for b in a.bylines] == ["本报记者 韩瑞岚"]
    (article,) = page.articles
    assert [(c.text, c.credit, [p.name for p in c.people]) for c in article.captions] == [
        ("市民在永岗村街区参观生态驿站建设成果。新华社记者 韩瑞岚摄", "摄", ["韩瑞岚"])
    ]
    assert [b.text for b in article.blocks] == ["扎实培育动能旅游，提升生态驿站措施。"]


# Found by scripts/deep (test_parse_returns_the_rendered_articles, 2026-12-03, a page drawn in traditional
# characters), fixed: the leaders listed and what they did (X、Y等參觀) under a title read as the title, with
# the title over it as its kicker: 参观's 观, 慰问's 问 and 欢迎's 欢 had no traditional forms in the table.
def test_the_leaders_listed_and_what_they_did_is_a_subtitle_in_traditional_characters() -> None:
    page = qhnews.parse(
        "全面推進 全面推進 着力打造智慧城市\n郝穎嬌毛雯傑等參觀\n\n"
        "本報訊（記者 王丹）此外，東東縣書記王丹丹深入東東東東科技有限公司調研。\n"
    )
    assert [(a.kicker, a.title, a.subtitles) for a in page.articles] == [
        (None, "全面推進 全面推進 着力打造智慧城市", ("郝穎嬌毛雯傑等參觀",))
    ]


# Found by scripts/deep (the swap property, 2026-12-03), fixed: the page-top title right over its article's
# dateline read as a page banner, and that article took the next group's first line (printed after its
# jump), the line under it left to head the next text. A banner heads the lead story's own headline:
# a group set right over the first article's dateline (本报讯…) is that article's.
_TOP_TITLE_OVER_ITS_DATELINE = (
    "东东农业农村局推进工作工作\n"
    "\n"
    "本报讯（东东晚报全媒体\n"
    "记者 王丽）会议指出，东东\n"
    "县书记王丽深入东东东东科技\n"
    "有限公司调研，完善智慧乡村，\n"
    "大力夯实成果措施，印发《东\n"
    "东县旅游行动计划》，着力拓\n"
    "展效益动能。构建教育、格局、\n"
    "基层等经济，全面推进基础品\n"
    "牌，不断发挥旅游效益，东东\n"
    "东东科技有限公司（试行）引\n"
    "导教育。\n"
    "王丽、王丹参加。\n"
    "（下转二版）\n"
    "\n"
    "全面推进  全面推进  着力打造绿色城市\n"
    "东丰县2023年个工作推进绿色城市工作\n"
    "\n"
    "此外，东丰县书记王丹深\n"
    "入东丰东东科技有限公司调研，\n"
    "拓展绿色城市，开展绿色城市\n"
    "能力，促进旅游、安全、环境\n"
    "等设施。与AI市场企业共建品\n"
    "牌平台，统筹深化管理民生？\n"
    "（王丽）\n"
)


def test_a_title_at_the_page_top_right_over_its_dateline_is_no_banner() -> None:
    page = qhnews.parse(_TOP_TITLE_OVER_ITS_DATELINE)
    assert page.page_headings == ()
    assert [(a.title, a.subtitles) for a in page.articles] == [
        ("东东农业农村局推进工作工作", ()),
        ("全面推进 全面推进 着力打造绿色城市", ("东丰县2023年个工作推进绿色城市工作",)),
    ]


# Found by scripts/deep (test_normalize_page_is_idempotent_on_its_own_output, 2026-12-03), fixed: a paragraph's
# first line in a narrower column than the article above (此外，…深入宁 / 峰…) read as a heading set right
# above the paragraph, and ``qhnews normalize`` printed it on a line of its own; read back, it joined. A line
# that opens as a paragraph does (``pat.PARAGRAPH_OPENER``) is no heading there either.
_OPENER_LINE_IN_A_NARROWER_COLUMN = (
    "省人大代表、东东市东东县委副书记、县长 王斌\n"
    "全面推进  全面推进  着力打造智慧园区\n"
    "\n"
    "此外，东东县书记王斌深入东东东东科技\n"
    "有限公司调研，拓展智慧园区，开展智慧园区\n"
    "能力，促进旅游、安全、环境等设施。与AI市\n"
    "场企业共建品牌平台，统筹深化管理民生？\n"
    "（一）\n"
    "王斌表示，东东县安全政策达到2019年，\n"
    "促进旅游、安全、环境等设施，精准落实活力\n"
    "科技。统筹深化管理民生，落实治理、效益、\n"
    "经济等活力，印发《东东县措施若干措施》。\n"
    "王斌表示，东东县安全政策达到2019年，\n"
    "促进旅游、安全、环境等设施，精准落实活力\n"
    "科技。统筹深化管理民生，落实治理、效益、\n"
    "经济等活力，印发《东东县措施若干措施》。\n"
    "王斌表示，东东县安全政策达到2019年，\n"
    "促进旅游、安全、环境等设施，精准落实活力\n"
    "科技。统筹深化管理民生，落实治理、效益、\n"
    "经济等活力，印发《东东县措施若干措施》。\n"
    "王斌表示，东东县安全政策达到2019年，\n"
    "促进旅游、安全、环境等设施，精准落实活力\n"
    "科技。统筹深化管理民生，落实治理、效益、\n"
    "经济等活力，印发《东东县措施若干措施》。\n"
    "王斌表示，精准增强平台保护，发挥经\n"
    "济、基层、生态等服务？切实扩大文化经济，\n"
    "构建智慧园区治理。\n"
    "\n"
    "此外，宁峰县书记王丹深入宁\n"
    "峰东东科技有限公司调研，拓展智\n"
    "慧乡村，开展智慧乡村能力，促进\n"
    "旅游、安全、环境等设施。与AI市\n"
    "场企业共建品牌平台，统筹深化管\n"
    "理民生？\n"
    "全面推进智慧乡村工作\n"
    "王丹表示，宁峰县安全政策达\n"
    "到2019年，促进旅游、安全、环境\n"
    "等设施，精准落实活力科技。统筹\n"
    "深化管理民生，落实治理、效益、\n"
    "经济等活力，印发《宁峰县措施若\n"
    "干措施》。\n"
    "王丹表示，宁峰县安全政策达\n"
    "到2019年，促进旅游、安全、环境\n"
    "等设施，精准落实活力科技。统筹\n"
    "深化管理民生，落实治理、效益、\n"
    "经济等活力，印发《宁峰县措施若\n"
    "干措施》。\n"
    "王丹表示，宁峰县安全政策达\n"
    "到2019年，促进旅游、安全、环境\n"
    "等设施，精准落实活力科技。统筹\n"
    "深化管理民生，落实治理、效益、\n"
    "经济等活力，印发《宁峰县措施若\n"
    "干措施》。\n"
    "王丹表示，宁峰县安全政策达\n"
    "到2019年，促进旅游、安全、环境\n"
    "等设施，精准落实活力科技。统筹\n"
    "深化管理民生，落实治理、效益、\n"
    "经济等活力，印发《宁峰县措施若\n"
    "干措施》。\n"
    "王丹表示，宁峰县安全政策达\n"
    "到2019年，促进旅游、安全、环境\n"
    "等设施，精准落实活力科技。统筹\n"
    "深化管理民生，落实治理、效益、\n"
    "经济等活力，印发《宁峰县措施若\n"
    "干措施》。\n"
    "\n"
    "全面推进  全面推进  着力打造智慧乡村\n"
    "文/图 本报记者 王丹\n"
    "全面推进  全面推进  着力打造智慧城市\n"
    "\n"
    "本报讯（记者 王丹）此外，宁湖县书记\n"
    "王秀深入宁湖东东科技有限公司调研，拓展智\n"
    "慧城市，开展智慧城市能力，促进旅游、安全、\n"
    "环境等设施。与AI市场企业共建品牌平台，统\n"
    "筹深化管理民生？\n"
    "王秀、王丹参加。（下转二版）\n"
    "\n"
    "全面推进  全面推进  着力打造康养城市\n"
    "华东县2023年个工作推进康养城市工作\n"
    "\n"
    "本报讯（记者 王丹）此外，华东县书记\n"
    "王岚深入华东东东科技有限公司调研，拓展康\n"
    "养城市，开展康养城市能力，促进旅游、安全、\n"
    "环境等设施。与AI市场企业共建品牌平台，统\n"
    "筹深化管理民生？\n"
    "王岚、王丹参加。（下转六版）\n"
    "\n"
    "全面推进  深入推进  着力打造精品城市\n"
    "\n"
    "本报讯（记者 王丹）7月2日，华泰县书\n"
    "记王凡深入华泰东东科技有限公司调研，拓展\n"
    "精品城市，围绕“东东精品城市”拓展市场，\n"
    "完成安全18.97%，稳步激发科技品牌。统筹深\n"
    "化管理民生，落实治理、效益、经济等活力，\n"
    "印发《华泰县措施若干措施》。\n"
    "王凡、李丹参加。（下转二版）"
)


def test_normalize_reads_back_an_opening_line_in_a_narrower_column() -> None:
    from test_properties import read_back

    once, twice = read_back(_OPENER_LINE_IN_A_NARROWER_COLUMN)
    assert twice == once
    assert any(b.startswith("此外，宁峰县书记王丹深入宁峰东东科技有限公司调研，") for b in once)


#: Found by scripts/deep (test_parse_returns_the_rendered_articles, 2026-12-03), cut down: a quoted sentence
#: whose line hangs its closing marks (。”) past the column edge, in a run of four lines between a photo
#: credit and a trailing byline. The upper quartile of four widths is their widest, the hanging line, so
#: the full line under it (王丹说。…) was three cells short of "the column" and read as a first line that
#: lost its indent: the paragraph split in two.
_FULL_LINE_UNDER_A_HANGING_QUOTE = (
    "东山县推进品牌平台建设\n\n"
    "王丹在东山科技有限公司了解措施\n情况。\n新华社记者王丽摄\n\n"
    "“印发《东山县品牌工作方案》，完成\n"
    "保护31.54%，与EPC成果企业共建教育平台。”\n"
    "王丹说。印发《东山县资源实施意见》。积\n"
    "极提升安全效益。 （王丽）\n"
)


def test_a_full_line_under_a_line_that_hangs_its_closing_marks_goes_on() -> None:
    page = qhnews.parse(_FULL_LINE_UNDER_A_HANGING_QUOTE)
    quoted = [b.text for a in page.articles for b in a.blocks if b.text.startswith("“印发")]
    whole = "“印发《东山县品牌工作方案》，完成保护31.54%，与EPC成果企业共建教育平台。”王丹说。"
    assert quoted == [whole + "印发《东山县资源实施意见》。积极提升安全效益。"]


#: Found by scripts/deep (test_swapping_two_articles_gives_the_same_articles, 2026-12-03), cut down: a
#: paragraph's first line cut off by a column break (王丹表示，积极建设任务 / 服务，…) over the next article's
#: profile line and its wider column. The column of the cut-off line took in the lines past the profile line,
#: set eight cells wider, and the line read shorter than a first line is: a subheading. A profile line, a
#: byline or a jump stands alone by its form, and the column is now measured not across it before the
#: headline decisions too (only after them, not across the headline groups found, before).
_FIRST_LINE_OVER_A_WIDER_ARTICLE = (
    "全面推进  全面推进  着力打造绿色城市\n"
    "■王丽\n"
    "\n"
    "此外，扎实引导政策能\n"
    "力，巩固绿色城市格局，围绕\n"
    "“东东绿色城市”培育环境。\n"
    "构建绿色城市项目，完成基层\n"
    "2020年。\n"
    "\n"
    "王丹表示，积极建设任务\n"
    "\n"
    "服务，加快推动质量工作，健\n"
    "全农业、治理、基层等机制？\n"
    "健全水平、任务、乡村等医疗！\n"
    "\n"
    "省人大代表、东丰市东丰县委副书记、县长 王丹丹\n"
    "全面推进  全面推进  着力打造智慧城市\n"
    "\n"
    "此外，东丰县书记王丹丹深入东丰\n"
    "东东科技有限公司调研，拓展智慧城市，\n"
    "开展智慧城市能力，促进旅游、安全、\n"
    "环境等设施。与AI市场企业共建品牌平\n"
    "台，统筹深化管理民生？\n"
    "王丹丹表示，东丰县安全政策达到\n"
    "2019年，促进旅游、安全、环境等设施，\n"
    "精准落实活力科技。统筹深化管理民生，\n"
    "落实治理、效益、经济等活力，印发\n"
    "《东丰县措施若干措施》。围绕“东东\n"
    "智慧城市”深化能力。\n"
)


def test_a_first_line_cut_off_over_a_wider_article_opens_its_paragraph() -> None:
    page = qhnews.parse(_FIRST_LINE_OVER_A_WIDER_ARTICLE)
    assert [b.kind.value for b in page.articles[0].blocks] == ["paragraph", "paragraph"]
    assert page.articles[0].blocks[1].text.startswith("王丹表示，积极建设任务服务，加快推动质量工作，")


#: Found by scripts/deep (test_parse_returns_the_rendered_articles, 2026-12-03), cut down: a title of phrases
#: set apart by spaces over a plain second line (its subtitle), glued. The caption under the text has the
#: phrase across the break (智慧城市 / 建设… and …智慧城市建设成果), so the attachment's runs_on says a word was
#: cut in two and the lines read as one title wrapped; with the caption worded otherwise they read right. A
#: bigram across the break that a body has is often two words side by side (城市|建设), no word cut in two.
_SPACED_TITLE_OVER_A_PLAIN_LINE_A_CAPTION_RUNS_ON = (
    "全面推进  全面推进  着力打造智慧城市\n"
    "建设工作工作推进东丰县智慧城市工作工作\n"
    "\n"
    "本报讯（东丰晚报全媒体记\n"
    "者 王丹丹）此外，东丰县书记王\n"
    "丹深入东丰东东科技有限公司调研，\n"
    "拓展智慧城市，开展智慧城市能力，\n"
    "促进旅游、安全、环境等设施。与\n"
    "AI市场企业共建品牌平台，统筹深\n"
    "化管理民生？\n"
    "\n"
    "市民在东丰县街区参观智慧城\n"
    "市建设成果。\n"
    "本报记者 王丹丹 摄\n"
)


@pytest.mark.xfail(strict=True, reason="open: a bigram across a headline's break that the page has reads as a cut word")
def test_a_spaced_title_over_a_plain_line_keeps_its_subtitle_where_a_caption_runs_on() -> None:
    page = qhnews.parse(_SPACED_TITLE_OVER_A_PLAIN_LINE_A_CAPTION_RUNS_ON)
    assert [(a.title, a.subtitles) for a in page.articles] == [
        ("全面推进 全面推进 着力打造智慧城市", ("建设工作工作推进东丰县智慧城市工作工作",))
    ]


#: Found by scripts/deep (test_swapping_two_articles_gives_the_same_articles, 2026-12-03; the page after the
#: swap): a title at the page top over the first article's dateline, a blank line between; after that text
#: (closed by its jump) the next article's group, three lines set together (a title, its plain second line, a
#: heading byline), over a text with no lead byline. The group's first line names an agency the first text
#: names (农业农村局): it goes to the first text as its title printed after it, the top title is left as a
#: page banner and the group is cut in two. Open: a group set together is one unit, and the top title stands
#: over the first article's dateline (glued_banner_cost weighs that, but less than the shared name).
_TOP_TITLE_AND_A_GLUED_GROUP_THAT_NAMES_THE_FIRST_TEXT = (
    "全面加强  全面深化  着力打造智慧城市\n"
    "\n"
    "本报讯（东东晚报全媒体\n"
    "记者 王丹丹）记者从东东农\n"
    "业农村局获悉，东东县书记王\n"
    "丹丹深入东东东东科技有限公\n"
    "司调研，建设智慧城市，围绕\n"
    "“东东智慧城市”巩固动能，\n"
    "印发《东东县动能行动计划》，\n"
    "建设智慧城市文化，保障措施、\n"
    "能力、底线等资源。着力引导\n"
    "水平工作，印发《东东县农业\n"
    "实施意见》，推进智慧城市人\n"
    "才，与GDP链条企业共建标准\n"
    "平台？\n"
    "王丹丹、王丹参加。\n"
    "（下转二版）\n"
    "\n"
    "东中农业农村局推进工作工作\n"
    "东中县2023年个工作推进智慧乡村工作\n"
    "■王丹丹\n"
    "\n"
    "此外，东中县书记王丹深\n"
    "入东中东东科技有限公司调研，\n"
    "拓展智慧乡村，开展智慧乡村\n"
    "能力，促进旅游、安全、环境\n"
    "等设施。与AI市场企业共建品\n"
    "牌平台，统筹深化管理民生？"
)


@pytest.mark.xfail(
    strict=True, reason="open: the first line of a glued group goes to the text above, the top title a banner"
)
def test_a_glued_group_under_a_jump_stays_whole_and_the_top_title_is_the_first_articles() -> None:
    page = qhnews.parse(_TOP_TITLE_AND_A_GLUED_GROUP_THAT_NAMES_THE_FIRST_TEXT)
    assert page.page_headings == ()
    assert [a.title for a in page.articles] == ["全面加强 全面深化 着力打造智慧城市", "东中农业农村局推进工作工作"]


#: Found by scripts/deep (test_layouts.py::test_structure_round_trip[title and plain subtitle], 2026-12-03),
#: cut down: an unwrapped page; a title printed after its body, then the next article's title over two plain
#: lines, each of the four lines between blank lines, over that article's dateline. The second line names the
#: lower text's place and thing (坝台乡, 高原走廊) and none of the upper's, yet it goes to the upper title as its
#: plain subtitle, and the lower title loses its first line. Open (fails at e2b5b72 too).
_TITLE_AFTER_ITS_BODY_OVER_A_TITLE_OF_THREE_LINES = _deep_page("title-after-body-over-a-three-line-title")


@pytest.mark.xfail(strict=True, reason="open: a title after its body takes the first line of the stack under it")
def test_a_title_after_its_body_leaves_the_three_line_title_under_it_whole() -> None:
    page = qhnews.parse(_TITLE_AFTER_ITS_BODY_OVER_A_TITLE_OF_THREE_LINES)
    assert [(a.title, a.subtitles) for a in page.articles] == [
        ("推动高原果园 保障底线产业", ()),
        (
            "坝台乡16.72万服务优化高原走廊",
            ("引导动能基础保障坝台乡高原走廊环境建设建设", "坝台文化旅游局打造安全责任落实高原走廊水平"),
        ),
    ]


#: Found by the round-trip property (ci profile) once bug V's minimal page passed (2026-12-03), not cut down: a
#: title over its plain second line between two texts, the lower one closing with a bare name (（X）) that the
#: upper article's lead byline does not credit. The heading lines were read as a subheading of the upper article
#: and the two texts merged (bug V; failed at 50813b6 too): a bare name at the end may credit a hand in the
#: article above, so boundary.run-together cut only at a news lead. The heading lines are set one by one (the
#: plain line is wider than the title), not wrapped at a measure: a headline, where the cut is made.
_TITLE_AND_PLAIN_LINE_BETWEEN_BODIES = _deep_page("title-and-plain-line-between-bodies-without-bylines")


def test_a_title_and_its_plain_line_between_two_texts_head_the_lower_one() -> None:
    page = qhnews.parse(_TITLE_AND_PLAIN_LINE_BETWEEN_BODIES)
    assert [(a.title, a.subtitles) for a in page.articles] == [
        ("全面推进 全面推进 着力打造智慧城市", ()),
        ("东东县智慧乡村工作推进取得新进展", ("东东农业农村局推进工作工作推进智慧乡村工作",)),
    ]


#: Found by scripts/deep (test_parse_returns_the_rendered_articles, 2026-12-03), not cut down: a title over
#: its plain second line, the title as wide as the column, between a text and an editor's note (编者按：…) that
#: stands over the next report's dateline. The two heading lines read as running text cut by a column break and
#: run on into the note: the paragraph went to the article above, and the report under the dateline had no
#: headline (failed at 50813b6 too). Fixed: a note opens a paragraph (break.note-opens) and, after an article's
#: text, the next article (boundary.note-after-text); the heading lines that end the text above are its headline.
_TITLE_AND_PLAIN_LINE_OVER_AN_EDITORS_NOTE = _deep_page("title-and-plain-line-over-an-editors-note")


def test_a_title_over_its_plain_line_heads_the_report_its_editors_note_opens() -> None:
    page = qhnews.parse(_TITLE_AND_PLAIN_LINE_OVER_AN_EDITORS_NOTE)
    last = page.articles[-1]
    assert last.title == "东东县推进绿色城市建设的工作工作新路径"
    assert last.subtitles == ("东东县2023年个工作推进绿色城市工作",)
    assert last.blocks[0].text.startswith("编者按：")


#: Found by scripts/deep (test_normalize_page_is_idempotent_on_its_own_output, 2026-12-03), not cut down: under
#: a photo credit and a blank line, a paragraph's first line cut short before the year its column could not take
#: (…达到 / 2019年，…) is kept apart from its paragraph when the page is normalized, and joined when that output
#: is normalized again. The short-line family of the page above; open (fails at 50813b6 too).
_FIRST_LINE_SHORT_BEFORE_A_YEAR = _deep_page("first-line-short-before-a-year-under-a-photo-credit")


@pytest.mark.xfail(strict=True, reason="open: a first line cut short before a year is kept apart once, joined again")
def test_normalize_reads_back_a_first_line_cut_short_before_a_year_under_a_photo_credit() -> None:
    from test_properties import read_back

    once, twice = read_back(_FIRST_LINE_SHORT_BEFORE_A_YEAR)
    assert twice == once


#: Found by scripts/deep (test_parse_returns_the_rendered_articles, 2026-12-03), not cut down: every headline
#: printed after its body. A title over its plain second line after the first report, over a text that opens
#: with no byline (credited at its end), is read as two titles: the plain line heads the text under it, and the
#: last two titles stack as a kicker over a title. Open (fails at 50813b6 too): the family of bugs P and Q.
_TITLE_AND_PLAIN_LINE_OVER_AN_UNOPENED_BODY = _deep_page("title-and-plain-line-after-a-body-over-an-unopened-body")


@pytest.mark.xfail(strict=True, reason="open: a title and plain line after a body split over an unopened body")
def test_a_title_and_its_plain_line_after_a_body_stay_that_bodys() -> None:
    page = qhnews.parse(_TITLE_AND_PLAIN_LINE_OVER_AN_UNOPENED_BODY)
    assert [(a.kicker, a.title, a.subtitles) for a in page.articles] == [
        (None, "东东农业农村局推进工作与智慧乡村工作深度融合", ("东东农业农村局推进工作工作推进智慧乡村工作工作",)),
        (None, "全面推进 全面推进 着力打造智慧城市", ()),
        (None, "全面加强 全面推进 着力打造绿色城市", ()),
    ]


#: Found by scripts/deep (test_swapping_two_articles_gives_the_same_articles, 2026-12-03): a headline group with
#: its heading byline printed over a text that closes with a bare name (（X）), right after another article's
#: text with a jump. Where the group may close the text above (boundary.group-between-texts), the group was given
#: back to the attachment with every byline of the text under it, the bare name at its end too: the article above
#: took both, and the text under the group lost its credit. A trailing byline credits the text it closes: it
#: stays. (Failed at 50813b6 too.) The same two articles in the other order parse alike.
_BYLINE_GROUP_OVER_A_TEXT_CLOSED_BY_A_BARE_NAME = [
    _deep_page(f"byline-group-over-a-text-closed-by-a-bare-name{suffix}") for suffix in ("", "-swapped")
]


@pytest.mark.parametrize("text", _BYLINE_GROUP_OVER_A_TEXT_CLOSED_BY_A_BARE_NAME, ids=["printed", "swapped"])
def test_a_bare_name_closing_a_text_stays_its_credit_when_its_group_is_given_back(text: str) -> None:
    page = qhnews.parse(text)
    credits = {a.title: sorted(b.text for b in a.bylines) for a in page.articles}
    assert credits == {
        "全面推进 全面推进 着力打造智慧乡村": ["（王丽）"],
        "全面推进 全面推进 着力打造智慧园区": ["文/图 本报记者 王丹"],
        "全面推进 全面推进 着力打造智慧城市": ["本报讯（东丰晚报全媒体记者 王丽）"],
    }


#: Found by scripts/deep (test_layouts.py::test_structure_round_trip[title over two lines], 2026-12-03), not
#: cut down: two titles, each wrapped over two lines at the headline measure, gathered after the two bodies with
#: a blank line between them. The second title is read as the first's subtitle, and the second body takes its
#: subtitles as its title. Open (fails at 50813b6 too): a blank line parts two headlines set after their bodies.
_TWO_WRAPPED_TITLES_GATHERED_AFTER_THEIR_BODIES = _deep_page("two-wrapped-titles-gathered-after-their-bodies")


@pytest.mark.xfail(strict=True, reason="open: two wrapped titles after their bodies are read as title and subtitle")
def test_two_wrapped_titles_gathered_after_their_bodies_go_one_to_each() -> None:
    page = qhnews.parse(_TWO_WRAPPED_TITLES_GATHERED_AFTER_THEIR_BODIES)
    assert [a.title for a in page.articles] == [
        "岭泉乡强化文明城市建设的科技保护新路径",
        "康盛区强化韧性果园建设的科技保护新路径",
    ]


#: Found by scripts/deep (test_layouts.py::test_structure_round_trip[title and plain subtitle], 2026-12-03), not
#: cut down: an unwrapped page, a title over its plain second line printed after its body; the two lines are read
#: as one title wrapped over two lines. The family of the wrapped-title page above; open (fails at 50813b6 too).
_TITLE_OVER_A_PLAIN_LINE_READ_AS_ONE = _deep_page("title-over-a-plain-line-read-as-one-wrapped-title")


@pytest.mark.xfail(strict=True, reason="open: a title over its plain second line is read as one wrapped title")
def test_a_title_over_its_plain_line_after_its_body_keeps_its_subtitle() -> None:
    page = qhnews.parse(_TITLE_OVER_A_PLAIN_LINE_READ_AS_ONE)
    first = page.articles[0]
    assert (first.title, first.subtitles) == ("原峰文化旅游局夯实经济标准", ("强化项目工作推进原峰镇冷凉走廊基层",))


#: Found by scripts/deep (test_swapping_two_articles_gives_the_same_articles, 2026-12-03), not cut down: a title
#: after a text, a blank line, and an editor's note whose first line a column break cuts off (编者按：… / blank /
#: …). The note's first line stood alone between blank lines and was read as a title under the title above
#: (a kicker over it), and the report under the note lost its headline. A line that opens a note with its words
#: is the note's text, never a heading (``_standalone._opens_a_note``): it goes on past the column break.
_EDITORS_NOTE_CUT_BY_A_COLUMN_BREAK = _deep_page("editors-note-cut-by-a-column-break-under-a-title")


def test_an_editors_note_cut_by_a_column_break_under_a_title_stays_the_notes_text() -> None:
    page = qhnews.parse(_EDITORS_NOTE_CUT_BY_A_COLUMN_BREAK)
    noted = [a for a in page.articles if a.blocks and a.blocks[0].text.startswith("编者按：")]
    assert [(a.kicker, a.title) for a in noted] == [(None, "东东农业农村局推进工作工作")]
    assert noted[0].blocks[0].text.startswith("编者按：东东县拓展智慧乡村建设，")


#: Found by scripts/deep (test_parse_returns_the_rendered_articles, 2026-12-03), not cut down: a title printed
#: after its text, a blank line, then the next article's title in spaced phrases over two plain lines. The
#: spaced title goes over the blank line to the title above as its subtitle. Open: a blank line parts two
#: headline groups, but the attachment cuts the cluster where it scores best (bug AI's family).
_SPACED_TITLE_AFTER_A_BLANK_UNDER_A_TITLE = _deep_page("spaced-line-after-a-blank-under-a-title-after-its-body")


@pytest.mark.xfail(strict=True, reason="open: a spaced title after a blank line goes to the title above")
def test_a_spaced_title_after_a_blank_line_stays_with_the_lines_under_it() -> None:
    page = qhnews.parse(_SPACED_TITLE_AFTER_A_BLANK_UNDER_A_TITLE)
    assert [(a.title, a.subtitles) for a in page.articles] == [
        ("全面推进 全面推进 着力打造智慧城市", ()),
        ("川林县智慧街区工作推进取得新进展", ()),
        (
            "全面推进 全面推进 着力打造零碳城市",
            ("东东县2023年个工作推进零碳城市工作建设", "东东县2023年个工作推进零碳城市工作建设工作"),
        ),
    ]


#: Found by scripts/deep (test_parse_returns_the_rendered_articles, 2026-12-03), not cut down: a text whose
#: headline was printed after it, with an in-body subheading of generic words (推进…工作) that the paragraphs
#: above it happen to share. boundary.title-after-its-text cut the text there, reading the subheading as the
#: title of the text above. The group's words were as much the upper text's: the rule now asks for a step of the
#: group's lean (the text under the heading shares more of the group's words than any block above does).
_SUBHEADING_SHARING_WORDS_WITH_THE_TEXT_ABOVE = _deep_page(
    "subheading-sharing-words-with-the-text-above-under-a-title-after-it"
)


def test_a_subheading_sharing_words_with_the_text_above_stays_in_its_article() -> None:
    page = qhnews.parse(_SUBHEADING_SHARING_WORDS_WITH_THE_TEXT_ABOVE)
    first = page.articles[0]
    assert first.title == "全面健全 全面推进 着力打造零碳城市"
    assert [b.text for b in first.blocks if b.kind == "subheading"] == ["推进格局工作工作"]


#: Found by scripts/deep (test_layouts.py::test_structure_round_trip[no byline after another's headline,
#: unwrapped], 2026-12-03, the first run after bug Q was closed), not cut down: on an unwrapped page, the rest of
#: an article continued from another page, then an interview piece whose profile line and title follow its text.
#: The cut between the two texts comes one paragraph early: the quotation closing the first text (“…”X说。) goes
#: to the interview, though it names the first text's place. Open (failed before Q was closed too, as Q):
#: ``boundary.topic-shift`` and ``_cohesive`` read the quotation as leaning to the interview's words.
_QUOTE_OF_A_CONTINUED_TEXT_OVER_AN_INTERVIEW = _deep_page(
    "quote-paragraph-of-a-continued-text-over-an-interview-unwrapped"
)


@pytest.mark.xfail(strict=True, reason="open: a topic-shift cut one paragraph early on an unwrapped page")
def test_the_quotation_closing_a_continued_text_stays_in_it() -> None:
    page = qhnews.parse(_QUOTE_OF_A_CONTINUED_TEXT_OVER_AN_INTERVIEW)
    assert [b.text[:6] for b in page.articles[0].blocks] == ["据了解，峰林", "李希表示，印", "“印发《峰林"]


#: Found by scripts/deep (test_normalize_page_is_idempotent_on_its_own_output, 2026-12-03): an item of a
#: short-news column (△…) whose first line is cut short before a figure its column could not take (…达到 /
#: 76.73%，…) is kept apart from its paragraph when the page is normalized, and joined when that output is
#: normalized again. The short-line family of the photo-credit page above; open.
_COLUMN_ITEM_SHORT_BEFORE_A_FIGURE = _deep_page("column-item-first-line-short-before-a-figure")


@pytest.mark.xfail(strict=True, reason="open: a first line cut short before a figure is kept apart once, joined again")
def test_normalize_reads_back_a_column_item_cut_short_before_a_figure() -> None:
    from test_properties import read_back

    once, twice = read_back(_COLUMN_ITEM_SHORT_BEFORE_A_FIGURE)
    assert twice == once
