r"""How close parsed pages come to expected ones: the project's own, dependency-free evaluation.

Both sides are page objects of the JSON output (``dict``), or a ``Page`` for
the predicted side; ``evaluate`` pairs their articles one to one and gives
an ``Evaluation`` of figures from 0 to 1 (article, text, paragraph, title,
heading, people, continuation and page-heading accuracy). The test suite's
accuracy gate uses it; the figures on the Accuracy page of the
documentation come from the shared scorer, its counterpart.

Examples:
    >>> import qhnews, qhnews.evaluation
    >>> page = qhnews.parse("会议召开\n\n本报讯（记者 王五）开会。")
    >>> qhnews.evaluation.evaluate([(qhnews.page_to_dict(page), page)]).article_f1
    1.0
"""

from __future__ import annotations

from qhnews._evaluate import Evaluation, evaluate

__all__ = ["Evaluation", "evaluate"]
