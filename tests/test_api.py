"""The public API, ``__all__`` and the documentation agree.

After griffe's ``tests/test_api.py``: every public name exists, is documented
and is in the API reference, and the reference names nothing else; the nav of
``mkdocs.yml`` points at real files; and what the docs show is what the code
does: the examples in ``docs/`` run, the normalization table holds, the JSON
schema lists every key the export writes, and the sample output on the home
page is the parser's real output.
"""

from __future__ import annotations

import ast
import doctest
import io
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import qhnews
import qhnews.dask
import qhnews.evaluation
import qhnews.parquet
import qhnews.records
import qhnews.report
import qhnews.stages

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
REFERENCE = DOCS / "reference"
EXAMPLES = DOCS / "examples"
PUBLIC: list[str] = list(qhnews.__all__)
#: The public submodules and their names, as the API reference spells them.
SUBMODULES = {
    "qhnews.records": qhnews.records,
    "qhnews.report": qhnews.report,
    "qhnews.evaluation": qhnews.evaluation,
    "qhnews.stages": qhnews.stages,
    "qhnews.dask": qhnews.dask,
    "qhnews.parquet": qhnews.parquet,
}
QUALIFIED: list[str] = [f"qhnews.{n}" for n in PUBLIC] + [
    f"{module}.{n}" for module, mod in SUBMODULES.items() for n in mod.__all__
]

# Public names that griffe (mkdocstrings) cannot find a docstring for; each
# entry is a strict xfail, so a fix shows. Empty: every public name has one.
UNDOCUMENTED_IN_DOCS: set[str] = set()


def _is_constant(name: str) -> bool:
    return name.isupper() or (name.startswith("__") and name.endswith("__"))


# ---------------------------------------------------------------- __all__


def _isort_key(name: str) -> tuple[int, str]:
    """The order ruff's RUF022 keeps: SCREAMING_CASE, then CamelCase, then the rest."""
    if name.isupper():
        return 0, name
    if name[0].isupper():
        return 1, name
    return 2, name


def test_all_is_sorted_and_unique() -> None:
    assert len(PUBLIC) == len(set(PUBLIC)), "duplicates in qhnews.__all__"
    assert sorted(PUBLIC, key=_isort_key) == PUBLIC


@pytest.mark.parametrize("name", PUBLIC)
def test_public_name_exists(name: str) -> None:
    assert hasattr(qhnews, name), f"qhnews.__all__ names {name!r}, which qhnews does not define"


def test_every_public_object_is_in_all() -> None:
    """A name imported into ``qhnews`` without an underscore is public: it belongs in ``__all__``."""
    public = {n for n, v in vars(qhnews).items() if not n.startswith("_") and type(v).__name__ != "module"}
    assert public <= set(PUBLIC), f"public but not in __all__: {sorted(public - set(PUBLIC))}"


def test_the_top_level_is_small() -> None:
    """What a user calls and names: about twenty names, the rest in the public submodules (issue 12)."""
    assert len([n for n in PUBLIC if n != "__version__"]) <= 25, "a name for the top level must earn its place"


@pytest.mark.parametrize(("module", "mod"), SUBMODULES.items())
def test_submodule_all_is_sorted_and_each_name_has_one_home(module: str, mod: Any) -> None:
    names: list[str] = list(mod.__all__)
    assert sorted(names, key=_isort_key) == names, f"{module}.__all__ is not sorted"
    assert all(hasattr(mod, n) for n in names), f"{module}.__all__ names what it does not define"
    assert not set(names) & set(PUBLIC), f"{module} and the top level both list {sorted(set(names) & set(PUBLIC))}"
    for other, omod in SUBMODULES.items():
        if other != module:
            assert not set(names) & set(omod.__all__), f"{module} and {other} both list a name"


def test_the_public_submodules_are_listed() -> None:
    assert {f"qhnews.{n}" for n in qhnews._SUBMODULES} == set(SUBMODULES)
    assert set(SUBMODULES) <= {f"qhnews.{n}" for n in dir(qhnews)}


