"""Session 15: a town the text places inside another area is not that town.

Held-out linking round 13 read a village of a Mozambique story as Mesa, Arizona ("Mesa, in
Cabo Delgado's Ancuabe district": the possessive span "Cabo Delgado's" found nothing), a
village "near <village> in <LGA> of <state>" as a town of another state (the chain of
names the gazetteer lacks hid the state), and a name that is only an alternate name of a
small town abroad as that town in a story that names its own country. The sentences here
are made up, with other names and countries.
"""

from __future__ import annotations

from eventscope.geocode import Geocoder
from eventscope.geocode.cues import find_cue
from eventscope.geocode.document import resolve_document
from eventscope.geocode.possessive import without_possessive
from eventscope.models import Place


def _answers(text: str, names: list[str], geocoder: Geocoder) -> dict[str, Place | None]:
    """The document's answer per name (its first mention), None when unresolved."""
    spans, at = [], 0
    for name in names:
        start = text.index(name, at)
        spans.append((start, start + len(name)))
        at = start + len(name)
    answers = resolve_document(text, spans, geocoder)
    return {n: a if isinstance(a, Place) else None for n, a in zip(names, answers, strict=True)}


def test_a_possessive_span_reads_the_area_it_names(geocoder: Geocoder) -> None:
    assert without_possessive("Ituri's", geocoder) == "Ituri"
    assert without_possessive("Ituri", geocoder) == "Ituri"


def test_a_large_town_abroad_yields_to_the_possessive_province(geocoder: Geocoder) -> None:
    text = "Rebels attacked Aurora, in Ituri's Ngatsi territory, on Sunday, residents said."
    found = _answers(text, ["Aurora", "Ituri's", "Ngatsi territory"], geocoder)
    aurora = found["Aurora"]
    assert aurora is not None and aurora.iso == "CD" and aurora.admin1 == "Ituri"
    assert aurora.geo_precision == 3  # the province stands in for the village
    district = found["Ngatsi territory"]  # the possessor places the unknown district too
    assert district is not None and district.admin1 == "Ituri"


def test_area_of_state_places_the_area_as_in_does() -> None:
    text = "in Dange Local Government Area of Sokoto State on Friday"
    spans = [(3, 30), (34, 46)]
    assert text[spans[0][0] : spans[0][1]] == "Dange Local Government Area"
    assert find_cue(text, spans, 0) == (1, " in")
    # "of" after a name that is no area word is no cue ("Bank of Kano")
    other = "in Dange Market of Sokoto State"
    assert find_cue(other, [(3, 15), (19, 31)], 0) is None


def test_a_chain_of_unknown_names_ends_in_the_state_that_holds_it(geocoder: Geocoder) -> None:
    # Tsafe is a town of Zamfara; the sentence puts this village in Sokoto State
    text = (
        "Bandits stormed Tsafe village near Kwargaba in Dange Local Government Area "
        "of Sokoto State overnight, residents said."
    )
    names = ["Tsafe village", "Kwargaba", "Dange Local Government Area", "Sokoto State"]
    found = _answers(text, names, geocoder)
    village = found["Tsafe village"]
    assert village is not None and (village.iso, village.admin1) == ("NG", "Sokoto")
    assert village.geo_precision == 3
    unknown = found["Kwargaba"]  # an unknown village of the chain: the state stands in
    assert unknown is not None and unknown.admin1 == "Sokoto"


def test_the_chain_keeps_a_town_inside_the_state(geocoder: Geocoder) -> None:
    text = "Bandits stormed Tsafe village near Kwargaba in Zamfara State overnight."
    found = _answers(text, ["Tsafe village", "Kwargaba", "Zamfara State"], geocoder)
    village = found["Tsafe village"]
    assert village is not None and village.name == "Tsafe" and village.geo_precision == 1


def test_a_large_town_in_another_province_yields_to_in(geocoder: Geocoder) -> None:
    text = "Rebels shelled Bukavu, in Tanganyika province, on Monday, officials said."
    found = _answers(text, ["Bukavu", "Tanganyika province"], geocoder)
    town = found["Bukavu"]
    assert town is not None and town.admin1 == "Tanganyika" and town.geo_precision == 3


def test_a_large_town_in_its_own_province_or_by_a_bearing_stays(geocoder: Geocoder) -> None:
    inside = "Rebels shelled Bukavu, in South Kivu province, on Monday."
    town = _answers(inside, ["Bukavu", "South Kivu province"], geocoder)["Bukavu"]
    assert town is not None and town.name == "Bukavu" and town.geo_precision == 1
    # a bearing from a province says the town lies outside it: no contradiction
    beside = "Rebels shelled Bukavu, south of Tanganyika province, on Monday."
    town = _answers(beside, ["Bukavu", "Tanganyika province"], geocoder)["Bukavu"]
    assert town is not None and town.name == "Bukavu"


def test_an_alternate_name_of_a_small_town_abroad_in_a_named_story(geocoder: Geocoder) -> None:
    # "Katiaha" is only an alternate name of Katyaha, a town of 1,700 in Ivory Coast
    text = "RSF fighters stormed Katiaha on Friday, killing 12 people, Sudan's army said."
    found = _answers(text, ["Katiaha"], geocoder)
    answer = found["Katiaha"]
    assert answer is None or answer.iso != "CI" or answer.confidence < 0.35


def test_the_alternate_name_stays_without_a_country_named(geocoder: Geocoder) -> None:
    # nothing says where the story is: the only reading stands
    found = _answers("Gunmen stormed Katiaha on Friday, killing 12 people.", ["Katiaha"], geocoder)
    answer = found["Katiaha"]
    assert answer is not None and answer.iso == "CI" and answer.confidence >= 0.35
    # a demonym ("Sudanese") says who, not where: no ground to doubt it either
    text = "Sudanese refugees fled Katiaha on Friday, aid workers said."
    answer = _answers(text, ["Katiaha"], geocoder)["Katiaha"]
    assert answer is not None and answer.iso == "CI"
