"""Storage: the only place with SQL. Built on sqlite-utils over one SQLite file per coach."""
