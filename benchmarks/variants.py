"""Variant-name benchmark: can geonorm find a place by a spelling its index does not contain?

Held-out aliases: places in Cyrillic-script countries (UA, RU, BY, BG, RS, MK, KZ, KG, TJ, MN, ME,
BA) that have Cyrillic names; each Latin-script alternate name from the source (German, Polish,
French, older English spellings...) that differs from the place's main name is a query. While that
query runs, every form of *that place* with the same normalized text is hidden from all key lookups
(exact, fold, skeleton, typo index), so the place can only be reached through its other names:
generated romanizations of its Cyrillic names, other spellings, fuzzy keys. ``visible`` repeats the
query with the name left in the index, for reference.

Typos: real names (Latin main names worldwide, Cyrillic names in the countries above) of places with
population >= 5000, with one or two random letter edits (seeded).

Cyrillic names as written: the first Cyrillic source name of towns in the countries above
(population >= the floor), queried as is: does the local name find its own town among namesakes
and places that once had the name?

Cyrillic names in a grammatical case: the Russian names of the same towns declined into the
genitive, dative, locative or instrumental ('в Мариуполе', 'под Авдеевкой') by the pymorphy3
analyser (MIT, Russian dictionary; only when it is installed: ``pip install pymorphy3``), one case
per town: an independent generator of the forms geonorm's own case rules must undo.

Russian forms of Ukrainian places: towns and villages of Ukraine (population >= the floor) whose
source names include a Russian Cyrillic form ('Нагорное' for Нагірне), queried as news writes it
(iuliia's English-Wikipedia or Moscow-metro romanization: 'Nagornoye', 'Vishnevoye') with every
form of the place spelt so hidden, bare and with the place's oblast as ``admin1`` hint (a
column beside an oblast column): can the Ukrainian name be reached from the Russian form?

Measures: rank-1 (the top answer is the place) and top-10 (the place is among the answer and its
alternatives with ``limit=10``).

    PYTHONPATH=. python benchmarks/variants.py --limit 2000 --json-out variants.json
"""
from __future__ import annotations

import argparse
import json
import random
import re
import time
from collections import defaultdict

import numpy as np
from _common import (CYRILLIC_COUNTRIES, NAME_KIND_LABEL, HidingGazetteer, form_rows_of, in_seeded_order,
                     load_gazetteer, machine, rows_named, table, top_ids, typo_set)

from geonorm import Resolver
from geonorm.names.hashing import hash64
from geonorm.names.normalize import normalize, script_of
from geonorm.sources.cldr import SOURCE as CLDR_SOURCE


def held_out_aliases(gaz, limit: int, seed: int, min_pop: int) -> list[dict]:
    cc = gaz._pstr["country_code"]
    pop = np.asarray(gaz.place_pop)
    rows = [r for r in np.nonzero(pop >= min_pop)[0].tolist() if cc[r] in CYRILLIC_COUNTRIES]
    pairs = []
    for row in rows:
        forms = list(form_rows_of(gaz, row))
        texts = [gaz.form_text[fr] for fr in forms]
        if not any(script_of(t) == "cyrillic" for t in texts):
            continue
        p = gaz.place(row)
        main = {normalize(p.name), normalize(p.ascii_name)}
        seen = set()
        for fr, t in zip(forms, texts):
            if gaz.scheme_vocab[int(gaz.form_scheme[fr])] != "" or script_of(t) != "latin":
                continue  # generated romanizations are not source names; keep Latin source names
            if gaz.source_vocab[int(gaz.form_source[fr])] == CLDR_SOURCE:
                continue  # a country's name in another language: not a spelling of a town's name
            key = normalize(t)
            if not key or key in main or key in seen or len(key.replace(" ", "")) < 3:
                continue
            seen.add(key)
            pairs.append({"query": t, "row": row, "id": p.id, "place": p.name, "country": p.country_code,
                          "name_kind": NAME_KIND_LABEL[int(gaz.form_kind[fr])],
                          "lang": gaz.lang_vocab[int(gaz.form_lang[fr])] or "-"})
    # (in an order seeded by place and name, not by position: the sample stays as names are added)
    pairs.sort(key=lambda p: hash64(f"{seed}:{p['id']}:{normalize(p['query'])}"))
    return pairs[:limit], len(pairs)


