"""Curated gazetteer data (CSV files); installed as ``geonorm.curated`` and read by geonorm.sources.curated."""
