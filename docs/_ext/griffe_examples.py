"""Griffe extension: read a singular "Example:" docstring section as "Examples:".

Google style (as Napoleon reads it) accepts both spellings; griffe only knows
"Examples:", and renders "Example:" as an admonition whose ``>>>`` lines
become nested block quotes. Once every docstring in ``src/qhnews`` says
"Examples:", this extension does nothing and can be dropped from mkdocs.yml.
"""

from __future__ import annotations

import re
from typing import Any

import griffe

_SINGULAR = re.compile(r"^Example:[ \t]*$", re.MULTILINE)


class ExampleSections(griffe.Extension):
    """Rename every top-level "Example:" section header to "Examples:"."""

    def on_instance(self, *, obj: griffe.Object, **kwargs: Any) -> None:  # noqa: ARG002 - griffe passes more
        """Fix the docstring of each object as griffe creates it."""
        if obj.docstring is not None:
            obj.docstring.value = _SINGULAR.sub("Examples:", obj.docstring.value)
