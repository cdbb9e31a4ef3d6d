"""The means of delivery a report names, as families that exclude each other.

Reports of one strike disagree on its type often enough ("a missile strike" / "an air strike",
"shelling" for any blast) that the sub-event type alone rarely separates two events. What they
do not confuse is a named weapon of one family with a named weapon of another: the drone that
hit a bus in Nikopol is not the artillery that shelled its houses the same evening, and a Shahed
drone on a railway depot is not the glide bomb on an apartment block (round 7, session 11).
A bare "missile" or "rocket" is left out: it is what many reports call a drone, a glide bomb
or a shell before the means is known, so it meets every family; a ground- or sea-launched
missile named by kind or model ("a ballistic missile", "Iskander", "Kalibr") is a family of its
own, which meets artillery (one ACLED sub-event type) but not drones or bombs from the air.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Protocol

# Weapon names as the extractor normalises them (data/weapons.json), lower-cased, by family.
_FAMILY_TERMS: dict[str, frozenset[str]] = {
    "drone": frozenset({"drone", "kamikaze drone", "suicide drone", "loitering munition",
                        "attack drone", "armed drone", "combat drone", "shahed", "geran",
                        "lancet", "bayraktar", "bayraktar tb2", "orlan", "zala", "switchblade",
                        "wing loong", "reaper", "predator"}),
    "aerial bomb": frozenset({"glide bomb", "guided bomb", "barrel bomb", "vacuum bomb",
                              "thermobaric bomb", "bunker buster", "jdam", "umpk"}),
    # Mortars are left out: insurgents fire them at close range with RPGs in one assault.
    "artillery": frozenset({"artillery", "howitzer", "grad rocket", "grad",
                            "katyusha rocket", "uragan rocket", "uragan", "smerch rocket",
                            "smerch", "krasnopol", "excalibur", "tornado-s"}),
    # Missiles fired from the ground or the sea, named by kind or model: a ballistic missile on
    # a military institute is not the drones on a substation that night (round 9, session 13),
    # and ACLED codes the two as two sub-event types. Air-launched models (Kh-101, Kinzhal,
    # Storm Shadow) and a bare "cruise" or "hypersonic missile", which may be either, stay
    # neutral, as does a bare "missile". A missile and artillery are one sub-event type
    # ("Shelling/artillery/missile attack"), so the two families meet (``_MEETS``).
    "missile": frozenset({"ballistic missile", "iskander", "iskander-m", "kalibr", "zircon",
                          "onyx", "tochka", "tochka-u", "scud", "atacms", "tomahawk"}),
    # Fired by ground troops at what they see: never an air strike or a shell from afar.
    "direct fire": frozenset({"anti-tank missile", "javelin", "nlaw", "rocket-propelled grenade",
                              "rpg"}),
}  # fmt: skip
# Designators whose prefix names the family ("KAB-500", "Shahed-136", "2S19").
_PREFIXES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^(?:kab|fab|ofab|odab|upab|gbu)-"), "aerial bomb"),
    (re.compile(r"^\d{2,4}[- ]?(?:kg|kilogram|lb|pound)"), "aerial bomb"),
    (re.compile(r"^(?:shahed|geran|lancet|orlan|zala)-"), "drone"),
    (re.compile(r"^(?:bm|2s|d)-"), "artillery"),
    (re.compile(r"^(?:kn|iskander|hwasong|fateh|zolfaghar|qiam|burkan)-"), "missile"),
)
# "an air strike" with no weapon named: a drone or a bomb from an aircraft, never a shell or a
# weapon fired by troops on the ground.
_AIR_STRIKE = re.compile(r"\bair[- ]?(?:strike|raid)s?\b", re.IGNORECASE)
_FROM_THE_AIR = frozenset({"drone", "aerial bomb"})
# Aircraft the weapons lexicon names (data/weapons.json): what they fire comes from the air.
_AIRCRAFT = frozenset(
    {"helicopter", "attack helicopter", "helicopter gunship", "gunship", "warplane",
     "fighter jet", "jet", "aircraft", "bomber", "apache"}
)  # fmt: skip


def _family(weapon: str) -> str:
    name = weapon.lower()
    for family, terms in _FAMILY_TERMS.items():
        if name in terms:
            return family
    return next((family for pattern, family in _PREFIXES if pattern.match(name)), "")


def means_families(weapons: Iterable[str], trigger: str = "") -> frozenset[str]:
    """The families of the named weapons, with the families an aircraft delivers for an air
    strike or a named aircraft (a weapon named beside it may be the victims' or a second
    means: "an air strike and artillery fire", "militants armed with RPGs"), and without
    "direct fire" then (a helicopter's anti-tank missile). Empty when nothing classifiable
    is named (it meets every family)."""
    names = [w.lower() for w in weapons]
    families = frozenset(f for f in map(_family, names) if f)
    if _AIR_STRIKE.search(trigger) or any(n in _AIRCRAFT for n in names):
        return (families - {"direct fire"}) | _FROM_THE_AIR
    return families


# Families that one sub-event type holds, so that naming one or the other is no disagreement.
_MEETS: dict[str, frozenset[str]] = {
    "missile": frozenset({"artillery"}),
    "artillery": frozenset({"missile"}),
}


def means_differ(a: frozenset[str], b: frozenset[str]) -> bool:
    """Two reports that each name the means, with no family in common (or meeting): two
    events."""
    if not (a and b):
        return False
    reach = a.union(*(_MEETS.get(f, frozenset()) for f in a))
    return reach.isdisjoint(b)


class _Means(Protocol):
    """What the means rules read of a mention's features (``compat.Features``)."""

    sub_event_type: str
    weapons: frozenset[str]
    means: frozenset[str]


# Sub-event types whose means exclude each other: a suicide bomber is a person on the
# ground, never a shell or an air strike. Reports of one blast often differ on the kind
# ("an explosion" / "a suicide bomber", "a missile strike" / "an air strike"), so only these
# pairs mean two events; the catch-all "Remote explosive/landmine/IED" meets everything.
_EXCLUSIVE_MEANS = frozenset(
    frozenset(pair)
    for pair in (
        ("Suicide bomb", "Shelling/artillery/missile attack"),
        ("Suicide bomb", "Air/drone strike"),
    )
)


# The sub-event types that some other type excludes (see ``_EXCLUSIVE_MEANS``).
MEANS_TYPES = frozenset(t for pair in _EXCLUSIVE_MEANS for t in pair)


# Explosives placed on the ground, named as such ("a roadside bomb", "an IED", "a landmine", "a
# car bomb"): never a shell or an air strike either. Read from the weapons, not the type: the
# catch-all "Remote explosive/landmine/IED" is also what "an explosion" or "a blast" gets, and
# that meets every kind (session 11: a drone strike on a car and a roadside bomb against a patrol
# in one city on one day merged).
EMPLACED_WEAPONS = frozenset({"IED", "improvised explosive device", "roadside bomb", "car bomb",
                              "truck bomb", "landmine", "land mine", "anti-personnel mine",
                              "anti-tank mine"})  # fmt: skip
FROM_AFAR = frozenset({"Shelling/artillery/missile attack", "Air/drone strike"})
_REMOTE_EXPLOSIVE = "Remote explosive/landmine/IED"


def is_emplaced(sub_event_type: str, weapons: frozenset[str]) -> bool:
    """A remote explosive that the report names as placed on the ground."""
    return sub_event_type == _REMOTE_EXPLOSIVE and not weapons.isdisjoint(EMPLACED_WEAPONS)


def means_ok(a: _Means, b: _Means) -> bool:
    """Whether two reports' means can be one event's (the cannot-link rules on means)."""
    if frozenset((a.sub_event_type, b.sub_event_type)) in _EXCLUSIVE_MEANS:
        return False
    if means_differ(a.means, b.means):  # a drone and artillery, a drone and a glide bomb
        return False
    if b.sub_event_type in FROM_AFAR and is_emplaced(a.sub_event_type, a.weapons):
        return False
    return not (a.sub_event_type in FROM_AFAR and is_emplaced(b.sub_event_type, b.weapons))
