"""What a new user tripped on (issue 16), each point tested as the user met it.

The command-line points run the installed ``qhnews`` command (the console
script beside this interpreter), as a user types it. The JSON output is
validated against the JSON Schema shipped in the package.
"""

from __future__ import annotations

import importlib
import importlib.resources
import json
import os
import re
import shutil
import subprocess
import sys
import warnings
from pathlib import Path
from typing import Any

import attrs
import jsonschema
import pytest

import qhnews
import qhnews.dask
import qhnews.parquet
import qhnews.records
import qhnews.stages

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
PAGE = "会议召开\n\n本报讯（记者 施翔）7 月 10 日,会议召开。\n"
QHNEWS = Path(sys.executable).parent / "qhnews"
SCHEMA = json.loads((importlib.resources.files("qhnews") / "page.schema.json").read_text("utf-8"))
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)


def test_seeds_found() -> None:
    assert len(SEEDS) >= 5


def qhnews_cmd(*args: str, cwd: Path | None = None, stdin: bytes = b"") -> subprocess.CompletedProcess[str]:
    """The installed ``qhnews`` command."""
    assert QHNEWS.is_file(), f"the qhnews console script is not installed beside {sys.executable}"
    proc = subprocess.run(
        [str(QHNEWS), *args],
        input=stdin,
        capture_output=True,
        cwd=cwd,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        check=False,
        timeout=120,
    )
    return subprocess.CompletedProcess(proc.args, proc.returncode, proc.stdout.decode(), proc.stderr.decode())


def _valid(item: Any) -> Any:
    VALIDATOR.validate(item)
    return item


@pytest.fixture
def batch(tmp_path: Path) -> Path:
    """Three good pages (one file of two), an empty file and two bad ones."""
    root = tmp_path / "batch"
    root.mkdir()
    shutil.copy(SEEDS[0], root / "a.txt")
    (root / "b.txt").write_text(PAGE + "\f" + PAGE, encoding="utf-8")
    (root / "blank.txt").write_bytes(b"")
    (root / "x-bad.txt").write_bytes(b"abc\xff")
    (root / "y-bad.txt").write_bytes(b"\xff\xfe\x00")
    return root


# ---------------------------------------------------------------- 1. the API reference's signatures


def test_docs_extra_brings_a_signature_formatter() -> None:
    """mkdocstrings formats signatures only with ruff or black installed (the HTML is checked in test_docs_site)."""
    pyproject = (ROOT / "pyproject.toml").read_text("utf-8")
    docs = re.search(r"^docs = \[(.*)\]$", pyproject, re.MULTILINE)
    assert docs is not None
    assert re.search(r'"(ruff|black)[>=<~]', docs.group(1)), "the docs extra needs ruff or black"
    config = (ROOT / "mkdocs.yml").read_text("utf-8")
    assert re.search(r"^\s+separate_signature: true$", config, re.MULTILINE)
    assert re.search(r"^\s+line_length: \d+$", config, re.MULTILINE)


# ---------------------------------------------------------------- 2. one JSON shape, versioned, with a schema


@pytest.mark.parametrize(
    ("args", "sources"),
    [
        (["a.txt"], ["a.txt"]),  # one file: an array of one
        (["a.txt", "b.txt"], ["a.txt", "b.txt", "b.txt#2"]),
        (["x-bad.txt"], ["x-bad.txt"]),  # one file that fails: an array of its record
        (["missing.txt"], ["missing.txt"]),  # a missing file: not nothing
        ([".", "missing.txt"], ["a.txt", "b.txt", "b.txt#2", "blank.txt", "x-bad.txt", "y-bad.txt"]),
    ],
)
def test_json_is_one_array_whatever_the_count(batch: Path, args: list[str], sources: list[str]) -> None:
    proc = qhnews_cmd("parse", *args, cwd=batch)
    out = json.loads(proc.stdout)
    assert isinstance(out, list)
    if args[-1] == "missing.txt" and len(args) > 1:
        sources = [*sources, "missing.txt"]
    assert [_valid(item)["source"] for item in out] == sources
    for item in out:
        assert ("error" in item) == ("schema_version" not in item)
        if "error" in item:
            assert set(item) == {"source", "error"}
        else:
            assert item["schema_version"] == qhnews.SCHEMA_VERSION == 1
    assert proc.returncode == (1 if any("error" in item for item in out) else 0)


def test_jsonl_is_one_object_a_line_and_valid(batch: Path) -> None:
    proc = qhnews_cmd("parse", ".", "-f", "jsonl", cwd=batch)
    lines = proc.stdout.splitlines()
    assert len(lines) == 6
    assert all(isinstance(_valid(json.loads(line)), dict) for line in lines)


