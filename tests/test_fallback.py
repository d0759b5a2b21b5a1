"""The online fallback, against a local HTTP server on 127.0.0.1 that speaks Nominatim's JSON."""
from __future__ import annotations

import json
import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

import pytest

geopy = pytest.importorskip("geopy")
from geopy.geocoders import Nominatim  # noqa: E402

from geonorm import Match, Resolver  # noqa: E402
from geonorm.matching import fallback  # noqa: E402

NOWHERE = "Qxqxqxqx Zzzzvvvv"  # no gazetteer name is close to it


class _Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):  # keep pytest output clean
        pass

    def do_GET(self):  # noqa: N802
        url = urlparse(self.path)
        q = parse_qs(url.query)
        text = q.get("q", [""])[0]
        self.server.requests[text] += 1
        self.server.params.append(q)
        if url.path != "/search" or q.get("format") != ["json"]:
            return self._send(404, {"error": "not found"})
        if "ratelimited" in text:
            headers = {"Retry-After": "1"} if "wait" in text else {}
            return self._send(429, {"error": "Too Many Requests"}, headers)
        if "broken" in text:
            return self._send(500, {"error": "Internal Server Error"})
        if "slow" in text:
            time.sleep(2.0)
        if "nothing" in text:
            return self._send(200, [])
        return self._send(200, [{
            "place_id": 1, "lat": "48.1234567", "lon": "37.7654321",
            "display_name": f"{text}, Donetsk Oblast, Ukraine",
            "address": {"state": "Donetsk Oblast", "country": "Ukraine", "country_code": "ua"},
            "class": "place", "type": "hamlet", "importance": 0.3}])

    def _send(self, status, body, headers=None):
        data = json.dumps(body).encode()
        try:
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            for k, v in (headers or {}).items():
                self.send_header(k, v)
            self.end_headers()
            self.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):  # the client timed out first
            pass


@pytest.fixture(scope="module")
def server():
    srv = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    srv.daemon_threads = True
    srv.requests = Counter()
    srv.params = []
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    yield srv
    srv.shutdown()
    srv.server_close()


@pytest.fixture()
def nominatim(server):
    geocoder = Nominatim(domain=f"127.0.0.1:{server.server_address[1]}", scheme="http",
                         user_agent="geonorm-test")
    fallback.configure(geocoder, min_delay_seconds=0, timeout=0.5)
    return geocoder


def _offline(text):
    return Match(query=text, reason="no gazetteer name is close to it")


def test_success_is_a_fallback_match(nominatim, server):
    m = fallback.consult(nominatim, "Tiny hamlet one", _offline("Tiny hamlet one"), None)
    assert m.ok and m.match_kind == "fallback"
    assert m.id < 0 and m.id == fallback.fallback_id(m.name, m.lat, m.lon)
    assert (m.lat, m.lon) == pytest.approx((48.1234567, 37.7654321))
    assert m.name == "Tiny hamlet one, Donetsk Oblast, Ukraine"
    assert m.country_code == "UA" and m.confidence == 0.5
    assert "fallback geocoder Nominatim" in m.explain()
    assert m.to_dict()["match_kind"] == "fallback"


def test_resolver_uses_the_fallback_only_when_unsure(gaz, nominatim, server):
    r = Resolver(gaz, fallback=nominatim, fallback_below=0.5)
    before = sum(server.requests.values())
    m = r.resolve(NOWHERE)
    assert m.match_kind == "fallback" and m.ok
    assert server.requests[NOWHERE] == 1
    sure = r.resolve("Krasnoarmeysk, Donetsk Oblast")  # confident offline answer: no call
    assert sure.id == 704422 and sure.match_kind != "fallback"
    assert sum(server.requests.values()) == before + 1


def test_low_confidence_offline_best_becomes_an_alternative(gaz, nominatim):
    r = Resolver(gaz, fallback=nominatim, fallback_below=0.99)
    m = r.resolve("Krasnoarmeysk")
    assert m.match_kind == "fallback"
    assert m.alternatives and m.alternatives[0].match_kind != "fallback"
    assert m.alternatives[0].id is not None and m.alternatives[0].id > 0


