"""Record, then replay, every call the property tests make into qhnews.

As a pytest plugin (``-p mutation_record`` with ``QHNEWS_MUTATION_RECORD``
naming a file), it wraps the functions the property tests and their page
generator call and writes each distinct call with its answer when the session
ends, with the tests that made it and how long each test took. As a script
(``mutation_record.py replay FILE``) it calls them again and prints, as JSON,
the tests some of whose calls answer differently, fastest first: with the
``ci`` profile (derandomized), a test whose every call answers the same runs
exactly as it did on the recorded tree, and passes again.
"""

from __future__ import annotations

import json
import os
import pickle
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

#: (module, attribute) of each function the property tests call.
RECORDED = (
    ("qhnews", "parse"),
    ("qhnews", "normalize"),
    ("qhnews", "explain"),
    ("qhnews", "page_to_dict"),
    ("qhnews.stages", "cell_width"),
    ("qhnews.stages", "normalize_page"),
)

_CALLS: dict[tuple[str, bytes], Any] = {}
_USES: dict[str, set[tuple[str, bytes]]] = {}
_TIMES: dict[str, float] = {}
_BROKEN: list[str] = []
_CURRENT = ["<collection>"]  # calls made outside a test (while collecting) concern every test


def _answer(fn: Callable[..., Any], args: tuple[Any, ...], kwargs: dict[str, Any]) -> tuple[str, Any]:
    try:
        return "=", fn(*args, **kwargs)
    except Exception as e:  # noqa: BLE001 - an exception is an answer too
        return "!", f"{type(e).__name__}: {e}"


def _wrap(name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
    def recorded(*args: Any, **kwargs: Any) -> Any:
        how, value = _answer(fn, args, kwargs)
        try:
            key = (name, pickle.dumps((args, kwargs)))
            _CALLS[key] = (how, value)
            _USES.setdefault(_CURRENT[0], set()).add(key)
        except Exception as e:  # noqa: BLE001 - an argument that cannot be kept makes the replay unsound
            _BROKEN.append(f"{name}: {e}")
        if how == "!":
            return fn(*args, **kwargs)  # raise it again, as the unrecorded call would
        return value

    recorded.__wrapped__ = fn  # type: ignore[attr-defined]
    return recorded


def pytest_configure(config: Any) -> None:
    import importlib

    for module, attr in RECORDED:
        mod = importlib.import_module(module)
        setattr(mod, attr, _wrap(f"{module}.{attr}", getattr(mod, attr)))


def pytest_runtest_protocol(item: Any, nextitem: Any) -> None:
    _CURRENT[0] = item.nodeid
    _TIMES[item.nodeid] = time.monotonic()


def pytest_runtest_logfinish(nodeid: str, location: Any) -> None:
    _TIMES[nodeid] = time.monotonic() - _TIMES.get(nodeid, time.monotonic())
    _CURRENT[0] = "<collection>"


def pytest_unconfigure(config: Any) -> None:
    path = os.environ.get("QHNEWS_MUTATION_RECORD")
    if not path:
        return
    if _BROKEN:
        raise RuntimeError(f"calls that cannot be recorded: {_BROKEN[:3]}")
    record = {"calls": _CALLS, "uses": _USES, "times": _TIMES}
    Path(path).write_bytes(pickle.dumps(record, protocol=pickle.HIGHEST_PROTOCOL))


def replay(path: str) -> int:
    import importlib

    record = pickle.loads(Path(path).read_bytes())
    fns = {}
    for module, attr in RECORDED:
        fns[f"{module}.{attr}"] = getattr(importlib.import_module(module), attr)
    differ = set()
    for key, expected in record["calls"].items():
        name, packed = key
        args, kwargs = pickle.loads(packed)
        if _answer(fns[name], args, kwargs) != expected:
            differ.add(key)
    times = record["times"]
    tests = sorted((t for t, keys in record["uses"].items() if keys & differ), key=lambda t: times.get(t, 0))
    if "<collection>" in tests:
        tests = sorted(times, key=times.__getitem__)
    print(json.dumps({"calls": len(record["calls"]), "differ": len(differ), "tests": tests}))
    return 0


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "replay":  # noqa: PLR2004
        raise SystemExit(replay(sys.argv[2]))
    raise SystemExit("usage: mutation_record.py replay FILE")
