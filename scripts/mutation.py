"""Mutation testing of the stage modules: does the suite notice when a rule changes?

Run it through ``scripts/mutation`` (which nices it). Each mutant (see
``mutation_ops``) is spliced into a copy of the work tree made in a temporary
folder (src is never edited in place), and the suite runs against the copy:

1. the fast tests (the module's doctests, fixtures, golden pages, rules,
   reflow, bylines, spans, normalization, pinning, minimal layout pages, the
   JSON of the docs' example pages, and
   the module's own tests where they are too slow or narrow for every mutant:
   the confidence model's for ``_confidence`` and ``_doubts``, the bigrams'
   for ``_grams``, the column measure's and the classes' for ``_columns`` and
   ``_charsets``), with ``-x``: the first failure kills the mutant;
2. the property tests with the ``ci`` profile (derandomized), fastest first.
   Before them, a replay: every call the property tests make into qhnews
   (``parse``, ``normalize``, ``explain``, ``normalize_page``, ``cell_width``)
   was recorded once on the unmutated tree; a mutant that returns the same
   for every one of them cannot fail the properties (the profile draws the
   same examples while the answers are the same), so it survives them
   without running them. A mutant whose answers differ runs them.

A mutant that runs past its timeout counts as killed (by timeout): the
suite's per-test timeout fails it instead of hanging.

The report (JSON and markdown) lists per stage module the mutants killed,
survived, timed out and judged equivalent (``--equivalent FILE``: keys with
the reason), with file:line and the diff of each survivor.
"""

from __future__ import annotations

import argparse
import difflib
import fnmatch
import hashlib
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import asdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from mutation_ops import ALWAYS, Mutant, apply, mutants  # noqa: E402

#: The stage modules, by glob, so that a new module counts (``_segment*.py``).
STAGE_GLOBS = (
    "_lines.py",
    "_cues.py",
    "_columns.py",  # the column measure, split from _cues
    "_charsets.py",  # the classes taken out through the standard re (width, letters and digits)
    "_paragraphs.py",
    "_standalone.py",
    "_blocks.py",
    "_classify.py",
    "_segment*.py",
    "_boundary.py",  # the seam rules of stage 6, split from _segment
    "_passes.py",  # the passes after the walk of stage 6, split from _segment
    "_headline.py",
    "_lineshape.py",  # RoleWeights and the shape of one headline line, split from _headline
    "_attach.py",
    "_assemble.py",
    "_normalize.py",
    "_bylines.py",
    "_forms.py",
    "_options.py",  # ReflowOptions: its defaults only
    "_confidence.py",  # ConfidenceWeights and the confidence model
    "_doubts.py",  # the cues of the confidence model, split from _confidence
    "_grams.py",  # the pairs of letters the attachment and the boundary passes compare
)

FAST = (
    "tests/test_pinning.py",
    "tests/test_golden.py",
    "tests/test_fixtures.py",
    "tests/test_assemble_rules.py",
    "tests/test_assemble_edges.py",
    "tests/test_bylines.py",
    "tests/test_spans.py",
    "tests/test_normalize.py",
    "tests/test_layouts.py",
    "tests/test_explain.py",
    "tests/test_reflow.py",
    "tests/test_found_by_deep.py",  # the pages the deep property runs found, kept as examples
    "tests/test_api.py::test_example_output_is_real",  # the docs' example pages, every field of their JSON
)
FAST_DESELECT = ("tests/test_layouts.py::test_structure_round_trip",)
#: The test modules of one stage module, run in its fast phase only (too slow, or too narrow, to run for every mutant).
OWN_TESTS = {
    "_confidence.py": ("tests/test_confidence.py",),
    "_doubts.py": ("tests/test_confidence.py",),
    "_grams.py": ("tests/test_grams.py",),
    "_columns.py": ("tests/test_columns.py",),
    "_charsets.py": ("tests/test_charsets.py",),
}
PROPERTIES = ("tests/test_properties.py", "tests/test_layouts.py::test_structure_round_trip")
#: Test modules whose imports from qhnews bypass the replay (module-level names they read directly).
PROPERTY_SOURCES = ("tests/test_properties.py", "tests/test_layouts.py", "tests/render.py", "tests/strategies.py")


