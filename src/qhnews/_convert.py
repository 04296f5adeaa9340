"""Optional conversion of a parsed page to one script, through OpenCC.

qhnews keeps every page in its own script: a traditional page gives
traditional titles and bylines. ``convert_page`` is for
users who want every page in one script. It needs the ``opencc`` package
(``pip install "qhnews[opencc]"``), imported on the first call only:
``import qhnews`` never loads it.
"""

from __future__ import annotations

import enum
import functools
from typing import Any, Literal, Protocol

import attrs

from qhnews._records import Page

__all__ = ["SCRIPTS", "convert_page"]

#: The scripts ``convert_page`` converts to, with the OpenCC configuration of each.
SCRIPTS: dict[str, str] = {"simplified": "t2s", "traditional": "s2t"}

Script = Literal["simplified", "traditional"]

#: Fields kept as they are: names and codes that are not page text.
_KEEP = frozenset({"source", "code", "kind", "raw"})


class _Converter(Protocol):
    def convert(self, text: str) -> str: ...  # pragma: no cover - a protocol


@functools.cache
def _converter(config: str) -> _Converter:
    try:
        import opencc  # noqa: PLC0415 - optional: imported on first use, so that import qhnews stays free of it
    except ImportError as exc:
        raise ImportError(
            'converting a page to one script needs the opencc package: pip install "qhnews[opencc]"'
        ) from exc
    converter: _Converter = opencc.OpenCC(config)
    return converter


def convert_page(page: Page, to: Script) -> Page:
    """The page with every output string converted to one script.

    Titles, kickers, subtitles, sections, bylines (text, outlet, place,
    credit, roles and names), profile lines, body blocks, page headings,
    leftovers and diagnostics' messages are converted with OpenCC (``s2t`` to
    traditional, ``t2s`` to simplified). Spans are left alone, and so is
    ``Page.text``, the page as printed that they point into.

    Args:
        page: A parsed page.
        to: ``"simplified"`` or ``"traditional"``.

    Returns:
        A new page; ``page`` is not changed.

    Raises:
        ValueError: ``to`` names no script qhnews converts to.
        ImportError: The ``opencc`` package is not installed.

    Examples:
        >>> import qhnews
        >>> page = qhnews.parse("本報訊（記者 王五）7月10日，會議召開。")
        >>> simple = qhnews.convert_page(page, "simplified")
        >>> simple.articles[0].paragraphs
        ('7月10日，会议召开。',)
    """
    if to not in SCRIPTS:
        raise ValueError(f"convert_page: to={to!r} is not one of {', '.join(map(repr, SCRIPTS))}")
    convert = _converter(SCRIPTS[to]).convert
    cache: dict[str, str] = {}

    def text(value: str) -> str:
        out = cache.get(value)
        if out is None:
            out = cache[value] = convert(value) if value else value
        return out

    def walk(value: Any) -> Any:
        if isinstance(value, enum.Enum):  # kinds and positions are str enums: values, not text
            return value
        if isinstance(value, str):
            return text(value)
        if isinstance(value, tuple):
            return tuple(walk(v) for v in value)
        if attrs.has(type(value)):
            changes = {
                f.name: walk(getattr(value, f.name))
                for f in attrs.fields(type(value))
                if f.name not in _KEEP and f.init and not (f.name == "text" and isinstance(value, Page))
            }
            return attrs.evolve(value, **changes)
        return value

    converted: Page = walk(page)  # the page text stays as it was read: the spans point into it
    return converted