@pytest.mark.parametrize(("name", "new"), sorted(qhnews._DEPRECATED.items()))
def test_every_old_name_warns_and_is_the_object_of_its_new_place(name: str, new: str) -> None:
    module, _, attr = new.rpartition(".")
    assert name not in PUBLIC
    assert module in SUBMODULES
    assert attr in SUBMODULES[module].__all__
    message = rf"qhnews\.{name} is deprecated since 0\.2\.0 .*; use {re.escape(new)}$"
    with pytest.warns(DeprecationWarning, match=message):
        old = getattr(qhnews, name)
    assert old is getattr(SUBMODULES[module], attr)


def test_every_old_name_is_in_the_changelog_and_its_old_link_still_lands() -> None:
    changelog = (ROOT / "CHANGELOG.md").read_text("utf-8")
    section = changelog.split(f"## [{qhnews.__version__}]", 1)[1].split("\n## [", 1)[0]
    index = (REFERENCE / "index.md").read_text("utf-8")
    for name, new in qhnews._DEPRECATED.items():
        assert f"`{name}`" in section, f"the changelog does not say where {name} went"
        assert f"| [](){{#qhnews.{name}}} `qhnews.{name}` | [`{new}`][{new}] |" in index, f"no old link for {name}"


@pytest.mark.parametrize("name", [n for n in PUBLIC if not _is_constant(n)])
def test_public_callable_has_docstring(name: str) -> None:
    doc = getattr(qhnews, name).__doc__
    assert (doc or "").strip(), f"qhnews.{name} has no docstring"


def _griffe_package() -> Any:
    griffe = pytest.importorskip("griffe", reason="griffe comes with the docs extra")
    return griffe.load("qhnews", search_paths=[str(ROOT / "src")], docstring_parser="google", resolve_aliases=True)


@pytest.fixture(scope="module")
def griffe_package() -> Any:
    return _griffe_package()


def _docs_param(name: str) -> Any:
    if name in UNDOCUMENTED_IN_DOCS:
        mark = pytest.mark.xfail(strict=True, reason="no docstring after the assignment")
        return pytest.param(name, marks=mark)
    return name


@pytest.mark.parametrize("name", [_docs_param(n) for n in PUBLIC])
def test_public_name_documented_for_mkdocstrings(name: str, griffe_package: Any) -> None:
    """Every public name has the docstring the API reference renders (as griffe reads it)."""
    obj = griffe_package[name]
    docstring = obj.docstring
    assert docstring is not None, f"qhnews.{name}: no docstring griffe can read"
    assert docstring.value.strip(), f"qhnews.{name}: empty docstring"


# ---------------------------------------------------------------- the API reference

_DIRECTIVE = re.compile(r"^::: (qhnews(?:\.\w+)*)\s*$", re.MULTILINE)


def _reference_directives() -> list[str]:
    pages = sorted(REFERENCE.glob("*.md"))
    assert pages, "no API reference pages found"
    return [m.group(1) for page in pages for m in _DIRECTIVE.finditer(page.read_text("utf-8"))]


def test_reference_documents_exactly_all() -> None:
    """The top level's and each public submodule's ``__all__``, each name once, and the modules themselves."""
    names = [d for d in _reference_directives() if d not in {"qhnews", *SUBMODULES}]
    assert len(names) == len(set(names)), f"rendered twice: {sorted({n for n in names if names.count(n) > 1})}"
    missing = set(QUALIFIED) - set(names)
    extra = set(names) - set(QUALIFIED)
    assert not missing, f"public names missing from docs/reference: {sorted(missing)}"
    assert not extra, f"docs/reference renders names not in an __all__: {sorted(extra)}"
    assert set(SUBMODULES) <= set(_reference_directives()), "a public submodule's docstring is not rendered"


def test_reference_index_links_every_name() -> None:
    index = (REFERENCE / "index.md").read_text("utf-8")
    for name in QUALIFIED:
        if name == "qhnews.__version__":
            continue
        short = name.rsplit(".", 1)[1]
        assert f"[`{short}`][{name}]" in index, f"docs/reference/index.md does not list {name}"


@pytest.mark.parametrize(("module", "mod"), SUBMODULES.items())
def test_submodule_names_documented_for_mkdocstrings(module: str, mod: object, griffe_package: Any) -> None:
    for name in mod.__all__:  # type: ignore[attr-defined]
        obj = griffe_package[f"{module.removeprefix('qhnews.')}.{name}"]
        assert obj.docstring is not None, f"{module}.{name}: no docstring"
        assert obj.docstring.value.strip(), f"{module}.{name}: empty docstring"