def stage_modules(root: Path) -> list[Path]:
    """The stage modules under src/qhnews, from the globs."""
    files = sorted((root / "src" / "qhnews").glob("_*.py"))
    return [f for f in files if any(fnmatch.fnmatch(f.name, g) for g in STAGE_GLOBS)]


def all_mutants(root: Path) -> list[Mutant]:
    out: list[Mutant] = []
    for f in stage_modules(root):
        out.extend(mutants(f.relative_to(root).as_posix(), f.read_text("utf-8")))
    return out


def choose(
    every: list[Mutant], sample: int, seed: int, *, constants: bool, only: str | None, scope: str | None = None
) -> list[Mutant]:
    """All default and constant mutants, and a seeded sample of the rest (of one function or class: ``scope``)."""
    if only:
        every = [m for m in every if fnmatch.fnmatch(m.path.rsplit("/", 1)[-1], only)]
    if scope:  # the sampled mutants inside one function; the module's constants stay
        every = [m for m in every if m.kind in ALWAYS or fnmatch.fnmatch(m.scope, scope)]
    fixed = [m for m in every if m.kind in ALWAYS] if constants else []
    rest = [m for m in every if m.kind not in ALWAYS]
    # the sample in its drawn order: a run stopped early is still a sample of every module
    picked = random.Random(seed).sample(rest, min(sample, len(rest)))
    return picked + fixed


def diff(m: Mutant, source: str) -> str:
    after = apply(source, m)
    lines = difflib.unified_diff(
        source.splitlines(keepends=True), after.splitlines(keepends=True), f"a/{m.path}", f"b/{m.path}", n=1
    )
    return "".join(lines)


# --------------------------------------------------------------------------- the copy and its runs


def copy_tree(dest: Path, commit: str | None = None) -> None:
    """The work tree's files (tracked and untracked, not ignored) under ``dest``; or a commit's, with these scripts."""
    if commit:
        dest.mkdir(parents=True)
        archive = subprocess.run(["git", "archive", commit], cwd=ROOT, capture_output=True, check=True).stdout
        subprocess.run(["tar", "-x", "-C", str(dest)], input=archive, check=True)
        for f in HERE.glob("mutation*"):
            shutil.copy2(f, dest / "scripts" / f.name)
        return
    files = subprocess.run(
        ["git", "ls-files", "-co", "--exclude-standard", "-z"], cwd=ROOT, capture_output=True, check=True
    ).stdout.decode("utf-8")
    for name in filter(None, files.split("\0")):
        src = ROOT / name
        if src.is_file():
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dest / name)


PROFILE = ["ci"]


def tree_digest(copy: Path) -> str:
    """A digest of the sources and of the property tests: a recorded baseline is reused only for the same tree."""
    h = hashlib.sha256()
    files = sorted((copy / "src").rglob("*.py")) + [copy / f for f in PROPERTY_SOURCES]
    files += [copy / "tests" / "conftest.py", copy / "scripts" / "mutation_record.py"]
    for f in files:
        h.update(f.relative_to(copy).as_posix().encode() + b"\0" + f.read_bytes())
    return h.hexdigest()[:16]


