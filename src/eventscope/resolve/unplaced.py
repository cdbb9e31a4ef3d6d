"""Reports placed only by a name the gazetteer lacks (linking round 13, session 15).

Small villages are missing from the gazetteer (cities500 holds towns of 500 people or more,
and far fewer in much of Africa), and local reports often name nothing else: "the toll from
the Mambelenga massacre rises to 26", "bodies recovered in the Tumalpad forests". Such a
report has no location, and a report without a location only ever linked within its own
article, so every follow-up of a village massacre stayed an event of its own.

The geocoder keeps each unresolved event place as evidence (``unresolved_place``); here a
name's key folds spelling noise (the geocoder's strict and loose keys) and a trailing kind
word ("Mambelenga village", "the Tumalpad forests"). Reports with no location that name the
same unknown place share one block (:func:`block_place`) and may link across articles
(:func:`share_unknown_place`); dates, types, actors and wording decide the rest as for any
pair. A report with a location keeps its country's block, but an unplaced report may also
link to a located one that names the same unknown place (the first report of a massacre
named the village and its province; the follow-ups name only the village): blocks are
clustered together where an unplaced report shares a name with a report of another block
(:func:`block_groups`; the incremental index finds such links by name as well,
``ResolvedIndex.links``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Protocol

from eventscope.geocode.mentions import UNRESOLVED_PLACE
from eventscope.geocode.normalize import loose_key_from_tokens, strict_tokens
from eventscope.geocode.skeleton import consonants, edits
from eventscope.models import Mention
from eventscope.resolve.unionfind import UnionFind

Block = tuple[str, str]  # (type family, country or UNPLACED_BLOCK or "doc:<id>")

# The block of reports placed only by unknown names, beside the countries' blocks.
UNPLACED_BLOCK = "unplaced"
# Kind words after a name that say what sort of place it is, not which: "Mambelenga village"
# and "Mambelenga" are one place. Areas keep their word: "Maru district" is not Maru town.
_KIND_WORDS = frozenset({"village", "villages", "town", "hamlet", "hamlets", "locality",
                         "settlement", "area", "forest", "forests", "bush", "hills"})  # fmt: skip


# Words of a building or institution inside a name: such a name is no village.
_INSTITUTIONS = frozenset({"school", "college", "university", "academy", "church", "cathedral",
                           "mosque", "hospital", "clinic", "market", "farm", "house", "hotel",
                           "prison", "station", "office", "stadium", "bank", "company",
                           "factory", "camp", "barracks", "base", "mission", "parish",
                           "primary", "secondary"})  # fmt: skip


def unknown_place_keys(m: Mention) -> frozenset[str]:
    """Keys of the event places of ``m`` that the gazetteer lacks, its headline's included
    (kept only on a mention with no more precise place: geocode/headline.py)."""
    names = [e.text for e in m.evidence if e.field == UNRESOLVED_PLACE] + list(m.headline_names)
    return frozenset(key for name in names if (key := place_key(name)))


def headline_only_keys(m: Mention) -> frozenset[str]:
    """The keys of ``m``'s unknown places that only its headline names (review of session
    19): such a key links a report to one whose text names the place, never to another
    headline ("Officials: 12 killed" and "Officials: seven traders killed" are no place)."""
    if not m.headline_names:
        return frozenset()
    text = {place_key(e.text) for e in m.evidence if e.field == UNRESOLVED_PLACE}
    return frozenset(k for name in m.headline_names if (k := place_key(name)) and k not in text)


def with_headline(lead: Mention, report: Sequence[Mention]) -> Mention:
    """The lead placed by its article's headline where no member of its report has a more
    precise place than a country (session 19): "Gorgadji: the wounded transferred" says
    where "Saturday's attack" in "the town" was. The headline's place refines a country-level
    location in the same country; its unknown names count as the report's (see
    ``unknown_place_keys``). Only the lead, which links, takes it: an event's location comes
    from its mentions' evidence."""
    if lead.location is not None and lead.location.feature != "country":
        return replace(lead, headline_names=()) if lead.headline_names else lead
    source = next((m for m in report if m.headline_place or m.headline_names), lead)
    place = source.headline_place
    if place is not None and (lead.location is None or lead.location.iso == place.iso):
        return replace(lead, location=place, headline_place=place, headline_names=())
    return replace(lead, headline_place=place, headline_names=source.headline_names)


