"""``python -m coachdesk``: the same as the ``coachdesk`` command."""

import sys

from coachdesk.cli import main

sys.exit(main())
