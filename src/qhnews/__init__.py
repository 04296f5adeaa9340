r"""qhnews: raw OCR text of a printed Chinese newspaper page in, typed articles out.

The top level holds what a user calls and names in their own code:
``parse`` (one page's text or bytes), ``parse_file`` (one file),
``parse_many`` (many files, lazily), ``explain_page`` (every line and the
rules that decided it), ``normalize`` and ``explain`` (the text rules alone),
``render`` and ``page_to_dict`` (the output formats), ``convert_page``
(traditional and simplified script); the options; the records of a page's
main tree (``Page``, ``Article``, ``Byline``, ``Person``, ``Span``); and the
errors. Public submodules hold the rest:

- ``qhnews.records``: the other records (captions, furniture, body blocks,
  leftovers, diagnostics, …) and what ``explain``, ``explain_page`` and
  ``parse_many`` return;
- ``qhnews.report``: the review report as HTML;
- ``qhnews.evaluation``: compare parsed pages with expected ones;
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
from qhnews._batch import InputError, parse_file, parse_many
from qhnews._blocks import ReflowOptions
from qhnews._convert import convert_page
from qhnews._errors import DecodeError, QhnewsError
from qhnews._explain import explain_page
from qhnews._export import FORMATS, SCHEMA_VERSION, page_to_dict, render
from qhnews._forms import Forms
from qhnews._lineshape import RoleWeights
from qhnews._normalize import NormalizeOptions, explain, normalize
from qhnews._pipeline import ParseOptions, parse
from qhnews._records import Article, Byline, Page, Person, Span
from qhnews._version import __version__

__all__ = [
    "FORMATS",
    "SCHEMA_VERSION",
    "Article",
    "AssembleOptions",
    "Byline",
    "DecodeError",
    "Forms",
    "InputError",
    "NormalizeOptions",
    "Page",
    "ParseOptions",
    "Person",
    "QhnewsError",
    "ReflowOptions",
    "RoleWeights",
    "Span",
    "__version__",
    "convert_page",
    "explain",
    "explain_page",
    "normalize",
    "page_to_dict",
    "parse",
    "parse_file",
    "parse_many",
    "render",
]

#: The public submodules, imported on first use (``qhnews.stages`` always).
_SUBMODULES = frozenset({"dask", "evaluation", "parquet", "records", "report", "stages"})

#: Names that left the top level in 0.2.0, and where they live now. They keep
#: working, with a DeprecationWarning, until 0.3.0.
_DEPRECATED: dict[str, str] = {
    "BodyBlock": "qhnews.records.BodyBlock",
    "BodyKind": "qhnews.records.BodyKind",
    "BylinePosition": "qhnews.records.BylinePosition",
    "Caption": "qhnews.records.Caption",
    "Change": "qhnews.records.Change",
    "Diagnostic": "qhnews.records.Diagnostic",
    "Furniture": "qhnews.records.Furniture",
    "FurnitureKind": "qhnews.records.FurnitureKind",
    "Leftover": "qhnews.records.Leftover",
    "LineExplanation": "qhnews.records.LineExplanation",
    "Normalized": "qhnews.records.Normalized",
    "PageExplanation": "qhnews.records.PageExplanation",
    "PageResult": "qhnews.records.PageResult",
    "Speaker": "qhnews.records.Speaker",
    "page_html": "qhnews.report.page_html",
    "write_report": "qhnews.report.write_report",
    "Evaluation": "qhnews.evaluation.Evaluation",
    "evaluate": "qhnews.evaluation.evaluate",
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
