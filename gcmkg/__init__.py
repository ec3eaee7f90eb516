"""gcmkg: Dutch parliamentary documents in, a knowledge graph of actors, meetings and positions out."""

__version__ = "0.1.0"
