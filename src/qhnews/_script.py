"""Both scripts: every cue character of the patterns in its simplified and traditional forms.

Newspapers printed before the 1956 simplification, and those of Hong Kong,
Macau and Taiwan today, set 本報訊（記者 X） where a simplified page sets
本报讯（记者 X）. The patterns of ``_patterns.py`` are written in simplified
characters once; [`either`][qhnews._script.either] rewrites a pattern's
source so that each cue character matches its every form, and
[`forms`][qhnews._script.forms] spells a plain word every way for the
``startswith``/``endswith`` checks that key on one. Nothing here converts
text: a page keeps its own script.

The table holds each character the patterns and the plain checks use whose
traditional form differs (报報, 讯訊, 记記, 电電, 员員 …), with the variant
forms that print and OCR also give (衆 and 眾, 説 and 說, 臺 and 台).
A test checks that every Han character of every pattern is either in the
table or the same in both scripts.
"""

from __future__ import annotations

import itertools

__all__ = ["SAME", "TRADITIONAL", "VARIANTS", "either", "forms"]

# Each row: a simplified character, then its traditional form(s) (and
# variant forms in print). Made with OpenCC's s2t, s2tw and s2hk tables and
# checked by hand; a row per character, sorted by the simplified form.
_TABLE = """
办辦 报報 编編 标標 参參 侧側 长長 处處 辞辭 从從 党黨 岛島 导導 电電 调調 东東 读讀
队隊 对對 发發 访訪 负負 讣訃 干幹 馆館 广廣 贵貴 国國 汉漢 号號 红紅 沪滬 华華 画畫
话話 会會 绘繪 获獲 辑輯 计計 记記 际際 纪紀 监監 间間 简簡 见見 讲講 晋晉 经經 据據
栏欄 礼禮 联聯 连連 辽遼 龙龍 鲁魯 论論 门門 宁寧 评評 启啓啟 强強 区區 群羣 陕陝 绍紹
摄攝 设設 审審 声聲 师師 时時 实實 视視 书書 说說説 苏蘇 岁歲 台臺 谈談 题題 体體 厅廳
图圖 湾灣 网網 卫衛 闻聞 务務 习習 县縣 乡鄉 协協 写寫 兴興 续續 学學 讯訊 亚亞 页頁
医醫 语語 员員 约約 云雲 载載 责責 镇鎮 制製 终終 众衆眾 周週 专專 转轉 综綜 总總 组組
户戶 采採 驻駐 价價 内內 农農 历歷曆 当當 术術 检檢 热熱 线線 统統 觉覺 订訂 邮郵 阅閱
为為爲 济濟 点點 财財 游遊 并並 来來 议議 决決 观觀 问問 欢歡 与與 后後 认認 随隨 节節
万萬 严嚴 乔喬 冯馮 刘劉 单單 卢盧 叶葉 吕呂 吴吳 团團 孙孫 庄莊 张張 杨楊 欧歐 毕畢
汤湯 温溫 缪繆 罗羅 聂聶 萧蕭 蒋蔣 蓝藍 许許 诸諸 谢謝 谭譚 贺賀 贾賈 赖賴 赵趙 迟遲
邓鄧 邹鄒 郑鄭 钟鍾鐘 钱錢 阎閻 阳陽 陆陸 陈陳 韦韋 韩韓 顾顧 颜顏 饶饒 马馬 骆駱 鲍鮑
黄黃 齐齊 龚龔 闫閆 邬鄔 闵閔 麦麥
复復複 称稱 筹籌 系係繫 紧緊
"""
_ROWS = _TABLE.split()

#: Every character with variants, mapped to all its forms (itself first, then the others).
VARIANTS: dict[str, str] = {}
for _row in _ROWS:
    for _ch in _row:
        _forms = _ch + "".join(c for c in _row if c != _ch)
        VARIANTS[_ch] = "".join(dict.fromkeys(VARIANTS.get(_ch, "") + _forms))
VARIANTS = {ch: fs for ch, fs in VARIANTS.items() if len(fs) > 1}
#: The traditional (and variant) forms of the table: 報, 訊, 記 …
TRADITIONAL = frozenset(ch for row in _ROWS for ch in row[1:])

