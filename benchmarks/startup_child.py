"""Child process for the start-up benchmark: shows a window, prints when, and its peak memory.

Usage: startup_child.py bare|app [DATA_DIR]
"""

from __future__ import annotations

import os
import resource
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> None:
    mode = sys.argv[1]
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication([])
    if mode == "bare":
        window = QMainWindow()
        window.resize(1180, 760)
        window.show()
    else:
        from pathlib import Path

        from coachdesk.app import AppController, install_translators
        from coachdesk.services.workspace import StoreLocation
        from coachdesk.ui.theme import apply_theme

        install_translators(app)
        apply_theme(app)
        controller = AppController(StoreLocation(Path(sys.argv[2])))
        window = controller.window
        window.show()
    app.processEvents()
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"shown {time.monotonic():.4f} {peak_mb:.1f}", flush=True)


if __name__ == "__main__":
    main()
