"""Every byline form qhnews knows, parsed into outlet, place, credit and people."""

from __future__ import annotations

import pytest

from qhnews import parse
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