#: Han characters of the patterns that print the same in both scripts (checked by the tests).
SAME = frozenset(
    "一七三上下丨中主之九了事二五人代任作值全八六出刊到前加十告商四夕天央委媒宣家寄局居州巡工市希席年式"
    "影心悉所手持指授排接提播教整文新日星晚晨月望期本村校民求法版特班理生省研示社科程究站第美老者自至"
    "致董融行表裁要解言述通速部都院面首零〇供客早端道扱汛杜考名售地址定次物札左右"
    # surnames (a name keeps its script: 于, 余, 范, 岳, 涂 print so in both), agencies, labels, notes
    "按今片附健副化城技政旅治育"
    # a kicker's time frame (…前三季度, …上半年, …以来)
    "以半度"
    # a labelled credit (撰稿：, 文字：) and a role (特派记者)
    "撰字派"
    # a notice issued (…发布公告, …发出倡议)
    "布印知明倡"
    # a paragraph's opener (另外，其间，据介绍，)
    "介其另外此目近"
    # an author's note (作者为…, 作者系…, 作者单位：), an editors' credit (初审), a Q&A turn (答：)
    "位初是答"
    # surnames beyond the commonest
    "牛施洪辛靳佟阮屈艾伍"
    "丁付令何侯俞倪傅公共冉凌分包卓友史司合同唐喻埃塔夏姚姜孔孟季宇安宋官容尉尹崔常康廖彭徐徒德快息慕戴拍斯方易曹曾木朱李析林柯柳梁梅樊武段殷毛江汪沈消滕潘焦熊牟狐王甫田白的皇盛短石祁祝秦稿穆章童翁翟耿肖胡舒苗莎莫菲葛蒲蔡薛袁裴覃詹路透邢邱邵郝郭金雷霍高魏黎于余范岳涂"
)


def _han_with_variants(ch: str) -> str | None:
    return VARIANTS.get(ch)


def either(source: str) -> str:
    r"""Rewrite a regular expression's source so that each cue character matches either script.

    A character outside a class becomes a class of its forms; a class gets
    the forms its characters lack. The rewrite keeps the pattern's shape (a
    literal becomes a one-character class), so a linear-time pattern stays
    linear, and rewriting twice changes nothing.

    Args:
        source: The pattern's source, for ``re`` or ``regex`` (version 0 syntax).

    Returns:
        The rewritten source.

    Raises:
        ValueError: A character with variants is the end of a range in a class
            (``[报-讯]``), which has no rewrite that keeps its meaning.

    Examples:
        >>> either("本报讯")
        '本[报報][讯訊]'
        >>> either("[记员生]")
        '[记記员員生]'
        >>> either(either("(?P<kind>讯|电)")) == either("(?P<kind>讯|电)")
        True
        >>> either(r"\p{Han}{1,6}?日报")
        '\\p{Han}{1,6}?日[报報]'
    """
    out: list[str] = []
    i, n = 0, len(source)
    while i < n:
        c = source[i]
        if c == "\\" and i + 1 < n:
            nxt = source[i + 1]
            fs = _han_with_variants(nxt)
            out.append(f"[{fs}]" if fs else source[i : i + 2])
            i += 2
        elif c == "[":
            end = _class_end(source, i)
            out.append(_rewrite_class(source[i:end]))
            i = end
        else:
            fs = _han_with_variants(c)
            out.append(f"[{fs}]" if fs else c)
            i += 1
    return "".join(out)


def _class_end(source: str, start: int) -> int:
    """The offset just past the ``]`` that closes the class opening at ``start``."""
    i = start + 1
    if i < len(source) and source[i] == "^":
        i += 1
    if i < len(source) and source[i] == "]":  # a literal ] first in the class
        i += 1
    while i < len(source):
        if source[i] == "\\":
            i += 2
            continue
        if source[i] == "]":
            return i + 1
        i += 1
    raise ValueError(f"unterminated character class at offset {start} of {source!r}")


def _rewrite_class(cls: str) -> str:
    body = cls[1:-1]
    present = set(body)
    parts: list[str] = []
    i = 0
    while i < len(body):
        c = body[i]
        if c == "\\":
            parts.append(body[i : i + 2])
            i += 2
            continue
        parts.append(c)
        fs = _han_with_variants(c)
        if fs:
            if (i + 1 < len(body) and body[i + 1] == "-") or (i > 0 and body[i - 1] == "-"):
                raise ValueError(f"{c!r} ends a range in the class {cls!r}: no rewrite keeps its meaning")
            missing = [f for f in fs if f not in present]
            parts.extend(missing)
            present.update(missing)
        i += 1
    return "[" + "".join(parts) + "]"


def forms(*words: str) -> tuple[str, ...]:
    """Every spelling of ``words`` in either script, the words themselves first.

    For ``str.startswith`` and ``str.endswith``, which take a tuple.

    Examples:
        >>> forms("本报")
        ('本报', '本報')
        >>> forms("强调", "指出")
        ('强调', '强調', '強调', '強調', '指出')
    """
    out: dict[str, None] = {}
    for word in words:
        for spelling in itertools.product(*(VARIANTS.get(c, c) for c in word)):
            out["".join(spelling)] = None
    return tuple(out)
