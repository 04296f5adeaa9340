r"""The records a user reads off a page but rarely names, and the results of the explain functions and the batch.

The top level of ``qhnews`` holds the records of a page's main tree, which
user code names: ``Page``, ``Article``, ``Byline``, ``Person`` and ``Span``
(every record built from the page carries one). This module holds the rest,
usable the same way:

| record | where a user meets it |
|---|---|
| ``BylinePosition`` | ``Byline.position``: lead, heading or trailing |
| ``Speaker`` | ``Article.speaker``: the profile line of an interview |
| ``BodyBlock``, ``BodyKind`` | ``Article.blocks``: paragraphs and subheadings |
| ``Caption`` | ``Article.captions``: photo captions and their credits |
| ``Furniture``, ``FurnitureKind`` | ``Page.furniture``: header, folio, editors' lines |
| ``Leftover`` | ``Page.leftovers``: text no article took |
| ``Diagnostic`` | ``Page.diagnostics``: what the parser could not settle |
| ``Normalized``, ``Change`` | what ``qhnews.explain`` returns |
| ``PageExplanation``, ``LineExplanation`` | what ``qhnews.explain_page`` returns |
| ``PageResult`` | what ``qhnews.parse_many`` yields, one per page |

The kinds and positions are string enums: each member equals its JSON value.

Examples:
    >>> import qhnews
    >>> from qhnews.records import BodyKind, BylinePosition
    >>> article = qhnews.parse("会议召开\n\n本报讯（记者 王五）开会。").articles[0]
    >>> article.bylines[0].position is BylinePosition.LEAD, article.blocks[0].kind is BodyKind.PARAGRAPH
    (True, True)
"""

from __future__ import annotations

from qhnews._batch import PageResult
from qhnews._explain import LineExplanation, PageExplanation
from qhnews._normalize import Change, Normalized
from qhnews._records import (
    BodyBlock,
    BodyKind,
    BylinePosition,
    Caption,
    Diagnostic,
    Furniture,
    FurnitureKind,
    Leftover,
    Speaker,
)

__all__ = [
    "BodyBlock",
    "BodyKind",
    "BylinePosition",
    "Caption",
    "Change",
    "Diagnostic",
    "Furniture",
    "FurnitureKind",
    "Leftover",
    "LineExplanation",
    "Normalized",
    "PageExplanation",
    "PageResult",
    "Speaker",
]
