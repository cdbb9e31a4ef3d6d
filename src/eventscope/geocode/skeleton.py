"""A town the press spells with other vowels (session 14): "Touz Khormato" for Tuz Khurmatu.

Transliterations of Arabic, Kurdish, Persian and Pashto names agree on the consonants far more
than on the vowels (Arabic script writes few of them): "Touz Khormato", "Tuz Khurmatu" and
"Tooz Khurmato" are one town. The loose key already folds "ou"/"oo" to "u"; this reading goes
further and compares the consonants alone.

That is a weak match, so it is tried last and only where it can hardly go wrong: for a name that
found nothing at all; among the towns of the countries the story is already known to be in
that lie within 250 km of a place the story has resolved (a wrong "Donetsk" must not send
"Novomykhailivka" to a Novomikhaylovka in the Altai); with at least five consonants to
compare (or three, session 15, when one letter edit is all that differs: "Kyaukmae" for
Kyaukme, a vowel doubled or dropped or "y" for "i", never another vowel); and only
when one such town is closer to the name than any other with that skeleton
(fewest letter edits between the loose keys: "Touz Khormato" is Tuz Khurmatu, not Tazah
Khurmatu). The answer ranks as a loose match.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache

from eventscope.geocode.assemble import haversine_km
from eventscope.geocode.gazetteer import Candidate, Gazetteer
from eventscope.geocode.normalize import loose_key, strict_key

_VOWELS = frozenset("aeiouy")
_MIN_CONSONANTS = 5  # "Bama" and "Bumo" share "bm": short skeletons name many towns
# Session 15: a shorter skeleton ("Kyaukmae" for Kyaukme: "kkm") is read too, but only
# one letter edit away from the town's own name (a doubled or dropped vowel): vowels that
# differ all over a short name ("Bama", "Bumo") match too many towns to mean any one of
# them, and a town's many alternate transliterations leave one of them a letter away from
# too many spellings.
_MIN_CONSONANTS_CLOSE = 3
_CLOSE_EDITS = 1
_MAX_COUNTRIES = 3  # a story in more countries than this is no local story
_NEAR_KM = 250.0
_MAX_EDITS = 3


def skeleton(name: str) -> str:
    """The consonants of each word of the name's loose key, a word's first letter kept
    ("Idleb" and "Idlib": "idlb")."""
    words = loose_key(name).split()
    return " ".join(w[:1] + "".join(ch for ch in w[1:] if ch not in _VOWELS) for w in words)


def skeleton_reading(
    name: str,
    gazetteer: Gazetteer,
    isos: frozenset[str],
    points: Sequence[tuple[float, float]],
) -> Candidate | None:
    """The town of the countries ``isos``, near one of the story's ``points`` (latitude,
    longitude), whose name has the skeleton of ``name`` and is nearest to it in spelling,
    when no other is as near."""
    key = skeleton(name)
    consonants = sum(ch != " " and ch not in _VOWELS for ch in key)
    if consonants < _MIN_CONSONANTS_CLOSE:
        return None
    short = consonants < _MIN_CONSONANTS
    max_edits = _CLOSE_EDITS if short else _MAX_EDITS
    if not isos or len(isos) > _MAX_COUNTRIES or not points:
        return None
    wanted = loose_key(name)
    nearest: dict[int, tuple[int, Candidate]] = {}
    for iso in sorted(isos):
        for norm, cand in _index(gazetteer, iso).get(key, ()):
            if not any(haversine_km(cand.lat, cand.lon, *p) <= _NEAR_KM for p in points):
                continue
            if short and norm != strict_key(cand.name):
                continue  # a short name: only the town's own name (see _CLOSE_EDITS)
            apart = edits(wanted, loose_key(norm))
            if short and _vowel_changed(wanted, loose_key(norm)):
                continue  # (review) "Bunguda" is no spelling of Bungudu: another vowel
            if cand.place_id not in nearest or apart < nearest[cand.place_id][0]:
                nearest[cand.place_id] = (apart, cand)
    ranked = sorted(nearest.values(), key=lambda e: e[0])
    if not ranked or (len(ranked) > 1 and ranked[1][0] == ranked[0][0]):
        return None
    if ranked[0][0] > max_edits:
        return None  # vowels differ in a few places, not all over ("Bairachki" is no Burchak)
    return replace(ranked[0][1], loose=True)


def _vowel_changed(a: str, b: str) -> bool:
    """Whether two spellings of one skeleton and length differ by another vowel, not by
    "y" written for "i" ("Kadugly", Kadugli): in a short name, a changed vowel makes
    another name (Bungudu and "Bunguda", Zurmi and "Zurmu"); a doubled or dropped one is
    a spelling (review of session 15)."""
    if len(a) != len(b):
        return False
    return any(x != y and {x, y} != {"i", "y"} for x, y in zip(a, b, strict=True))


def edits(a: str, b: str) -> int:
    """Levenshtein distance (names are short: the plain table is fast enough). Also used to
    compare unknown villages' keys (``resolve.unplaced``)."""
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        prev, row[0] = row[0], i
        for j, cb in enumerate(b, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (ca != cb))
    return row[-1]


def consonants(key: str) -> str:
    """A key's letters without its vowels ("kafranbel": "kfrnbl")."""
    return "".join(ch for ch in key if ch not in _VOWELS)


@lru_cache(maxsize=32)
def _index(gazetteer: Gazetteer, iso: str) -> dict[str, tuple[tuple[str, Candidate], ...]]:
    """Skeleton -> (strict name, town) of one country (built once per process and country)."""
    index: dict[str, list[tuple[str, Candidate]]] = {}
    for norm, cand in gazetteer.town_names(iso):
        index.setdefault(skeleton(norm), []).append((norm, cand))
    return {k: tuple(v) for k, v in index.items()}
