"""Ingest beyond one process: a process pool, or Ray; a single writer stores in input order."""