def test_every_seed_page_is_valid_and_the_schema_is_strict() -> None:
    proc = qhnews_cmd("parse", *map(str, SEEDS))
    assert proc.returncode == 0
    pages = json.loads(proc.stdout)
    assert len(pages) == len(SEEDS)
    for page in pages:
        _valid(page)
        broken = {**page, "articles": [{**page["articles"][0], "paragraphs": []}]}
        with pytest.raises(jsonschema.ValidationError):
            VALIDATOR.validate(broken)  # a key the schema does not list
    with pytest.raises(jsonschema.ValidationError):
        VALIDATOR.validate({"source": "a.txt"})  # neither a page nor a failure


def test_the_schema_is_in_the_docs() -> None:
    page = (ROOT / "docs" / "guide" / "json.md").read_text("utf-8")
    assert '--8<-- "src/qhnews/page.schema.json"' in page
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


# ---------------------------------------------------------------- 3. --resume neither piles up errors nor keeps quiet


def test_resume_does_not_pile_up_error_records(batch: Path) -> None:
    out = batch / "out.jsonl"
    first = qhnews_cmd("parse", ".", "-o", "out.jsonl", cwd=batch)
    assert first.returncode == 1
    written = out.read_text("utf-8")
    assert sum('"error"' in line for line in written.splitlines()) == 2
    for _ in range(2):
        again = qhnews_cmd("parse", ".", "-o", "out.jsonl", "--resume", cwd=batch)
        assert again.returncode == 1  # the two bad files still fail
        assert out.read_text("utf-8") == written  # and are not written again
        assert again.stderr.splitlines()[-1] == (
            "qhnews: out.jsonl: resumed: skipped 4 pages already done; parsed 0 pages, 2 failed "
            "(2 failed again and were not written again)"
        )


def test_resume_says_what_it_skipped_and_did(batch: Path) -> None:
    for bad in ("x-bad.txt", "y-bad.txt"):
        (batch / bad).unlink()
    assert qhnews_cmd("parse", "a.txt", "-o", "out.jsonl", cwd=batch).returncode == 0
    more = qhnews_cmd("parse", ".", "-o", "out.jsonl", "--resume", cwd=batch)
    assert (more.returncode, more.stderr) == (
        0,
        "qhnews: out.jsonl: resumed: skipped 1 page already done; parsed 3 pages\n",
    )
    idle = qhnews_cmd("parse", ".", "-o", "out.jsonl", "--resume", cwd=batch)
    assert (idle.returncode, idle.stderr) == (
        0,
        "qhnews: out.jsonl: resumed: skipped 4 pages already done; nothing left to do\n",
    )
    quiet = qhnews_cmd("parse", ".", "-o", "out.jsonl", "--resume", "-q", cwd=batch)
    assert (quiet.returncode, quiet.stderr) == (0, "")


def test_a_page_that_parses_on_resume_is_written(batch: Path) -> None:
    assert qhnews_cmd("parse", "late.txt", "-o", "out.jsonl", cwd=batch).returncode == 1
    (batch / "late.txt").write_text(PAGE, encoding="utf-8")
    proc = qhnews_cmd("parse", "late.txt", "-o", "out.jsonl", "--resume", cwd=batch)
    assert proc.returncode == 0
    records = [json.loads(line) for line in (batch / "out.jsonl").read_text("utf-8").splitlines()]
    assert [("error" in r) for r in records] == [True, False]  # the later line supersedes
    assert proc.stderr == "qhnews: out.jsonl: resumed: skipped 0 pages already done; parsed 1 page\n"


# ---------------------------------------------------------------- 4. the progress total does not drift


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_progress_total_is_fixed(tmp_path: Path) -> None:
    import pty

    for i in range(12):  # files of one to three pages: a per-file estimate of pages would drift
        (tmp_path / f"p{i:02d}.txt").write_text("\f".join([PAGE] * (1 + i % 3)), encoding="utf-8")
    master, slave = pty.openpty()
    try:
        proc = subprocess.run(
            [str(QHNEWS), "parse", str(tmp_path), "-o", str(tmp_path / "out.jsonl")],
            stderr=slave,
            stdout=subprocess.DEVNULL,
            check=False,
            timeout=120,
        )
        os.close(slave)
        shown = b""
        while True:
            try:
                chunk = os.read(master, 4096)
            except OSError:
                break
            if not chunk:
                break
            shown += chunk
    finally:
        os.close(master)
    assert proc.returncode == 0
    counts = re.findall(r"(\d+)/(\d+) files  (\d+) pages", shown.decode())
    assert counts, shown
    assert {total for _, total, _ in counts} == {"12"}
    assert counts[-1] == ("12", "12", "24")


# ---------------------------------------------------------------- 5. one rule for empty pages