def village_keys(m: Mention) -> frozenset[str]:
    """The unknown places ``m``'s text names (its headline's left out), each as a loose key
    without a kind word of either sort, to tell two villages apart (``other_villages``):
    "Seradala district" and "Seradala", "Bulo Burde" and "Buloburde district" are one place."""
    out = set()
    for e in m.evidence:
        tokens = _own_name_tokens(e.text) if e.field == UNRESOLVED_PLACE else None
        if tokens:
            out.add(loose_key_from_tokens(_without_kind(tokens, _ANY_KIND_WORDS)))
    return frozenset(out) if out else _NO_VILLAGES  # one shared object on the hot path


_NO_VILLAGES: frozenset[str] = frozenset()


# Kind words of an area after a name: kept in a key ("Maru district" is not Maru town), but
# two reports that name "Seradala district" and "Seradala" name one place's surroundings.
_AREA_KIND_WORDS = frozenset({"district", "districts", "county", "province", "region",
                              "municipality", "commune", "sector", "territory", "lga",
                              "subdistrict", "tehsil", "woreda", "raion"})  # fmt: skip
_ANY_KIND_WORDS = _KIND_WORDS | _AREA_KIND_WORDS


class _Placed(Protocol):
    """What :func:`other_villages` reads of a report (``compat.Features``)."""

    town: str
    villages: frozenset[str]


def other_villages(a: _Placed, b: _Placed) -> bool:
    """Whether two reports of two articles, each placed by no town but an area, name two
    villages the gazetteer lacks and no village in common (link rules revision 21, linking
    round 20): "Meiss al-Jabal, in the Marjayoun district" and "the road between Houla and
    Markaba, in the Marjayoun district" are two villages, each article naming its own.
    Villages one letter apart are one ("Houla" and "Hula")."""
    if a.town or b.town or not a.villages or not b.villages:
        return False
    return not any(_same_village(x, y) for x in a.villages for y in b.villages)


