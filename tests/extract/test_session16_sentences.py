"""Session 16: no parser sentence break in the middle of a name (:mod:`break_guard`).

The small parser started sentences inside names with no punctuation before them ("... in Mee |
Wa village, ..."), cutting the event's place, date and attribution off its trigger. A step
before the parser now forbids a sentence start unless sentence-final punctuation, a dash, a
line break or a capitalized function word ("The", "He") comes right before it.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from eventscope.extract.break_guard import (
    COMPONENT,
    MAX_RUN,
    add_break_guard,
    break_guard,
    ends_sentence,
)
from eventscope.extract.segment import never_ends_sentence, rule_sentences
from eventscope.models import Mention

CHECKPOINT = (
    "Fighters attacked a checkpoint in Mee Wa village, Kyaukpyu township, on Saturday "
    "morning, villagers said."
)
OFFICER = (
    "Gunmen shot dead Assistant Sub Inspector (ASI) Karim Dad near a mosque in Mardan on Monday."
)
NAME_BREAKS = [
    (CHECKPOINT, "Wa"),
    (OFFICER, "Karim"),
    ("The military bombed a monastery in Oke Wa village, Taungup township, on Sunday.", "Wa"),
]


def _tagged(nlp: Language, text: str) -> Doc:
    """``text`` run through the pipeline up to (not including) the guard: tokens and tags."""
    doc = nlp.make_doc(text)
    for name, proc in nlp.pipeline:
        if name in (COMPONENT, "parser"):
            break
        doc = proc(doc)
    return doc


def _starts(nlp: Language, text: str) -> dict[str, bool | None]:
    """Each word's preset sentence start after the guard (the first occurrence of a word)."""
    doc = break_guard(_tagged(nlp, text))
    found: dict[str, bool | None] = {}
    for token in doc:
        found.setdefault(token.text, token.is_sent_start)
    return found


# -- the pipeline -------------------------------------------------------------------------------


def test_the_guard_runs_right_before_the_parser(nlp: Language) -> None:
    names = nlp.pipe_names
    assert names.index(COMPONENT) == names.index("parser") - 1
    add_break_guard(nlp)  # a second call adds nothing
    assert nlp.pipe_names == names


def test_a_pipeline_without_a_parser_is_left_alone() -> None:
    blank = spacy.blank("en")
    add_break_guard(blank)
    assert blank.pipe_names == []


@pytest.mark.parametrize(("text", "word"), NAME_BREAKS)
def test_the_bare_parser_starts_a_sentence_inside_the_name(
    nlp: Language, text: str, word: str
) -> None:
    # The reason for the guard: if the model ever stops doing this, the guard may go.
    with nlp.select_pipes(disable=[n for n in nlp.pipe_names if n == COMPONENT]):
        doc = nlp(text)
    assert any(s[0].text == word for s in doc.sents)


@pytest.mark.parametrize(("text", "word"), NAME_BREAKS)
def test_with_the_guard_the_sentence_stays_whole(nlp: Language, text: str, word: str) -> None:
    assert [s.text for s in nlp(text).sents] == [text]


def test_the_event_keeps_its_place_date_and_source(
    only_mention: Callable[..., Mention],
) -> None:
    found = only_mention(CHECKPOINT)
    assert found.date_start == "2025-03-08"
    assert "Mee Wa village" in [p.text for p in found.places]
    assert found.attribution == "villagers"


def test_the_officer_killing_keeps_its_place_and_date(
    only_mention: Callable[..., Mention],
) -> None:
    found = only_mention(OFFICER)
    assert found.date_start == "2025-03-10"
    assert "Mardan" in [p.text for p in found.places]


def test_two_real_sentences_still_split(mentions_of: Callable[..., list[Mention]]) -> None:
    text = "Rebels shelled Dalmo on Friday. Troops attacked Bessu on Sunday, residents said."
    found = mentions_of(text)
    assert [(m.sentence_start, m.date_start) for m in found] == [
        (0, "2025-03-07"),
        (text.index("Troops"), "2025-03-09"),
    ]


# -- what may precede a sentence start ----------------------------------------------------------


def test_full_stops_question_marks_and_ellipses_allow_a_break(nlp: Language) -> None:
    starts = _starts(nlp, "Rebels took Dalmo. Villagers fled? Nobody knows… Then shells fell...")
    assert starts["Villagers"] is None and starts["Nobody"] is None
    assert starts["Then"] is None
    assert starts["took"] is False and starts["Dalmo"] is False


def test_a_closing_quote_after_a_full_stop_allows_a_break(nlp: Language) -> None:
    starts = _starts(nlp, 'A farmer said "we left at dawn." Troops came later.')
    assert starts["Troops"] is None
    assert starts['"'] is False  # the opening quote, after "said": no break before it


