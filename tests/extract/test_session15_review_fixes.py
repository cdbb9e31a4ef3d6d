"""Review of session 15's extraction changes. The sentences are made up.

* "since" after a superlative ("the heaviest fighting since last week's ambush near X")
  compares: X is no place of the main event, and the compared event is not told.
* Care under way when an event struck ("a patient receiving treatment at a hospital in X",
  "patients who were being treated at a clinic in X"), a weapon carried into a hospital, or
  a hospital raided in the same sentence: the town is the event place.
* Leaving X after an event with a place of its own ("after the attack in Y") does not make
  X the event place; nor do residents who fled to a destination, or who act themselves.
* The possessor of unnamed land around it ("X's forests") is the event place.
* "ahead of the weekend protests": a weekend still to come is left undated.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventscope.extract.dates import find_date_phrases
from eventscope.models import Mention


def _roles(mentions: list[Mention]) -> dict[str, str]:
    return {p.text: p.role for m in mentions for p in m.places}


def _by_trigger(mentions: list[Mention], word: str) -> Mention:
    return next(m for m in mentions if word in m.trigger)


@pytest.mark.parametrize(
    ("text", "main", "compared"),
    [
        (
            "In the heaviest fighting since last week's ambush near Kidal, troops clashed with "
            "rebels in Gao on Tuesday.",
            "fighting",
            "ambush",
        ),
        (
            "In the largest rally since last week's bombing in Kidal, thousands of protesters "
            "marched in Gao on Tuesday.",
            "rally",
            "bombing",
        ),
    ],
)
def test_since_after_a_superlative_compares(
    mentions_of: Callable[..., list[Mention]], text: str, main: str, compared: str
) -> None:
    mentions = mentions_of(text)
    roles = _roles(mentions)
    assert roles.get("Gao") == "event", roles
    assert roles.get("Kidal") != "event", roles
    told = _by_trigger(mentions, main)
    assert told.date_start == "2025-03-11", told
    other = [m for m in mentions if compared in m.trigger]
    assert all(m.date_start != "2025-03-11" for m in other), other
    assert all(m.modality != "asserted" for m in other), other


def test_since_an_owned_date_still_tells_the_event(
    mentions_of: Callable[..., list[Mention]],
) -> None:
    mentions = mentions_of(
        "Hundreds of families have left Titao since last Thursday's attack by the GSIM."
    )
    attack = _by_trigger(mentions, "attack")
    assert [(p.text, p.role) for p in attack.places] == [("Titao", "event")]
    assert attack.date_start == "2025-03-06"


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("Gunmen shot dead a patient receiving treatment at a hospital in Maiduguri on Monday.",
         "Maiduguri"),
        ("Militants abducted ten patients who were being treated at a clinic in Beni on Monday.",
         "Beni"),
        ("A suicide bomber carried explosives into a hospital in Quetta on Monday, killing 12 "
         "people.", "Quetta"),
        ("Two patients died in the Nasser hospital in Khan Younis on Monday as Israeli troops "
         "raided the facility.", "Khan Younis"),
    ],
)  # fmt: skip
def test_a_hospital_where_the_event_struck_locates_it(
    mentions_of: Callable[..., list[Mention]], text: str, town: str
) -> None:
    roles = _roles(mentions_of(text))
    assert roles.get(town) == "event", roles


def test_a_hospital_of_the_wounded_stays_no_event_place(
    mentions_of: Callable[..., list[Mention]],
) -> None:
    text = (
        "A third soldier died overnight in a hospital in Bogotá from injuries sustained in the "
        "weekend attack by the ELN on a military base in Tame."
    )
    roles = _roles(mentions_of(text))
    assert roles.get("Tame") == "event", roles
    assert roles.get("Bogotá") != "event", roles


@pytest.mark.parametrize(
    ("text", "left", "event"),
    [
        ("The president left Niamey on Monday after the attack in Tillaberi that killed 20 "
         "soldiers.", "Niamey", "Tillaberi"),
        ("The French ambassador left Bamako after the attack on a military camp near Kati.",
         "Bamako", "Kati"),
        ("Aid agencies evacuated their staff from Goma after the attack on Sake by M23 rebels.",
         "Goma", None),
    ],
)  # fmt: skip
def test_leaving_after_an_event_placed_elsewhere(
    mentions_of: Callable[..., list[Mention]], text: str, left: str, event: str | None
) -> None:
    roles = _roles(mentions_of(text))
    assert roles.get(left) != "event", roles
    if event is not None:
        assert roles.get(event) == "event", roles


@pytest.mark.parametrize(
    "text",
    [
        "Residents of Khartoum who fled to Port Sudan after the fighting protested outside the "
        "UN office on Monday.",
        "Residents of Khartoum who fled after the fighting protested outside the UN office on "
        "Monday.",
    ],
)
def test_residents_who_fled_name_no_place_of_their_protest(
    mentions_of: Callable[..., list[Mention]], text: str
) -> None:
    roles = _roles(mentions_of(text))
    assert roles.get("Khartoum") != "event", roles


@pytest.mark.parametrize("noun", ["forests", "villages", "hills"])
def test_the_possessor_of_unnamed_land_is_the_event_place(
    mentions_of: Callable[..., list[Mention]], noun: str
) -> None:
    roles = _roles(mentions_of(f"Gunmen killed two people in Gadchiroli's {noun} on Monday."))
    assert roles.get("Gadchiroli") == "event", roles


def test_a_named_smaller_place_keeps_its_possessor_as_context(
    mentions_of: Callable[..., list[Mention]],
) -> None:
    text = "Soldiers clashed with rebels in Afghanistan's southern Kandahar province on Monday."
    roles = _roles(mentions_of(text))
    assert roles.get("Afghanistan") != "event", roles


@pytest.mark.parametrize("cue", ["ahead of", "before", "planned", "organising", "preparations for"])
def test_a_weekend_event_still_to_come_is_undated(cue: str) -> None:
    text = f"Police fired tear gas at opposition supporters in Nairobi {cue} the weekend protests."
    assert not [p for p in find_date_phrases(text, "2025-03-14") if "weekend" in p.text]


def test_a_past_weekend_event_is_still_dated() -> None:
    text = "Police said the weekend protests in Nairobi left three people dead."
    found = [p for p in find_date_phrases(text, "2025-03-14") if "weekend" in p.text]
    assert [(p.date_start, p.date_end) for p in found] == [("2025-03-08", "2025-03-09")]
