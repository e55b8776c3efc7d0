"""Use cases shared by the GUI and the CLI. No widgets and no SQL here.

Services read and write through the named methods of ``storage`` repositories and group a
user action in ``store.atomic()``; they never hold a SQL fragment or a connection.
Backups and quarantine: the *policy* lives here (``backups.py``: when a backup is made,
which ones rotation keeps, restoring; ``quarantine.py``: when a store is set aside and
what the coach is told); the file and SQLite *mechanics* live in ``storage`` (see there).
"""
