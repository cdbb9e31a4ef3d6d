"""Session 15: dates an event owns (held-out round 13). The sentences are made up.

* A possessive date after "since" ("have fled X since last Thursday's attack") dates the
  event it owns; "since" tells how long the leaving has lasted. Before, "since" phrases were
  never chosen and the attack, inside a "since" comparison, was background.
* "the weekend attack" (a weekend premodifying or owning an event noun) dates that event, as
  "over the weekend" does; before, a death's "overnight" dated the attack.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventscope.extract.date_relative import OWNED_WEEKEND_GUARDS, OWNED_WEEKEND_RULES
from eventscope.extract.dates import find_date_phrases
from eventscope.models import Mention

PUBLISHED = "2025-03-12"  # a Wednesday: last Thursday is 6 March, the weekend 8-9 March


def _by_trigger(mentions: list[Mention]) -> dict[str, Mention]:
    return {m.trigger: m for m in mentions}


@pytest.mark.parametrize(
    ("text", "trigger", "window"),
    [
        (
            "Thousands of villagers have fled Mangobo since last Thursday's attack by the ADF.",
            "attack",
            ("2025-03-06", "2025-03-06"),
        ),
        (
            "Dozens of families have left the area since Monday's deadly raid by Al-Shabaab.",
            "raid",
            ("2025-03-10", "2025-03-10"),
        ),
    ],
)
def test_a_possessive_date_after_since_dates_its_event(
    mentions_of: Callable[..., list[Mention]], text: str, trigger: str, window: tuple[str, str]
) -> None:
    mention = _by_trigger(mentions_of(text))[trigger]
    assert (mention.date_start, mention.date_end) == window
    assert mention.modality != "historical"


def test_since_without_a_possessive_still_dates_nothing(
    mentions_of: Callable[..., list[Mention]],
) -> None:
    # "the attack since Thursday" / "have fled since Thursday": a duration, not the event's day
    found = mentions_of("Thousands of villagers have fled since Thursday after the ADF attack.")
    assert all(m.date_start != "2025-03-06" for m in found), [
        (m.trigger, m.date_start) for m in found
    ]


def test_an_old_possessive_date_after_since_stays_background(
    mentions_of: Callable[..., list[Mention]],
) -> None:
    found = mentions_of(
        "It was the deadliest attack since last year's bombing of the market in Gao."
    )
    bombing = _by_trigger(found)["bombing"]
    assert bombing.modality == "historical"


def test_an_owned_date_after_since_dates_only_its_owner() -> None:
    phrases = find_date_phrases("have left Mangobo since last Thursday's attack", PUBLISHED)
    assert [(p.text, p.kind, p.owner_only) for p in phrases] == [("last Thursday", "weekday", True)]
    owned = find_date_phrases("have left Mangobo since Thursday's attack", PUBLISHED)
    assert [(p.text, p.kind, p.owner_only) for p in owned] == [("Thursday", "day", True)]
    plain = find_date_phrases("have left Mangobo since Thursday", PUBLISHED)
    assert [(p.kind, p.owner_only) for p in plain] == [("since", False)]


@pytest.mark.parametrize(
    "text",
    [
        "A second policeman died overnight in hospital from wounds sustained in the weekend "
        "attack by Al-Shabaab on a police station in Mandera.",
        "A second policeman died overnight from wounds sustained in the weekend's raid by "
        "Al-Shabaab on a police station in Mandera.",
    ],
)
def test_the_weekend_attack_is_dated_by_its_weekend(
    mentions_of: Callable[..., list[Mention]], text: str
) -> None:
    found = [m for m in mentions_of(text) if m.trigger in ("attack", "raid")]
    assert [(m.date_start, m.date_end) for m in found] == [("2025-03-08", "2025-03-09")]


@pytest.mark.parametrize(
    ("text", "dated"),
    [
        ("The weekend was calm in the capital.", False),
        ("The weekend edition of the paper carried the story.", False),
        ("Police said the weekend drone strikes on the port killed two.", True),
        ("Organisers said the weekend's violence left three dead.", True),
    ],
)
def test_the_weekend_dates_only_an_event_noun(text: str, dated: bool) -> None:
    phrases = find_date_phrases(text, PUBLISHED)
    assert bool(phrases) is dated, phrases


def test_the_owned_date_is_offered_to_its_owner_only(
    monkeypatch: pytest.MonkeyPatch, mentions_of: Callable[..., list[Mention]]
) -> None:
    # the protest runs "since" the strike: Saturday is the strike's day, not the protest's,
    # nor the killing's (a verb the date does not own); the article-level inheritance may
    # still lend it later, so this checks the sentence rule
    from eventscope.extract import mentions as module

    offered: dict[str, list[str]] = {}
    original = module.dates_in_scope

    def spy(*args: object) -> list[object]:
        found = original(*args)  # type: ignore[arg-type]
        offered[args[2].text] = [p.text for p in found]  # type: ignore[attr-defined]
        return found

    monkeypatch.setattr(module, "dates_in_scope", spy)
    found = mentions_of(
        "Students have protested in Goma every day since Saturday's air strike killed 12 people."
    )
    assert offered == {"protested": [], "air strike": ["Saturday"], "killed": []}
    strike = _by_trigger(found)["air strike"]
    assert (strike.date_start, strike.modality) == ("2025-03-08", "asserted")


def test_the_owned_weekend_rule_has_sound_guards() -> None:
    text = "POLICE SAID THE WEEKEND ATTACK KILLED TWO."
    for (pattern, _), guards in zip(OWNED_WEEKEND_RULES, OWNED_WEEKEND_GUARDS, strict=True):
        assert pattern.search(text)
        assert any(g in text.casefold() for g in guards)
    assert find_date_phrases(text, PUBLISHED) == find_date_phrases(text, PUBLISHED, guarded=False)
