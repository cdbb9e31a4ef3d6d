"""Session 16: where an event happened when its own sentence names no usable place.

Scraped articles are one long paragraph: a mention without an event place of its own takes
one from the sentences of the article's other eventive mentions, earlier first, never from
background (historical, negated, possible) sentences or from relative clauses about some
other entity (eventscope.geocode.fallback)."""

from __future__ import annotations

from dataclasses import replace

from eventscope.geocode import Geocoder, geocode_mentions
from eventscope.geocode.fallback import choose_place, relative_clauses, spelled_out
from eventscope.geocode.resolver import Unresolved
from eventscope.models import Article, Evidence, Mention, Place, PlaceMention


def _mention(
    text: str, trigger: str, places: tuple[tuple[str, str], ...] = (), modality: str = "asserted"
) -> Mention:
    """A mention of ``trigger`` (its first occurrence), its sentence cut at ". "."""
    start = text.index(trigger)
    left = text.rfind(". ", 0, start)
    sent_start = 0 if left < 0 else left + 2
    right = text.find(". ", start)
    sent_end = len(text) if right < 0 else right + 1
    found = tuple(_place(text, name, role, sent_start) for name, role in places)
    return Mention(
        mention_id=f"d:{start}", doc_id="d", start=start, end=start + len(trigger),
        trigger=trigger, sentence=text[sent_start:sent_end], sentence_start=sent_start,
        sentence_end=sent_end, disorder_type="Political violence", event_type="Battles",
        sub_event_type="Armed clash", places=found, modality=modality,
        evidence=(Evidence("trigger", start, start + len(trigger), trigger),),
    )  # fmt: skip


def _place(text: str, name: str, role: str, after: int) -> PlaceMention:
    start = text.index(name, after)
    return PlaceMention(name, start, start + len(name), role)


def _located(text: str, mentions: list[Mention], geocoder: Geocoder) -> list[str | None]:
    out = geocode_mentions(Article("d", "d.txt", text), mentions, geocoder)
    return [m.location.name if m.location else None for m in out]


BACKGROUND = (
    "Gunmen killed four farmers near Tsafe on Monday, police in Zamfara State said. "
    "The death toll has since risen to seven, a hospital source said. "
    "Gusau, Anka and Maru have faced repeated raids by armed gangs in recent years."
)


def test_the_toll_takes_the_place_of_the_lede_not_of_the_background(geocoder: Geocoder) -> None:
    """Before: "risen" took Gusau, a town of the closing background sentence (the
    paragraph's most specific place nearest the trigger)."""
    killed = _mention(BACKGROUND, "killed", (("Tsafe", "event"), ("Zamfara State", "other")))
    risen = _mention(BACKGROUND, "risen")
    raids = _mention(
        BACKGROUND, "raids", (("Gusau", "event"), ("Anka", "event"), ("Maru", "event")),
        modality="historical",
    )  # fmt: skip
    assert _located(BACKGROUND, [killed, risen, raids], geocoder) == [
        "Tsafe", "Tsafe", "Maru",
    ]  # fmt: skip


def test_only_background_places_leave_the_country(geocoder: Geocoder) -> None:
    """Near miss: with no eventive sentence naming a place, the background one still does
    not locate the toll; the country the article is about does."""
    text = BACKGROUND.replace("near Tsafe ", "").replace("police in Zamfara State", "Nigeria")
    killed = _mention(text, "killed")
    raids = _mention(text, "raids", (("Gusau", "event"),), modality="historical")
    out = geocode_mentions(Article("d", "d.txt", text), [killed, raids], geocoder)
    assert out[0].location is not None
    assert (out[0].location.feature, out[0].location.iso) == ("country", "NG")


LEDE_AREA = (
    "Bandits abducted 30 villagers in Zamfara State on Friday, residents said. "
    "Two people were shot dead during the raid. "
    "Troops later clashed with another gang near Kaura Namoda, the army said."
)


