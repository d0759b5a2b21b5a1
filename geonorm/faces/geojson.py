"""GeoJSON export of matches (RFC 7946): Point geometries in (lon, lat) order, WGS 84.

    >>> from geonorm.faces.geojson import to_feature, feature_collection
    >>> fc = feature_collection([geonorm.resolve("Krasnoarmeysk"), geonorm.resolve("Bakhmut")])
    >>> json.dumps(fc)

A match without a point (no-match) becomes a Feature with ``"geometry": null`` (allowed by
RFC 7946 section 3.2), so one feature per input row is kept. Reverse-geocoding results
(:class:`~geonorm.faces.reverse.ReverseResult`) and existing Feature dicts are accepted too.
"""
from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping
from dataclasses import asdict
from typing import Any

from shapely.geometry import mapping

MATCH_PROPERTIES = ("query", "id", "name", "confidence", "match_kind", "matched_name", "admin1",
                    "country_code", "explanation")


def _geometry(point) -> dict | None:
    if point is None or point.is_empty:
        return None
    geom = mapping(point)  # shapely gives (x=lon, y=lat)
    return {"type": geom["type"], "coordinates": [float(c) for c in geom["coordinates"]]}


def _clean(value):
    """JSON-safe property values (NaN -> None)."""
    if isinstance(value, float) and math.isnan(value):
        return None
    return value


def to_feature(match, **extra_props: Any) -> dict:
    """One GeoJSON Feature for a :class:`~geonorm.Match` (or a ReverseResult, or a Feature dict)."""
    if isinstance(match, Mapping) and match.get("type") == "Feature":
        feature = dict(match)
        if extra_props:
            feature["properties"] = {**(feature.get("properties") or {}), **extra_props}
        return feature
    from ..matching.match import Match
    if isinstance(match, Match):
        props = {k: getattr(match, k) for k in MATCH_PROPERTIES if k != "explanation"}
        props["explanation"] = match.explain()
        if not match.ok and match.reason:
            props["reason"] = match.reason
        if match.point_note:  # the point is not the place's own (a hromada's, a postal office's)
            props["point_note"] = match.point_note
        if match.offset is not None:  # '13km east of Oleshky': where the phrase puts the place
            props["offset"] = asdict(match.offset)
        geometry = _geometry(match.point)
    elif hasattr(match, "distance_km") and hasattr(match, "to_dict"):  # ReverseResult
        props = match.to_dict()
        from shapely.geometry import Point
        geometry = _geometry(Point(match.lon, match.lat))
    else:
        raise TypeError(f"to_feature needs a Match, a ReverseResult or a Feature, got {type(match).__name__}")
    props.update(extra_props)
    feature: dict[str, Any] = {"type": "Feature", "geometry": geometry,
                               "properties": {k: _clean(v) for k, v in props.items()}}
    if props.get("id") is not None:
        feature["id"] = props["id"]
    return feature


def feature_collection(matches_or_features: Iterable) -> dict:
    """A GeoJSON FeatureCollection of matches, reverse results or Feature dicts, one feature per
    item: a None (a point ``reverse_many`` found no place for) is a feature with a null geometry."""
    if isinstance(matches_or_features, Mapping) or hasattr(matches_or_features, "query"):
        matches_or_features = [matches_or_features]
    features = [to_feature(m) if m is not None else {"type": "Feature", "geometry": None, "properties": {}}
                for m in matches_or_features]
    return {"type": "FeatureCollection", "features": features}


def dumps(matches_or_features: Iterable, **json_kwargs) -> str:
    """The FeatureCollection as a JSON string (``ensure_ascii=False`` by default)."""
    json_kwargs.setdefault("ensure_ascii", False)
    return json.dumps(feature_collection(matches_or_features), **json_kwargs)
