"""Hypothesis settings profiles for the property tests.

``HYPOTHESIS_PROFILE`` picks one (default ``ci``):

* ``ci``: 200 examples per property, derandomized, so that every run checks
  the same pages and a failure reproduces;
* ``deep``: 5000 random examples per property, for a hunt before a release;
* ``dev``: 30 examples, for quick runs while editing.

The whole session draws blind to the literals of the source code Hypothesis
has seen (``strategies.source_blind``): the derandomized ``ci`` profile then
checks the same pages whichever tests run and however the parser's source
changes (a new integer literal in ``qhnews`` no longer moves the draws), so
that a failure in CI reproduces locally.
"""

from __future__ import annotations

import contextlib
import os
from typing import Any

from hypothesis import HealthCheck, settings

from strategies import source_blind

_QUIET = (HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much)

settings.register_profile(
    "ci",
    max_examples=200,
    deadline=None,
    derandomize=True,
    print_blob=True,
    suppress_health_check=_QUIET,
)
settings.register_profile("deep", max_examples=5000, deadline=None, print_blob=True, suppress_health_check=_QUIET)
settings.register_profile("dev", max_examples=30, deadline=None, suppress_health_check=_QUIET)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

_SESSION = contextlib.ExitStack()


def pytest_configure(config: Any) -> None:
    _SESSION.enter_context(source_blind())


def pytest_unconfigure(config: Any) -> None:
    _SESSION.close()
