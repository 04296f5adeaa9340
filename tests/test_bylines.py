"""Every byline form qhnews knows, parsed into outlet, place, credit and people."""

from __future__ import annotations

import pytest

from qhnews import Span, parse
from qhnews._bylines import name_alone
from qhnews.records import BylinePosition
from qhnews.stages import parse_byline

CASES = [
    ("本报讯（记者 施翔）", BylinePosition.LEAD, None, "本报", None, [("记者", "施翔")]),
    (
        "本报上海讯(记者 边红霞 李颖红)",
        BylinePosition.LEAD,
        None,
        "本报",
        "上海",
        [("记者", "边红霞"), ("记者", "李颖红")],
    ),
    ("青海日报讯(记者 李庆玲)", BylinePosition.LEAD, None, "青海日报", None, [("记者", "李庆玲")]),
    ("本报重庆讯（特约记者 田得乾）", BylinePosition.LEAD, None, "本报", "重庆", [("特约记者", "田得乾")]),
    ("本报讯(通讯员 李元错)", BylinePosition.LEAD, None, "本报", None, [("通讯员", "李元错")]),
    (
        "本报讯（记者 王五 通讯员 赵六 实习生 钱七）",
        BylinePosition.LEAD,
        None,
        "本报",
        None,
        [("记者", "王五"), ("通讯员", "赵六"), ("实习生", "钱七")],
    ),
    ("新华社北京7月10日电（记者 张三）", BylinePosition.LEAD, None, "新华社", "北京", [("记者", "张三")]),
    ("文/图 本报记者 孙丹丹", BylinePosition.HEADING, "文/图", "本报", None, [("记者", "孙丹丹")]),
    ("本报记者 马春香 吴婷婷", BylinePosition.HEADING, None, "本报", None, [("记者", "马春香"), ("记者", "吴婷婷")]),
    ("图/本报记者 周八", BylinePosition.HEADING, "图", "本报", None, [("记者", "周八")]),
    ("摄影 李九", BylinePosition.HEADING, None, None, None, [("摄影", "李九")]),
    ("（记者 施翔）", BylinePosition.TRAILING, None, None, None, [("记者", "施翔")]),
    ("(通讯员 王一 李二)", BylinePosition.TRAILING, None, None, None, [("通讯员", "王一"), ("通讯员", "李二")]),
    ("（本报记者 张三 李四）", BylinePosition.TRAILING, None, "本报", None, [("记者", "张三"), ("记者", "李四")]),
    ("据新华社北京7月1日电（记者 王五）", BylinePosition.LEAD, None, "新华社", "北京", [("记者", "王五")]),
    (
        "本报讯（本报记者 施翔 通讯员 李四）",
        BylinePosition.LEAD,
        None,
        "本报",
        None,
        [("记者", "施翔"), ("通讯员", "李四")],
    ),
]


@pytest.mark.parametrize(("text", "position", "credit", "outlet", "place", "people"), CASES, ids=[c[0] for c in CASES])
def test_byline_forms(
    text: str,
    position: BylinePosition,
    credit: str | None,
    outlet: str | None,
    place: str | None,
    people: list[tuple[str, str]],
) -> None:
    b = parse_byline(text)
    assert b is not None
    assert b.position is position
    assert (b.credit, b.outlet, b.place) == (credit, outlet, place)
    assert [(p.role, p.name) for p in b.people] == people
    assert "(" not in b.text
    assert ")" not in b.text


@pytest.mark.parametrize("text", ["记者从市林草局获悉", "摄影家协会", "会议召开", "本报", "编辑部", ""])
def test_not_bylines(text: str) -> None:
    assert parse_byline(text) is None


def test_lead_byline_is_cut_off_the_first_paragraph() -> None:
    page = parse("标题\n\n本报上海讯(记者 边红霞 李颖红) 11月6日,签约仪式举行。")
    (a,) = page.articles
    assert a.bylines[0].text == "本报上海讯（记者 边红霞 李颖红）"
    assert a.blocks[0].text == "11月6日，签约仪式举行。"


def test_trailing_byline_is_cut_off_the_last_paragraph() -> None:
    page = parse("会议要求，落实到位。 （记者 施翔）\n\n标题")
    (a,) = page.articles
    assert a.blocks[-1].text == "会议要求，落实到位。"
    assert a.bylines[-1].position is BylinePosition.TRAILING
    assert a.bylines[-1].people[0].name == "施翔"


def test_heading_byline_ties_the_headline_above_to_the_body_below() -> None:
    page = parse(
        "上一篇的正文结束了。\n\n城市会客厅成为新名片\n\n文/图 本报记者 孙丹丹\n\n“哪里在煮肉，好香！”客商说。"
    )
    assert [a.title for a in page.articles] == [None, "城市会客厅成为新名片"]
    assert page.articles[1].bylines[0].credit == "文/图"