@pytest.mark.parametrize("content", [b"", b" \n\t\n"])
def test_a_blank_file_is_a_page_without_articles(tmp_path: Path, content: bytes) -> None:
    (tmp_path / "blank.txt").write_bytes(content)
    proc = qhnews_cmd("parse", "blank.txt", cwd=tmp_path)
    assert (proc.returncode, proc.stderr) == (0, "")
    (page,) = json.loads(proc.stdout)
    assert page == _valid(qhnews.parse(content.decode(), source="blank.txt").to_dict())
    assert page["articles"] == []
    assert qhnews.parse_file(tmp_path / "blank.txt").articles == qhnews.parse("").articles == ()


@pytest.mark.parametrize(("content", "message"), [(b"", "empty file"), (b" \n", "blank file (only white space)")])
def test_strict_makes_a_blank_file_fail(tmp_path: Path, content: bytes, message: str) -> None:
    (tmp_path / "blank.txt").write_bytes(content)
    proc = qhnews_cmd("parse", "blank.txt", "--strict", cwd=tmp_path)
    assert (proc.returncode, proc.stderr) == (1, f"qhnews: blank.txt: {message}\n")
    assert json.loads(proc.stdout) == [{"source": "blank.txt", "error": f"blank.txt: {message}"}]
    with pytest.raises(qhnews.InputError, match=re.escape(message)):
        qhnews.parse_file(tmp_path / "blank.txt", strict=True)
    (result,) = qhnews.parse_many([tmp_path / "blank.txt"], strict=True)
    assert result.error == f"{tmp_path / 'blank.txt'}: {message}"


# ---------------------------------------------------------------- 6. one convention in the API


def test_kinds_and_positions_are_string_enums() -> None:
    page = qhnews.parse_file(SEEDS[0])
    block = page.articles[0].blocks[0]
    assert isinstance(block.kind, qhnews.records.BodyKind)
    assert block.kind == "paragraph"  # equal to its JSON value
    assert block.kind is qhnews.records.BodyKind.PARAGRAPH
    byline = page.articles[0].bylines[0]
    assert isinstance(byline.position, qhnews.records.BylinePosition)
    assert byline.position == byline.position.value
    for enum in (
        qhnews.records.BodyKind,
        qhnews.records.BylinePosition,
        qhnews.records.FurnitureKind,
        qhnews.stages.BlockKind,
    ):
        assert all(isinstance(m, str) and m == m.value for m in enum)
    assert "BlockKind" not in qhnews.__all__  # it belongs to the stages' TextBlock
    with pytest.raises(ValueError, match="'poem'"):
        qhnews.records.BodyBlock("poem", "x", qhnews.Span(0, 1, 1, 1))


def test_parse_file_takes_path_objects(tmp_path: Path) -> None:
    path = tmp_path / "p.txt"
    path.write_bytes(PAGE.encode("gb18030"))
    page = qhnews.parse_file(path)
    assert page == qhnews.parse(PAGE, source=str(path))
    assert qhnews.parse_file(str(path)) == page
    with pytest.raises(TypeError, match=r"parse\(\) takes"):
        qhnews.parse(path)  # type: ignore[arg-type]
    assert qhnews.parse(str(path)).text == str(path)  # a str is page text, never a path
    (tmp_path / "two.txt").write_text(PAGE + "\f" + PAGE, encoding="utf-8")
    with pytest.raises(qhnews.InputError, match=r"more than one page.*parse_many"):
        qhnews.parse_file(tmp_path / "two.txt")
    with pytest.raises(qhnews.InputError, match="no such file"):
        qhnews.parse_file(tmp_path / "missing.txt")


def test_page_to_dict_and_one_name_for_each_key() -> None:
    """Every key of the JSON is the name of the record's attribute it comes from."""
    page = qhnews.parse_file(SEEDS[1])
    d = page.to_dict()
    assert d == qhnews.page_to_dict(page)
    assert set(d) - {"schema_version"} <= {f.name for f in attrs.fields(qhnews.Page)}
    fields = {f.name for f in attrs.fields(qhnews.Article)}
    for article in d["articles"]:
        assert set(article) <= fields
        for byline in article["bylines"]:
            assert set(byline) <= {f.name for f in attrs.fields(qhnews.Byline)}
    first = page.articles[0]
    assert first.span is not None
    assert d["articles"][0]["span"] == attrs.asdict(first.span)
    assert {"lines", "headline_lines"}.isdisjoint(d["articles"][0])


# ---------------------------------------------------------------- 8. normalize takes several files


