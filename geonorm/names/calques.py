"""English translations of the adjective that begins a Ukrainian or Russian place name.

English news sometimes translates the first word of a name instead of romanizing it: 'New
Kakhovka' for Nova Kakhovka, 'Old Crimea' for Staryi Krym, 'Red Liman' for Krasnyi Lyman. The
adjective agrees with the noun, so each English word stands for every gender's form in both
languages' romanizations; the folded key then finds the one the gazetteer holds.
"""
from __future__ import annotations

import re

# English word: the romanized forms (Ukrainian national, then Russian BGN/PCGN, each gender)
_FORMS = {
    "new": "nova novyi nove novi novaya novyy novoye novyye",
    "old": "stara staryi stare stari staraya staryy staroye staryye",
    "great": "velyka velykyi velyke velyki velikaya velikiy velikoye bolshaya bolshoy bolshoye",
    "big": "velyka velykyi velyke velyki velikaya velikiy velikoye bolshaya bolshoy bolshoye",
    "little": "mala malyi male mali malaya malyy maloye",
    "small": "mala malyi male mali malaya malyy maloye",
    "upper": "verkhnia verkhnii verkhnie verkhnyaya verkhniy verkhneye",
    "lower": "nyzhnia nyzhnii nyzhnie nizhnyaya nizhniy nizhneye",
    "red": "chervona chervonyi chervone krasna krasnyi krasne krasnaya krasnyy krasnoye",
    "black": "chorna chornyi chorne chernaya chernyy chernoye",
    "white": "bila bilyi bile belaya belyy beloye",
}
_FORMS = {k: tuple(v.split()) for k, v in _FORMS.items()}
_LEAD_RE = re.compile(r"(\w+)\s+(?=\w)")


def calques(text: str) -> tuple[str, ...]:
    """``text`` with an English adjective first ('New Kakhovka') in each romanized form it may
    translate ('Nova Kakhovka', 'Novyi Kakhovka', 'Novaya Kakhovka'...); () when it has none."""
    m = _LEAD_RE.match(text.strip())
    if m is None:
        return ()
    forms = _FORMS.get(m.group(1).casefold(), ())
    rest = text.strip()[m.end():]
    return tuple(f"{form.capitalize()} {rest}" for form in forms)
