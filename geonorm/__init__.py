"""geonorm: map place names as people write them to canonical gazetteer entries, offline.

    >>> import geonorm
    >>> m = geonorm.resolve("Krasnarmeysk", admin1="Donetsk region")
    >>> m.name, m.id, m.match_kind
    ('Pokrovsk', 704422, 'fuzzy')
    >>> print(m.explain())

Faces, loaded on first use: ``geonorm.extract`` / ``link`` / ``to_geojson`` / ``text_context`` (text),
``geonorm.normalize`` (pandas/CSV), ``geonorm.reverse`` / ``reverse_many`` / ``reverse_frame``,
``geonorm.Geonorm`` (a geopy geocoder).

Data: GeoNames (https://www.geonames.org, CC BY 4.0) and curated sources listed in gazetteer/.
"""
from importlib import import_module

from .gazetteer import Gazetteer, GazetteerError, NameRecord, PlaceRecord
from .matching.context import Context
from .matching.match import Candidate, Match, Rename
from .matching.resolver import Resolver, resolve, resolve_many
from .model import Name, NameKind, Place

__version__ = "0.1.0"

# name -> module of the faces; imported lazily so `import geonorm` stays light
_LAZY = {
    "extract": "geonorm.faces.text", "link": "geonorm.faces.text", "Mention": "geonorm.faces.text",
    "to_geojson": "geonorm.faces.text", "text_context": "geonorm.faces.text",
    "normalize": "geonorm.faces.table", "Fixed": "geonorm.faces.table",
    "normalize_csv": "geonorm.faces.csvstream", "apply_review": "geonorm.faces.csvstream",
    "normalize_dask": "geonorm.faces.dask",
    "reverse": "geonorm.faces.reverse", "reverse_many": "geonorm.faces.reverse",
    "reverse_frame": "geonorm.faces.reverse", "ReverseResult": "geonorm.faces.reverse",
    "Geonorm": "geonorm.faces.geopy",
}


# the frame accessor (df.geonorm): registered with pandas, whether pandas is imported before or after
import_module("geonorm.faces.pandas_hook").install()


def __getattr__(name: str):
    if name in _LAZY:
        return getattr(import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'geonorm' has no attribute {name!r}")


__all__ = ["Gazetteer", "GazetteerError", "PlaceRecord", "NameRecord", "Match", "Candidate", "Rename",
           "Context", "Resolver", "resolve", "resolve_many", "Name", "NameKind", "Place",
           "__version__", *_LAZY]
