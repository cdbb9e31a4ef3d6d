"""Link rules revision 16 (session 15, held-out round 13): reports placed only by a name the
gazetteer lacks (resolve/unplaced.py). Before it, a report with no location linked only
within its own article, so every follow-up of a massacre in an unlisted village stayed an
event of its own. The names below are made up."""

from __future__ import annotations

from dataclasses import replace

from eventscope.models import Evidence, Mention
from eventscope.resolve import LinkRules
from eventscope.resolve.cluster import block_key, build_reports, cluster_mentions
from eventscope.resolve.compat import features
from eventscope.resolve.unplaced import place_key
from factories import mention, stub_place

RULES = LinkRules()


def _unknown(*names: str) -> tuple[Evidence, ...]:
    return tuple(Evidence("unresolved_place", 0, len(n), n) for n in names)


def _killing(doc: str, *names: str, start: int = 0, **kw: object) -> Mention:
    base = mention(
        doc, start, event_type="Violence against civilians", sub_event_type="Attack",
        actor1="", inter1=0, actor2="Civilians (Democratic Republic of Congo)", inter2=7,
        sentence="Rebels killed villagers in an overnight raid.", location=None,
        date_start="2026-01-12", date_end="2026-01-12", evidence=_unknown(*names),
    )  # fmt: skip
    return replace(base, **kw)  # type: ignore[arg-type]


def _events(*mentions: Mention) -> list[set[str]]:
    return sorted(({m.doc_id for m in c} for c in cluster_mentions(mentions, RULES)), key=len)


def test_two_unplaced_reports_of_one_unknown_village_link() -> None:
    assert _events(_killing("d1", "Kalembwe village"), _killing("d2", "Kalembwe")) == [{"d1", "d2"}]


def test_two_unplaced_reports_of_two_unknown_villages_stay_apart() -> None:
    events = _events(_killing("d1", "Kalembwe"), _killing("d2", "Mutongo"))
    assert events == [{"d1"}, {"d2"}]


def test_an_unplaced_report_without_names_stays_in_its_article() -> None:
    events = _events(_killing("d1"), _killing("d2", "Kalembwe"))
    assert events == [{"d1"}, {"d2"}]


def test_a_report_placed_by_its_province_keeps_its_country_block() -> None:
    # Moving it would part it from that province's reports that name no village.
    ituri = stub_place("Ituri", "CD", feature="admin1", precision=3)
    assert block_key(_killing("d1", "Kalembwe", location=ituri))[1] == "CD"


def test_one_letter_apart_is_one_place_only_in_longer_names() -> None:
    assert _events(_killing("d1", "Nyabiondo"), _killing("d2", "Nyabyondo")) == [{"d1", "d2"}]
    assert _events(_killing("d1", "Kamanyola"), _killing("d2", "Kamanyolo")) == [{"d1", "d2"}]
    assert _events(_killing("d1", "Meza"), _killing("d2", "Mesa")) == [{"d1"}, {"d2"}]
    assert _events(_killing("d1", "Kalembwe"), _killing("d2", "Kalumbwa")) == [{"d1"}, {"d2"}]


def test_an_unplaced_report_joins_a_placed_one_that_names_its_village() -> None:
    # The first report names the village and its province (or the town near it); the
    # follow-up names only the village. The reports keep their blocks and link across them.
    for place in (stub_place("Ituri", "CD", "admin1", 3), stub_place("Kasenyi", "CD", "city", 2)):
        first = _killing("d1", "Kalembwe", location=place)
        assert _events(first, _killing("d2", "Kalembwe village")) == [{"d1", "d2"}], place
        assert _events(first, _killing("d2", "Mutongo")) == [{"d1"}, {"d2"}], place


def test_a_report_placed_at_a_town_keeps_its_country_block() -> None:
    town = stub_place("Kasenyi", "CD")
    assert block_key(_killing("d1", "Kalembwe", location=town))[1] == "CD"


def test_other_dates_stay_apart_whatever_the_village() -> None:
    later = _killing("d2", "Kalembwe", date_start="2026-02-20", date_end="2026-02-20")
    assert _events(_killing("d1", "Kalembwe"), later) == [{"d1"}, {"d2"}]


def test_a_report_lead_carries_the_unknown_places_of_its_members() -> None:
    lead = _killing("d1", start=0)  # "Rebels killed ..." names no place itself
    member = _killing("d1", "Kalembwe village", start=40)
    ((report_lead, _),) = build_reports([lead, member], RULES)
    assert place_key("Kalembwe") in features(report_lead).unknown


def test_place_keys_fold_kind_words_and_possessives_but_not_areas() -> None:
    assert place_key("Kalembwe village") == place_key("Kalembwe")
    assert place_key("the Tumbalo forests") == place_key("Tumbalo")
    assert place_key("Maru district") != place_key("Maru")


def test_the_revision_says_the_rules_changed() -> None:
    assert LinkRules().revision >= 16


# -- review of revision 16 ------------------------------------------------------------------


def test_names_that_differ_by_a_digit_or_are_short_stay_two_places() -> None:
    assert _events(_killing("d1", "Kilometre 15"), _killing("d2", "Kilometre 16")) == [
        {"d1"},
        {"d2"},
    ]
    assert _events(_killing("d1", "Tudu"), _killing("d2", "Tudun")) == [{"d1"}, {"d2"}]


def test_a_possessor_or_an_institution_is_no_unknown_place() -> None:
    for a, b in (
        ("Ibrahim's", "Ibrahim's"),
        ("Government Secondary School", "Government Secondary School"),
        ("St Joseph Catholic Church", "St Joseph Catholic Church"),
    ):
        assert _events(_killing("d1", a), _killing("d2", b)) == [{"d1"}, {"d2"}], a
    assert place_key("Ibrahim's") == "" and place_key("Government Secondary School") == ""


def test_a_lead_does_not_take_the_place_of_a_member_on_other_days() -> None:
    # "Gunmen killed 12 on Sunday ... Last week gunmen killed 5 in Kalembwe": the week's
    # window holds the Sunday, so both are one report, but its village is not Sunday's.
    lead = _killing("d1", start=0)
    week = _killing("d1", "Kalembwe", start=40, date_start="2026-01-06", date_end="2026-01-12",
                    time_precision=2)  # fmt: skip
    reports = build_reports([lead, week], RULES)
    sunday = [r for r, _ in reports if r.date_start == r.date_end == "2026-01-12"]
    assert sunday and all(place_key("Kalembwe") not in features(r).unknown for r in sunday)