def test_titles_and_initials_never_end_a_sentence(nlp: Language) -> None:
    starts = _starts(nlp, "Troops loyal to Gen. Musa Odi and J. Kamau Tole left.")
    assert starts["Musa"] is False and starts["Kamau"] is False


def test_other_abbreviations_and_numbers_leave_the_choice_to_the_parser(nlp: Language) -> None:
    # Near miss: "U.S." and "Inc." may well end a sentence.
    starts = _starts(nlp, "Aid came from the U.S. Officials said Brixa Inc. Workers left.")
    assert starts["Officials"] is None and starts["Workers"] is None
    assert _starts(nlp, "A 4.5 Tonne truck exploded.")["Tonne"] is False


def test_colons_and_semicolons_do_not_end_a_sentence(nlp: Language) -> None:
    starts = _starts(nlp, "Witnesses said: Soldiers fired first; Rebels fled to Ombu.")
    assert starts["Soldiers"] is False and starts["Rebels"] is False


@pytest.mark.parametrize(
    "dateline",
    ["JUBARA, May 3 (Reuters) --", "JUBARA, May 3 (Nile Wire) -", "JUBARA (AP) —", "JUBARA:"],
)
def test_the_end_of_a_dateline_allows_a_break(nlp: Language, dateline: str) -> None:
    starts = _starts(nlp, dateline + " Gunmen attacked a convoy near Lopa.")
    assert starts["Gunmen"] is None


def test_a_hyphen_inside_a_word_or_a_lower_case_colon_is_no_dateline(nlp: Language) -> None:
    starts = _starts(nlp, "A pick-up Truck hit a mine; the driver said: Nobody was hurt.")
    assert starts["Truck"] is False and starts["Nobody"] is False


def test_a_line_break_allows_a_break(nlp: Language) -> None:
    starts = _starts(nlp, "Five die in Bessu ambush\nGunmen raided the town on Monday.")
    assert starts["Gunmen"] is None and starts["ambush"] is False


def test_a_capitalized_function_word_may_open_a_sentence_without_a_full_stop(
    nlp: Language,
) -> None:
    # Some sources lose their full stops: "... reports the Lakeside Herald The victims ..."
    text = "Two men died in Tarvo reports the Lakeside Herald The victims were farmers."
    assert _starts(nlp, text)["The"] is None


def test_a_one_letter_word_is_part_of_a_name(nlp: Language) -> None:
    # Near miss of the function-word rule: "Block A", "Phase I" belong to the name before.
    starts = _starts(nlp, "Gunmen fired at them in Block A area and in Phase I market.")
    assert starts["A"] is False and starts["I"] is False


def test_preset_starts_are_kept_and_none_is_added(nlp: Language) -> None:
    doc = _tagged(nlp, "Gunmen fired at them in Lopa market on Monday")
    doc[5].is_sent_start = True  # as gated.py presets the first word of a sentence
    break_guard(doc)
    assert [t.i for t in doc if t.is_sent_start] == [0, 5]
    assert all(t.is_sent_start is False for t in doc[1:5])


def test_an_overlong_unpunctuated_run_is_left_to_the_parser(nlp: Language) -> None:
    words = " ".join(["Share", "Subscribe", "Follow", "Comment"] * (MAX_RUN // 4 + 2))
    doc = break_guard(_tagged(nlp, words))
    assert all(t.is_sent_start is None for t in doc[1:])


def test_ends_sentence_reads_through_closing_brackets(nlp: Language) -> None:
    doc = _tagged(nlp, "They fled (to Ombu.) Rain fell.")
    assert ends_sentence(doc[5])  # ")" after "."
    assert not ends_sentence(doc[2])  # "("


# -- the rule splitter --------------------------------------------------------------------------


def test_never_ends_sentence_words() -> None:
    assert never_ends_sentence("Gen") and never_ends_sentence("J") and never_ends_sentence("Oct")
    assert not never_ends_sentence("etc") and not never_ends_sentence("Inc")
    assert not never_ends_sentence("5") and not never_ends_sentence("Dalmo")


def test_the_rule_splitter_keeps_plural_titles_with_their_names() -> None:
    text = "U.S. Sens. Ada Holt and Ben Ruiz objected. Pvt. Joy Wen of Sault Ste. Marie agreed."
    spans = [text[s:e] for s, e in rule_sentences(text)]
    assert spans == [
        "U.S. Sens. Ada Holt and Ben Ruiz objected.",
        "Pvt. Joy Wen of Sault Ste. Marie agreed.",
    ]


def test_the_rule_splitter_still_splits_after_a_similar_word() -> None:
    # Near miss: "Senna" and "Stevens" are names, not abbreviations.
    text = "Troops left Senna. Residents returned to Stevens. Shops opened."
    assert len(rule_sentences(text)) == 3
