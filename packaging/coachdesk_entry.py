"""Entry point of the frozen app: the same command as ``coachdesk`` (GUI without arguments)."""

import sys

from coachdesk.launch import main

sys.exit(main())
