"""Use cases shared by the GUI and the CLI. No widgets here."""