def test_normalize_takes_several_files(batch: Path) -> None:
    proc = qhnews_cmd("normalize", "a.txt", "b.txt", "missing.txt", cwd=batch)
    assert proc.returncode == 1
    assert proc.stderr.splitlines() == [
        "qhnews: missing.txt: no such file",
        "qhnews: 1 of 4 pages failed: missing.txt",
    ]
    pages = proc.stdout.split("\f\n")
    expected = [SEEDS[0].read_text("utf-8"), PAGE, PAGE]
    assert pages == ["\n\n".join(b.text for b in qhnews.stages.normalize_page(t)) + "\n" for t in expected]
    explained = qhnews_cmd("normalize", "--explain", "b.txt", "a.txt", cwd=batch)
    assert explained.returncode == 0
    sources = [json.loads(line)["source"] for line in explained.stdout.splitlines()]
    assert sources[0] == "b.txt"
    assert sources[-1] == "a.txt"
    assert "b.txt#2" in sources


# ---------------------------------------------------------------- 9 and 10. CI runs Parquet and distributed Dask


def test_the_test_extra_has_what_ci_needs() -> None:
    """The Parquet and distributed-Dask tests must run in CI, not skip: their libraries come with the test extra."""
    for module in ("pyarrow", "pyarrow.parquet", "dask.bag", "distributed", "jsonschema"):
        importlib.import_module(module)
    pyproject = (ROOT / "pyproject.toml").read_text("utf-8")
    test_extra = pyproject.split("\ntest = [", 1)[1].split("]\n", 1)[0]
    for requirement in ('"pyarrow', '"dask[bag,distributed]', '"jsonschema'):
        assert requirement in test_extra


# ---------------------------------------------------------------- 11. old names keep working, with a warning


OLD_NAMES = {
    "STAGES": qhnews.stages.STAGES,
    "BlockKind": qhnews.stages.BlockKind,
    "Decoded": qhnews.stages.Decoded,
    "Line": qhnews.stages.Line,
    "TextBlock": qhnews.stages.TextBlock,
    "cell_width": qhnews.stages.cell_width,
    "decode": qhnews.stages.decode,
    "normalize_page": qhnews.stages.normalize_page,
    "parse_byline": qhnews.stages.parse_byline,
    "reflow": qhnews.stages.reflow,
    "split_lines": qhnews.stages.split_lines,
    "parse_bag": qhnews.dask.parse_bag,
    "parse_partition": qhnews.dask.parse_partition,
    "to_parquet": qhnews.parquet.to_parquet,
}


@pytest.mark.parametrize(("name", "new"), OLD_NAMES.items())
def test_old_names_warn_and_still_work(name: str, new: object) -> None:
    assert name not in qhnews.__all__
    pattern = rf"qhnews\.{name} is deprecated since 0\.2\.0 .*; use qhnews\.\w+\.{name}"
    with pytest.warns(DeprecationWarning, match=pattern):
        old = getattr(qhnews, name)
    assert old is new


def test_from_import_of_an_old_name_warns() -> None:
    with pytest.warns(DeprecationWarning, match="qhnews.decode"):
        from qhnews import decode  # noqa: F401
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        from qhnews import parse  # noqa: F401 - a current name: no warning


def test_unknown_names_still_raise() -> None:
    with pytest.raises(AttributeError, match="no attribute 'nonsense'"):
        _ = qhnews.nonsense


def test_deprecations_are_in_the_changelog_and_the_version_is_a_minor_bump() -> None:
    changelog = (ROOT / "CHANGELOG.md").read_text("utf-8")
    section = changelog.split(f"## [{qhnews.__version__}]", 1)[1].split("\n## [", 1)[0]
    assert qhnews.__version__ == "0.2.0"
    assert "DeprecationWarning" in section
    for name, new in OLD_NAMES.items():
        assert f"`{name}`" in section, f"the changelog does not say where {name} went"
        assert new is not None
    reference = (ROOT / "docs" / "reference" / "index.md").read_text("utf-8")
    assert all(f"{{#qhnews.{name}}}" in reference for name in OLD_NAMES)  # old links still land somewhere


# ---------------------------------------------------------------- 12. scripts/test leaves nothing behind


def test_scripts_test_keeps_its_temporary_files_in_one_folder_it_removes() -> None:
    script = (ROOT / "scripts" / "test").read_text("utf-8")
    assert script.count("mktemp") == 1
    assert re.search(r"^tmp=\$\(mktemp -d\)$", script, re.MULTILINE)
    assert re.search(r"""^trap 'rm -rf "\$tmp"' EXIT$""", script, re.MULTILINE)
    assert re.search(r'^export TMPDIR="\$tmp"', script, re.MULTILINE)
    assert "--basetemp=" in script
    assert "NO_MKDOCS_2_WARNING=1" in script
    assert re.search(r"^quiet .*-m build ", script, re.MULTILINE), "build's chatter must go through quiet"
