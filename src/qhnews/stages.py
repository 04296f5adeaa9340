r"""The pipeline's stages, one by one, for those who build on them.

Most users call ``qhnews.parse`` and never need this module. It holds the
stages that ``parse`` runs, in order, and the functions and records of the
text layer, usable on their own (see the Architecture page of the
documentation):

| step | here |
|---|---|
| decode bytes | ``decode``, ``Decoded`` |
| split into lines | ``split_lines``, ``cell_width``, ``Line`` |
| join wrapped lines into paragraphs | ``reflow``, ``TextBlock``, ``BlockKind``; ``normalize_page`` runs all three |
| read one byline | ``parse_byline`` |
| the whole pipeline | ``STAGES``: each a ``Stage`` with its ``name``, ``run`` and ``doc`` |
| say how sure stage 6 is of each article | ``ConfidenceWeights``, the weights of ``AssembleOptions.confidence`` |

The text rules themselves are ``qhnews.normalize`` and ``qhnews.explain``;
the output formats are ``qhnews.page_to_dict`` and ``qhnews.render``.

Examples:
    >>> from qhnews import stages
    >>> [stage.name for stage in stages.STAGES][0]
    'lines'
    >>> [b.text for b in stages.normalize_page("浙江应邀作为主宾省组团\n参会 ,共话发展。")]
    ['浙江应邀作为主宾省组团参会，共话发展。']
"""

from __future__ import annotations

from qhnews._blocks import reflow
from qhnews._classify import parse_byline
from qhnews._confidence import ConfidenceWeights
from qhnews._decode import Decoded, decode
from qhnews._lines import cell_width, split_lines
from qhnews._pipeline import STAGES, Stage
from qhnews._records import BlockKind, Line, TextBlock
from qhnews._text import normalize_page

__all__ = [
    "STAGES",
    "BlockKind",
    "ConfidenceWeights",
    "Decoded",
    "Line",
    "Stage",
    "TextBlock",
    "cell_width",
    "decode",
    "normalize_page",
    "parse_byline",
    "reflow",
    "split_lines",
]
