"""Entity linking against the shipped Wikidata gazetteer."""

from accords.linking.background import background_graph
from accords.linking.gazetteer import Gazetteer, load_gazetteer
from accords.linking.linker import link_mentions
from accords.linking.patterns import add_gazetteer_patterns

__all__ = [
    "Gazetteer",
    "add_gazetteer_patterns",
    "background_graph",
    "link_mentions",
    "load_gazetteer",
]
