"""accords: a temporal knowledge graph of relations between states, built from news."""

__version__ = "0.1.0"
