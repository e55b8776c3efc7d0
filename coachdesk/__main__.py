"""``python -m coachdesk``: the same as the ``coachdesk`` command."""

import sys

from coachdesk.launch import main

sys.exit(main())
