"""Stopword- and script-based language identification."""

from __future__ import annotations

import pytest

from eventscope.clean import clean_document, detect_language, normalise_language
from eventscope.models import Article, RawDocument

SAMPLES = {
    "en": "Russian forces shelled the town overnight, and the governor said that at least three "
    "people were killed when a missile hit a residential building.",
    "fr": "Les forces russes ont bombardé la ville pendant la nuit et le gouverneur a déclaré "
    "qu'au moins trois personnes ont été tuées dans une frappe sur un immeuble.",
    "es": "Las fuerzas rusas bombardearon la ciudad durante la noche y el gobernador dijo que al "
    "menos tres personas murieron cuando un misil alcanzó un edificio residencial.",
    "pt": "As forças russas bombardearam a cidade durante a noite e o governador disse que pelo "
    "menos três pessoas morreram quando um míssil atingiu um prédio residencial.",
    "it": "Le forze russe hanno bombardato la città durante la notte e il governatore ha detto "
    "che almeno tre persone sono state uccise quando un missile ha colpito un edificio.",
    "de": "Russische Truppen haben die Stadt in der Nacht beschossen, und der Gouverneur sagte, "
    "dass mindestens drei Menschen getötet wurden, als eine Rakete ein Wohnhaus traf.",
    "nl": "Russische troepen hebben de stad in de nacht beschoten en de gouverneur zei dat er "
    "ten minste drie mensen zijn gedood toen een raket een woongebouw trof.",
    "ru": "Российские войска ночью обстреляли город, губернатор заявил, что по меньшей мере "
    "три человека погибли, когда ракета попала в жилой дом.",
    "uk": "Російські війська вночі обстріляли місто, губернатор заявив, що щонайменше троє "
    "людей загинули, коли ракета влучила в житловий будинок і зруйнувала його.",
    "ar": "قصفت القوات الروسية المدينة خلال الليل وقال الحاكم إن ثلاثة أشخاص على الأقل قتلوا "
    "عندما أصاب صاروخ مبنى سكنيا.",
    "fa": "نیروهای روسیه شب گذشته شهر را گلوله باران کردند و فرماندار گفت دست کم سه نفر کشته شدند.",
    "he": "כוחות רוסיים הפגיזו את העיר במהלך הלילה, והמושל אמר כי לפחות שלושה בני אדם נהרגו.",
    "zh": "俄罗斯军队夜间炮击了这座城市，州长说至少有三人在导弹击中一栋住宅楼时丧生。",
    "ja": "ロシア軍は夜間に市を砲撃し、知事によるとミサイルが住宅に命中して三人が死亡した。",
}


@pytest.mark.parametrize(("language", "text"), sorted(SAMPLES.items()))
def test_detects_language(language: str, text: str) -> None:
    assert detect_language(text) == language


@pytest.mark.parametrize(
    "text",
    ["", "Kharkiv", "Kyiv Odesa Lviv", "12 34 56 78 90 11 12", "OK!", "the war"],
)
def test_too_short_or_unclear_is_none(text: str) -> None:
    assert detect_language(text) is None


@pytest.mark.parametrize(
    ("tag", "expected"),
    [("en", "en"), ("EN-gb", "en"), ("fr_FR", "fr"), (" de ", "de"), ("", None), (None, None)],
)
def test_normalise_language(tag: str | None, expected: str | None) -> None:
    assert normalise_language(tag) == expected


def test_given_language_wins_over_detection() -> None:
    raw = SAMPLES["fr"].encode("utf-8")
    article = clean_document(RawDocument("d", "i", raw, "text", language="fr-CA"))
    assert isinstance(article, Article)
    assert article.language == "fr"


@pytest.mark.parametrize("language", ["en", "fr", "ru", "ar"])
def test_non_english_is_cleaned_not_skipped(language: str) -> None:
    article = clean_document(RawDocument("d", "i", SAMPLES[language].encode("utf-8"), "text"))
    assert isinstance(article, Article)
    assert article.language == language
