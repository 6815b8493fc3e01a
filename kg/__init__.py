"""kg: turns a library's catalogue pages into a published knowledge graph."""

__version__ = "0.1.0"
