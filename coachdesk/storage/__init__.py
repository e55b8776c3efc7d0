"""Storage: the only place with SQL. Built on sqlite-utils over one SQLite file per coach.

Every query a service needs is a named method on a repository (``goals.for_student(id)``,
``notes.delete_closing_notes(conversation_id)``); ``Repository.select`` with a SQL ``where``
is for those methods (and tests) only. Services never see a SQL fragment or a connection.

Backups and quarantine: storage holds the *mechanics*, the services the *policy*.
``Store.backup_to`` (copying the open store), ``backups.py`` (checking, listing, removing,
putting a copy in place, copying a damaged store into quarantine) and ``backup_names.py``
(where a backup goes and what it is called) do things to files and SQLite, and decide
nothing. When a backup is made, which ones rotation keeps, when a store goes into quarantine
and what the coach is told are ``services/backups.py`` and ``services/quarantine.py``.
"""