# ---------------------------------------------------------------- mkdocs.yml

_NAV_FILE = re.compile(r"^\s*-\s+(?:[^:\n]+:\s+)?(\S+\.md)\s*$", re.MULTILINE)


def _nav_files() -> list[str]:
    config = (ROOT / "mkdocs.yml").read_text("utf-8")
    nav = config.split("\nnav:\n", 1)[1].split("\n\n", 1)[0]
    files = _NAV_FILE.findall(nav)
    assert len(files) >= 10, "the nav of mkdocs.yml was not found"
    return files


def test_nav_files_exist() -> None:
    for name in _nav_files():
        assert (DOCS / name).is_file(), f"mkdocs.yml nav names docs/{name}, which does not exist"


def test_every_page_is_in_nav() -> None:
    pages = {p.relative_to(DOCS).as_posix() for p in DOCS.rglob("*.md") if "_ext" not in p.parts}
    assert pages == set(_nav_files())


def test_mkdocstrings_reads_src_with_google_docstrings() -> None:
    config = (ROOT / "mkdocs.yml").read_text("utf-8")
    assert re.search(r"^\s+paths: \[src\]$", config, re.MULTILINE)
    assert re.search(r"^\s+docstring_style: google$", config, re.MULTILINE)
    assert re.search(r"^\s+show_signature: true$", config, re.MULTILINE)


def test_snippets_exist() -> None:
    for page in DOCS.rglob("*.md"):
        for m in re.finditer(r'^--8<-- "([^"]+)"$', page.read_text("utf-8"), re.MULTILINE):
            assert (ROOT / m.group(1)).is_file(), f"{page.name} includes {m.group(1)}, which does not exist"


def test_doctests_of_the_package_are_collected() -> None:
    """Docstring examples run because pytest collects ``src/qhnews`` with ``--doctest-modules``."""
    pyproject = (ROOT / "pyproject.toml").read_text("utf-8")
    assert re.search(r'^addopts = ".*--doctest-modules', pyproject, re.MULTILINE)
    assert re.search(r'^testpaths = \[.*"src/qhnews".*\]', pyproject, re.MULTILINE)


# ---------------------------------------------------------------- changelog


def test_changelog_is_in_the_docs_and_names_this_version() -> None:
    changelog = (ROOT / "CHANGELOG.md").read_text("utf-8")
    assert re.search(rf"^## \[{re.escape(qhnews.__version__)}\]", changelog, re.MULTILINE)
    assert '--8<-- "CHANGELOG.md"' in (DOCS / "changelog.md").read_text("utf-8")


# ---------------------------------------------------------------- the docs tell the truth


def _pycon_pages() -> list[Path]:
    return sorted(p for p in DOCS.rglob("*.md") if "```pycon" in p.read_text("utf-8"))


def _pycon_source(page: Path) -> str:
    """The page's ``pycon`` blocks as one doctest, with the blocks' line numbers kept."""
    lines = page.read_text("utf-8").split("\n")
    out = [""] * len(lines)
    inside = False
    for i, line in enumerate(lines):
        if line.startswith("```pycon"):
            inside = True
        elif inside and line.startswith("```"):
            inside = False
        elif inside:
            out[i] = line
    return "\n".join(out)


def test_docs_have_examples() -> None:
    assert len(_pycon_pages()) >= 5, "the pycon glob over docs/ found too few pages"


