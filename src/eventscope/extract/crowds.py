"""Who a crowd is: the group that protests ("hundreds of nurses protested", "thousands of
farmers rallied"), as the associated actor of a protest or riot (ACLED codes "Protesters
(Kenya)" with "Health Workers (Kenya)", "Lawyers (Pakistan)", ...). Linking reads it: two
crowds of different groups in one city on one day are two protests, not one told twice.
"""

from __future__ import annotations

import re

_CROWD_TYPES = frozenset({"Protests", "Riots"})
# Group words (plural, as crowds are named) -> the group's label; the nearest before the
# trigger wins. Vague crowds ("people", "residents", "supporters") name no group.
_GROUPS = {
    "lawyers": "Lawyers", "advocates": "Lawyers", "judges": "Judges",
    "nurses": "Health Workers", "doctors": "Health Workers", "health workers": "Health Workers",
    "medics": "Health Workers", "teachers": "Teachers", "students": "Students",
    "farmers": "Farmers", "herders": "Pastoralists", "traders": "Traders",
    "merchants": "Traders", "shopkeepers": "Traders", "workers": "Labour Group",
    "miners": "Labour Group", "drivers": "Transport Workers", "journalists": "Journalists",
    "pensioners": "Pensioners", "retirees": "Pensioners", "veterans": "Veterans",
    "women": "Women", "fishermen": "Fishers",
}  # fmt: skip
_GROUP_RE = re.compile(
    r"\b(" + "|".join(sorted(map(re.escape, _GROUPS), key=len, reverse=True)) + r")\b", re.I
)
_WINDOW = 80  # characters before the trigger: the crowd is named just before what it did


def crowd_group(event_type: str, sentence: str, trigger_offset: int) -> str:
    """The group label of a protest's crowd, "" when none is named or for other events."""
    if event_type not in _CROWD_TYPES:
        return ""
    before = sentence[max(0, trigger_offset - _WINDOW) : trigger_offset]
    found = _GROUP_RE.findall(before)
    return _GROUPS[found[-1].lower()] if found else ""
