"""The ``qhnews`` command: every error path, every format, stdin, normalize, --version.

Each error path runs the real command (``python -m qhnews``) and checks the
exit code and the one line on standard error; the rest runs in-process
through ``qhnews._cli.main`` for speed. Batch behaviour (jobs, resume,
progress) is in test_batch.py.
"""

from __future__ import annotations

import codecs
import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

import qhnews
from qhnews import _cli, _cli_commands, _cli_output

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
PAGE = "会议召开\n\n本报讯（记者 施翔）7 月 10 日,会议召开。\n"

needs_non_root = pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads files whatever their mode"
)


def test_seeds_found() -> None:
    assert len(SEEDS) >= 5


def run(*args: str, stdin: bytes | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """The real command, as a user runs it."""
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    proc = subprocess.run(
        [sys.executable, "-m", "qhnews", *args],
        input=stdin if stdin is not None else b"",
        capture_output=True,
        cwd=cwd,
        env=env,
        check=False,
        timeout=120,
    )
    return subprocess.CompletedProcess(
        proc.args, proc.returncode, proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8")
    )


def main(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = _cli.main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def bad(tmp_path: Path) -> Path:
    """A directory of bad inputs, one of each kind."""
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_bytes(b" \n\t\r\n\xe3\x80\x80\n")
    (tmp_path / "binary.txt").write_bytes(b"abc\xff\x00\x81")
    (tmp_path / "bad16.txt").write_bytes(codecs.BOM_UTF16_LE + "本报".encode("utf-16-le") + b"\x00")
    (tmp_path / "nopages").mkdir()
    (tmp_path / "nopages" / "notes.md").write_text("not a page", encoding="utf-8")
    (tmp_path / "emptydir").mkdir()
    (tmp_path / "good.txt").write_text(PAGE, encoding="utf-8")
    return tmp_path


# ---------------------------------------------------------------- every error path, real command

PARSE_ERRORS: list[tuple[str, str]] = [
    ("missing.txt", "missing.txt: no such file"),
    ("empty.txt", "empty.txt: empty file"),
    ("blank.txt", "blank.txt: blank file (only white space)"),
    ("binary.txt", "binary.txt: cannot decode bytes as utf-8, gb18030 (at byte offset 3)"),
    ("bad16.txt", "bad16.txt: cannot decode bytes as utf-16 (at byte offset 6)"),
    ("nopages", "nopages: directory has no pages (no *.txt files)"),
    ("emptydir", "emptydir: directory has no pages (no *.txt files)"),
    ("nomatch/*.txt", "nomatch/*.txt: no file matches this pattern"),
]


@pytest.mark.parametrize(("arg", "message"), PARSE_ERRORS, ids=[a for a, _ in PARSE_ERRORS])
@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_parse_error_real_command(bad: Path, arg: str, message: str, fmt: str) -> None:
    proc = run("parse", arg, "--format", fmt, "--strict", cwd=bad)
    assert proc.returncode == _cli.EXIT_FAILED == 1
    assert proc.stderr == f"qhnews: {message}\n"  # ONE line: no summary for a single input
    record = {"source": arg, "error": message}
    if fmt == "jsonl":  # the failure is recorded in the output too
        assert json.loads(proc.stdout) == record
    else:  # json: one array whatever the count, with the failure recorded
        assert json.loads(proc.stdout) == [record]


@pytest.mark.parametrize(("arg", "message"), PARSE_ERRORS, ids=[a for a, _ in PARSE_ERRORS])
def test_parse_error_in_process(bad: Path, arg: str, message: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = main(capsys, "parse", str(bad / arg), "-f", "text", "--strict")
    assert (code, out, err) == (1, "", f"qhnews: {bad / message}\n")


NORMALIZE_ERRORS: list[tuple[str, str]] = [
    ("missing.txt", "missing.txt: no such file"),
    ("empty.txt", "empty.txt: empty file"),
    ("blank.txt", "blank.txt: blank file (only white space)"),
    ("binary.txt", "binary.txt: cannot decode bytes as utf-8, gb18030 (at byte offset 3)"),
    ("nopages", "nopages: directory has no pages (no *.txt files)"),
    ("emptydir", "emptydir: directory has no pages (no *.txt files)"),
    ("nomatch/*.txt", "nomatch/*.txt: no file matches this pattern"),
]


@pytest.mark.parametrize(("arg", "message"), NORMALIZE_ERRORS, ids=[a for a, _ in NORMALIZE_ERRORS])
@pytest.mark.parametrize("explain", [False, True])
def test_normalize_error_real_command(bad: Path, arg: str, message: str, explain: bool) -> None:
    proc = run("normalize", arg, "--strict", *(["--explain"] if explain else []), cwd=bad)
    assert (proc.returncode, proc.stdout, proc.stderr) == (1, "", f"qhnews: {message}\n")


@needs_non_root
@pytest.mark.parametrize("command", ["parse", "normalize"])
def test_unreadable_file(bad: Path, command: str) -> None:
    locked = bad / "locked.txt"
    locked.write_text(PAGE, encoding="utf-8")
    locked.chmod(0)
    try:
        proc = run(command, "locked.txt", cwd=bad)
    finally:
        locked.chmod(0o644)
    assert (proc.returncode, proc.stdout, proc.stderr) == (1, "", "qhnews: locked.txt: permission denied\n")


@pytest.mark.parametrize(
    ("error", "message"),
    [
        (PermissionError(13, "Permission denied"), "permission denied"),
        (IsADirectoryError(21, "Is a directory"), "cannot read (Is a directory)"),
        (OSError(5, "Input/output error"), "cannot read (Input/output error)"),
    ],
)
@pytest.mark.parametrize("command", ["parse", "normalize"])
def test_unreadable_file_simulated(
    bad: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    error: OSError,
    message: str,
    command: str,
) -> None:
    """The same path as chmod 000, also when the tests run as root."""

    def refuse(*args: object, **kwargs: object) -> object:
        raise error

    monkeypatch.setattr("qhnews._batch.open", refuse, raising=False)
    path = str(bad / "good.txt")
    code, out, err = main(capsys, command, path, *(["-f", "text"] if command == "parse" else []))
    assert (code, out, err) == (1, "", f"qhnews: {path}: {message}\n")


@pytest.mark.parametrize(
    ("stdin", "message"),
    [
        (b"", "<stdin>: empty input"),
        (b"  \n\n", "<stdin>: blank file (only white space)"),
        (b"\xff\xfe\x00", "<stdin>: cannot decode bytes as utf-16 (at byte offset 2)"),
        (b"\x80abc", "<stdin>: cannot decode bytes as utf-8, gb18030 (at byte offset 0)"),
    ],
)
@pytest.mark.parametrize("command", ["parse", "normalize"])
def test_bad_stdin(stdin: bytes, message: str, command: str) -> None:
    proc = run(command, "-", "--strict", stdin=stdin)
    assert (proc.returncode, proc.stderr) == (1, f"qhnews: {message}\n")
    if command == "parse":  # json: the failed page's record, in the array
        assert json.loads(proc.stdout) == [{"source": "<stdin>", "error": message}]
    else:
        assert proc.stdout == ""


USAGE_ERRORS: list[tuple[list[str], str]] = [
    (["parse", "good.txt", "--jobs", "0"], "argument -j/--jobs: must be at least 1, not 0"),
    (["parse", "good.txt", "--jobs", "many"], "argument -j/--jobs: not a number: 'many'"),
    (["parse", "good.txt", "--format", "xml"], "argument -f/--format: invalid choice: 'xml'"),
    (["parse"], "the following arguments are required: PAGE"),
    ([], "the following arguments are required: COMMAND"),
    (["frobnicate"], "invalid choice: 'frobnicate'"),
    (["normalize"], "the following arguments are required: PAGE"),
    (["parse", "good.txt", "--bogus"], "unrecognized arguments: --bogus"),
]


@pytest.mark.parametrize(("args", "message"), USAGE_ERRORS)
def test_usage_errors_from_argparse(bad: Path, args: list[str], message: str) -> None:
    proc = run(*args, cwd=bad)
    assert proc.returncode == _cli.EXIT_USAGE == 2
    assert proc.stdout == ""
    assert proc.stderr.startswith("usage: qhnews")
    assert message in proc.stderr.splitlines()[-1]


OUR_USAGE_ERRORS: list[tuple[list[str], str]] = [
    (["parse", "good.txt", "--resume"], "--resume needs -o OUT with --format jsonl"),
    (["parse", "good.txt", "--resume", "-o", "out.json"], "--resume needs -o OUT with --format jsonl"),
    (["parse", "good.txt", "--resume", "-o", "out.jsonl", "-f", "text"], "--resume needs -o OUT with --format jsonl"),
    (["parse", "good.txt", "--format", "parquet"], "--format parquet needs -o OUT"),
    (["parse", "good.txt", "-o", "nopages"], "nopages: -o names a directory, not a file"),
]


@pytest.mark.parametrize(("args", "message"), OUR_USAGE_ERRORS)
def test_usage_errors_of_our_own(bad: Path, args: list[str], message: str) -> None:
    proc = run(*args, cwd=bad)
    assert (proc.returncode, proc.stdout, proc.stderr) == (2, "", f"qhnews: {message}\n")
    assert not (bad / "out.jsonl").exists()


def test_parquet_without_pyarrow(
    bad: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("importlib.util.find_spec", lambda name: None)
    code, out, err = main(capsys, "parse", str(bad / "good.txt"), "-o", str(bad / "x.parquet"))
    assert (code, out) == (2, "")
    assert err == 'qhnews: --format parquet needs pyarrow: pip install "qhnews[parquet]"\n'


@pytest.mark.parametrize("fmt", ["json", "jsonl", "text"])
def test_output_cannot_be_written(bad: Path, fmt: str) -> None:
    proc = run("parse", "good.txt", "-f", fmt, "-o", "no/such/dir/out", cwd=bad)
    assert proc.returncode == 1
    assert proc.stderr == "qhnews: no/such/dir/out: cannot write (No such file or directory)\n"


def test_parquet_output_cannot_be_written(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("pyarrow")
    out = str(tmp_path / "no" / "x.parquet")
    code, _, err = main(capsys, "parse", str(SEEDS[0]), "-o", out)
    assert (code, err) == (1, f"qhnews: {out}: cannot write (No such file or directory)\n")


def test_output_is_never_read_as_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copy(SEEDS[0], tmp_path / "a.txt")
    out = tmp_path / "out.txt"
    out.write_text("an earlier run's output\n", encoding="utf-8")
    code, _, _ = main(capsys, "parse", str(tmp_path), str(out), "-f", "text", "-o", str(out))
    assert code == 0
    page = qhnews.parse((tmp_path / "a.txt").read_text(encoding="utf-8"), source=str(tmp_path / "a.txt"))
    assert out.read_text(encoding="utf-8") == qhnews.render(page, "text")


def test_usage_errors_in_process_return_codes(capsys: pytest.CaptureFixture[str]) -> None:
    """main() returns argparse's exit codes instead of raising SystemExit."""
    assert _cli.main(["parse", "x.txt", "--jobs", "0"]) == 2
    assert _cli.main(["--version"]) == 0
    assert _cli.main(["--help"]) == 0
    assert _cli.main(["parse", "--help"]) == 0
    capsys.readouterr()


# ---------------------------------------------------------------- several inputs: the bad do not stop the good


def test_one_bad_file_does_not_stop_the_others(bad: Path) -> None:
    proc = run("parse", "good.txt", "missing.txt", "binary.txt", "emptydir", "good2.txt", "-f", "jsonl", cwd=bad)
    # good2.txt does not exist either; the order of the output is the order of the inputs
    records = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [r["source"] for r in records] == ["good.txt", "missing.txt", "binary.txt", "emptydir", "good2.txt"]
    assert records[0]["articles"][0]["title"] == "会议召开"
    assert [("error" in r) for r in records] == [False, True, True, True, True]
    assert proc.returncode == 1
    assert proc.stderr.splitlines() == [
        "qhnews: missing.txt: no such file",
        "qhnews: binary.txt: cannot decode bytes as utf-8, gb18030 (at byte offset 3)",
        "qhnews: emptydir: directory has no pages (no *.txt files)",
        "qhnews: good2.txt: no such file",
        "qhnews: 4 of 5 pages failed: missing.txt, binary.txt, emptydir, good2.txt",
    ]


def test_summary_names_at_most_ten(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = [str(tmp_path / f"m{i:02d}.txt") for i in range(13)]
    code, out, err = main(capsys, "parse", *missing, "-f", "jsonl")
    assert code == 1
    summary = err.splitlines()[-1]
    assert summary.startswith("qhnews: 13 of 13 pages failed: ")
    assert summary.endswith("m09.txt, and 3 more")
    assert len(out.splitlines()) == 13


def test_json_array_records_failures(bad: Path) -> None:
    proc = run("parse", "good.txt", "missing.txt", cwd=bad)
    assert proc.returncode == 1
    data = json.loads(proc.stdout)
    assert [d["source"] for d in data] == ["good.txt", "missing.txt"]
    assert data[1] == {"source": "missing.txt", "error": "missing.txt: no such file"}


@pytest.mark.parametrize("fmt", ["markdown", "text"])
def test_reading_formats_skip_failures(bad: Path, fmt: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = main(capsys, "parse", str(bad / "good.txt"), str(bad / "missing.txt"), "-f", fmt)
    assert code == 1
    assert "会议召开" in out
    assert "missing" not in out
    assert err.count("\n") == 2


# ---------------------------------------------------------------- formats


def _expected(path: Path, source: str | None = None) -> dict[str, object]:
    return qhnews.page_to_dict(qhnews.parse(path.read_text(encoding="utf-8"), source=source or str(path)))


def test_json_one_page_is_an_array_of_one(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = main(capsys, "parse", str(SEEDS[0]))
    assert (code, err) == (0, "")
    assert json.loads(out) == [_expected(SEEDS[0])]
    assert out == json.dumps([_expected(SEEDS[0])], ensure_ascii=False, indent=2) + "\n"


def test_json_several_pages_is_an_array(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = main(capsys, "parse", *map(str, SEEDS))
    assert code == 0
    assert json.loads(out) == [_expected(p) for p in SEEDS]
    assert out == json.dumps([_expected(p) for p in SEEDS], ensure_ascii=False, indent=2) + "\n"


def test_json_directory_is_an_array_even_of_one(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copy(SEEDS[0], tmp_path / "only.txt")
    code, out, _ = main(capsys, "parse", str(tmp_path))
    assert code == 0
    assert isinstance(json.loads(out), list)


def test_json_multi_page_file_is_an_array(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "two.txt"
    f.write_text(PAGE + "\f" + PAGE, encoding="utf-8")
    code, out, _ = main(capsys, "parse", str(f))
    assert code == 0
    assert [d["source"] for d in json.loads(out)] == [str(f), f"{f}#2"]


def test_jsonl(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = main(capsys, "parse", *map(str, SEEDS), "--format", "jsonl")
    assert code == 0
    assert [json.loads(line) for line in out.splitlines()] == [_expected(p) for p in SEEDS]


def test_jsonl_is_the_default_for_jsonl_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "pages.JSONL"
    code, stdout, _ = main(capsys, "parse", str(SEEDS[0]), "-o", str(out))
    assert (code, stdout) == (0, "")
    assert json.loads(out.read_text(encoding="utf-8")) == _expected(SEEDS[0])


def test_output_file_is_overwritten_without_resume(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "pages.jsonl"
    out.write_text('{"source": "old"}\n', encoding="utf-8")
    assert _cli.main(["parse", str(SEEDS[0]), "-o", str(out)]) == 0
    assert [json.loads(x)["source"] for x in out.read_text(encoding="utf-8").splitlines()] == [str(SEEDS[0])]


def test_markdown(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = main(capsys, "parse", *map(str, SEEDS[:2]), "--format", "markdown")
    assert code == 0
    expected = [
        qhnews.render(qhnews.parse(p.read_text(encoding="utf-8"), source=str(p)), "markdown") for p in SEEDS[:2]
    ]
    assert out == "\n".join(e if e.endswith("\n") else e + "\n" for e in expected)
    assert out.count("<!-- ") == 2
    assert "\n## " in out


def test_text(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = main(capsys, "parse", str(SEEDS[0]), "--format", "text")
    assert code == 0
    page = qhnews.parse(SEEDS[0].read_text(encoding="utf-8"), source=str(SEEDS[0]))
    assert out == qhnews.render(page, "text")
    assert all(a.title in out for a in page.articles if a.title)


@pytest.mark.parametrize("encoding", ["utf-8", "gb18030", "utf-16"])
def test_stdin(encoding: str) -> None:
    proc = run("parse", "-", "--format", "jsonl", stdin=PAGE.encode(encoding))
    assert (proc.returncode, proc.stderr) == (0, "")
    record = json.loads(proc.stdout)
    assert record["source"] == "<stdin>"
    assert record["articles"][0]["title"] == "会议召开"
    assert record["articles"][0]["blocks"][0]["text"] == "7月10日，会议召开。"


def test_stdin_among_files(bad: Path) -> None:
    proc = run("parse", "good.txt", "-", "-f", "jsonl", stdin="标题\n\n本报讯（记者 王五）开会。".encode(), cwd=bad)
    assert proc.returncode == 0
    assert [json.loads(x)["source"] for x in proc.stdout.splitlines()] == ["good.txt", "<stdin>"]


def test_leftovers_in_json(capsys: pytest.CaptureFixture[str]) -> None:
    """Nothing lost: text no article took is in the JSON, under "leftovers", with its lines."""
    code, out, _ = main(capsys, "parse", *map(str, SEEDS), "-f", "jsonl")
    assert code == 0
    for line, path in zip(out.splitlines(), SEEDS, strict=True):
        record = json.loads(line)
        assert isinstance(record["leftovers"], list)
        page = qhnews.parse(path.read_text(encoding="utf-8"))
        assert [x["text"] for x in record["leftovers"]] == [x.text for x in page.leftovers]
        assert all(set(x["span"]) == {"start", "end", "first_line", "last_line"} for x in record["leftovers"])


def test_help_lists_exit_codes() -> None:
    proc = run("--help")
    assert proc.returncode == 0
    assert "Exit codes" in proc.stdout


def test_version() -> None:
    proc = run("--version")
    assert (proc.returncode, proc.stdout, proc.stderr) == (0, f"qhnews {qhnews.__version__}\n", "")


def test_module_and_entry_point_agree() -> None:
    script = Path(sys.executable).parent / "qhnews"
    if not script.exists():
        pytest.skip("qhnews entry point not installed beside this interpreter")
    proc = subprocess.run([str(script), "--version"], capture_output=True, text=True, check=False)
    assert proc.stdout == f"qhnews {qhnews.__version__}\n"


# ---------------------------------------------------------------- normalize


def test_normalize_page(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = main(capsys, "normalize", str(SEEDS[0]))
    assert (code, err) == (0, "")
    blocks = qhnews.stages.normalize_page(SEEDS[0].read_text(encoding="utf-8"))
    assert out == "\n\n".join(b.text for b in blocks) + "\n"


def test_normalize_real_command_and_stdin() -> None:
    proc = run("normalize", "-", stdin=PAGE.encode("gb18030"))
    assert (proc.returncode, proc.stderr) == (0, "")
    assert proc.stdout == "会议召开\n\n本报讯（记者 施翔）\n\n7月10日，会议召开。\n"


def test_normalize_pages_of_one_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "two.txt"
    f.write_text("第一版\f第二版\f", encoding="utf-8")
    code, out, _ = main(capsys, "normalize", str(f))
    assert (code, out) == (0, "第一版\n\f\n第二版\n")


def test_normalize_explain(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = main(capsys, "normalize", "--explain", str(SEEDS[0]))
    assert code == 0
    changes = [json.loads(line) for line in out.splitlines()]
    expected = qhnews.explain(SEEDS[0].read_text(encoding="utf-8")).changes
    assert len(changes) == len(expected) > 0
    assert changes[0] == {
        "source": str(SEEDS[0]),
        "rule": expected[0].rule,
        "start": expected[0].start,
        "end": expected[0].end,
        "before": expected[0].before,
        "after": expected[0].after,
    }


# ---------------------------------------------------------------- pipes and interrupts


def test_broken_pipe_is_quiet(tmp_path: Path) -> None:
    for i in range(30):
        shutil.copy(SEEDS[i % len(SEEDS)], tmp_path / f"p{i:02d}.txt")
    proc = subprocess.Popen(
        [sys.executable, "-m", "qhnews", "parse", str(tmp_path), "-f", "jsonl"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None
    assert proc.stderr is not None
    proc.stdout.readline()
    proc.stdout.close()  # like `| head -1`
    err = proc.stderr.read().decode()
    proc.stderr.close()
    assert proc.wait(timeout=60) == 0
    assert err == ""


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-o", "out.jsonl"], "qhnews: interrupted; run again with --resume to go on\n"),
        ([], "qhnews: interrupted\n"),
    ],
)
def test_interrupt(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    args: list[str],
    message: str,
) -> None:
    def interrupted(*a: object, **k: object) -> object:
        raise KeyboardInterrupt

    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(_cli_commands, "run_pages", interrupted)
    code, _, err = main(capsys, "parse", str(SEEDS[0]), *args)
    assert (code, err) == (_cli.EXIT_INTERRUPTED, message)


def test_no_progress_bar_when_not_a_terminal(tmp_path: Path) -> None:
    proc = run("parse", str(ROOT / "seeds"), "-o", str(tmp_path / "out.jsonl"), "--jobs", "2")
    assert (proc.returncode, proc.stdout, proc.stderr) == (0, "", "")


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_progress_bar_on_a_terminal(tmp_path: Path) -> None:
    import pty

    master, slave = pty.openpty()
    try:
        proc = subprocess.run(
            [sys.executable, "-m", "qhnews", "parse", str(ROOT / "seeds"), "-o", str(tmp_path / "out.jsonl")],
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
    text = shown.decode()
    assert f"{len(SEEDS)}/{len(SEEDS)} files  {len(SEEDS)} pages" in text
    assert "pages/s" in text
    assert "left" in text


def test_progress_total_is_files_counted_before_reading(tmp_path: Path) -> None:
    """The total is the number of files, known before the first page is read; it never moves."""
    paths = []
    for i, pages in enumerate([3, 1, 2, 1]):
        paths.append(str(tmp_path / f"p{i}.txt"))
        Path(paths[-1]).write_text("\f".join([PAGE] * pages), encoding="utf-8")
    reader = qhnews._batch.PageReader(paths)
    progress = _cli_output.Progress(reader, sys.stderr, enabled=False)

    def shown() -> str:
        match = re.search(r"\] (\d+/\d+ files  \d+ pages)  ", progress.line())
        assert match is not None, progress.line()
        return match.group(1)

    seen = [shown()]
    for _ in reader:
        progress.step()
        seen.append(shown())
    progress.close(finished=True)
    seen.append(shown())
    assert seen == [
        "0/4 files  0 pages",
        "0/4 files  1 pages",
        "0/4 files  2 pages",
        "0/4 files  3 pages",
        "1/4 files  4 pages",
        "2/4 files  5 pages",
        "2/4 files  6 pages",
        "3/4 files  7 pages",
        "4/4 files  7 pages",
    ]


def test_progress_line_shape() -> None:
    reader = qhnews._batch.PageReader(["a", "b", "c", "d"])
    reader.file_of.extend([0, 1, 2])
    progress = _cli_output.Progress(reader, sys.stderr, enabled=False)
    line = progress.line()
    assert line.startswith("[------------------------] 0/4 files  0 pages  ")
    assert line.endswith(" -:-- left")  # nothing done: no guess
    for _ in range(3):
        progress.step()
    line = progress.line()
    assert line.startswith("[############------------] 2/4 files  3 pages  ")
    assert line.endswith(" left")


ERROR_LINE: Callable[[str], bool] = lambda line: line.startswith("qhnews: ")  # noqa: E731 - a one-line predicate


def test_every_stderr_line_is_prefixed(bad: Path) -> None:
    proc = run("parse", *[a for a, _ in PARSE_ERRORS], "good.txt", "-f", "jsonl", "--strict", cwd=bad)
    assert proc.returncode == 1
    lines = proc.stderr.splitlines()
    assert len(lines) == len(PARSE_ERRORS) + 1
    assert all(map(ERROR_LINE, lines))