@pytest.mark.parametrize("page", _pycon_pages(), ids=lambda p: p.relative_to(DOCS).as_posix())
def test_doc_examples_run(page: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    test = doctest.DocTestParser().get_doctest(_pycon_source(page), {}, page.name, str(page), 0)
    flags = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE
    runner = doctest.DocTestRunner(optionflags=flags)
    report = io.StringIO()
    runner.run(test, out=report.write)
    assert test.examples, f"{page}: no examples parsed"
    assert not runner.failures, report.getvalue()


_LITERAL = r"""`("[^`]*"|'[^`]*')`"""
_CASE_ROW = re.compile(rf"^\|.*\|\s*{_LITERAL}\s*\|\s*{_LITERAL}\s*\|\s*$", re.MULTILINE)


def _normalization_rows() -> list[tuple[str, str]]:
    page = (DOCS / "guide" / "normalization.md").read_text("utf-8")
    rows = [(ast.literal_eval(a), ast.literal_eval(b)) for a, b in _CASE_ROW.findall(page)]
    assert len(rows) >= 12, "the before/after rows of docs/guide/normalization.md were not found"
    return rows


@pytest.mark.parametrize(("before", "after"), _normalization_rows())
def test_normalization_table(before: str, after: str) -> None:
    assert qhnews.normalize(before) == after


def _examples() -> list[Path]:
    found = sorted(EXAMPLES.glob("*.txt"))
    assert found, "no example pages in docs/examples"
    return found


@pytest.mark.parametrize("page", _examples(), ids=lambda p: p.stem)
def test_example_output_is_real(page: Path) -> None:
    """``docs/examples/X.json`` is what ``qhnews parse X.txt`` prints (regenerate it with that command)."""
    expected = json.loads(page.with_suffix(".json").read_text("utf-8"))
    got = qhnews.page_to_dict(qhnews.parse(page.read_text("utf-8"), source=page.name))
    assert got == expected, f"regenerate {page.stem}.json from qhnews.parse_file({page.name!r}).to_dict(), indented"


def _key_paths(value: object, prefix: str = "") -> Iterator[str]:
    if isinstance(value, dict):
        for key, item in value.items():
            path = f"{prefix}.{key}" if prefix else key
            yield path
            yield from _key_paths(item, path)
    elif isinstance(value, list):
        for item in value:
            yield from _key_paths(item, f"{prefix}[]")


def _every_record_page() -> qhnews.Page:
    """A made-up page whose records fill the keys the sample pages leave empty: captions, furniture, dates."""
    span = qhnews.Span(0, 4, 1, 1)
    people = (qhnews.Person("记者", "王五"),)
    byline = qhnews.Byline(
        "新华社北京11月5日电", qhnews.records.BylinePosition.LEAD, None, "新华社", "北京", people, span, "11月5日"
    )
    caption = qhnews.records.Caption("图为会场。本报记者 王五 摄", "摄", people, span)
    article = qhnews.Article(title="标题", bylines=(byline,), captions=(caption,), span=span, headline_span=span)
    furniture = qhnews.records.Furniture("editors", "责任编辑 王五", span)
    return qhnews.Page(articles=(article,), furniture=(furniture,), text="标题正文")


def test_json_schema_lists_every_key() -> None:
    """docs/guide/json.md has one row per key path the export writes, and no other (a span's keys once)."""
    pages = sorted((ROOT / "seeds").glob("*.txt")) + _examples()
    dicts = [qhnews.page_to_dict(qhnews.parse(page.read_text("utf-8"), source=page.name)) for page in pages]
    written: set[str] = set()
    for d in [*dicts, _every_record_page().to_dict()]:
        written.update(p for p in _key_paths(d) if not re.search(r"span\.", p))
    schema = (DOCS / "guide" / "json.md").read_text("utf-8")
    documented = set(re.findall(r"^\| `([a-z_\[\].]+)` \|", schema, re.MULTILINE))
    assert written - documented == set(), "keys the export writes that docs/guide/json.md does not list"
    assert documented - written == set(), "keys docs/guide/json.md lists that no sample page shows"


def test_cli_exit_codes_documented() -> None:
    from qhnews import _cli

    codes = {name: getattr(_cli, name) for name in dir(_cli) if name.startswith("EXIT_")}
    assert {"EXIT_OK", "EXIT_FAILED", "EXIT_USAGE"} <= set(codes)
    page = (DOCS / "guide" / "cli.md").read_text("utf-8")
    for name, code in codes.items():
        assert re.search(rf"^\| `?{code}`? \|", page, re.MULTILINE), f"{name} = {code} missing from docs/guide/cli.md"


def test_parquet_columns_documented() -> None:
    from qhnews import _parquet

    page = (DOCS / "guide" / "cli.md").read_text("utf-8")
    section = page.split("### Parquet", 1)[1].split("\n#", 1)[0]
    documented = re.findall(r"^\| `(\w+)` \|", section, re.MULTILINE)
    assert documented == list(_parquet.COLUMNS), "the Parquet column table of docs/guide/cli.md is out of date"
