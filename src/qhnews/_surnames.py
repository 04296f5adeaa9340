"""The surnames a byline's run of names is cut by (王五赵六 → 王五, 赵六): the defaults of ``Forms.surnames``."""

from __future__ import annotations

__all__ = ["COMPOUND_SURNAMES", "SURNAMES"]

#: The common single surnames (about nine in ten people bear one of them).
SURNAMES = tuple(
    "王李张刘陈杨黄赵吴周徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎"
    "余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段钱汤尹黎易常武乔贺赖龚肖付韦"
    "覃莫严雷温樊葛邢齐颜倪庄聂章岳翟殷詹耿焦俞左柳祝包舒柯纪梅童凌毕单季裴霍涂苗盛翁冉骆蓝鲍喻祁蒲滕饶牟穆"
    "卓缪鲁"
    # met in bylines of the press beyond the commonest (牛, 闫, 施 …)
    "牛闫施洪辛邬靳佟阮闵麦屈艾伍"
)
#: Compound surnames.
COMPOUND_SURNAMES = (
    "欧阳",
    "司马",
    "上官",
    "诸葛",
    "东方",
    "皇甫",
    "令狐",
    "慕容",
    "司徒",
    "公孙",
    "夏侯",
    "尉迟",
    "长孙",
    "宇文",
    "端木",
)
