"""The one exception family; every message says what went wrong and what to do."""


class AccordsError(Exception):
    """Base of every error accords raises on purpose."""


class InputError(AccordsError):
    """A document or file cannot be read; the batch goes on without it."""

    def __init__(self, source: str, problem: str) -> None:
        super().__init__(f"{source}: {problem}")
        self.source = source
        self.problem = problem


class ValidationError(AccordsError):
    """A document's graph does not conform to the shapes; it was not stored."""


class StoreError(AccordsError):
    """The store cannot be opened or written."""


class QueryError(AccordsError):
    """A named query is unknown, or its parameters are missing or malformed."""


class ConfigError(AccordsError):
    """A setting is missing or malformed."""