# --- every word of the default Forms lists reads as its form -----------------------------
# The words are written out here, not taken from Forms(): a word dropped from a list fails its
# case. 人民网, 央视网, 新华网, 本报 and 本网 are left out of the named outlets: each also reads
# as a name and an outlet ending (网, 报), so the list may drop them unnoticed.
NAMED_OUTLETS = (
    "合众国际社",
    "中新社",
    "共同社",
    "合众社",
    "埃菲社",
    "塔斯社",
    "安莎社",
    "德新社",
    "新华社",
    "法新社",
    "美联社",
    "路透社",
    "韩联社",
    "晨刊",
    "本刊",
    "本台",
)
OUTLET_ENDINGS = (
    "广播电视台",
    "融媒体中心",
    "客户端",
    "新闻社",
    "法制报",
    "电视台",
    "记者团",
    "通讯社",
    "都市报",
    "商报",
    "报社",
    "日报",
    "早报",
    "时报",
    "晚报",
    "晨刊",
    "晨报",
    "电台",
    "报",
    "网",
)
SINGLE_SURNAMES = (
    "丁万严乔于付任何余侯俞倪傅冉冯凌刘包卓单卢史叶吕吴周唐喻夏姚姜孔孙孟季宋尹岳崔左常庄康廖张彭徐戴方易曹曾朱李杜杨林柯柳梁"
    "梅樊武段殷毕毛江汤汪沈涂温滕潘焦熊牟王田白盛石祁祝秦程穆章童纪缪罗翁翟耿聂肖胡舒苏苗范莫萧葛董蒋蒲蓝蔡薛袁裴覃詹许谢谭贺"
    "贾赖赵邓邢邱邵邹郑郝郭金钟钱阎陆陈雷霍韦韩顾颜饶马骆高魏鲁鲍黄黎齐龙龚"
)
COMPOUND_SURNAMES = [
    "上官",
    "东方",
    "令狐",
    "公孙",
    "司徒",
    "司马",
    "夏侯",
    "宇文",
    "尉迟",
    "慕容",
    "欧阳",
    "皇甫",
    "端木",
    "诸葛",
    "长孙",
]
MARKERS = "■□▲◆●★☆"
CREDITS = ("图/文", "文/图", "文/摄", "文并图", "文并摄", "图文", "文图", "图", "文")
ROLES = (
    "全媒体记者",
    "特约通讯员",
    "融媒体记者",
    "实习记者",
    "摄影记者",
    "特约记者",
    "见习记者",
    "首席记者",
    "驻站记者",
    "实习生",
    "通讯员",
    "作者",
    "拍友",
    "摄影",
    "整理",
    "编辑",
    "记者",
    "摄",
)
CLOSERS = ("供图", "报道", "整理", "采写", "摄")


@pytest.mark.parametrize("outlet", NAMED_OUTLETS)
def test_a_named_outlet_opens_a_dateline(outlet: str) -> None:
    b = parse_byline(f"{outlet}讯（记者 王小明）")
    assert b is not None
    assert b.outlet == outlet


@pytest.mark.parametrize("ending", OUTLET_ENDINGS)
def test_an_outlet_ending_closes_an_outlet_of_a_place_of_six_characters(ending: str) -> None:
    b = parse_byline(f"东河江北新区{ending}讯（记者 王小明）")
    assert b is not None
    assert b.outlet == f"东河江北新区{ending}"


@pytest.mark.parametrize("surname", [*SINGLE_SURNAMES, *COMPOUND_SURNAMES])
def test_a_surname_opens_a_name_alone(surname: str) -> None:
    b = name_alone(f"{surname}晓明", Span(0, len(surname) + 2, 1, 1))
    assert b is not None
    assert b.people[0].name == f"{surname}晓明"


@pytest.mark.parametrize("marker", MARKERS)
def test_a_marker_opens_a_heading_byline(marker: str) -> None:
    b = parse_byline(f"{marker}王小明")
    assert b is not None
    assert [p.name for p in b.people] == ["王小明"]


@pytest.mark.parametrize("credit", CREDITS)
def test_a_credit_opens_a_heading_byline(credit: str) -> None:
    b = parse_byline(f"{credit} 本报记者 王小明")
    assert b is not None
    assert (b.credit, [p.name for p in b.people]) == (credit, ["王小明"])


@pytest.mark.parametrize("role", ROLES)
def test_a_role_names_a_person_in_a_trailing_byline(role: str) -> None:
    b = parse_byline(f"（{role} 王小明）")
    assert b is not None
    assert [(p.role, p.name) for p in b.people] == [(role, "王小明")]


@pytest.mark.parametrize("closer", CLOSERS)
def test_a_closer_ends_a_heading_byline_and_names_no_one(closer: str) -> None:
    b = parse_byline(f"本报记者 王小明 {closer}")
    assert b is not None
    assert [(p.role, p.name) for p in b.people] == [("记者", "王小明")]
