r"""qhnews: raw OCR text of a printed Chinese newspaper page in, typed articles out.

The top level holds what a user calls: ``parse`` (one page's text or bytes),
``parse_file`` (one file), ``parse_many`` (many files, lazily), ``normalize``
and ``explain`` (the text rules alone), ``explain_page`` (every line and the
rules that decided it), ``render``, ``page_to_dict``, ``page_html`` and
``write_report`` (the output formats and the review report),
``convert_page`` (traditional and simplified script), ``evaluate``, the
records, the options and the errors.
Three public submodules hold the rest:

- ``qhnews.stages``: the pipeline's stages one by one (decode, lines, reflow, …);
- ``qhnews.dask``: parse an archive on a Dask cluster or on Spark;
- ``qhnews.parquet``: one row per article in a Parquet file.

Examples:
    >>> import qhnews
    >>> page = qhnews.parse("本报讯（记者 王五）7 月 10 日，会议召开。\n\n市委召开专题会议")
    >>> article = page.articles[0]
    >>> article.title, article.bylines[0].people[0].role, article.paragraphs
    ('市委召开专题会议', '记者', ('7月10日，会议召开。',))
"""

import importlib as _importlib
import warnings as _warnings
from typing import Any as _Any

from qhnews import stages as stages
from qhnews._assemble import AssembleOptions
from qhnews._batch import InputError, PageResult, parse_file, parse_many
from qhnews._blocks import ReflowOptions
from qhnews._confidence import ConfidenceWeights
from qhnews._convert import convert_page
from qhnews._errors import DecodeError, QhnewsError
from qhnews._evaluate import Evaluation, evaluate
from qhnews._explain import LineExplanation, PageExplanation, explain_page
from qhnews._export import FORMATS, SCHEMA_VERSION, page_to_dict, render
from qhnews._forms import Forms
from qhnews._headline import RoleWeights
from qhnews._normalize import Change, Normalized, NormalizeOptions, explain, normalize
from qhnews._pipeline import ParseOptions, parse
from qhnews._records import (
    Article,
    BodyBlock,
    BodyKind,
    Byline,
    BylinePosition,
    Caption,
    Diagnostic,
    Furniture,
    FurnitureKind,
    Leftover,
    Page,
    Person,
    Span,
    Speaker,
)
from qhnews._report import page_html, write_report
from qhnews._version import __version__

__all__ = [
    "FORMATS",
    "SCHEMA_VERSION",
    "Article",
    "AssembleOptions",
    "BodyBlock",
    "BodyKind",
    "Byline",
    "BylinePosition",
    "Caption",
    "Change",
    "ConfidenceWeights",
    "DecodeError",
    "Diagnostic",
    "Evaluation",
    "Forms",
    "Furniture",
    "FurnitureKind",
    "InputError",
    "Leftover",
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
    "RoleWeights",
    "Span",
    "Speaker",
    "__version__",
    "convert_page",
    "evaluate",
    "explain",
    "explain_page",
    "normalize",
    "page_html",
    "page_to_dict",
    "parse",
    "parse_file",
    "parse_many",
    "render",
    "write_report",
]

#: The public submodules, imported on first use (``qhnews.dask``, ``qhnews.parquet``; ``qhnews.stages`` always).
_SUBMODULES = frozenset({"dask", "parquet", "stages"})

#: Names that left the top level in 0.2.0, and where they live now. They keep
#: working, with a DeprecationWarning, until 0.3.0.
_DEPRECATED: dict[str, str] = {
    "STAGES": "qhnews.stages.STAGES",
    "BlockKind": "qhnews.stages.BlockKind",
    "Decoded": "qhnews.stages.Decoded",
    "Line": "qhnews.stages.Line",
    "TextBlock": "qhnews.stages.TextBlock",
    "cell_width": "qhnews.stages.cell_width",
    "decode": "qhnews.stages.decode",
    "normalize_page": "qhnews.stages.normalize_page",
    "parse_byline": "qhnews.stages.parse_byline",
    "reflow": "qhnews.stages.reflow",
    "split_lines": "qhnews.stages.split_lines",
    "parse_bag": "qhnews.dask.parse_bag",
    "parse_partition": "qhnews.dask.parse_partition",
    "to_parquet": "qhnews.parquet.to_parquet",
}


def __getattr__(name: str) -> _Any:
    """The public submodules on first use, and the old names with a DeprecationWarning."""
    if name in _SUBMODULES:
        return _importlib.import_module(f"qhnews.{name}")
    new = _DEPRECATED.get(name)
    if new is None:
        raise AttributeError(f"module 'qhnews' has no attribute {name!r}")
    module, _, attr = new.rpartition(".")
    _warnings.warn(
        f"qhnews.{name} is deprecated since 0.2.0 and goes in 0.3.0; use {new}",
        DeprecationWarning,
        stacklevel=2,
    )
    return getattr(_importlib.import_module(module), attr)


def __dir__() -> list[str]:
    return sorted({*__all__, *_SUBMODULES})