def env_for(copy: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST_")}
    env["PYTHONPATH"] = os.pathsep.join([str(copy / "src"), str(copy / "scripts")])
    env["PYTHONDONTWRITEBYTECODE"] = "1"  # a mutant of the same size and second must not read a stale .pyc
    env["HYPOTHESIS_PROFILE"] = PROFILE[0]
    return env


def pytest(copy: Path, args: list[str], timeout: float, extra_env: dict[str, str] | None = None) -> tuple[str, str]:
    """``passed``, ``failed`` or ``timeout``, and the tail of the output."""
    cmd = [sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider", "--no-header", "-o", "addopts="]
    cmd += ["--strict-markers", "-o", "xfail_strict=true", *args]
    env = {**env_for(copy), **(extra_env or {})}
    try:
        r = subprocess.run(cmd, cwd=copy, env=env, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return "timeout", ""
    tail = "\n".join((r.stdout + r.stderr).strip().splitlines()[-12:])
    if r.returncode == 0:
        return "passed", tail
    if r.returncode == 5:  # noqa: PLR2004
        raise SystemExit(f"no tests ran: {' '.join(args)}\n{tail}")
    return "failed", tail


def fast_args(copy: Path, module: Path | None) -> list[str]:
    args = [f for f in FAST if (copy / f.split("::")[0]).exists()]
    if module is not None:
        args += [f for f in OWN_TESTS.get(module.name, ()) if (copy / f).exists()]
    args += [f"--deselect={d}" for d in FAST_DESELECT]
    if module is not None:  # the module's own doctests first
        args.insert(0, "--doctest-modules")
        args.insert(1, str(module.relative_to(copy)))
    return args


def replay_unsafe(m: Mutant, copy: Path) -> bool:
    """A module-level mutant the property tests read directly (an import of the name, or of the module)."""
    if "." in m.scope or m.scope != "<module>" and not m.scope[0].isupper():
        return False
    module = Path(m.path).stem
    for name in PROPERTY_SOURCES:
        text = (copy / name).read_text("utf-8")
        if f"from qhnews import {module}" in text:
            return True
        for line in text.splitlines():
            if line.startswith(f"from qhnews.{module} import"):
                names = {n.strip().split(" as ")[0] for n in line.split("import", 1)[1].split(",")}
                if set(m.toplevel.split(",")) & names:
                    return True
    return False


def replay(copy: Path, record: Path, timeout: float) -> tuple[str, list[str], str]:
    """``same``, ``differs`` or ``timeout``; the property tests some of whose recorded calls answer differently."""
    cmd = [sys.executable, str(HERE / "mutation_record.py"), "replay", str(record)]
    try:
        r = subprocess.run(cmd, cwd=copy, env=env_for(copy), capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return "timeout", [], ""
    if r.returncode != 0:  # the mutant breaks the replay itself (an import): every test
        return "differs", [], (r.stdout + r.stderr).strip()[-600:]
    answer = json.loads(r.stdout.strip().splitlines()[-1])
    return ("differs" if answer["tests"] else "same"), answer["tests"], f"{answer['differ']} of {answer['calls']} calls"


def run(args: argparse.Namespace) -> int:  # noqa: PLR0915
    tmp = Path(tempfile.mkdtemp(prefix="qhnews-mutation-"))
    copy = tmp / "tree"
    copy_tree(copy, args.commit)
    every = all_mutants(copy)
    chosen = choose(every, args.sample, args.seed, constants=not args.no_constants, only=args.only, scope=args.scope)
    if args.limit:
        chosen = chosen[: args.limit]
    out = Path(args.out).resolve()  # the property run records into it from the copy's folder
    out.mkdir(parents=True, exist_ok=True)
    log = out / "progress.jsonl"
    done: dict[str, dict[str, object]] = {}
    if args.resume and log.exists():
        for line in log.read_text("utf-8").splitlines():
            r = json.loads(line)
            done[r["key"]] = r
    print(f"{len(every)} mutants in {len(stage_modules(copy))} modules; running {len(chosen)}", flush=True)
    try:
        record = out / "baseline-calls.pickle"
        t0 = time.monotonic()
        status, tail = pytest(copy, fast_args(copy, None), args.timeout * 4)
        fast_time = time.monotonic() - t0
        if status != "passed":
            raise SystemExit(f"the fast tests fail on the unmutated tree:\n{tail}")
        digest, prop_time = tree_digest(copy), 0.0
        t0 = time.monotonic()
        if args.resume and record.exists() and (out / "baseline.json").exists():
            prop_time = json.loads((out / "baseline.json").read_text("utf-8")).get(digest, 0.0)
        if not prop_time:  # record the property tests' calls on the unmutated tree
            status, tail = pytest(
                copy,
                ["-p", "mutation_record", *PROPERTIES],
                args.timeout * 20,
                {"QHNEWS_MUTATION_RECORD": str(record)},
            )
            prop_time = time.monotonic() - t0
            if status != "passed":
                raise SystemExit(f"the property tests fail on the unmutated tree:\n{tail}")
            (out / "baseline.json").write_text(json.dumps({digest: prop_time}), "utf-8")
        t0 = time.monotonic()
        status, _, tail = replay(copy, record, args.timeout * 20)
        replay_time = time.monotonic() - t0
        if status != "same":
            raise SystemExit(f"the replay differs on the unmutated tree:\n{tail}")
        print(f"baseline: fast {fast_time:.0f}s, properties {prop_time:.0f}s, replay {replay_time:.0f}s", flush=True)
        budget = {
            "fast": max(args.timeout, 3 * fast_time),
            "replay": max(args.timeout, 3 * replay_time),
            "properties": max(args.timeout, 3 * prop_time),
        }
        for n, m in enumerate(chosen, 1):
            if m.key in done:
                continue
            target = copy / m.path
            original = target.read_text("utf-8")
            target.write_text(apply(original, m), "utf-8")
            t0 = time.monotonic()
            try:
                result = one(copy, m, target, record, budget)
            finally:
                target.write_text(original, "utf-8")
            result.update(asdict(m), key=m.key, where=m.where, seconds=round(time.monotonic() - t0, 1))
            if result["status"] == "survived":
                result["diff"] = diff(m, original)
            with log.open("a", encoding="utf-8") as f:
                f.write(json.dumps(result, ensure_ascii=False) + "\n")
            done[m.key] = result
            status = f"{result['status']} ({result['by']}, {result['seconds']}s)"
            print(f"[{n}/{len(chosen)}] {m.where} {m.kind}: {status}", flush=True)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    results = [done[m.key] for m in chosen if m.key in done]
    write_report(results, out, args, len(every))
    return 0


def one(copy: Path, m: Mutant, target: Path, record: Path, budget: dict[str, float]) -> dict[str, object]:
    """Run the suite on one mutant: the fast tests, then the property tests the replay says could fail."""
    status, tail = pytest(copy, fast_args(copy, target), budget["fast"])
    if status == "timeout":
        return {"status": "timeout", "by": "fast tests"}
    if status == "failed":
        return {"status": "killed", "by": "fast tests", "tail": tail}
    tests: list[str] = list(PROPERTIES)
    if not replay_unsafe(m, copy):
        same, differ, note = replay(copy, record, budget["replay"])
        if same == "timeout":
            return {"status": "timeout", "by": "replay"}
        if same == "same":
            return {"status": "survived", "by": f"fast tests pass; the properties' calls answer the same ({note})"}
        tests = differ or tests
    status, tail = pytest(copy, tests, budget["properties"])
    if status == "timeout":
        return {"status": "timeout", "by": "properties"}
    if status == "failed":
        return {"status": "killed", "by": "properties", "tail": tail}
    return {"status": "survived", "by": f"fast tests and {len(tests)} property tests pass"}


# --------------------------------------------------------------------------- the report


def load_equivalent(path: str | None) -> dict[str, str]:
    if not path or not Path(path).exists():
        return {}
    data = json.loads(Path(path).read_text("utf-8"))
    return {e["key"]: e["reason"] for e in data["equivalent"]}


def write_report(results: list[dict[str, object]], out: Path, args: argparse.Namespace, total: int) -> None:
    equivalent = load_equivalent(args.equivalent)
    for r in results:
        if r["status"] == "survived" and r["key"] in equivalent:
            r["status"] = "equivalent"
            r["reason"] = equivalent[str(r["key"])]
    per: dict[str, Counter[str]] = {}
    for r in results:
        per.setdefault(Path(str(r["path"])).name, Counter())[str(r["status"])] += 1
    rows = []
    for mod, c in sorted(per.items()):
        killed = c["killed"] + c["timeout"]
        live = killed + c["survived"]
        rows.append({"module": mod, **c, "score": round(killed / live, 3) if live else None})
    summary = {
        "seed": args.seed,
        "sample": args.sample,
        "mutants_in_modules": total,
        "run": len(results),
        "modules": rows,
        # the test output of each kill stays in progress.jsonl: it names the run's temporary folder
        "results": [{k: v for k, v in r.items() if k != "tail"} for r in results],
    }
    (out / "report.json").write_text(json.dumps(summary, ensure_ascii=False, indent=1) + "\n", "utf-8")
    md = [
        "# Mutation report",
        "",
        f"{sum(r['kind'] not in ALWAYS for r in results)} sampled mutants (seed {args.seed}) and "
        f"{sum(r['kind'] in ALWAYS for r in results)} default and constant mutants run "
        f"({total} mutants in the stage modules of the work tree now)."
        + (f" {args.note}" if args.note else ""),
        "",
        "| module | run | killed | timeout | survived | equivalent | killed of non-equivalent |",
        "|---|---|---|---|---|---|---|",
    ]
    for row in rows:
        score = "–" if row["score"] is None else f"{100 * row['score']:.0f}%"
        md.append(
            f"| `{row['module']}` | {sum(per[row['module']].values())} | {row.get('killed', 0)} | "
            f"{row.get('timeout', 0)} | {row.get('survived', 0)} | {row.get('equivalent', 0)} | {score} |"
        )
    for status in ("survived", "equivalent"):
        md += ["", f"## {status.capitalize()}", ""]
        for r in results:
            if r["status"] == status:
                md.append(f"### {r['where']} `{r['kind']}` in `{r['scope']}` ({r['key']})")
                md.append("")
                if status == "equivalent":
                    md += [f"Equivalent: {r['reason']}", ""]
                md += ["```diff", str(r.get("diff", "")).rstrip(), "```", ""]
    (out / "report.md").write_text("\n".join(md) + "\n", "utf-8")
    print("\n".join(md[: 6 + len(rows) + 2]))


def list_mutants(args: argparse.Namespace) -> int:
    every = all_mutants(ROOT)
    chosen = choose(every, args.sample, args.seed, constants=not args.no_constants, only=args.only, scope=args.scope)
    for m in chosen:
        print(f"{m.where}\t{m.kind}\t{m.key}\t{m.before!r} -> {m.after!r}")
    kinds = Counter(m.kind for m in every)
    print(f"{len(chosen)} chosen of {len(every)}: {dict(kinds)}", file=sys.stderr)
    return 0


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("command", nargs="?", default="run", choices=("run", "list", "report"))
    p.add_argument("--sample", type=int, default=150, help="how many sampled mutants (default 150)")
    p.add_argument("--seed", type=int, default=17, help="the sample's seed (default 17)")
    p.add_argument("--no-constants", action="store_true", help="leave out the default and constant mutants")
    p.add_argument("--only", help="only modules whose file name matches this glob (_blocks.py)")
    p.add_argument("--scope", help="only the sampled mutants inside functions or classes matching this glob")
    p.add_argument("--limit", type=int, default=0, help="stop after this many mutants")
    p.add_argument("--timeout", type=float, default=120, help="the least time a phase gets before it counts as hung")
    p.add_argument("--out", default=str(ROOT / "benchmarks" / "mutation"), help="where the report goes")
    p.add_argument("--equivalent", default=str(ROOT / "benchmarks" / "mutation" / "equivalent.json"))
    p.add_argument("--commit", help="run on this commit's tree (with these scripts) instead of the work tree")
    p.add_argument("--note", default="", help="a line for the report's head (the commit the run used)")
    p.add_argument("--resume", action="store_true", help="skip the mutants progress.jsonl already holds")
    p.add_argument("--profile", default="ci", help="the Hypothesis profile (ci; dev for a trial of this script)")
    args = p.parse_args()
    PROFILE[0] = args.profile
    if args.command == "list":
        return list_mutants(args)
    if args.command == "report":  # every mutant progress.jsonl holds, whatever tree it ran on
        log = Path(args.out) / "progress.jsonl"
        done = {json.loads(x)["key"]: json.loads(x) for x in log.read_text("utf-8").splitlines()}
        write_report(list(done.values()), Path(args.out), args, len(all_mutants(ROOT)))
        return 0
    return run(args)


if __name__ == "__main__":
    raise SystemExit(main())
