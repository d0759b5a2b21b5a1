"""Given names and surnames that tell a person from a place in text ('Caroline Johnson', 'Nadia
Moayyad said').

The name frequency lists of the 1990 US Census (public domain), as shipped by the MIT-licensed
``names`` package: the most common given names of each sex and the most common surnames. The
tagger's own list (``tag_words.FIRST_NAMES``) adds the Slavic, Arabic and other names news carries.
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources

# titles that only ever stand before a person's name ('Mr. Smith', 'Dr Jones'; not 'General',
# 'Prince' or 'Lady': 'General Santos', 'Prince George', 'Lady Lake' are towns)
HONORIFICS = frozenset("mr mrs ms mx dr prof herr frau mme mlle messrs г-н г-жа господин госпожа пан пані".split())

GIVEN_PER_SEX = 1000  # the 1,000 most common of each sex; rarer ones are more often places too
SURNAMES_TOP = 10_000  # of 88,799


def _census_list(file: str, top: int) -> frozenset[str]:
    """The first ``top`` names (lowercase) of a census list: 'NAME  freq  cumfreq  rank' lines."""
    text = resources.files("names").joinpath(file).read_text(encoding="ascii")
    return frozenset(line.split()[0].lower() for line in text.splitlines()[:top] if line.strip())


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """The most common US given names, both sexes."""
    return _census_list("dist.male.first", GIVEN_PER_SEX) | _census_list("dist.female.first", GIVEN_PER_SEX)


@lru_cache(maxsize=1)
def surnames() -> frozenset[str]:
    """The most common US surnames."""
    return _census_list("dist.all.last", SURNAMES_TOP)
