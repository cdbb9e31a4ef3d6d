"""Session 14 review of dcf7e09 (docs/extraction.md, "Session 14 review fixes"): a future cue
read across a clause boundary, "will" the noun, "may" the month, negated or distant disputing
verbs, and initials that lost "Al" or a bracketed name. Each test failed with dcf7e09; the
sentences are made up for the purpose."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventscope.extract.dates import find_date_phrases
from eventscope.models import Mention
from factories import by_trigger

MentionsOf = Callable[..., list[Mention]]
PUBLISHED = "2026-07-15"  # a Wednesday: the weekend before is 07-11/12, the next 07-18/19
PAST = ("2026-07-11", "2026-07-12")
COMING = ("2026-07-18", "2026-07-19")


def _weekend(text: str) -> tuple[str | None, str | None]:
    """The window the text's "over the weekend" resolves to."""
    found = [p for p in find_date_phrases(text, PUBLISHED) if "weekend" in p.text]
    assert len(found) == 1, found
    return found[0].date_start, found[0].date_end


# -- a future cue ends with its clause ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        (
            "Schools will reopen on Monday, although gunmen killed three teachers in Kaduna "
            "over the weekend.",
            "killed",
        ),
        (
            "Ukraine will retaliate, Zelensky vowed on Monday, as Russian drones pounded "
            "Kharkiv over the weekend.",
            "pounded",
        ),
        (
            "The UN will send investigators to Beni, where gunmen killed 12 civilians over the "
            "weekend.",
            "killed",
        ),
        (
            "Talks will resume in Doha on Friday, and M23 rebels attacked Goma over the weekend.",
            "attacked",
        ),
        (
            "Voting will go ahead as planned, despite militants killing 12 soldiers in "
            "Tillaberi over the weekend.",
            "killing",
        ),
    ],
)
def test_a_future_cue_does_not_date_the_next_clause(
    mentions_of: MentionsOf, text: str, trigger: str
) -> None:
    found = by_trigger(mentions_of(text, PUBLISHED), trigger)
    assert (found.date_start, found.date_end) == PAST


def test_following_opens_a_clause_of_its_own() -> None:
    text = (
        "The army will deploy more troops to Beni, following ADF attacks on three villages "
        "over the weekend."
    )
    assert _weekend(text) == PAST


@pytest.mark.parametrize(
    "text",
    [
        "The rebels, many of whom may be foreign fighters, attacked the base over the weekend.",
        "Beni, where the army will deploy more troops, was attacked by ADF fighters over the "
        "weekend.",
        "The rebels - who will hold talks on Friday - attacked the base over the weekend.",
        "The rebels (who will hold talks on Friday) attacked the base over the weekend.",
    ],
)
def test_a_cue_in_a_closed_relative_clause_does_not_date_the_main_clause(text: str) -> None:
    assert _weekend(text) == PAST


@pytest.mark.parametrize(
    "text",
    [
        "According to the army, the rebels who control the hills will attack Beni, Butembo "
        "and Goma over the weekend.",
        "On Monday, it was unclear who was behind the killings. Rebels will attack Beni, "
        "Butembo and Goma over the weekend, the army warned.",
        "Intelligence officials said the ADF, which plans to attack Beni, Butembo and Oicha "
        "over the weekend, has moved fighters north.",
        "Rebels will attack Beni, Butembo, and Goma over the weekend.",
    ],
)
def test_a_relative_clause_elsewhere_keeps_the_coming_weekend(text: str) -> None:
    assert _weekend(text) == COMING


def test_a_planned_attack_after_an_earlier_sentence_is_the_coming_weekend(
    mentions_of: MentionsOf,
) -> None:
    found = mentions_of(
        "On Monday, it was unclear who was behind the killings. Rebels will attack Beni, "
        "Butembo and Goma over the weekend, the army warned.",
        PUBLISHED,
    )
    attack = by_trigger(found, "attack")
    assert (attack.date_start, attack.date_end) == COMING


