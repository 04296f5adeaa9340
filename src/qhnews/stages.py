r"""The pipeline's stages, one by one, for those who build on them.

Most users call ``qhnews.parse`` and never need this module. It holds the
functions and records of the stages that ``parse`` runs in order (see the
Architecture page of the documentation):

| stage | here |
|---|---|
| 1 decode | ``decode``, ``Decoded`` |
| 2 normalize | ``qhnews.normalize`` and ``qhnews.explain`` (top level) |
| 3 lines | ``split_lines``, ``cell_width``, ``Line`` |
| 4 blocks | ``reflow``, ``TextBlock``, ``BlockKind``; ``normalize_page`` runs stages 1 to 4 |
| 5 classify | ``parse_byline`` |
| 6 assemble | (inside ``qhnews.parse``; its weights are ``qhnews.AssembleOptions``) |
| 7 export | ``qhnews.page_to_dict`` and ``qhnews.render`` (top level) |

``STAGES`` writes the order down once.

Examples:
    >>> from qhnews import stages
    >>> stages.STAGES[:3]
    ('decode', 'normalize', 'lines')
    >>> [b.text for b in stages.normalize_page("浙江应邀作为主宾省组团\n参会 ,共话发展。")]
    ['浙江应邀作为主宾省组团参会，共话发展。']
"""

from __future__ import annotations

from qhnews._blocks import reflow
from qhnews._classify import parse_byline
from qhnews._decode import Decoded, decode
from qhnews._lines import cell_width, split_lines
from qhnews._pipeline import STAGES
from qhnews._records import BlockKind, Line, TextBlock
from qhnews._text import normalize_page

__all__ = [
    "STAGES",
    "BlockKind",
    "Decoded",
    "Line",
    "TextBlock",
    "cell_width",
    "decode",
    "normalize_page",
    "parse_byline",
    "reflow",
    "split_lines",
]
