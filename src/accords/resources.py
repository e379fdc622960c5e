"""Find the ontology, shapes, queries and gazetteer, installed or in a checkout."""

from __future__ import annotations

from pathlib import Path

from accords.errors import ConfigError

_PACKAGE = Path(__file__).resolve().parent
_CHECKOUT = _PACKAGE.parent.parent  # src/accords -> repository root
_LOCATIONS = {
    "ontology": "ontology",
    "shapes": "shapes",
    "queries": "queries",
    "gazetteer": "data/gazetteer",
}


def resource_dir(name: str) -> Path:
    """The directory of a shipped resource (``ontology``, ``shapes``, ``queries``, ``gazetteer``)."""
    if name not in _LOCATIONS:
        raise ConfigError(f"unknown resource {name!r}")
    installed = _PACKAGE / "_resources" / name
    if installed.is_dir():
        return installed
    checkout = _CHECKOUT / _LOCATIONS[name]
    if checkout.is_dir():
        return checkout
    raise ConfigError(
        f"resource {name!r} not found in {installed} or {checkout}; reinstall accords"
    )
