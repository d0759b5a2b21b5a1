"""Optional online fallback: ask a geopy geocoder about queries geonorm cannot resolve confidently.

    >>> from geopy.geocoders import Nominatim
    >>> r = geonorm.Resolver(fallback=Nominatim(user_agent="my-app"), fallback_below=0.5)
    >>> r.resolve("some hamlet not in the gazetteer").match_kind
    'fallback'

:class:`~geonorm.Resolver` calls :func:`consult` only when its own answer is a no-match or has
confidence below ``fallback_below``. Per geocoder object, :func:`consult`

- waits so that calls are at least ``min_delay_seconds`` apart (default 1 s: Nominatim's usage
  policy), one call at a time, measured on a monotonic clock;
- caches answers per (text, country hint), including "found nothing"; failures are not cached,
  so a later call may retry (the Resolver's own result cache still remembers the failed answer);
- passes ``timeout`` (default 5 s) to every call, and the country hint as ``country_codes`` when
  the geocoder's ``geocode`` takes that keyword;
- never raises: on a timeout, HTTP 429/500, any geopy error or any other exception it returns the
  offline match unchanged except for ``reason`` (and, for a match, a hint) saying
  ``"fallback failed: ..."``.

A fallback answer is a :class:`FallbackMatch` (a :class:`~geonorm.Match`) with
``match_kind="fallback"``, ``name`` = the geocoder's address, its point, ``confidence`` =
:data:`FALLBACK_CONFIDENCE` (0.5 unless configured), and the offline best followed by the offline
alternatives as ``alternatives``. Its ``id`` is a **negative** integer derived from the address
and point (stable across runs, never a gazetteer id, so ``match.ok`` is True while
``gazetteer.get(match.id)`` is None): ``fallback_id(address, lat, lon)``.

Tune a geocoder with :func:`configure` (``min_delay_seconds``, ``timeout``, ``confidence``).
"""
from __future__ import annotations

import hashlib
import inspect
import threading
import time
import weakref
from dataclasses import dataclass, field, replace

from .match import Candidate, Match

DEFAULT_MIN_DELAY = 1.0
DEFAULT_TIMEOUT = 5.0
FALLBACK_CONFIDENCE = 0.5

__all__ = ["consult", "configure", "clear_cache", "fallback_id", "FallbackMatch", "stats"]


@dataclass
class FallbackMatch(Match):
    """A Match answered by the online fallback geocoder (``match_kind == "fallback"``)."""

    source: str = ""  # the geocoder's class name, e.g. 'Nominatim'

    def explain(self) -> str:
        text = f"{self.query!r} -> {self.name}"
        text += f" ({self.lat:.5f}, {self.lon:.5f})" if self.lat is not None else ""
        text += (f"; answer from the online fallback geocoder {self.source or ''}".rstrip()
                 + " (not a gazetteer place; id is a local negative id)")
        if self.hints:
            text += "; " + "; ".join(self.hints)
        text += f"; confidence {self.confidence:.2f}"
        return text + "."


@dataclass
class _State:
    min_delay: float = DEFAULT_MIN_DELAY
    timeout: float = DEFAULT_TIMEOUT
    confidence: float = FALLBACK_CONFIDENCE
    last_call: float | None = None
    calls: int = 0
    hits: int = 0
    failures: int = 0
    cache: dict = field(default_factory=dict)
    call_lock: threading.Lock = field(default_factory=threading.Lock)
    cache_lock: threading.Lock = field(default_factory=threading.Lock)
    takes_country: bool | None = None


_states: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()
_states_by_id: dict[int, _State] = {}  # geocoders that cannot be weakly referenced
_states_lock = threading.Lock()


def _state(geocoder) -> _State:
    with _states_lock:
        try:
            st = _states.get(geocoder)
            if st is None:
                st = _states[geocoder] = _State()
        except TypeError:
            st = _states_by_id.setdefault(id(geocoder), _State())
    return st


def configure(geocoder, *, min_delay_seconds: float | None = None, timeout: float | None = None,
              confidence: float | None = None) -> None:
    """Set the rate limit, per-call timeout and answer confidence used for ``geocoder``."""
    st = _state(geocoder)
    if min_delay_seconds is not None:
        if min_delay_seconds < 0:
            raise ValueError("min_delay_seconds must be >= 0")
        st.min_delay = float(min_delay_seconds)
    if timeout is not None:
        if not timeout > 0:
            raise ValueError("timeout must be > 0")
        st.timeout = float(timeout)
    if confidence is not None:
        if not 0.0 <= confidence <= 1.0:
            raise ValueError("confidence must be in [0, 1]")
        st.confidence = float(confidence)


def clear_cache(geocoder) -> None:
    st = _state(geocoder)
    with st.cache_lock:
        st.cache.clear()


def stats(geocoder) -> dict:
    """Counters for a geocoder: calls made, cache hits, failures, cached answers."""
    st = _state(geocoder)
    return {"calls": st.calls, "cache_hits": st.hits, "failures": st.failures, "cached": len(st.cache)}


def fallback_id(address: str, lat: float, lon: float) -> int:
    """A stable negative id for a fallback answer (never collides with gazetteer ids, all >= 0)."""
    digest = hashlib.blake2b(f"{address}|{lat:.6f}|{lon:.6f}".encode("utf-8"), digest_size=7).digest()
    return -(int.from_bytes(digest, "big") + 1)


