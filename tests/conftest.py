"""Hypothesis settings profiles for the property tests.

``HYPOTHESIS_PROFILE`` picks one (default ``ci``):

* ``ci``: 200 examples per property, derandomized, so that every run checks
  the same pages and a failure reproduces;
* ``deep``: 5000 random examples per property, for a hunt before a release;
* ``dev``: 30 examples, for quick runs while editing.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

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
