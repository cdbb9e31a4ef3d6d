"""Place roles from held-out round 11 (session 14), each checked on sentences of other places.

* After any possessor, a name followed by an administrative unit is a place: "Mali's Kayes
  region" (before: only the possessor, the country, was found).
* A name that premodifies a meeting or agreement locates no event: "despite the Doha
  ceasefire talks" sent a DR Congo battle to Qatar.
* "towards X" is a destination unless something was aimed at X, and a destination needs the
  place's own preposition: "fled towards Lwibo after explosions in Nyabiondo" happened in
  Nyabiondo.
* "residents of X" locate what they do or suffer, unless the sentence names the event's
  place itself.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.language import Language

from eventscope.extract.place_names import reference_roles
from eventscope.models import Mention, PlaceMention


def _roles(mentions: list[Mention]) -> dict[str, str]:
    return {p.text: p.role for m in mentions for p in m.places}


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Gunmen attacked a village in Mali's Kayes region on Sunday.", "Kayes region"),
        ("Gunmen attacked a village in Mali’s Kayes region on Sunday.", "Kayes region"),
        (
            "Militants stormed a police post in Pakistan's Lakki Marwat district on Sunday.",
            "Lakki Marwat district",
        ),
        (
            "Troops clashed with rebels in Sudan's southern Blue Nile state on Sunday.",
            "Blue Nile state",
        ),
    ],
)
def test_a_unit_named_after_a_possessor_is_the_event_place(
    mentions_of: Callable[..., list[Mention]], text: str, place: str
) -> None:
    assert _roles(mentions_of(text)).get(place) == "event"


def test_a_possessed_person_is_no_place(mentions_of: Callable[..., list[Mention]]) -> None:
    roles = _roles(mentions_of("Gunmen attacked Mali's President Goita's convoy on Sunday."))
    assert not any(r == "event" for r in roles.values()), roles


@pytest.mark.parametrize(
    ("text", "venue", "town"),
    [
        (
            "Rebels attacked army positions in Goma on Tuesday despite the Doha ceasefire talks.",
            "Doha",
            "Goma",
        ),
        (
            "Rebels attacked Goma on Tuesday, days after the Doha agreement was signed.",
            "Doha",
            "Goma",
        ),
        (
            "Israeli jets struck Khiam on Tuesday despite the Beirut truce talks.",
            "Beirut",
            "Khiam",
        ),
    ],
)
def test_a_meeting_named_after_its_venue_locates_nothing(
    mentions_of: Callable[..., list[Mention]], text: str, venue: str, town: str
) -> None:
    roles = _roles(mentions_of(text))
    assert roles[venue] == "other"
    assert [name for name, role in roles.items() if role == "event"] == [town]


def test_a_mountain_summit_is_still_a_place(mentions_of: Callable[..., list[Mention]]) -> None:
    roles = _roles(mentions_of("Fighters shelled the summit of Mount Goma on Tuesday."))
    assert roles.get("Mount Goma") == "event"


@pytest.mark.parametrize(
    ("text", "event", "destination"),
    [
        (
            "Hundreds of families fled towards Lwibo after mortar explosions in Nyabiondo on "
            "Tuesday.",
            "Nyabiondo",
            "Lwibo",
        ),
        (
            "A roadside bomb hit an army truck on the road east of Jowhar towards Balcad on "
            "Tuesday.",
            "Jowhar",
            "Balcad",
        ),
    ],
)
def test_towards_names_a_destination(
    mentions_of: Callable[..., list[Mention]], text: str, event: str, destination: str
) -> None:
    roles = _roles(mentions_of(text))
    assert (roles.get(event), roles.get(destination)) == ("event", "destination")


def test_fire_aimed_towards_a_town_struck_it(mentions_of: Callable[..., list[Mention]]) -> None:
    assert _roles(mentions_of("Rebels fired rockets towards Sderot on Tuesday.")) == {
        "Sderot": "event"
    }


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Hundreds of residents of Sweida took to the streets on Friday.", "Sweida"),
        ("Villagers of Kigoma marched on Friday against the rebels.", "Kigoma"),
        ("Gunmen killed five residents of Goma on Friday.", "Goma"),
    ],
)
def test_where_people_live_is_where_it_happened(
    mentions_of: Callable[..., list[Mention]], text: str, place: str
) -> None:
    assert _roles(mentions_of(text)) == {place: "event"}


def test_a_named_event_place_outranks_where_the_victims_lived(
    mentions_of: Callable[..., list[Mention]],
) -> None:
    roles = _roles(mentions_of("Gunmen killed five residents of Goma in an ambush near Beni."))
    assert (roles.get("Goma"), roles.get("Beni")) == ("other", "event")


def test_a_place_locating_the_destination_is_the_destination_too(
    mentions_of: Callable[..., list[Mention]],
) -> None:
    # "to X in Yobe State": the state says where the destination is, no phrase of its own.
    text = "Police say the bomber drove the car to Damaturu in Yobe State and detonated it."
    assert _roles(mentions_of(text)).get("Yobe State") == "destination"


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Survivors of the massacre in Solino say gang members killed 12 people there.", "Solino"),
        ("Relatives of those killed in the raid on Kumbo told reporters the army did it.", "Kumbo"),
    ],
)
def test_a_speaker_naming_the_event_leaves_its_place_free(
    mentions_of: Callable[..., list[Mention]], text: str, place: str
) -> None:
    # The claimant is cut before the event it names: "Survivors" speak, "the massacre in
    # Solino" is the event (before: the whole phrase was the speaker, its place blocked).
    assert _roles(mentions_of(text)).get(place) == "event"


def test_a_speakers_own_qualifier_stays_the_speakers(
    mentions_of: Callable[..., list[Mention]],
) -> None:
    text = "A militia commander in Djugu said his men repelled an attack on Monday."
    assert "Djugu" not in _roles(mentions_of(text))  # the speaker's place, not the attack's


def test_a_square_named_after_a_town_lies_in_the_sentences_town(
    mentions_of: Callable[..., list[Mention]],
) -> None:
    text = (
        "Hundreds of people gathered in Azadi square in the city of Daraa on Friday, "
        "chanting slogans."
    )
    roles = _roles(mentions_of(text))
    assert (roles.get("Azadi"), roles.get("Daraa")) == ("other", "event")


def test_a_power_named_by_its_seat_is_no_venue(mentions_of: Callable[..., list[Mention]]) -> None:
    text = "Crowds marched in Goma on Friday, chanting slogans against the government in Kinshasa."
    roles = _roles(mentions_of(text))
    assert (roles.get("Goma"), roles.get("Kinshasa")) == ("event", "other")


def test_people_driven_from_a_place_locate_the_violence(
    mentions_of: Callable[..., list[Mention]],
) -> None:
    text = "Thousands were displaced from the commune of Petit-Goave after a gang attack on Monday."
    assert _roles(mentions_of(text)).get("Petit-Goave") == "event"


# -- review of session 14 -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Israeli strikes killed 20 people on Tuesday despite the Gaza ceasefire.", "Gaza"),
        ("Police fired tear gas at protesters outside the Nairobi summit on Tuesday.", "Nairobi"),
    ],
)
def test_a_ceasefire_or_a_meetings_venue_still_locates(
    mentions_of: Callable[..., list[Mention]], text: str, place: str
) -> None:
    assert _roles(mentions_of(text)).get(place) == "event"


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Russian forces attacked Ukrainian positions towards Pokrovsk on Tuesday.", "Pokrovsk"),
        ("The army shelled RSF positions towards Omdurman on Tuesday.", "Omdurman"),
    ],
)
def test_fighting_towards_a_town_is_near_it(
    mentions_of: Callable[..., list[Mention]], text: str, place: str
) -> None:
    assert _roles(mentions_of(text)).get(place) == "event"


@pytest.mark.parametrize(
    ("text", "place", "role"),
    [
        ("Residents of Khartoum who fled to Port Sudan protested on Tuesday.", "Khartoum", "other"),
        ("Militiamen attacked people of Kasai origin in Tshikapa on Tuesday.", "Kasai", "other"),
        ("The RSF killed 40 residents of Ardamata in West Darfur on Tuesday.", "Ardamata", "event"),
    ],
)
def test_a_residence_only_where_they_still_live_and_not_an_origin(
    mentions_of: Callable[..., list[Mention]], text: str, place: str, role: str
) -> None:
    assert _roles(mentions_of(text)).get(place) == role


def test_a_speakers_cut_off_place_gives_way_to_the_news_place(
    mentions_of: Callable[..., list[Mention]],
) -> None:
    text = (
        "Relatives of soldiers killed in Boulkessi said on Tuesday that jihadists attacked "
        "the army post in Boni."
    )
    attack = next(m for m in mentions_of(text) if m.trigger == "attacked")
    assert {p.text: p.role for p in attack.places} == {"Boulkessi": "other", "Boni": "event"}


def test_a_road_towards_a_town_alone_is_near_that_town(
    mentions_of: Callable[..., list[Mention]],
) -> None:
    roles = _roles(mentions_of("Heavy fighting raged on the road towards Sake on Tuesday."))
    assert roles == {"Sake": "event"}


def test_a_datelines_town_before_its_country_stays_a_reference(nlp: Language) -> None:
    # Only a residence is kept by a place that locates it ("residents of X in Y"); the
    # dateline's "PUEBLA, Mexico, September 7 -" is the filing town whatever follows it.
    text = "PUEBLA, Mexico, September 7 - Gunmen killed seven people near Tehuacan on Sunday."
    sent = nlp(text)[:]
    places = [
        PlaceMention(text=n, start=text.index(n), end=text.index(n) + len(n), role="event")
        for n in ("PUEBLA", "Mexico", "Tehuacan")
    ]
    roles = {p.text: p.role for p in reference_roles(sent, places)}
    assert roles == {"PUEBLA": "other", "Mexico": "event", "Tehuacan": "event"}


# -- third review ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (
            "KHARTOUM, March 11 (Wire) - RSF fighters attacked a convoy on the road towards "
            "Omdurman on Monday.",
            "Omdurman",
        ),
        ("In Mali, jihadists ambushed a convoy on the road towards Boni on Monday.", "Boni"),
        ("M23 rebels attacked the Kibumba junction near Goma on Sunday.", "Kibumba"),
        ("Gunmen opened fire at the Mogadishu stock market in Banadir on Tuesday.", "Mogadishu"),
        (
            "Thousands of protesters rallied outside the parliament in Nairobi on Tuesday after "
            "police shot dead a blogger in Homa Bay.",
            "Nairobi",
        ),
    ],
)
def test_the_reference_rules_leave_real_event_places_alone(
    mentions_of: Callable[..., list[Mention]], text: str, place: str
) -> None:
    found = mentions_of(text)
    assert all({p.text: p.role for p in m.places}.get(place) == "event" for m in found)


def test_families_displaced_from_a_town_do_not_place_a_strike_there(
    mentions_of: Callable[..., list[Mention]],
) -> None:
    text = "Drones struck a shelter housing families displaced from El Fasher in Tawila on Monday."
    assert _roles(mentions_of(text)).get("El Fasher") != "event"