def test_an_earlier_sentence_beats_a_more_specific_later_one(geocoder: Geocoder) -> None:
    """Precision only breaks ties inside one sentence: the lede's state, not the town of a
    later eventive sentence (before: Kaura Namoda, the paragraph's most specific place)."""
    abducted = _mention(LEDE_AREA, "abducted", (("Zamfara State", "event"),))
    shot = _mention(LEDE_AREA, "shot dead")
    clashed = _mention(LEDE_AREA, "clashed", (("Kaura Namoda", "event"),))
    assert _located(LEDE_AREA, [abducted, shot, clashed], geocoder) == [
        "Zamfara", "Zamfara", "Kaura Namoda",
    ]  # fmt: skip


def test_a_negated_sentence_does_not_locate(geocoder: Geocoder) -> None:
    """A later eventive sentence still locates when the lede names nothing; a negated one
    never does."""
    text = (
        "Two people were shot dead on Friday, residents said. "
        "The army denied that any clash took place in Shinkafi. "
        "Troops later clashed with a gang near Kaura Namoda, the army said."
    )
    shot = _mention(text, "shot dead")
    denied = _mention(text, "clash took", (("Shinkafi", "event"),), modality="negated")
    clashed = _mention(text, "clashed", (("Kaura Namoda", "event"),))
    assert _located(text, [shot, denied, clashed], geocoder)[0] == "Kaura Namoda"


CLAIMS = (
    "The army rejected claims that nine soldiers died in fighting in Anka, saying only one "
    "was killed when gunmen opened fire on a convoy near Bukkuyum on Monday."
)


def test_equal_places_go_to_the_one_nearest_the_trigger(geocoder: Geocoder) -> None:
    """Before: both took Anka, the first of two towns."""
    places = (("Anka", "event"), ("Bukkuyum", "event"))
    fighting = _mention(CLAIMS, "fighting", places, modality="denied")
    fire = _mention(CLAIMS, "opened fire", places)
    assert _located(CLAIMS, [fighting, fire], geocoder) == ["Anka", "Bukkuyum"]


ASIDE = (
    "Gunmen attacked a convoy on Sunday, killing five, officials in Nigeria said. "
    "The gang, which has bases around Talata Mafara, has not commented."
)


def test_a_relative_clause_about_an_actor_does_not_locate(geocoder: Geocoder) -> None:
    """Before: the attack took Talata Mafara, where the gang has bases."""
    attacked = _mention(ASIDE, "attacked")
    commented = _mention(ASIDE, "has bases", (("Talata Mafara", "event"),))
    out = geocode_mentions(Article("d", "d.txt", ASIDE), [attacked, commented], geocoder)
    assert out[0].location is not None and out[0].location.feature == "country"
    # its own trigger inside the clause, a mention keeps the clause's place
    assert out[1].location is not None and out[1].location.name == "Talata Mafara"


def test_a_relative_clause_about_a_place_still_locates(geocoder: Geocoder) -> None:
    """Near miss: "Shinkafi, which lies ..." describes a place, not an actor."""
    text = (
        "Gunmen attacked a convoy on Sunday, officials said. "
        "Police sent reinforcements to the village, which clashes near Shinkafi had cut off."
    )
    attacked = _mention(text, "attacked")
    clashes = _mention(text, "clashes", (("Shinkafi", "event"),))
    assert _located(text, [attacked, clashes], geocoder)[0] == "Shinkafi"


def test_a_country_in_a_relative_clause_is_no_story_country(geocoder: Geocoder) -> None:
    """ "The alliance, which the United States has designated a terrorist group": before,
    the only country named, it located the toll."""
    text = (
        "The toll from the assault has risen to eight dead. "
        "The alliance, which the United States has designated a terrorist group, did not "
        "comment."
    )
    (out,) = geocode_mentions(Article("d", "d.txt", text), [_mention(text, "assault")], geocoder)
    assert out.location is None
    named = text.replace("group, did", "group, said in Nigeria it did")
    (out,) = geocode_mentions(Article("d", "d.txt", named), [_mention(named, "assault")], geocoder)
    assert out.location is not None and out.location.iso == "NG"


