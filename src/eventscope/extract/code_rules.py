"""Trigger rules that ship with the extract code, merged after the bundled data files.

They have the shape of a ``rules`` entry of data/triggers.json (and could move there), but each
needs a parse check in code before it yields an event, so they live beside that check:

* ``protest-action`` (:mod:`eventscope.extract.protest_actions`): a crowd that blocks a road,
  goes on strike or walks out "demanding" something, or gathers chanting slogans, demanding
  something or over a grievance (session 14; a gathering's evidence is stricter than the
  gate below), protests without the word "protest"
  ("Hundreds of garment workers blocked a highway in Gazipur demanding unpaid wages"). The
  sentence test here (a demand word) is only the cheap gate; the parse check wants a crowd
  subject, a road object for "block", a workers' crowd for "strike", and the demand inside the
  action's own clause. Refinements are the protest rule's: stones or burning tyres make it a
  violent demonstration, tear gas or arrests at it a protest with intervention.

* ``territory-hold`` (:mod:`eventscope.extract.territory_holds`, session 14): an armed
  non-state group "held" a town or neighbourhoods ("entered Debark and held several
  neighbourhoods for hours") overtakes territory; the parse check wants a past-tense "held",
  a territory object and an armed non-state actor1.

The "strike" term is also the air strike rule's; that rule has the higher priority and wins
wherever it applies, and it excludes labour words ("on strike", "wages"), where this one fits.
"""

from __future__ import annotations

from typing import Any

PROTEST_ACTION = "protest-action"
TERRITORY_HOLD = "territory-hold"  # checked in eventscope.extract.territory_holds

_ACTIONS = ["block/VERB", "barricade/VERB", "blockade/VERB", "strike/NOUN|VERB", "walkout/NOUN",
            "walk out/VERB", "gather/VERB", "assemble/VERB", "converge/VERB"]  # fmt: skip
_DEMANDS = ["demand", "demanding", "demanded", "demands", "call for", "calling for", "called for",
            "over", "against", "in protest", "protesting", "to protest", "chant", "chanting",
            "chanted", "chants", "slogan", "slogans"]  # fmt: skip
_PROTEST_REFINEMENTS = [  # the protest rule's, in its order
    {"if_any": ["@riot", "@protest_violent"], "sub_event_type": "Violent demonstration"},
    {
        "if_any": ["@protest_lethal"],
        "effect_only": True,
        "sub_event_type": "Excessive force against protesters",
    },
    {
        "if_any": ["@protest_intervention"],
        "effect_only": True,
        "sub_event_type": "Protest with intervention",
    },
]

CODE_RULES: dict[str, Any] = {
    "rules": [
        {
            "id": PROTEST_ACTION,
            "sub_event_type": "Peaceful protest",
            "priority": 48,
            "terms": _ACTIONS,
            "require_any": _DEMANDS,
            "exclude_any": ["@sports", "@idioms"],
            "refine": _PROTEST_REFINEMENTS,
        },
        {
            "id": TERRITORY_HOLD,
            "sub_event_type": "Non-state actor overtakes territory",
            "priority": 45,
            "terms": ["hold/VERB"],
            "require_any": ["@territory"],
            "exclude_any": ["@sports", "@idioms", "hostage", "hostages", "captive", "captives"],
        },
    ]
}