def _same_village(x: str, y: str) -> bool:
    """Whether two village keys may name one village, leniently, since the rule they serve
    only parts reports: one name's words among the other's ("Unguwan Mantau" and "Mantau": a
    Hausa "ward of"); the same consonants, five or more ("Unguwan Kaduru" and "Angwan
    Kaduru", "Kafr Nabl" and "Kafranbel"); or, written as one word, a few letter edits apart,
    two or a third of the longer ("Houla" and "Hula", "Bacho" and "Ba Jo"; review of
    session 20 and round 22)."""
    short, long = sorted((x.split(), y.split()), key=len)
    if len("".join(short)) >= _FUZZY_MIN and set(short) <= set(long):
        return True
    x, y = x.replace(" ", ""), y.replace(" ", "")
    letters = consonants(x)
    if len(letters) >= _SAME_CONSONANTS and letters == consonants(y):
        return True
    return edits(x, y) <= max(2, max(len(x), len(y)) // 3)


_SAME_CONSONANTS = 5


def lead_keys(m: Mention) -> frozenset[str]:
    """The unknown places of ``m`` as compared: their keys and near spellings."""
    return near_spellings(unknown_place_keys(m))


def place_key(name: str) -> str:
    """A spelling-tolerant key of a place name, without a trailing kind word; "" for what
    names no place of its own (review): a possessor ("Ibrahim's farm", "Musa's village": a
    person, most likely), a name with an institution's word ("Government Secondary School",
    "St Joseph Catholic Church": thousands of them share a name), or a large region ("the
    Middle Belt", "the Niger Delta", "the Nuba Mountains": two reports there may be far
    apart; review of session 15). A name with a numeral or a direction word keeps it
    exactly ("Tumbara II" is not "Tumbara I", whose loose keys are one)."""
    tokens = _own_name_tokens(name)
    if not tokens:
        return ""
    tokens = _without_kind(tokens, _KIND_WORDS)
    exact = not _EXACT_WORDS.isdisjoint(tokens)
    return "=" + " ".join(tokens) if exact else loose_key_from_tokens(tokens)


def _own_name_tokens(name: str) -> list[str] | None:
    """The strict tokens of a name that names a place of its own; None for a possessor, an
    institution or a large region (see ``place_key``)."""
    plain = name.replace("’", "'")
    if any(word.endswith(("'s", "s'")) for word in plain.split()):
        return None
    tokens = strict_tokens(plain)
    if not (_INSTITUTIONS.isdisjoint(tokens) and _REGION_WORDS.isdisjoint(tokens)):
        return None
    return tokens


def _without_kind(tokens: list[str], kinds: frozenset[str]) -> list[str]:
    """``tokens`` without trailing kind words, the name's first word always kept."""
    while len(tokens) > 1 and tokens[-1] in kinds:
        tokens = tokens[:-1]
    return tokens


# Words of a region, not a village: such a name gives no key (see ``place_key``).
_REGION_WORDS = frozenset({"belt", "basin", "delta", "region", "mountains", "mountain", "valley",
                           "peninsula", "plateau", "lake", "river", "corridor", "triangle",
                           "border", "borders", "highlands", "lowlands", "coast"})  # fmt: skip
# Roman numerals and directions that tell two places of one name apart.
_EXACT_WORDS = frozenset({"i", "ii", "iii", "iv", "v", "vi", "north", "south", "east", "west",
                          "upper", "lower", "central", "northern", "southern", "eastern",
                          "western"})  # fmt: skip


def block_place(m: Mention) -> str | None:
    """The block of a report with no location that names an unknown place; None otherwise.
    A report placed by an area ("Ituri province") keeps its country's block: moving it would
    part it from the reports of that area that name no village."""
    if m.location is not None:
        return None
    return UNPLACED_BLOCK if unknown_place_keys(m) else None


def share_unknown_place(
    a: frozenset[str],
    b: frozenset[str],
    a_headline: frozenset[str] = frozenset(),
    b_headline: frozenset[str] = frozenset(),
) -> bool:
    """Whether two reports name one unknown place: keys from ``unknown_place_keys`` given as
    their :func:`near_spellings`. Shared "~" forms only propose a pair; it holds when the two
    keys are equal, or differ in one word of letters long enough by one letter changed,
    added, dropped or two adjacent letters swapped (review of session 15: shared forms also
    met two letters apart, "Tumbara East" and "Tumbara West", and in a short word of a long
    key, "Gidan Bawa" and "Gidan Dawa"). A pair of keys that only headlines give
    (``a_headline``, ``b_headline``: :func:`headline_only_keys`) never holds."""
    if a.isdisjoint(b):
        return False
    plain_a = {k for k in a if not k.startswith("~")}
    plain_b = {k for k in b if not k.startswith("~")}

    def told(x: str, y: str) -> bool:  # one of the two names is in a report's text
        return x not in a_headline or y not in b_headline

    if any(told(k, k) for k in plain_a & plain_b):
        return True
    return any(_one_letter_apart(x, y) and told(x, y) for x in plain_a for y in plain_b)


def _one_letter_apart(x: str, y: str) -> bool:
    """Keys of the same words but one, which is long enough (``_FUZZY_MIN``) and without a
    digit, and one letter edit (or an adjacent swap) from its counterpart."""
    xs, ys = x.split(" "), y.split(" ")
    if len(xs) != len(ys) or x.startswith("=") or y.startswith("="):
        return False
    changed = [(p, q) for p, q in zip(xs, ys, strict=True) if p != q]
    if len(changed) != 1:
        return False
    p, q = changed[0]
    if min(len(p), len(q)) < _FUZZY_MIN - 1 or max(len(p), len(q)) < _FUZZY_MIN:
        return False
    if any(ch.isdigit() for ch in p + q):
        return False
    return _one_edit(p, q)


def _one_edit(p: str, q: str) -> bool:
    """One substitution, insertion, deletion or adjacent swap turns ``p`` into ``q``."""
    if len(p) > len(q):
        p, q = q, p
    if len(q) - len(p) > 1:
        return False
    i = next((k for k, (c, d) in enumerate(zip(p, q, strict=False)) if c != d), len(p))
    if len(p) < len(q):
        return p[i:] == q[i + 1 :]
    swap = i + 1 < len(p) and p[i] == q[i + 1] and p[i + 1] == q[i] and p[i + 2 :] == q[i + 2 :]
    return p[i + 1 :] == q[i + 1 :] or swap


# Keys this long or longer may be one letter apart and still one place ("Nyabiondo" and
# "Nyabyondo"); shorter ones must be equal ("Meza" is not "Mesa", "Gao" is not "Geo").
_FUZZY_MIN = 5


def near_spellings(keys: frozenset[str]) -> frozenset[str]:
    """Each key and, for a key of letters long enough, "~" and the key, and "~" and the key
    with any one letter left out: two such keys share a "~" form exactly when one letter
    changed, was added or was dropped (or two adjacent letters swapped); a shorter key, or
    one with a digit ("Kilometre 15" is not "Kilometre 16"), meets only itself (review)."""
    out = set(keys)
    for key in keys:
        if len(key) >= _FUZZY_MIN and not any(ch.isdigit() for ch in key):
            out.add("~" + key)
            out.update("~" + key[:i] + key[i + 1 :] for i in range(len(key)))
    return frozenset(out)


def with_unknown_places(lead: Mention, report: Sequence[Mention]) -> Mention:
    """The lead with the unknown places every member of its report names: "31 were killed in
    an attack on Mambelenga village" and "the wounded were treated in Komanda" are one
    report, whichever sentence leads it."""
    seen = {e.text for e in lead.evidence if e.field == UNRESOLVED_PLACE}
    extra = []
    for m in report:
        if not _same_days(lead, m):
            continue  # "Last week gunmen killed 5 in Tumalpad": another day's place (review)
        for e in m.evidence:
            if e.field == UNRESOLVED_PLACE and e.text not in seen:
                seen.add(e.text)
                extra.append(e)
    return replace(lead, evidence=lead.evidence + tuple(extra)) if extra else lead


def _same_days(lead: Mention, m: Mention) -> bool:
    """Whether a member's date window lies inside the lead's (an undated member's always
    does): "last week" around Sunday's lead may be another day's attack."""
    if not (m.date_start and lead.date_start):
        return True
    lead_end, end = lead.date_end or lead.date_start, m.date_end or m.date_start
    return lead.date_start[:10] <= m.date_start[:10] and end[:10] <= lead_end[:10]


def crosses_blocks(a_block: Block, b_block: Block) -> bool:
    """Whether leads of these two blocks may link by a shared unknown place: one of them
    unplaced, the other another block of the same type family."""
    if a_block == b_block or a_block[0] != b_block[0]:
        return False
    return UNPLACED_BLOCK in (a_block[1], b_block[1])


def block_groups(
    blocks: Mapping[Block, Sequence[Mention]], keys: Mapping[str, frozenset[str]]
) -> list[list[Mention]]:
    """The leads to cluster together (``keys``: lead id -> its unknown places, near spellings
    included): every block but the unplaced ones whole, joined with the unplaced leads that
    share a name with one of its leads, and through them with any other block they share
    one with; each unplaced lead otherwise with those it shares names with. Clustering only
    merges along links, and a link needs a shared name or one block, so no link crosses two
    groups. Ordered by block key and lead id."""
    names = sorted(blocks)
    nodes: list[tuple[Block, Mention | None]] = []
    for block in names:
        if block[1] == UNPLACED_BLOCK:
            nodes.extend((block, m) for m in sorted(blocks[block], key=lambda m: m.mention_id))
        else:
            nodes.append((block, None))
    found = UnionFind(len(nodes))
    for members in _sharing(nodes, blocks, keys).values():
        if any(nodes[i][1] is not None for i in members):  # an unplaced lead among them
            for i in members[1:]:
                found.union(members[0], i)
    return [[m for i in group for m in _leads(nodes[i], blocks)] for group in found.groups()]


def _sharing(
    nodes: Sequence[tuple[Block, Mention | None]],
    blocks: Mapping[Block, Sequence[Mention]],
    keys: Mapping[str, frozenset[str]],
) -> dict[tuple[str, str], list[int]]:
    """(type family, name key) -> the nodes holding a lead that names that place."""
    out: dict[tuple[str, str], set[int]] = defaultdict(set)
    for i, (block, lead) in enumerate(nodes):
        for m in (lead,) if lead is not None else blocks[block]:
            for key in keys.get(m.mention_id, ()):
                out[(block[0], key)].add(i)
    return {k: sorted(v) for k, v in out.items() if len(v) > 1}


def _leads(
    node: tuple[Block, Mention | None], blocks: Mapping[Block, Sequence[Mention]]
) -> list[Mention]:
    block, lead = node
    return [lead] if lead is not None else list(blocks[block])
