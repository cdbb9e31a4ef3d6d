"""Actor rules of linking round 6 (session 11) that read who took part rather than who did it:
the sides of a battle told from each end, and the named group of a protest's crowd.
:mod:`eventscope.resolve.compat` applies them to its per-mention features."""

from __future__ import annotations

from typing import Protocol

CROWD_TYPES = frozenset({"Protests", "Riots"})
VAC = "Violence against civilians"


class _Sided(Protocol):
    event_type: str
    sub_event_type: str
    sides: tuple[str, str]
    actor2_named: bool


def side(inter: int) -> str:
    """ACLED inter code 1 is state forces (and 8 outside forces); 2-4 are armed groups."""
    return "state" if inter in (1, 8) else "armed" if inter in (2, 3, 4) else ""


def crowds_ok(a: str, b: str) -> bool:
    """Two crowds of different named groups (lawyers, farmers) in one city on one day are two
    protests, as ACLED codes them; an unnamed crowd ("thousands") may be either."""
    return not (a and b and a != b)


def sides_swapped(a: _Sided, b: _Sided) -> bool:
    """One battle told from each end with the other side unnamed: "JNIM fighters attacked the
    army camp" and "the Malian army repelled a terrorist attack" (JNIM vs Military Forces;
    Military Forces of Mali vs Unidentified Armed Group). Each named side stands where the
    other report has a generic actor of its kind (state forces, armed group), so two armed
    groups that each attacked the army stay apart. Two reports that each name only their own
    side, of opposite kinds, are likewise one battle told from each end."""
    if a.event_type != "Battles" or a.actor2_named or b.actor2_named:
        return False
    (a1, a2), (b1, b2) = a.sides, b.sides
    if not (a2 or b2):
        # Each report names only its own side: "the armed forces repelled a terrorist attack
        # on Djibo" and "JNIM fighters stormed military positions in Djibo" (round 10).
        return bool(a1 and b1) and a1 != b1
    return bool(a1 and a2) and a1 != a2 and (a1, a2) == (b2, b1)


def kinds_agree(a: _Sided, b: _Sided) -> bool:
    """The kinds of two reports' perpetrators agree, or the reports agree on what was done to
    civilians.

    A generic perpetrator ("gunmen", "soldiers") names no group, but its kind is evidence:
    gunmen abducting a teacher and soldiers killing three men in a raid on one town on one day
    are two events, though neither report names a group. Either alone is not enough: one kind
    of act told with a state and an armed perpetrator is a disputed attribution (soldiers
    "neutralised terrorists", residents say they executed villagers), and two kinds of act by
    one kind of perpetrator may be one raid told twice. Only violence against civilians: a
    battle has two sides whichever is named first, and reports of one blast confuse its kind
    ("an army air strike" / "militia shelling" of one market)."""
    if a.event_type != VAC or a.sub_event_type == b.sub_event_type:
        return True
    first_a, first_b = a.sides[0], b.sides[0]
    return not (first_a and first_b) or first_a == first_b