def cyrillic_names(gaz, limit: int, seed: int, min_pop: int) -> list[dict]:
    """Towns of Cyrillic-script countries queried by their own (first, unromanized) Cyrillic name."""
    cc = gaz._pstr["country_code"]
    rows = [r for r in np.nonzero(np.asarray(gaz.place_pop) >= min_pop)[0].tolist()
            if cc[r] in CYRILLIC_COUNTRIES and int(gaz.place_level[r]) == 0]
    rows = in_seeded_order(gaz, rows, seed)
    out = []
    for row in rows:
        names = [gaz.form_text[fr] for fr in form_rows_of(gaz, row) if script_of(gaz.form_text[fr]) == "cyrillic"
                 and gaz.scheme_vocab[int(gaz.form_scheme[fr])] == ""]
        if names:
            out.append({"query": names[0], "id": gaz.place(row).id, "row": row, "country": cc[row]})
        if len(out) >= limit:
            break
    return out


_RUSSIAN_FORM = re.compile("(ое|ий|ая|ка|ск|ово|ево|ино|ы|э|ё)$|[ыэё]")  # not Ukrainian (і, ї, є, ґ, ')
_UKRAINIAN_LETTERS = re.compile("[іїєґІЇЄҐ']")


def russian_forms(gaz, limit: int, seed: int, min_pop: int) -> list[dict]:
    """Populated places of Ukraine by a news-style romanization of their Russian Cyrillic name
    that differs from their own name (one per place)."""
    import iuliia
    cc = gaz._pstr["country_code"]
    rows = [r for r in np.nonzero(np.asarray(gaz.place_pop) >= min_pop)[0].tolist()
            if cc[r] == "UA" and int(gaz.place_level[r]) == 0]
    rows = in_seeded_order(gaz, rows, seed)
    out = []
    for row in rows:
        russian = [gaz.form_text[fr] for fr in form_rows_of(gaz, row)
                   if script_of(gaz.form_text[fr]) == "cyrillic" and gaz.scheme_vocab[int(gaz.form_scheme[fr])] == ""
                   and not _UKRAINIAN_LETTERS.search(gaz.form_text[fr]) and _RUSSIAN_FORM.search(gaz.form_text[fr])]
        if not russian:
            continue
        p = gaz.place(row)
        for schema in (iuliia.WIKIPEDIA, iuliia.MOSMETRO):
            query = schema.translate(russian[0])
            if normalize(query) != normalize(p.name):
                out.append({"query": query, "russian": russian[0], "row": row, "id": p.id, "place": p.name,
                            "admin1": gaz.admin_name(row, "admin1")})
                break
        if len(out) >= limit:
            break
    return out


_CASES = {"gent": "genitive", "datv": "dative", "loct": "locative", "ablt": "instrumental"}


def case_forms(towns: list[dict], seed: int) -> list[dict] | None:
    """``towns`` (from :func:`cyrillic_names`) with a Russian name, each word declined into one
    random oblique case by pymorphy3; None when pymorphy3 is not installed."""
    try:
        import pymorphy3
    except ImportError:
        return None
    morph = pymorphy3.MorphAnalyzer(lang="ru")
    rng = random.Random(seed)
    out = []
    for it in towns:
        name = it["query"]
        if any(ch in name.lower() for ch in "іїєґў"):  # Ukrainian or Belarusian spelling
            continue
        case = rng.choice(sorted(_CASES))
        words = []
        for word in name.split():
            parse = morph.parse(word)[0]  # a name it reads as a verb form is no Russian name
            parsed = parse.inflect({case}) if parse.tag.POS in ("NOUN", "ADJF") else None
            if parsed is None:
                break
            words.append(parsed.word)
        else:
            form = " ".join(words)
            if form.lower() != name.lower():
                out.append({**it, "query": form, "name": name, "case": _CASES[case]})
    return out