def test_country_hint_is_passed_as_country_codes(gaz, nominatim, server):
    r = Resolver(gaz, fallback=nominatim)
    r.resolve("Qxqxqxqx Vvzzwwqq", country="UA")
    params = [p for p in server.params if p.get("q") == ["Qxqxqxqx Vvzzwwqq"]]
    assert params and params[-1].get("countrycodes") == ["ua"]


def test_cache_hit_does_not_call_the_server_twice(nominatim, server):
    text = "Tiny hamlet cached"
    a = fallback.consult(nominatim, text, _offline(text), None)
    b = fallback.consult(nominatim, text, _offline(text), None)
    assert a.ok and b.ok and a.id == b.id
    assert server.requests[text] == 1
    assert fallback.stats(nominatim)["cache_hits"] >= 1


def test_http_429_keeps_the_offline_match_with_reason(nominatim, server):
    text = "ratelimited place"
    m = fallback.consult(nominatim, text, _offline(text), None)
    assert not m.ok and m.match_kind == "none"
    assert "fallback failed" in m.reason and "no gazetteer name" in m.reason
    assert "RateLimited" in m.reason or "429" in m.reason
    # failures are not cached: a later call retries
    fallback.consult(nominatim, text, _offline(text), None)
    assert server.requests[text] == 2


def _fails_within(nominatim, text: str, seconds: float):
    """Consult a failing server: an explicit failure, returned within ``seconds``."""
    t = time.monotonic()
    m = fallback.consult(nominatim, text, _offline(text), None)
    assert time.monotonic() - t < seconds
    assert not m.ok and "fallback failed" in m.reason
    return m


def test_http_429_with_retry_after_does_not_hang(nominatim):
    # geopy's HTTP adapter would sleep Retry-After and retry; the fallback's deadline cuts it short
    _fails_within(nominatim, "ratelimited wait place", 1.5)


def test_http_500_keeps_the_offline_match_with_reason(nominatim):
    text = "broken place"
    m = fallback.consult(nominatim, text, _offline(text), None)
    assert not m.ok and "fallback failed" in m.reason


def test_low_confidence_match_is_kept_on_failure(gaz, nominatim):
    r = Resolver(gaz, fallback=nominatim, fallback_below=0.99)
    offline = Resolver(gaz).resolve("Krasnoarmeysk")
    m = fallback.consult(nominatim, "broken Krasnoarmeysk", offline, None)
    assert m.id == offline.id and m.match_kind == offline.match_kind
    assert "fallback failed" in m.reason and any("fallback failed" in h for h in m.hints)
    assert offline.reason == ""  # the offline match itself is not modified
    assert r.fallback is nominatim


def test_timeout_keeps_the_offline_match_and_does_not_hang(nominatim):
    m = _fails_within(nominatim, "slow place", 1.8)
    assert "Timed" in m.reason or "no answer within 0.5 s" in m.reason


def test_nothing_found(nominatim):
    m = fallback.consult(nominatim, "nothing here", _offline("nothing here"), None)
    assert not m.ok and "found nothing" in m.reason


def test_rate_limit_spaces_calls(server):
    geocoder = Nominatim(domain=f"127.0.0.1:{server.server_address[1]}", scheme="http",
                         user_agent="geonorm-test")
    fallback.configure(geocoder, min_delay_seconds=0.3, timeout=0.5)
    t = time.monotonic()
    for i in range(3):
        assert fallback.consult(geocoder, f"spaced {i}", _offline("x"), None).ok
    assert time.monotonic() - t >= 0.6


def test_unreachable_server_never_raises():
    geocoder = Nominatim(domain="127.0.0.1:9", scheme="http", user_agent="geonorm-test")
    fallback.configure(geocoder, min_delay_seconds=0, timeout=0.5)
    m = fallback.consult(geocoder, "anything", _offline("anything"), None)
    assert not m.ok and "fallback failed" in m.reason


def test_any_callable_that_raises_is_contained():
    def bad(text, **kw):
        raise RuntimeError("kaput")
    m = fallback.consult(bad, "anything", _offline("anything"), None)
    assert "fallback failed: RuntimeError: kaput" in m.reason
