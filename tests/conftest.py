"""Shared fixtures. The default gazetteer is built once per machine (user cache dir, or
GEONORM_CACHE_DIR) and shared by every test that needs it."""
from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def gaz():
    from geonorm import Gazetteer
    return Gazetteer.default(progress=False)


@pytest.fixture(scope="session")
def resolver(gaz):
    from geonorm import Resolver
    return Resolver(gaz)
