"""``python -m sorot``: the same program as the ``sorot`` command."""

import sys

from sorot.cli import main

sys.exit(main())
