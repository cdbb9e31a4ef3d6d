"""Demonyms that say who acts, not where: "Russian forces pressed toward Pokrovsk".

Conflict news names the attackers by their country's demonym ("Russian forces", "Turkish
jets", "the Russian defence ministry said") far more often than the place where they
strike lies in that country. Read as country evidence, such a demonym pulled Pokrovsk,
Donetsk, to its namesake in Yakutia, and made Russia the fallback location of "Russian jets
bombed <a village the gazetteer lacks>". A demonym followed by a military actor noun
therefore does not name a country of the story, nor does a country named as the one that
takes or strikes a place ("Russia claimed the capture of Pokrovsk", "Israel struck
Hodeidah"); every other demonym ("Russian villages", "a Syrian town") and every other
country name ("in Russia", "Nigeria said") still does.

Forces at home are the exception: "a Malian army patrol drove over a landmine south of
Gao" is a Mali story. Once the story's places are resolved, an actor's demonym whose
country holds one of them (``home``) names the story's country again. The first reading
of a document's toponyms (:func:`eventscope.geocode.document.resolve_document`) comes
before any place is known and passes none; the article's fallback location
(:func:`eventscope.geocode.mentions.geocode_mentions`) passes the countries of its
resolved places.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from eventscope.geocode.borders import beyond_border
from eventscope.geocode.countries import CountryMention

# An optional modifier ("government forces", "special forces", "air force"), then the
# actor noun. Only armed actors and the ministries that speak for them: "Russian
# officials" or "Syrian refugees" may well be where the story is.
_ACTOR = re.compile(
    r"[ \t]+(?:(?:government|regime|state|military|army|armed|special|air|ground|naval|"
    r"security|occupation)[ \t]+)?"
    r"(?:forces|force|troops|soldiers|army|military|jets|warplanes|aircraft|drones|"
    r"artillery|missiles?|rockets|shelling|strikes|airstrikes|bombers|tanks|mercenaries|"
    r"navy|marines|paratroopers|warships|defen[cs]e[ \t]+ministry|"
    r"ministry[ \t]+of[ \t]+defen[cs]e)\b",
    re.IGNORECASE,
)


# A country named as the one that takes a place or strikes it: "Russia claimed the capture
# of Pokrovsk", "Russia captured Avdiivka", "Israel struck Hodeidah". Only acts of force
# and claims of taking ground: "Nigeria said 20 were killed in Kuriga" may well be at home.
_ACTS = re.compile(
    r"[ \t]+(?:(?:has|have|had)[ \t]+)?(?:claimed[ \t]+(?:the[ \t]+)?(?:capture|control|"
    r"seizure|liberation|fall)|captured|seized|took[ \t]+control|struck|bombed|shelled|"
    r"attacked|invaded|occupied|launched[ \t]+(?:an?[ \t]+)?(?:air|drone|missile|"
    r"ground|military)?)\b",
    re.IGNORECASE,
)


# Session 17: other demonyms conjoined before the actor noun ("Rwandan and Mozambican
# forces", "Malian, Burkinabe and Nigerien troops") share it.
_CONJOINED = re.compile(
    r"(?:(?:[ \t]*,(?:[ \t]+and)?|[ \t]+and)[ \t]+[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*)?)*"
)  # "Russian and North Korean troops" (review)


def names_an_actor(text: str, mention: CountryMention) -> bool:
    """Is ``mention`` a demonym that modifies an armed actor ("Russian forces"), or a
    country named as the one that takes or strikes a place ("Russia captured ...")?"""
    if mention.demonym:
        after = _CONJOINED.match(text, mention.end)
        return _ACTOR.match(text, after.end() if after else mention.end) is not None
    return _ACTS.match(text, mention.end) is not None


def located_countries(
    text: str, mentions: Iterable[CountryMention], home: Iterable[str] = ()
) -> list[CountryMention]:
    """The mentions that say where the story is: all but the actors' demonyms, except
    those of forces at home, whose country (ISO) is among ``home``, the countries the
    story's own places lie in."""
    at_home = frozenset(home)
    # "near the border with Turkey": the country the story's places face, not hold
    mentions = [m for m in mentions if not beyond_border(text, m.start)]
    return [m for m in mentions if m.iso in at_home or not names_an_actor(text, m)]
