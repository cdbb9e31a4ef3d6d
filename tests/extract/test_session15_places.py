"""Session 15: places of what came after an event, outlets, and a suicide bomber's words
(held-out round 13). The sentences are made up.

* Where the wounded were treated or died is no event place ("died in a hospital in X",
  "taken to hospital in X", "died in a X hospital"; "airlifted to X" is a destination); a
  hospital that is attacked still locates the attack.
* People who left or fled X since or after an event left where it was ("have left X since
  the attack", "fled from X after the raid"); an appositive of a name of another role keeps
  that role.
* A name after "seen by" (a document), "told", "said in a statement to", "in an interview
  with" is an outlet or listener, no place.
* "a suicide bomber" is no aircraft: a later casualty sentence is no air strike.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.language import Language

from eventscope.extract.segment import text_context
from eventscope.extract.triggers import SentenceContext
from eventscope.models import Mention


def _roles(mentions: list[Mention]) -> dict[str, str]:
    return {p.text: p.role for m in mentions for p in m.places}


@pytest.mark.parametrize(
    ("text", "hospital_town", "event_town"),
    [
        (
            "A fourth soldier died on Monday in a hospital in Nairobi from injuries sustained "
            "in an attack by Al-Shabaab on a military camp in Mandera.",
            "Nairobi",
            "Mandera",
        ),
        (
            "Two policemen wounded when gunmen attacked a checkpoint in Garissa were taken to "
            "hospital in Mombasa on Tuesday.",
            "Mombasa",
            "Garissa",
        ),
        (
            "Five soldiers wounded in the raid by jihadists on an army post in Djibo died in a "
            "Ouagadougou hospital.",
            "Ouagadougou",
            "Djibo",
        ),
    ],
)
def test_where_the_wounded_were_treated_is_no_event_place(
    mentions_of: Callable[..., list[Mention]], text: str, hospital_town: str, event_town: str
) -> None:
    roles = _roles(mentions_of(text))
    assert roles.get(hospital_town) == "other", roles
    assert roles.get(event_town) == "event", roles


def test_an_airlift_names_a_destination(mentions_of: Callable[..., list[Mention]]) -> None:
    text = "Two policemen wounded in the ambush near Wajir were airlifted to Nairobi on Tuesday."
    roles = _roles(mentions_of(text))
    assert roles.get("Nairobi") == "destination", roles
    assert roles.get("Wajir") == "event", roles


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen attacked the hospital in Kumbo on Monday, killing two nurses.",
        "An air strike hit a hospital in Saada on Monday, killing four patients.",
        "The attack was at a hospital in Kumbo, where gunmen killed two nurses on Monday.",
    ],
)
def test_an_attacked_hospital_still_locates_the_attack(
    mentions_of: Callable[..., list[Mention]], text: str
) -> None:
    town = "Kumbo" if "Kumbo" in text else "Saada"
    assert _roles(mentions_of(text)).get(town) == "event"


@pytest.mark.parametrize(
    ("text", "town"),
    [
        (
            "Hundreds of villagers have left Mangobo since last Thursday's attack by ADF rebels.",
            "Mangobo",
        ),
        ("Thousands of people fled from Kalehe after the attack by M23 rebels.", "Kalehe"),
    ],
)
def test_a_place_left_since_an_attack_is_its_place(
    mentions_of: Callable[..., list[Mention]], text: str, town: str
) -> None:
    assert _roles(mentions_of(text)).get(town) == "event"


def test_an_appositive_of_a_name_of_another_role_keeps_that_role(
    mentions_of: Callable[..., list[Mention]],
) -> None:
    # "fled to X, the capital of Y": Y only says where the destination lies
    text = (
        "Gunmen attacked a village near Kaya on Sunday and survivors fled to Ouahigouya, the "
        "capital of Yatenga province."
    )
    roles = _roles(mentions_of(text))
    assert roles.get("Ouahigouya") == "destination", roles
    assert roles.get("Yatenga province") != "event", roles


def test_residents_who_left_years_ago_name_no_place(
    mentions_of: Callable[..., list[Mention]],
) -> None:
    text = "Residents who left Mangobo years ago said gunmen attacked a village in Oicha."
    roles = _roles(mentions_of(text))
    assert roles.get("Mangobo") != "event", roles
    assert roles.get("Oicha") == "event", roles


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        (
            "The explosion went off outside the central mosque around 7 p.m., according to a "
            "gendarmerie report seen by Benue Echo, which attributes the bombing to militants.",
            "Benue Echo",
        ),
        (
            "A gendarme told Benue Echo that the bomb went off outside the mosque on Sunday.",
            "Benue Echo",
        ),
        (
            "The army said in a statement to Lake Star that rebels attacked the town on Sunday.",
            "Lake Star",
        ),
    ],
)
def test_an_outlet_is_no_place(
    mentions_of: Callable[..., list[Mention]], text: str, outlet: str
) -> None:
    roles = _roles(mentions_of(text))
    assert not any(outlet in name for name in roles), roles


def test_seen_by_residents_keeps_its_place(mentions_of: Callable[..., list[Mention]]) -> None:
    # not a document seen by an outlet: "seen by residents" keeps the attack's own place
    roles = _roles(mentions_of("The convoy was attacked near Beni, as seen by residents."))
    assert roles.get("Beni") == "event", roles


def test_a_suicide_bomber_is_no_aircraft(mentions_of: Callable[..., list[Mention]]) -> None:
    text = (
        "A suicide bomber killed at least six people on Friday in Gwoza, officials said. "
        "About 15 people were wounded and taken to a clinic."
    )
    wounded = [m for m in mentions_of(text) if m.trigger == "wounded"]
    assert wounded and all(m.sub_event_type != "Air/drone strike" for m in wounded)


def test_bombers_still_fly(mentions_of: Callable[..., list[Mention]]) -> None:
    text = "Russian bombers struck the town on Friday. About 15 people were wounded."
    found = [m.sub_event_type for m in mentions_of(text)]
    assert "Air/drone strike" in found, found


def test_people_who_fled_after_a_raid_left_its_place(
    mentions_of: Callable[..., list[Mention]],
) -> None:
    text = "Families who fled Kiwanja after Sunday's raid by M23 rebels said the town was empty."
    assert _roles(mentions_of(text)).get("Kiwanja") == "event"


def test_a_named_hospital_where_the_wounded_were_treated_is_no_event_place(
    mentions_of: Callable[..., list[Mention]],
) -> None:
    text = (
        "Doctors said the wounded were being treated at Kiwanja General Hospital after the "
        "attack on Rutshuru."
    )
    roles = _roles(mentions_of(text))
    assert roles.get("Kiwanja General Hospital") == "other", roles
    assert roles.get("Rutshuru") == "event", roles


def test_people_who_fled_to_a_hospital_keep_the_old_reading(
    mentions_of: Callable[..., list[Mention]],
) -> None:
    # fleeing to a hospital is no treatment: the destination reading stands, as before
    text = "People fled to the hospital in Kiwanja when rebels attacked the town on Sunday."
    assert _roles(mentions_of(text)).get("Kiwanja") == "destination"


def test_a_place_under_since_an_owned_attack_is_its_place(
    mentions_of: Callable[..., list[Mention]],
) -> None:
    # "since" before an attack its possessive date dates is no comparison ("the worst since
    # the battle for X" still is)
    text = "Thousands of villagers have fled since Saturday's attack on Mangobo by ADF rebels."
    assert _roles(mentions_of(text)).get("Mangobo") == "event"


@pytest.mark.parametrize(
    ("text", "air"),
    [
        ("A suicide bomber killed nine people at a market in Gwoza.", False),
        ("Two suicide-bombers killed nine people at a market in Gwoza.", False),
        ("Russian bombers killed nine people at a market in Idlib.", True),
    ],
)
def test_a_sentence_of_a_suicide_bomber_has_no_air_word(
    nlp: Language, text: str, air: bool
) -> None:
    sent = next(iter(nlp(text).sents))
    words = SentenceContext.of(sent)
    assert words.has_any(("bomber", "bombers")) is air
    assert text_context(text).has_any(("bomber", "bombers")) is air
    assert words.has("suicide") is not air  # the person's other word stays


@pytest.mark.parametrize(
    ("text", "role"),
    [
        # residents of X who fled after an event fled where it was (as "families who fled X")
        (
            "Residents of Kiwanja who fled after Sunday's raid by M23 rebels are sheltering "
            "in schools.",
            "event",
        ),
        # residents of X who fled elsewhere say nothing of where the protest was (session 14)
        ("Residents of Kiwanja who fled to Goma protested on Monday.", "other"),
    ],
)
def test_residents_who_fled_after_an_event_agree_with_families_who_left(
    mentions_of: Callable[..., list[Mention]], text: str, role: str
) -> None:
    assert _roles(mentions_of(text)).get("Kiwanja") == role
