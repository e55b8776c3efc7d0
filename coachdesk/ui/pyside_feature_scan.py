"""PySide6 reads the source of every module imported after it; CoachDesk turns that off.

After each import, PySide6 reads the new module's whole source text to see whether it opts
into its ``from __feature__ import snake_case, true_property`` (``_mod_uses_pyside`` in its
``support/feature.py``). CoachDesk imports some 300 modules after Qt, so the reading cost
about 60 ms of every start (measured through the entry point, paired runs) and kept every
source file in memory. CoachDesk never uses those features, so every module imported later
counts as not using them; a module that did import ``__feature__`` would still get it, as
that import sets its choice itself. The hook is private, so nothing happens if it is gone.
"""

from __future__ import annotations

import sys
from types import ModuleType

FEATURE_MODULE = "PySide6.support.feature"


def _uses_no_feature(_module: ModuleType) -> bool:
    return False


def skip_feature_scan() -> None:
    """From now on, PySide6 no longer reads an imported module's source (call after Qt loads)."""
    feature = sys.modules.get(FEATURE_MODULE)
    if feature is not None and hasattr(feature, "_mod_uses_pyside"):
        feature._mod_uses_pyside = _uses_no_feature  # type: ignore[attr-defined]  # private, see above