# -- "will" the noun, "may" the modal ------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Fighters loyal to the people's will attacked army posts in Sagaing over the weekend.",
        "Russia tried to break Ukraine's will with a barrage of drones on Kyiv over the weekend.",
        "The junta is imposing its will on Sagaing and soldiers torched villages there over "
        "the weekend.",
        "Militias acting against the will of the government attacked Ngouboua over the weekend.",
    ],
)
def test_will_the_noun_is_no_future(text: str) -> None:
    assert _weekend(text) == PAST


def test_the_modal_may_after_the_weekend_is_no_month(mentions_of: MentionsOf) -> None:
    found = mentions_of(
        "Gunmen killed 40 villagers over the weekend, 12 may have been children, officials said.",
        PUBLISHED,
    )
    killed = by_trigger(found, "killed")
    assert (killed.date_start, killed.date_end, killed.time_precision) == (*PAST, 2)


# -- a disputing verb is not negated and governs its own complement ------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Rebels killed five in Beni on Monday, and the army did not deny that reports of an "
        "attack on Butembo were accurate.",
        "Rebels killed five in Beni on Monday, and the army denied failing to act on reports "
        "of an attack on Butembo.",
    ],
)
def test_a_negated_or_distant_disputing_verb_keeps_the_report(
    mentions_of: MentionsOf, text: str
) -> None:
    found = mentions_of(text, PUBLISHED)
    assert any(m.trigger == "attack" for m in found), [m.trigger for m in found]


# -- initials -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "initials"),
    [
        ("Al Qaeda in the Arabian Peninsula", "AQAP"),
        ("Al-Shabaab", "AS"),
        ("Military Forces of Sudan (2019-)", "MFS"),
        ("Islamic State (Syria)", "IS"),
        ("Hay’at Tahrir al-Sham", "HTS"),
    ],
)
def test_initials_keep_capital_link_words_and_drop_brackets(name: str, initials: str) -> None:
    from eventscope.extract.actor_phrases import _initials

    assert _initials(name) == initials


def test_shared_acronyms_of_the_shipped_lexicon_are_unchanged() -> None:
    from eventscope.extract.actor_phrases import shared_acronyms
    from eventscope.extract.lexicon import load_lexicon

    assert shared_acronyms(load_lexicon().actors) == frozenset({"ADF"})


# -- a range of days names both days ---------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Rebels attacked the town over the weekend, 4 and 5 July, killing three.",
        "Rebels attacked the town over the weekend, 4-5 July, killing three.",
        "Rebels attacked the town over the weekend, July 4-5, killing three.",
        "Rebels attacked the town over the weekend, 4th-5th July, killing three.",
        "Rebels attacked the town over the weekend (4-5 July), killing three.",
        "Rebels attacked the town over the weekend, on 4-5 July, killing three.",
        "Rebels attacked the town over the weekend, 4 to 5 July, killing three.",
    ],
)
def test_a_weekend_named_by_a_range_of_days_is_both_days(
    mentions_of: MentionsOf, text: str
) -> None:
    attacked = by_trigger(mentions_of(text, PUBLISHED), "attacked")
    assert (attacked.date_start, attacked.date_end) == ("2026-07-04", "2026-07-05")


@pytest.mark.parametrize(
    ("text", "window"),
    [
        ("Clashes on 4-5 July 2025 killed nine.", ("2025-07-04", "2025-07-05")),
        # Two days named, not the days between: the last day's own rule, as before.
        ("Clashes on 1 and 15 May killed nine.", ("2026-05-15", "2026-05-15")),
        # A night of two days keeps its own rule and day precision.
        ("Drones attacked Dnipro on the night of 3-4 May.", ("2026-05-03", "2026-05-04")),
    ],
)
def test_a_range_of_days_reaches_only_as_far_as_a_week(text: str, window: tuple[str, str]) -> None:
    [phrase] = find_date_phrases(text, PUBLISHED)
    assert (phrase.date_start, phrase.date_end) == window