def test_relative_clause_spans() -> None:
    text = "The group, which Chad accuses of raids, and Gatawa, which lies near Isa, said."
    places = [PlaceMention("Gatawa", text.index("Gatawa"), text.index("Gatawa") + 6)]
    spans = relative_clauses(text, 0, len(text), places)
    assert [text[a:b] for a, b in spans] == [", which Chad accuses of raids"]


def test_another_paragraph_is_still_out_of_reach(geocoder: Geocoder) -> None:
    """Paragraph breaks, where an article has them, still bound the fallback."""
    text = BACKGROUND.replace("said. The death", "said.\nThe death")
    killed = _mention(text, "killed", (("Tsafe", "event"),))
    risen = replace(_mention(text, "risen"), sentence_start=text.index("The death"))
    out = geocode_mentions(Article("d", "d.txt", text), [killed, risen], geocoder)
    assert out[1].location is not None and out[1].location.feature == "country"


def _town(name: str, iso: str) -> Place:
    return Place(name=name, latitude=0.0, longitude=0.0, feature="city", country=iso, iso=iso)


def test_a_namesake_abroad_yields_to_a_town_of_the_story() -> None:
    """A name read as a town abroad ranks after one in the story's country; without a
    story country the nearest town wins (near miss)."""
    text = "Gunmen raided Kelmora and Dovani villages, in the commune of Ostra, on Monday."
    mention = _mention(text, "raided", (("Kelmora", "event"), ("Dovani", "event")))
    resolved: dict[str, Place | Unresolved] = {
        "Kelmora": _town("Kelmora", "US"), "Dovani": _town("Dovani", "HT"),
    }  # fmt: skip
    paragraph = (0, len(text))
    chosen = choose_place(mention, text, [mention], resolved, paragraph, story_iso="HT")
    assert chosen is not None and chosen[0].name == "Dovani"
    chosen = choose_place(mention, text, [mention], resolved, paragraph)
    assert chosen is not None and chosen[0].name == "Kelmora"


def test_a_spelled_out_group_code_is_no_country(geocoder: Geocoder) -> None:
    """ "Front Populaire Rebelle (TCD)": a group's acronym that is also a country's code
    (Chad's) neither names nor dilutes the story's country."""
    text = (
        "A bomb killed two soldiers near Tsafe on Monday. Officials blamed the Tanko Calabar "
        "Defenders (TCD), who have not commented. TCD fighters are active in the area."
    )
    bomb = _mention(text, "bomb", (("Tsafe", "event"),), modality="historical")
    killed = _mention(text, "killed two")
    out = geocode_mentions(Article("d", "d.txt", text), [bomb, killed], geocoder)
    assert out[1].location is not None and out[1].location.iso == "NG"


def test_spelled_out_codes() -> None:
    text = "the Tanko Calabar Defenders (TCD) and the Democratic Republic of the Congo (COD)"
    named = [(text.index("Democratic"), text.index(" (COD)"))]
    assert spelled_out(text, named) == {"TCD"}
    assert spelled_out("troops from (TCD) said", []) == set()


def test_the_own_sentence_comes_before_earlier_ones(geocoder: Geocoder) -> None:
    """A mention without a place of its own takes the place of another mention of its own
    sentence before that of an earlier sentence (before: Tsafe, nearer the trigger)."""
    text = (
        "Police reported an attack on a convoy near Tsafe. Gunmen burned houses on Sunday "
        "night and later killed two herders at a watering point outside Maru, residents said."
    )
    attack = _mention(text, "attack", (("Tsafe", "event"),))
    burned = _mention(text, "burned")
    killed = _mention(text, "killed", (("Maru", "event"),))
    assert _located(text, [attack, burned, killed], geocoder) == ["Tsafe", "Maru", "Maru"]
