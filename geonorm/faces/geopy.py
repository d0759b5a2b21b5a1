"""A geopy-compatible geocoder that never touches the network.

    >>> from geonorm.faces.geopy import Geonorm
    >>> geocoder = Geonorm()
    >>> loc = geocoder.geocode("Krasnoarmeysk, Donetsk Oblast")
    >>> loc.address, loc.latitude, loc.longitude, loc.raw["id"]
    ('Pokrovsk, Donetska oblast, Ukraine', 48.28014, 37.17706, 704422)
    >>> geocoder.reverse((48.28, 37.18)).address
    'Pokrovsk, Donetska oblast, Ukraine'

Drop-in where geopy is used today, e.g. the pandas recipe::

    from geopy.extra.rate_limiter import RateLimiter
    geocode = RateLimiter(geocoder.geocode, min_delay_seconds=0)  # offline: no delay needed
    df["location"] = df["place"].apply(geocode)

``raw`` is the full :class:`~geonorm.Match` as a dict (``Match.to_dict()``: id, confidence,
match_kind, alternatives, ... and ``explanation``). Queries geonorm cannot resolve give ``None``,
like geopy's online geocoders.
"""
from __future__ import annotations

import math

from geopy.adapters import BaseSyncAdapter
from geopy.exc import GeocoderServiceError
from geopy.geocoders.base import DEFAULT_SENTINEL, Geocoder
from geopy.location import Location

__all__ = ["Geonorm"]

# keywords of geopy's online geocoders that have no meaning offline: accepted and ignored
_IGNORED = {"addressdetails", "extratags", "namedetails", "geometry", "featuretype", "components",
            "region", "country_bias", "exclude_place_ids", "zoom", "kind", "sensor", "bounds",
            "user_location", "maxRows", "lang", "culture", "include_country_code", "out_fields"}
_RESOLVER_HINTS = {"country", "admin1", "admin2", "near", "within", "as_of", "feature", "context"}


class _OfflineAdapter(BaseSyncAdapter):
    """A geopy adapter that refuses every request: geonorm answers from its local index."""

    def get_json(self, url, *, timeout, headers):
        raise GeocoderServiceError(f"geonorm is offline and makes no HTTP requests (asked for {url})")

    def get_text(self, url, *, timeout, headers):
        raise GeocoderServiceError(f"geonorm is offline and makes no HTTP requests (asked for {url})")


def _address(name: str, admin1: str, country: str) -> str:
    return ", ".join(x for x in (name, admin1, country) if x)