def _summ(items: list[dict], key: str | None, r1: str = "rank1", t10: str = "top10") -> list[list]:
    groups = defaultdict(list)
    for it in items:
        groups["all" if key is None else it[key]].append(it)
    rows = []
    for g, v in sorted(groups.items(), key=lambda kv: -len(kv[1])):
        rows.append([g, len(v), f"{sum(x[r1] for x in v) / len(v):.3f}", f"{sum(x[t10] for x in v) / len(v):.3f}"])
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--limit", type=int, default=1000, help="queries per set (held-out aliases, typos)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--min-pop", type=int, default=1000, help="population floor for held-out-alias places")
    ap.add_argument("--index", help="custom index directory (default: the default gazetteer)")
    ap.add_argument("--json-out", help="write the results as JSON here")
    a = ap.parse_args()

    gaz = load_gazetteer(a.index)
    hiding = HidingGazetteer(gaz)
    hidden_resolver = Resolver(hiding, cache_size=0)
    plain = Resolver(gaz, cache_size=0)

    t0 = time.perf_counter()
    aliases, available = held_out_aliases(gaz, a.limit, a.seed, a.min_pop)
    for it in aliases:
        hiding.hidden = rows_named(gaz, it["row"], it["query"])
        m = hidden_resolver.resolve(it["query"], limit=10)
        ids = top_ids(m)
        it.update(rank1=bool(ids) and ids[0] == it["id"], top10=it["id"] in ids, match_kind=m.match_kind,
                  answer=m.name, hidden_forms=len(hiding.hidden))
        hiding.hidden = np.zeros(0, dtype=np.int64)
        v = top_ids(plain.resolve(it["query"], limit=10))
        it.update(visible_rank1=bool(v) and v[0] == it["id"], visible_top10=it["id"] in v)
    alias_secs = time.perf_counter() - t0

    t0 = time.perf_counter()
    typos = typo_set(gaz, a.limit, seed=a.seed)
    for it in typos:
        m = plain.resolve(it["query"], limit=10)
        ids = top_ids(m)
        it.update(rank1=bool(ids) and ids[0] == it["id"], top10=it["id"] in ids, match_kind=m.match_kind,
                  answer=m.name, script_edits=f"{it['script']} {it['edits']} edit(s)")
    typo_secs = time.perf_counter() - t0

    t0 = time.perf_counter()
    russian = russian_forms(gaz, a.limit, a.seed, a.min_pop)
    for it in russian:
        hiding.hidden = rows_named(gaz, it["row"], it["query"])
        for key, hints in (("bare", {}), ("admin1", {"admin1": it["admin1"]} if it["admin1"] else {})):
            ids = top_ids(hidden_resolver.resolve(it["query"], limit=10, **hints))
            it.update({f"{key}_rank1": bool(ids) and ids[0] == it["id"], f"{key}_top10": it["id"] in ids})
        hiding.hidden = np.zeros(0, dtype=np.int64)
    russian_secs = time.perf_counter() - t0

    local = cyrillic_names(gaz, a.limit, a.seed, a.min_pop)
    for it in local:
        ids = top_ids(plain.resolve(it["query"], limit=10))
        it.update(rank1=bool(ids) and ids[0] == it["id"], top10=it["id"] in ids)

    declined = case_forms(local, a.seed)
    for it in declined or ():
        ids = top_ids(plain.resolve(it["query"], limit=10))
        it.update(rank1=bool(ids) and ids[0] == it["id"], top10=it["id"] in ids)

    hdr = ["group", "n", "rank-1", "top-10"]
    print(f"Held-out aliases: {len(aliases)} of {available} Latin alternate names of places with "
          f"Cyrillic names, population >= {a.min_pop} ({alias_secs:.1f} s)")
    print(table(_summ(aliases, None) + [["(name left in the index)", len(aliases),
                                           f"{sum(x['visible_rank1'] for x in aliases) / max(len(aliases), 1):.3f}",
                                           f"{sum(x['visible_top10'] for x in aliases) / max(len(aliases), 1):.3f}"]], hdr))
    print("\nby kind of the held-out name:")
    print(table(_summ(aliases, "name_kind"), hdr))
    by_lang = _summ(aliases, "lang")
    if len(by_lang) > 1:  # the default index may carry no language tags
        print("\nby language of the held-out name (top 10):")
        print(table(by_lang[:10], hdr))
    print("\nby geonorm's match kind:")
    print(table(_summ(aliases, "match_kind"), hdr))
    print(f"\nTypos: {len(typos)} real names with 1-2 random edits ({typo_secs:.1f} s)")
    print(table(_summ(typos, None) + _summ(typos, "script_edits"), hdr))
    print("\nby geonorm's match kind:")
    print(table(_summ(typos, "match_kind"), hdr))
    print(f"\nRussian forms of Ukrainian places: {len(russian)} places (population >= {a.min_pop}) by a news-style "
          f"romanization of their Russian name, held out ({russian_secs:.1f} s)")
    print(table([["bare name", len(russian)] + _summ(russian, None, "bare_rank1", "bare_top10")[0][2:],
                 ["with the oblast (admin1)", len(russian)] + _summ(russian, None, "admin1_rank1", "admin1_top10")[0][2:]],
                hdr) if russian else "(none)")
    print(f"\nCyrillic names as written: {len(local)} towns (population >= {a.min_pop}) by their own name")
    print(table(_summ(local, None) + _summ(local, "country"), hdr))
    if declined is None:
        print("\nCyrillic names in a grammatical case: skipped (pip install pymorphy3 to run it)")
    else:
        print(f"\nCyrillic names in a grammatical case: {len(declined)} Russian town names declined by pymorphy3")
        print(table(_summ(declined, None) + _summ(declined, "case"), hdr))

    if a.json_out:
        def strip(items):
            return [{k: v for k, v in it.items() if k != "row"} for it in items]
        res = {
            "machine": machine(), "limit": a.limit, "seed": a.seed, "min_pop": a.min_pop,
            "held_out_aliases": {
                "available": available, "n": len(aliases), "seconds": round(alias_secs, 2),
                "summary": {r[0]: {"n": r[1], "rank1": float(r[2]), "top10": float(r[3])} for r in _summ(aliases, None)},
                "visible": {"rank1": round(sum(x["visible_rank1"] for x in aliases) / max(len(aliases), 1), 4),
                            "top10": round(sum(x["visible_top10"] for x in aliases) / max(len(aliases), 1), 4)},
                "by_name_kind": {r[0]: {"n": r[1], "rank1": float(r[2]), "top10": float(r[3])} for r in _summ(aliases, "name_kind")},
                "by_lang": {r[0]: {"n": r[1], "rank1": float(r[2]), "top10": float(r[3])} for r in _summ(aliases, "lang")},
                "by_match_kind": {r[0]: {"n": r[1], "rank1": float(r[2]), "top10": float(r[3])} for r in _summ(aliases, "match_kind")},
                "items": strip(aliases),
            },
            "cyrillic_case_forms": None if declined is None else {
                r[0]: {"n": r[1], "rank1": float(r[2]), "top10": float(r[3])}
                for r in _summ(declined, None) + _summ(declined, "case")},
            "russian_forms": {key: {"n": len(russian), "rank1": float(r[2]), "top10": float(r[3])}
                              for key in ("bare", "admin1") for r in _summ(russian, None, f"{key}_rank1", f"{key}_top10")}
            if russian else None,
            "cyrillic_names": {r[0]: {"n": r[1], "rank1": float(r[2]), "top10": float(r[3])}
                               for r in _summ(local, None) + _summ(local, "country")},
            "typos": {
                "n": len(typos), "seconds": round(typo_secs, 2),
                "by_script_edits": {r[0]: {"n": r[1], "rank1": float(r[2]), "top10": float(r[3])}
                                    for r in _summ(typos, None) + _summ(typos, "script_edits")},
                "by_match_kind": {r[0]: {"n": r[1], "rank1": float(r[2]), "top10": float(r[3])} for r in _summ(typos, "match_kind")},
                "items": strip(typos),
            },
        }
        with open(a.json_out, "w", encoding="utf-8") as fh:
            json.dump(res, fh, ensure_ascii=False, indent=1)
        print(f"\nwrote {a.json_out}")


if __name__ == "__main__":
    main()
