"""Simhash fingerprints: stable, close for near duplicates, far for different texts."""

from __future__ import annotations

import subprocess
import sys

import pytest

from eventscope.clean import hamming, simhash64

ARTICLE = (
    "A Russian missile struck a nine-storey apartment block in the north of Kharkiv early on "
    "Tuesday, killing three people and wounding at least twelve, the regional governor said. "
    "Rescue workers were still searching the rubble in the afternoon, and the death toll could "
    "rise, Governor Oleh Synehubov wrote on Telegram. The Ukrainian air force said the city was "
    "hit by an Iskander-M ballistic missile launched from the Belgorod region across the border. "
    "Russia's defence ministry did not comment on the strike. Kharkiv, Ukraine's second-largest "
    "city, lies about 30 km from the Russian border and has been shelled repeatedly since the "
    "full-scale invasion began in February 2022."
)
OTHER = (
    "Gunmen attacked a military convoy near the town of Mopti in central Mali on Sunday, the army "
    "said in a statement, adding that its soldiers had killed several assailants and seized "
    "weapons and motorbikes. No group claimed responsibility, but jihadists linked to al-Qaeda "
    "are active in the region and have repeatedly targeted the armed forces and civilians, "
    "while the ruling junta has turned to Russian mercenaries for support. Aid agencies say more "
    "than 375,000 people have been displaced by the violence across the centre of the country."
)


@pytest.mark.parametrize(
    "edited",
    [
        ARTICLE.replace("three people", "four people"),
        ARTICLE.replace("Tuesday", "Wednesday"),
        ARTICLE + " Read the full story on our website.",
        ARTICLE.replace(" early on Tuesday", ""),
    ],
)
def test_small_edit_gives_small_distance(edited: str) -> None:
    assert hamming(simhash64(ARTICLE), simhash64(edited)) <= 8


def test_different_texts_are_far_apart() -> None:
    assert hamming(simhash64(ARTICLE), simhash64(OTHER)) >= 20


@pytest.mark.parametrize(
    "variant",
    [ARTICLE.upper(), ARTICLE.replace(",", ""), "  ".join(ARTICLE.split()), ARTICLE + "\n\n"],
)
def test_case_punctuation_and_spacing_do_not_matter(variant: str) -> None:
    assert simhash64(variant) == simhash64(ARTICLE)


def test_stable_across_processes() -> None:
    # hash() would differ between interpreter runs (PYTHONHASHSEED); BLAKE2b must not.
    code = "from eventscope.clean import simhash64; import sys; print(simhash64(sys.argv[1]))"
    runs = {
        subprocess.run(
            [sys.executable, "-c", code, ARTICLE],
            capture_output=True,
            text=True,
            check=True,
            env={"PYTHONHASHSEED": seed},
        ).stdout.strip()
        for seed in ("1", "2")
    }
    assert runs == {str(simhash64(ARTICLE))}


def test_fits_in_64_bits_and_handles_short_texts() -> None:
    assert 0 <= simhash64(ARTICLE) < 2**64
    assert simhash64("") == 0
    assert simhash64("!!! ...") == 0
    assert simhash64("two words") != 0
    assert simhash64("two words") != simhash64("other words")


@pytest.mark.parametrize(
    ("a", "b", "distance"),
    [(0, 0, 0), (0b1011, 0b0001, 2), (0, 2**64 - 1, 64), (2**63, 0, 1)],
)
def test_hamming(a: int, b: int, distance: int) -> None:
    assert hamming(a, b) == distance == hamming(b, a)