def _geocode_fn(geocoder):
    return geocoder.geocode if hasattr(geocoder, "geocode") else geocoder


def _takes_country(fn) -> bool:
    try:
        return "country_codes" in inspect.signature(fn).parameters
    except (TypeError, ValueError):
        return False


def _countries(hints) -> tuple[str, ...]:
    areas = getattr(hints, "countries", None) or []
    return tuple(dict.fromkeys(a.country_code.lower() for a in areas if getattr(a, "country_code", "")))


def _offline_candidate(m: Match) -> Candidate:
    return Candidate(id=m.id, name=m.name, lat=m.lat, lon=m.lon, country_code=m.country_code,
                     admin1=m.admin1, confidence=m.confidence, matched_name=m.matched_name,
                     match_kind=m.match_kind)


def _failed(match: Match, why: str) -> Match:
    note = f"fallback failed: {why}"
    out = replace(match, reason=f"{match.reason}; {note}" if match.reason else note)
    if match.ok:
        out.hints = list(match.hints) + [f"online {note}"]
    return out


def _describe(exc: BaseException) -> str:
    name = type(exc).__name__
    msg = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    return f"{name}: {msg[:200]}" if msg else name


def consult(geocoder, text: str, match: Match, hints=None) -> Match:
    """Ask ``geocoder`` about ``text``; a fallback Match, or ``match`` with the reason why not."""
    try:
        return _consult(geocoder, text, match, hints)
    except Exception as exc:  # never raise out of the fallback
        return _failed(match, _describe(exc))


def _consult(geocoder, text: str, match: Match, hints) -> Match:
    st = _state(geocoder)
    countries = _countries(hints)
    key = (text, countries)
    with st.cache_lock:
        cached = key in st.cache
        loc = st.cache.get(key)
    if cached:
        st.hits += 1
    else:
        fn = _geocode_fn(geocoder)
        if st.takes_country is None:
            st.takes_country = _takes_country(fn)
        kwargs = {"exactly_one": True, "timeout": st.timeout}
        if countries and st.takes_country:
            kwargs["country_codes"] = list(countries)
        with st.call_lock:  # one call at a time, min_delay apart
            with st.cache_lock:  # another thread may have asked meanwhile
                cached = key in st.cache
                loc = st.cache.get(key)
            if cached:
                st.hits += 1
            else:
                if st.last_call is not None:
                    wait = st.min_delay - (time.monotonic() - st.last_call)
                    if wait > 0:
                        time.sleep(wait)
                st.calls += 1
                try:
                    loc = _call_with_deadline(st, key, fn, text, kwargs)
                except Exception as exc:
                    st.failures += 1
                    return _failed(match, _describe(exc))
                finally:
                    st.last_call = time.monotonic()
    if loc is None:
        return _failed(match, "the fallback geocoder found nothing")
    return _answer(geocoder, st, text, match, loc)


class _NoAnswer(Exception):
    pass


_NoAnswer.__name__ = "NoAnswerInTime"


def _call_with_deadline(st: _State, key, fn, text: str, kwargs: dict):
    """Call the geocoder in a worker thread and wait at most ``timeout`` (+ a little).

    geopy's own timeout is per socket operation and its HTTP adapter retries (and honours
    Retry-After), so one call can take several timeouts; this bounds the wait. A late answer
    is still cached by the worker for the next call."""
    box: dict = {}
    done = threading.Event()

    def work():
        try:
            loc = fn(text, **kwargs)
            if isinstance(loc, list):
                loc = loc[0] if loc else None
            box["loc"] = loc
            with st.cache_lock:
                st.cache[key] = loc
        except BaseException as exc:  # noqa: BLE001 - reported to the caller
            box["exc"] = exc
        finally:
            done.set()

    threading.Thread(target=work, daemon=True, name="geonorm-fallback").start()
    if not done.wait(st.timeout + 0.25):
        raise _NoAnswer(f"no answer within {st.timeout:g} s")
    if "exc" in box:
        raise box["exc"]
    return box.get("loc")


def _answer(geocoder, st: _State, text: str, match: Match, loc) -> Match:
    lat, lon = float(loc.latitude), float(loc.longitude)
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        return _failed(match, f"the fallback geocoder returned an invalid point ({lat}, {lon})")
    address = str(loc.address or text)
    raw = loc.raw if isinstance(getattr(loc, "raw", None), dict) else {}
    addr = raw.get("address") if isinstance(raw.get("address"), dict) else {}
    cc = str(addr.get("country_code", "")).upper()
    source = type(geocoder).__name__ if hasattr(geocoder, "geocode") else getattr(geocoder, "__name__", "")
    alternatives = ([_offline_candidate(match)] if match.ok else []) + list(match.alternatives)
    notes = []
    if match.ok:
        notes.append(f"offline best was {match.name} ({match.country_code}, id {match.id}) "
                     f"at confidence {match.confidence:.2f}")
    elif match.reason:
        notes.append(f"offline: {match.reason}")
    return FallbackMatch(
        query=match.query or text, id=fallback_id(address, lat, lon), name=address, lat=lat, lon=lon,
        country_code=cc, country=str(addr.get("country", "")), admin1=str(addr.get("state", "")),
        confidence=st.confidence, matched_name=text, match_kind="fallback", head=text,
        hints=notes, alternatives=alternatives, source=source)
