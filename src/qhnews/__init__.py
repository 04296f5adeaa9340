r"""qhnews: raw OCR text of a printed Chinese newspaper page in, typed articles out.

Examples:
    >>> import qhnews
    >>> page = qhnews.parse("本报讯（记者 王五）7 月 10 日，会议召开。\n\n市委召开专题会议")
    >>> article = page.articles[0]
    >>> article.title, article.bylines[0].people[0].role, article.paragraphs
    ('市委召开专题会议', '记者', ('7月10日，会议召开。',))
"""

from qhnews._assemble import AssembleOptions
from qhnews._batch import PageResult, parse_many
from qhnews._blocks import ReflowOptions, reflow
from qhnews._classify import parse_byline
from qhnews._convert import convert_page
from qhnews._dask import parse_bag, parse_partition
from qhnews._decode import Decoded, decode
from qhnews._errors import DecodeError, QhnewsError
from qhnews._evaluate import Evaluation, evaluate
from qhnews._explain import LineExplanation, PageExplanation, explain_page
from qhnews._export import FORMATS, page_to_dict, render
from qhnews._forms import Forms
from qhnews._lines import cell_width, split_lines
from qhnews._normalize import Change, Normalized, NormalizeOptions, explain, normalize
from qhnews._parquet import to_parquet
from qhnews._pipeline import STAGES, ParseOptions, parse
from qhnews._records import (
    Article,
    BlockKind,
    BodyBlock,
    Byline,
    BylinePosition,
    Caption,
    Diagnostic,
    Furniture,
    FurnitureKind,
    Leftover,
    Line,
    Page,
    Person,
    Span,
    Speaker,
    TextBlock,
)
from qhnews._report import page_html, write_report
from qhnews._text import normalize_page
from qhnews._version import __version__

__all__ = [
    "FORMATS",
    "STAGES",
    "Article",
    "AssembleOptions",
    "BlockKind",
    "BodyBlock",
    "Byline",
    "BylinePosition",
    "Caption",
    "Change",
    "DecodeError",
    "Decoded",
    "Diagnostic",
    "Evaluation",
    "Forms",
    "Furniture",
    "FurnitureKind",
    "Leftover",
    "Line",
    "LineExplanation",
    "NormalizeOptions",
    "Normalized",
    "Page",
    "PageExplanation",
    "PageResult",
    "ParseOptions",
    "Person",
    "QhnewsError",
    "ReflowOptions",
    "Span",
    "Speaker",
    "TextBlock",
    "__version__",
    "cell_width",
    "convert_page",
    "decode",
    "evaluate",
    "explain",
    "explain_page",
    "normalize",
    "normalize_page",
    "page_html",
    "page_to_dict",
    "parse",
    "parse_bag",
    "parse_byline",
    "parse_many",
    "parse_partition",
    "reflow",
    "render",
    "split_lines",
    "to_parquet",
    "write_report",
]
