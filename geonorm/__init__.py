"""geonorm: map place names as people write them to canonical gazetteer entries, offline.

    >>> import geonorm
    >>> m = geonorm.resolve("Krasnarmeysk", admin1="Donetsk region")
    >>> m.name, m.id, m.match_kind
    ('Pokrovsk', 704422, 'fuzzy')
    >>> print(m.explain())

Data: GeoNames (https://www.geonames.org, CC BY 4.0) and curated sources listed in gazetteer/.
"""
from .gazetteer import Gazetteer, GazetteerError, NameRecord, PlaceRecord
from .matching.match import Candidate, Match, Rename
from .matching.resolver import Resolver, resolve, resolve_many
from .model import Name, NameKind, Place

__version__ = "0.1.0"

__all__ = ["Gazetteer", "GazetteerError", "PlaceRecord", "NameRecord", "Match", "Candidate", "Rename",
           "Resolver", "resolve", "resolve_many", "Name", "NameKind", "Place", "__version__"]
