r"""The review report: each page's raw lines beside what qhnews made of them, as a static site.

Needs the ``report`` extra (``pip install "qhnews[report]"``, that is
Jinja2), which is imported only when a report or a page view is made:
``import qhnews`` and ``import qhnews.report`` never import it. The command
``qhnews report PAGE... -o DIR`` writes the same report; the Review report
page of the documentation shows one.

Examples:
    >>> import tempfile, qhnews, qhnews.report
    >>> _ = __import__("pytest").importorskip("jinja2")
    >>> page = qhnews.parse("会议召开\n\n本报讯（记者 王五）开会。")
    >>> qhnews.report.write_report([page], tempfile.mkdtemp()).name
    'index.html'
    >>> "qh-page" in qhnews.report.page_html(page)
    True
"""

from __future__ import annotations

from qhnews._report import page_html, write_report

__all__ = ["page_html", "write_report"]
