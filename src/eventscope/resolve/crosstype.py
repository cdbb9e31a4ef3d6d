"""Cross-type links (linking round 8, session 12): one event reported under two event types.

Outlets code the same assault differently: one says "clashes" (Battles), another "attacked
the town, killing 12" (Violence against civilians), a third "shelled" (Explosions/Remote
violence). ACLED's choice among them turns on what the coder was told (did anyone fight back?
was a weapon named?), and reports tell that differently. So the three political-violence types
share one blocking family and may link across types, but only on stronger evidence than a
same-type pair needs (:func:`cross_type_ok`):

* the types may be one event: Battles with Violence against civilians; Explosions/Remote
  violence with an Attack on civilians (never an abduction or sexual violence), unless only
  the latter tells a killing by hand ("gunmen", "opened fire", "executed", "hacked": not the
  blast or strike); Battles with an explosion placed or carried on the ground (a roadside
  bomb in an ambush, a suicide bomber at a checkpoint) only when both reports name the same
  force hit (a military convoy, a police checkpoint: one group's bomb at a market and its
  assault on a base that day are two events), never with shelling or an air or drone
  strike, which ACLED codes as an event of its own beside the ground fighting it supports;
* death tolls within a factor of two where both reports state one (a battle's 15 soldiers
  and the same group's massacre of 40 villagers that evening are two events);
* two different articles (an article's own reports of two types stay as the extractor typed
  them);
* the same exact day: both dates day-precise, each at most a night (two days) long, the
  windows overlapping with no slack; no look-back summary;
* the same place at town level: both places resolved below region level and the same
  gazetteer entry or within ``distinct_town_km``;
* perpetrators that agree, on positive evidence (a missing perpetrator is none): a named
  perpetrator must be the other report's or among its actors; failing that, both reports
  naming the same force hit ("a military convoy", "a police checkpoint": :func:`force_targets`)
  or, for two reports neither of which is a battle, perpetrators of one known kind (state
  forces / armed group). A battle has two sides and either may be named first, so against a
  battle a perpetrator that is not one of its named sides agrees only when the battle has
  exactly one side of its kind and that side is unnamed ("gang members clashed with police" /
  "gunmen killed villagers"): "gunmen killed villagers" is no evidence of JNIM's part in a
  battle between the army and JNIM in the same town that day, whichever side is named first.

Demonstrations (Protests, Riots) and Strategic developments keep their own blocks: a
peaceful march and a riot in one city on one day are two events for ACLED, and a strategic
development (a base taken over, an arrest) is no report of violence.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import TYPE_CHECKING

from eventscope.resolve.means import FROM_AFAR

if TYPE_CHECKING:
    from eventscope.resolve.compat import Features

Distance = Callable[["Features", "Features"], float]

BATTLES = "Battles"
CIVILIANS = "Violence against civilians"
REMOTE = "Explosions/Remote violence"
POLITICAL_VIOLENCE = frozenset({BATTLES, CIVILIANS, REMOTE})
# Head nouns that name a force hit by an ambush or assault on their own (the extractor's
# ``@military_targets`` in data/triggers.json, by head noun, singular).
_FORCE_HEADS = ("convoy", "patrol", "checkpoint", "outpost", "position", "barrack", "garrison")
# Head nouns that name a force only with a force word before them: a bus station, a
# displacement camp or a trading post is no military target (review of round 8).
_PLACE_HEADS = ("base", "post", "camp", "station")
# Force words, by the force they name: "army camp" and "military camp" are one target.
_FORCE_WORDS = {"military": "military", "army": "military", "troops": "military",
                "naval": "military", "air": "military", "police": "police",
                "gendarmerie": "police", "security": "security"}  # fmt: skip
_TARGET = re.compile(
    rf"\b(?:({'|'.join(_FORCE_WORDS)})\s+)?({'|'.join(_FORCE_HEADS + _PLACE_HEADS)})s?\b"
)
# Words of killing by hand: a report told with them is gunfire, knives or captivity, never an
# explosion or air strike (second review: "troops executed five civilians" is not the same
# day's air strike).
_SHOOTING = frozenset({"gunmen", "gunman", "gunfire", "gunshot", "gunshots", "shooting", "shot",
                       "executed", "execution", "executions", "stabbed", "hacked", "machete",
                       "machetes", "beheaded", "abducted", "kidnapped"})  # fmt: skip
# Two death tolls of one event differ by a factor of two at most across types: a battle that
# killed 15 soldiers and a massacre of 40 villagers by one of its sides that evening are two
# events (second review; within a type, tolls may differ as they like).
_TOLL_RATIO = 0.5


def type_family(event_type: str) -> str:
    """The blocking family of an event type: the three political-violence types are one
    family (their reports may link across types); every other type is its own."""
    return "Political violence" if event_type in POLITICAL_VIOLENCE else event_type


def types_may_meet(a: Features, b: Features) -> bool:
    """Whether two different event types can be one event (see the module docstring)."""
    types = {a.event_type, b.event_type}
    if len(types) != 2 or not types <= POLITICAL_VIOLENCE:
        return False
    if REMOTE not in types:
        return True
    remote, other = (a, b) if a.event_type == REMOTE else (b, a)
    if _tells_shooting(other) and not _tells_shooting(remote):
        return False  # gunmen shooting villagers is not the blast or strike the same day
    if other.event_type == BATTLES:
        return remote.sub_event_type not in FROM_AFAR and same_force_hit(a, b)
    # Of the attacks on civilians only an "Attack" can be a blast told another way; an
    # abduction or sexual violence is never one.
    return other.sub_event_type == "Attack"


def _tells_shooting(f: Features) -> bool:
    """Whether the report says its victims were shot ("gunmen", "opened fire", "shot dead")."""
    return not f.words.isdisjoint(_SHOOTING) or {"opened", "fire"} <= f.words


@lru_cache(maxsize=1 << 14)
def force_targets(sentence: str) -> frozenset[tuple[str, str]]:
    """The forces a sentence says were hit, as (force, head noun): ("military", "convoy"),
    ("police", "station"), ("", "checkpoint") when no force word precedes a head that names a
    force on its own; a head that needs one ("station", "camp") without it is left out."""
    out = set()
    for word, head in _TARGET.findall(sentence.lower()):
        force = _FORCE_WORDS.get(word, "")
        if force or head in _FORCE_HEADS:
            out.add((force, head))
    return frozenset(out)


def same_force_hit(a: Features, b: Features) -> bool:
    """Both reports name one force hit: the same head noun, and the same force word where
    both give one ("a convoy" meets "a military convoy", not "a police convoy")."""
    hit_b = force_targets(b.sentence)
    for force, head in force_targets(a.sentence):
        if any(h == head and (not force or not f or f == force) for f, h in hit_b):
            return True
    return False


# The longest window (end - start, days) of a report that may link across types: a night.
CROSS_MAX_SPAN = 1


def crosses_types(f: Features) -> bool:
    """Whether a mention may link across types at all: a political-violence report dated to
    the day (a night at most, no look-back) and placed below region level."""
    if f.event_type not in POLITICAL_VIOLENCE or f.start is None or f.end is None:
        return False
    if not f.day_precise or f.lookback or f.end - f.start > CROSS_MAX_SPAN:
        return False
    return f.iso is not None and not f.country_level


def same_exact_day(a: Features, b: Features) -> bool:
    """Both dated to the day (a night at most), the windows overlapping without slack."""
    if not (crosses_types(a) and crosses_types(b)):
        return False
    return a.start <= b.end and b.start <= a.end  # type: ignore[operator]


def same_town(a: Features, b: Features, km: Distance, town_km: float) -> bool:
    """Both placed below region level (``crosses_types``), at one gazetteer entry or within
    ``town_km``."""
    if a.iso != b.iso:
        return False
    return bool(a.town and a.town == b.town) or km(a, b) <= town_km


def perpetrators_agree(a: Features, b: Features) -> bool:
    """Positive evidence that the two reports have one perpetrator (see the module
    docstring): a missing or unknown one agrees with nobody on its own."""
    if BATTLES in (a.event_type, b.event_type):
        battle, other = (a, b) if a.event_type == BATTLES else (b, a)
        return _fought_in(battle, other)
    if (a.actor1 and a.actor1 in b.named) or (b.actor1 and b.actor1 in a.named):
        return True
    if a.actor1 and b.actor1:
        return False  # two named perpetrators, neither among the other's actors
    if same_force_hit(a, b):
        return True
    return bool(a.sides[0]) and a.sides[0] == b.sides[0]


def _fought_in(battle: Features, other: Features) -> bool:
    """Whether the other report's perpetrator is one of the battle's sides. Read from the set
    of sides, not their order: "the army clashed with JNIM" and "JNIM attacked army positions"
    are one battle and must agree with the same reports."""
    if other.actor1:  # a named perpetrator: one of the battle's named sides, or its unnamed one
        return other.actor1 in battle.named or _lone_unnamed_side(battle, other.sides[0])
    if battle.named & other.named or same_force_hit(battle, other):
        return True  # no perpetrator named, but the same force hit
    return _lone_unnamed_side(battle, other.sides[0])


def _lone_unnamed_side(battle: Features, kind: str) -> bool:
    """The battle has exactly one side of this kind (state forces / armed group), unnamed: a
    generic perpetrator of that kind may be it, a named side is someone in particular."""
    of_kind = [i for i, s in enumerate(battle.sides) if kind and s == kind]
    named = (bool(battle.actor1), battle.actor2_named)
    return len(of_kind) == 1 and not named[of_kind[0]]


def tolls_agree(a: Features, b: Features) -> bool:
    """Both tolls stated: the smaller at least half the larger (see ``_TOLL_RATIO``)."""
    if a.deaths is None or b.deaths is None:
        return True  # a stated toll of 0 ("no one was killed") is a toll (third review)
    return min(a.deaths, b.deaths) >= _TOLL_RATIO * max(a.deaths, b.deaths)


def cross_type_ok(a: Features, b: Features, km: Distance, town_km: float) -> bool:
    """The evidence a link between two event types needs (the caller adds the means rules;
    ``km`` measures the distance between two places)."""
    return (
        a.doc_id != b.doc_id
        and same_exact_day(a, b)
        and same_town(a, b, km, town_km)
        and types_may_meet(a, b)
        and tolls_agree(a, b)
        and perpetrators_agree(a, b)
    )
