"""``python -m qhnews``: the same as the ``qhnews`` command."""

from qhnews._cli import main

raise SystemExit(main())