class Geonorm(Geocoder):
    """geopy ``Geocoder`` answering from a geonorm gazetteer, offline.

    :param resolver: a :class:`~geonorm.Resolver`, or a :class:`~geonorm.Gazetteer` to build one
        on; the default resolver (default gazetteer) when omitted. Loaded on first use.
    :param min_confidence: default threshold below which ``geocode`` returns None.
    :param timeout, user_agent, scheme, proxies, ssl_context: accepted for compatibility; unused.
    """

    def __init__(self, resolver=None, *, min_confidence: float | None = None, scheme: str | None = "https",
                 timeout=DEFAULT_SENTINEL, proxies=None, user_agent: str | None = "geonorm",
                 ssl_context=None, **_ignored) -> None:
        super().__init__(scheme=scheme or "https", timeout=timeout, proxies=proxies or {},
                         user_agent=user_agent, ssl_context=ssl_context,
                         adapter_factory=_OfflineAdapter)
        self._resolver = None
        self._gazetteer = None
        if resolver is not None:
            from ..gazetteer import Gazetteer
            if isinstance(resolver, Gazetteer):
                self._gazetteer = resolver
            else:
                self._resolver = resolver
        self.min_confidence = min_confidence

    # ---- plumbing -------------------------------------------------------------------------
    @property
    def resolver(self):
        if self._resolver is None:
            from ..matching.resolver import Resolver, default_resolver
            self._resolver = Resolver(self._gazetteer) if self._gazetteer is not None else default_resolver()
        return self._resolver

    @property
    def gazetteer(self):
        return self.resolver.gazetteer

    @staticmethod
    def _location(match) -> Location:
        return Location(_address(match.name, match.admin1, match.country or match.country_code),
                        (match.lat, match.lon), match.to_dict())

    def _candidate_location(self, cand) -> Location:
        gaz = self.gazetteer
        row = gaz.row_of(cand.id) if cand.id is not None and cand.id >= 0 else None
        country = ""
        if row is not None:
            crow = gaz.area_rows().get(("country", cand.country_code))
            country = gaz.place(crow).name if crow is not None else ""
        from dataclasses import asdict
        raw = asdict(cand)
        raw["explanation"] = (f"runner-up {cand.name} ({cand.match_kind} match on {cand.matched_name!r}) "
                              f"at confidence {cand.confidence:.2f}")
        return Location(_address(cand.name, cand.admin1, country or cand.country_code),
                        (cand.lat, cand.lon), raw)

    # ---- geocode --------------------------------------------------------------------------
    def geocode(self, query, *, exactly_one: bool = True, timeout=DEFAULT_SENTINEL, country_codes=None,
                language=None, min_confidence: float | None = None, limit: int | None = None,
                viewbox=None, bounded: bool = False, **hints):
        """Place name or phrase -> ``Location`` (or a list when ``exactly_one=False``), None if unresolved.

        :param query: text, or a structured dict (geopy/Nominatim style) with ``city`` /
            ``county`` / ``state`` / ``country`` keys.
        :param country_codes: ISO code(s), str or list: a country hint (favours, does not filter).
        :param language: ignored (names are returned as the gazetteer writes them).
        :param min_confidence: return None below this confidence (with ``exactly_one=False``: the
            locations at or above it; None when the answer is below it).
        :param limit: with ``exactly_one=False``, the most locations to return (default 5).
        :param viewbox: ``[(lat1, lon1), (lat2, lon2)]``: with ``bounded=True`` a hard ``within``
            box; otherwise its centre is a ``near`` hint.
        :param hints: geonorm hints (``admin1``, ``admin2``, ``near``, ``within``, ``as_of``, ``feature``,
            ``country``, ``context``).
        """
        unknown = set(hints) - _RESOLVER_HINTS - _IGNORED
        if unknown:
            raise TypeError(f"geocode() got unexpected keyword argument(s): {', '.join(sorted(unknown))}")
        kw = {k: v for k, v in hints.items() if k in _RESOLVER_HINTS}
        if isinstance(query, dict):
            query = dict(query)
            if query.get("country") and "country" not in kw:
                kw["country"] = query["country"]
            if query.get("state") and "admin1" not in kw:
                kw["admin1"] = query["state"]
            parts = [query.get(k) for k in ("city", "street", "county", "district")]
            query = ", ".join(str(p) for p in parts if p) or query.get("state") or query.get("country")
        if country_codes is not None and not (isinstance(country_codes, float) and math.isnan(country_codes)):
            codes = [country_codes] if isinstance(country_codes, str) else [c for c in country_codes if c]
            # geopy users write 'ua' (Nominatim style); geonorm's country hint wants 'UA'
            codes = [c.strip().upper() if isinstance(c, str) and len(c.strip()) in (2, 3) and c.strip().isalpha()
                     else c for c in codes]
            if codes and "country" not in kw:
                kw["country"] = codes[0] if len(codes) == 1 else codes
        if viewbox is not None:
            kw.update(self._viewbox_hint(viewbox, bounded))
        n = 5 if limit is None else int(limit)
        if n < 1:
            raise ValueError(f"limit must be a positive integer, got {limit!r}")
        threshold = self.min_confidence if min_confidence is None else min_confidence
        match = self.resolver.resolve(query, limit=1 if exactly_one else n,
                                      min_confidence=threshold, **kw)
        if not match.ok:
            return None
        best = self._location(match)
        if exactly_one:
            return best
        # (runner-ups below the threshold are left out, as an answer below it is)
        return [best] + [self._candidate_location(c) for c in match.alternatives[:n - 1]
                         if threshold is None or c.confidence >= threshold]

    def _viewbox_hint(self, viewbox, bounded: bool) -> dict:
        from geopy.point import Point
        try:
            p1, p2 = (Point(p) for p in viewbox)
        except (TypeError, ValueError) as exc:
            raise ValueError(f"viewbox must be two (lat, lon) points: {exc}") from None
        lat1, lat2 = sorted((p1.latitude, p2.latitude))
        lon1, lon2 = sorted((p1.longitude, p2.longitude))
        if bounded:
            return {"within": (lon1, lat1, lon2, lat2)}
        return {"near": ((lat1 + lat2) / 2, (lon1 + lon2) / 2)}

    # ---- reverse --------------------------------------------------------------------------
    def reverse(self, query, *, exactly_one: bool = True, timeout=DEFAULT_SENTINEL, language=None,
                min_population: int = 0, **_ignored):
        """Point -> ``Location`` of the nearest populated place (None for a NaN point).

        :param query: ``(lat, lon)``, ``"lat, lon"``, a geopy ``Point`` or a shapely ``Point``.
        :param min_population: only places at least this populous.

        ``raw`` holds id, name, admin1, admin2, country_code, country, population, lat, lon and
        ``distance_km`` from the query point, plus an ``explanation``. Out-of-range coordinates
        raise ``ValueError``."""
        from .reverse import reverse as _reverse
        result = _reverse(query, min_population=min_population, gazetteer=self.gazetteer)
        if result is None:
            return None
        raw = result.to_dict()
        raw["explanation"] = (f"nearest populated place{f' with population >= {min_population}' if min_population else ''}"
                              f": {result.address}, GeoNames {result.id}, {result.distance_km:.1f} km away")
        loc = Location(result.address, (result.lat, result.lon), raw)
        return loc if exactly_one else [loc]
