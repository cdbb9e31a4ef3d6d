"""Synthetic conflict-news sentences (tests/data/geo_conflict_cases.jsonl, written from
public knowledge, each with a source note): Syrian, Sudanese, Malian and Ukrainian towns
under their transliteration variants, villages the gazetteer lacks, and namesakes abroad.

Each case names one toponym, its country, and the precision expected for it (1 town,
3 province) or "unresolved" when the place itself is not in the gazetteer: then an
honest answer is no answer, or a coarser one (precision 2 or 3) in the right country,
never a point abroad or a precise point. The document's other toponyms (``others``)
give the story's context, as the pipeline's recognition would. Floors are pinned
below the measured values (round 7: all 44 known places in the right country and at
the expected precision, 11 of 11 unknown places answered honestly; the round-6 code
read 44, 43 and 6 of 11: Tawila in Yemen, Moura in Portugal, Hatla as Hatta, India).

Round 9 adds a second, harder set (tests/data/geo_conflict_cases_round9.jsonl, 98 cases):
Syrian, Iraqi, Yemeni, Sudanese, Sahelian, Ukrainian, Burmese, Congolese, Somali and
Lebanese places under their transliteration variants, the attackers' demonym in the
same sentence ("Russian forces pressed toward Pokrovsk"), region-only names ("the Idlib
countryside", "southern Deir ez-Zor") and villages whose name is a town abroad (Solhan,
Burkina Faso, against Solhan, Turkey; Yaroun, Lebanon, against Yarun, Ukraine). The
round-8 code read 77 of its 83 known places right and 15 of 15 unknown ones honestly;
round 9 reads 81 of 83 (left: "Gulyaipole", a g/h spelling the rules do not fold, and a
bare "Ras al-Ain" read as the Moroccan town of that exact spelling) and 15 of 15. Each
set's floors are pinned at its measured values.

Round 10 adds a third set (tests/data/geo_conflict_cases_round10.jsonl, 110 cases):
villages and towns of Deir ez-Zor, Idlib, the Aleppo countryside, Daraa and Hasakah,
Marib, Hodeidah and Taiz, Darfur, Kordofan and Gezira, the Kharkiv, Donetsk and
Zaporizhzhia fronts, Mali, Burkina Faso and Niger, Gaza and the West Bank, Myanmar,
North Kivu and Ituri, and Somalia, under their spelling variants (Busaira, Ashara,
Kafr Nabl, Daret Azza, Jassim, Sanamein, Derik, Khokha, Turba, Ed Daein, En Nahud,
Krasnogorovka, Orekhov, Energodar, Dimitrov, Balakleya, Tulkarem, Haka, Merca, ...),
with namesakes abroad (Dhiban in Jordan, Derik in Turkey, Turba in Estonia, Kas in
Turkey, Pale in Bosnia, Boni and Ber as alternate names of Bonn and Veroia, Mambasa of
Mombasa) and 28 places the gazetteer lacks or cannot single out (Gharanij, Sarmada,
Atmeh, Wad al-Noura, Tinzaouaten, Inates, Pazigyi, Masafer Yatta, al-Mawasi, Bunagana,
a bare "Andriivka", ...). The round-9 code read 80 of 82 known places in the right
country (Salif as Chlef, Algeria; Konstantinovka left ambiguous with its Russian
namesake), 80 at the expected precision, and 25 of 28 unknown ones honestly (Boni, Ber,
Pale); Oicha was read as its territory (precision 2); round 10 reads 81, 81 and 27
of 28 (left: Konstantinovka, and Boni, read as Bonn).

Round 11 adds a fourth set (tests/data/geo_conflict_cases_round11.jsonl, 80 cases): wire
copy (capitalised datelines, "the Ukrainian capital, Kyiv", "Beirut's southern suburbs",
"the outskirts of", "on the road between X and Y", "the X-Y highway", "near the border
with"), transliterations (Tall Rif'at, Maarat al-Numan, Bab, Dayr Hafir, Kupyansk,
Artemivsk, Baydhabo, Beled Weyne), country- and region-level reports ("across northern
Syria", "eastern DRC", "the Hama countryside", "the Gao region", "Kherson oblast"),
namesakes (Tripoli, Sur, Homs, Raqqa, Gao, Kherson, Ras al-Ayn) and 21 villages the
gazetteer lacks or cannot single out. The round-10 code read 57 of 59 known places in the
right country, 51 at the right precision and 20 of 21 unknown ones honestly (three cases,
GAO, Ras al-Ayn and Léré, were written after a probe had found their fault); round 11
reads 59, 59 and 21.

Round 12 adds a fifth set, held out (tests/data/geo_conflict_cases_round12.jsonl, 78
cases, written before any round-12 code change): Syrian villages and small towns of the
Idlib, Hama, Aleppo, Raqqa, Deir ez-Zor, Hasakah, Daraa, Quneitra, Suwayda, Homs,
Latakia and Rif Dimashq countrysides under the press's spellings (Kfar / Kafr, Tell,
Ayn / Ain, Dayr, Ma'arrat with an ayn mark, -iyah, Kurdish Dêrik, Qamişlo, Girê Spî),
datelines, bearings ("Adra, northeast of Damascus"), and twins abroad (Nawa, Côte
d'Ivoire; Izra, Jordan; Madaya, Myanmar; al-Sukhnah, Yemen; Saida as Sidon; Arbin,
France; Ruhaybah as a name of Rehovot, Israel), with 22 places the gazetteer lacks or
cannot single out. The round-11 code read 54 of 56 known places in the right country
(Kfar Takharim: no candidate; Ruhaybah as Rehovot), 55 at the right precision and 20 of
22 unknown ones honestly (Adra as Daraa; Arbin in France); round 12 reads 56, 56 and 22,
pinned at those values.

Round 13 adds a sixth set, held out (tests/data/geo_conflict_cases_round13.jsonl, 80
cases, written and first run before any round-13 code change) outside Syria: the Ukraine
front and Russia's Kursk and Belgorod oblasts under Ukrainian and Russian spellings
(Volchansk, Dzerzhinsk, Mirnograd, Gulyai-Pole, Graivoron), Sudan (Um Kadada, El Fula,
Damazin, Managil, Sennar town and state), the Sahel (Diapaga, Kaya, Kati, Bourem,
Anderamboukane), Somalia (Lower and Middle Shabelle, Jowhar, Bulo Burte, El Bur / Ceel
Buur, Qoryoley), Pakistan's Khyber Pakhtunkhwa and Balochistan with colon datelines
("MIRANSHAH: Five soldiers ..."), Yemen, Myanmar (Karenni State, Ann, Buthidaung),
eastern DRC, Nigeria, Cabo Delgado, Gaza, the West Bank and southern Lebanon, with 22
places the gazetteer lacks or cannot single out (Mir Ali, Tirah, Palma, Baga, Muse,
Houla, Shebaa, Balad in Somalia, Tamou, ...). The round-12 code read 52 of 58 known
places in the right country, 48 at the right precision and 19 of 22 unknown ones
honestly; round 13 reads 57, 55 and 19 (left: Qoryoley and Noshki, vowel spellings the
rules do not fold; Gulyai-Pole, a g/h spelling; Tirah read as Tehran, Baga as Bagà,
Spain, and Palma, Mozambique, as Palma de Mallorca), pinned at those values (round 14's
respellings read Qoryoley and Noshki for a while; they were withdrawn after a review,
see docs/geocoding.md).

Round 14 adds a seventh set, held out (tests/data/geo_conflict_cases_round14.jsonl, 84
cases, written and first run before any round-14 code change): Afghanistan (Helmand,
Kandahar, Nangarhar, Panjshir), Iraq (Nineveh, Diyala, Kirkuk, Anbar: "Tel Afar",
"Baquba", "Hit"), Libya ("SIRTE, Libya (Reuters) -", Tarhuna, Gharyan, Murzuq), Ethiopia
(Gondar, Shire, Axum, Adwa, Kobo, Weldiya, Mekele, "the Amhara region"), Cameroon's
Anglophone regions, Burkina Faso's east, Chad, the Central African Republic, South
Sudan (Malakal, namesake Malakal, Palau), Haiti's communes (Cabaret, Petion-Ville),
Colombia (Argelia, Cauca, Spanish for Algeria; Arauca department), Mexico (Culiacan,
Zamora, Frontera Comalapa), Myanmar's Chin and Kachin States, the Philippines and
Manipur (Moreh beside "Myanmar"), with 16 places the gazetteer lacks or cannot single
out (Kocho, Mai Kadra, Dengolat, Ngarbuh, Seytenga, Kantchari, Bohoma, Nasir, Pont-Sonde,
Catatumbo, El Plateado, Laiza, Mindat, Maguindanao, Shariff Aguak, Shire). The round-13
code read 68 of 68 known places in the right country, 67 at the right precision ("Arauca,
Colombia's eastern oil department" read as the town) and 15 of 16 unknown ones honestly
(Nasir, South Sudan, read as an alternate name of Nasir Extension, Khartoum, 0.465);
round 14 reads the same, pinned at those values."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from eventscope.geocode import Gazetteer, Geocoder
from eventscope.geocode.document import resolve_document
from eventscope.models import Place

DATA = Path(__file__).resolve().parents[1] / "data"
FLOOR = 0.35  # the pipeline's geocode.min_confidence


@dataclass(frozen=True)
class Floors:
    right_country: float  # of the cases with an expected precision
    right_precision: float
    honest: float  # of the "unresolved" cases: not a confident wrong answer
    min_cases: int
    min_unknown: int


SETS = {
    "geo_conflict_cases.jsonl": Floors(0.95, 0.9, 0.9, 50, 10),
    # round 9, pinned at the measured 81/83, 81/83 and 15/15 (80/83 would fail). Session 14:
    # Jindires relabelled from unresolved to Jindayris (precision 1), which the skeleton
    # reading finds, so 14 unknown cases remain (min_unknown 15 -> 14, for that reason only)
    "geo_conflict_cases_round9.jsonl": Floors(0.975, 0.975, 1.0, 95, 14),
    # round 10, pinned at the measured 81/82, 81/82 and 27/28 (one fewer of each fails)
    "geo_conflict_cases_round10.jsonl": Floors(0.98, 0.98, 0.96, 105, 28),
    # round 11, measured 59/59, 59/59 and 21/21; pinned so that one miss of each passes
    "geo_conflict_cases_round11.jsonl": Floors(0.98, 0.98, 0.95, 75, 20),
    # round 12, held out: first run 54/56, 55/56, 20/22; measured 56/56, 56/56 and 22/22
    "geo_conflict_cases_round12.jsonl": Floors(1.0, 1.0, 1.0, 75, 20),
    # round 13, held out: first run 52/58, 48/58, 19/22; measured 57/58, 55/58 and 19/22
    # (56/58, 54/58 or 18/22 fails; round 14's respellings read 58/58, 57/58 until they
    # were withdrawn after a review)
    "geo_conflict_cases_round13.jsonl": Floors(0.98, 0.945, 0.86, 75, 20),
    # round 14, held out: first run and measured 68/68, 67/68 and 15/16 (67/68, 66/68 or
    # 14/16 fails). Session 13 review (2026-11-23): "Khenj district" relabelled to 2 (one
    # policy with "Achin district", ACLED's district centre at precision 2); the code
    # still reads the town (1), so 66/68 is measured and pinned (65/68 fails)
    "geo_conflict_cases_round14.jsonl": Floors(1.0, 0.97, 0.93, 80, 16),
}


def _cases(name: str) -> list[dict]:
    text = (DATA / name).read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines()]


def _spans(text: str, names: list[str]) -> list[tuple[int, int]]:
    found = {
        (m.start(), m.end())
        for name in names
        for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text)
    }
    return sorted(found)


def _answer(case: dict, geocoder: Geocoder) -> Place | None:
    """The pipeline's answer for the case's toponym (its first mention), or None."""
    text = case["text"]
    spans = _spans(text, [case["toponym"], *case["others"]])
    answers = resolve_document(text, spans, geocoder)
    first = next(i for i, (s, e) in enumerate(spans) if text[s:e] == case["toponym"])
    answer = answers[first]
    return answer if isinstance(answer, Place) and answer.confidence >= FLOOR else None


@pytest.mark.parametrize("name", SETS)
def test_the_cases_are_well_formed(name: str) -> None:
    cases = _cases(name)
    assert len(cases) >= SETS[name].min_cases
    for case in cases:
        assert set(case) == {"text", "toponym", "country", "precision", "others", "note"}
        assert case["precision"] in (1, 2, 3, "unresolved") and case["note"]
        for name_ in (case["toponym"], *case["others"]):
            assert name_ in case["text"], (name_, case["text"])


@pytest.fixture(scope="module")
def results(gazetteer: Gazetteer) -> dict[str, list[tuple[dict, Place | None]]]:
    geocoder = Geocoder(gazetteer, min_confidence=FLOOR)
    return {name: [(c, _answer(c, geocoder)) for c in _cases(name)] for name in SETS}


@pytest.mark.parametrize("name", SETS)
def test_known_places_land_in_the_right_country_at_the_right_precision(
    name: str, results: dict[str, list[tuple[dict, Place | None]]]
) -> None:
    known = [(c, a) for c, a in results[name] if c["precision"] != "unresolved"]
    country = [a is not None and a.iso == c["country"] for c, a in known]
    precision = [a is not None and a.geo_precision == c["precision"] for c, a in known]
    misses = [c["toponym"] for (c, _), ok in zip(known, country, strict=True) if not ok]
    report = f"{sum(country)}/{len(known)} right country, {sum(precision)} right precision"
    assert sum(country) / len(known) >= SETS[name].right_country, (report, misses)
    assert sum(precision) / len(known) >= SETS[name].right_precision, report


@pytest.mark.parametrize("name", SETS)
def test_unknown_places_are_never_confidently_wrong(
    name: str, results: dict[str, list[tuple[dict, Place | None]]]
) -> None:
    unknown = [(c, a) for c, a in results[name] if c["precision"] == "unresolved"]
    honest = [a is None or (a.iso == c["country"] and a.geo_precision >= 2) for c, a in unknown]
    wrong = [c["toponym"] for (c, _), ok in zip(unknown, honest, strict=True) if not ok]
    assert len(unknown) >= SETS[name].min_unknown
    report = f"{sum(honest)}/{len(unknown)} unknown places answered honestly"
    assert sum(honest) / len(unknown) >= SETS[name].honest, (report, wrong)
