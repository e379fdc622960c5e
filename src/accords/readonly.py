"""Opening a read-only view of an on-disk store that another process may be writing.

The writer's background compaction can delete a table file between the moment a
read-only open reads the manifest and the moment it opens that file (RocksDB then
reports "Corruption ... No such file"). Nothing is wrong with the store: a second
open reads the new manifest. Only pyoxigraph is imported, so query workers start fast.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import pyoxigraph as ox

#: How often the open is tried, and the first pause between tries (it grows linearly).
OPEN_ATTEMPTS = 8
OPEN_PAUSE_S = 0.05


def open_read_only(path: str, opener: Callable[[str], ox.Store] = ox.Store.read_only) -> ox.Store:
    """A read-only view of the store at ``path``; the last error if every try fails."""
    for attempt in range(OPEN_ATTEMPTS):
        try:
            return opener(path)
        except (OSError, RuntimeError):
            if attempt == OPEN_ATTEMPTS - 1:
                raise
            time.sleep(OPEN_PAUSE_S * (attempt + 1))
    raise AssertionError("unreachable")
