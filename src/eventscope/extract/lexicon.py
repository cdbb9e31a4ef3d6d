"""Load the extract stage's data files (triggers, actors, weapons, cues) into typed records.

The bundled files live in ``eventscope/data``. Users extend them by passing extra JSON files with
the same keys to :func:`load_lexicon`: lists are appended and mappings merged, so an extra file
can add one rule, a few actor aliases or a word to a context set without copying the rest.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from eventscope.errors import ConfigError
from eventscope.extract.code_rules import CODE_RULES

BUNDLED_FILES = ("triggers.json", "actors.json", "weapons.json", "cues.json")
# The weapons file's generic keys are renamed so that all files share one namespace.
# Only weapons.json uses these generic keys; extra files use the same names as the bundled ones.
_RENAMED = {"terms": "weapon_terms", "patterns": "weapon_patterns"}

Term = tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Refinement:
    """A condition under which a trigger rule yields another sub-event type."""

    sub_event_type: str
    if_any: tuple[str, ...] = ()  # context words/phrases (any one present)
    victim: str = ""  # "civilian" | "armed" | "protester"
    agent: str = ""  # "state" | "nonstate"
    # test ``if_any`` only outside the phrases that state the trigger's cause (extract/causes.py:
    # "a march at the funeral of a man shot dead" is no shooting at the march)
    effect_only: bool = False


@dataclass(frozen=True, slots=True)
class TriggerRule:
    rule_id: str
    terms: tuple[Term, ...]
    sub_event_type: str | None
    priority: int = 0
    weak: bool = False
    pos: frozenset[str] = frozenset()  # allowed POS of a term's first token ({} = any)
    term_pos: tuple[frozenset[str], ...] = ()  # per term, from "storm/VERB"; overrides pos
    require_any: tuple[str, ...] = ()
    exclude_any: tuple[str, ...] = ()
    # "@idioms" ("hit the market") veto the rule unless the sentence names a weapon or an
    # attack ("a drone hit the market of Kafranbel"): kept apart from exclude_any for that.
    exclude_idioms: tuple[str, ...] = ()
    idiom_overrides: tuple[str, ...] = ()
    fixed_idioms: tuple[str, ...] = ()  # "struck a deal": never lifted, whatever the weapon
    idiom_harm: tuple[str, ...] = ()  # harm words a lifted idiom needs ("four people died")
    refine: tuple[Refinement, ...] = ()


@dataclass(frozen=True, slots=True)
class ActorEntry:
    name: str
    inter: int
    aliases: tuple[str, ...] = ()
    cased_aliases: tuple[str, ...] = ()
    country: str = ""
    kind: str = ""  # "military" | "police" | ""
    generic: bool = False
    victim_only: bool = False


@dataclass(frozen=True, eq=False)
class Cues:
    """Attribution and modality cue words (see data/cues.json)."""

    reporting_verbs: Mapping[str, str]
    attribution_phrases: Mapping[str, str]
    hedges: Mapping[str, str]
    possible_aux: frozenset[str]
    possible_verbs: frozenset[str]
    possible_marks: frozenset[str]
    planned_aux: frozenset[str]
    planned_verbs: frozenset[str]
    negation: frozenset[str]
    comparison_preps: frozenset[str]
    historical_phrases: tuple[str, ...]


@dataclass(frozen=True, eq=False)
class Lexicon:
    """Everything the extract stage knows that is data rather than code.

    Compared by identity (``eq=False``) so that a lexicon can key per-process caches.
    """

    taxonomy: Mapping[str, tuple[str, str]]  # sub-event type -> (disorder type, event type)
    rules: tuple[TriggerRule, ...]
    irregular_forms: Mapping[str, tuple[str, ...]]
    actors: tuple[ActorEntry, ...]
    demonyms: Mapping[str, str]
    force_heads: tuple[Term, ...]
    police_heads: tuple[Term, ...]
    templates: Mapping[str, str]
    weapon_terms: tuple[str, ...]
    weapon_patterns: tuple[re.Pattern[str], ...]
    not_weapons: tuple[str, ...]
    cues: Cues
    sources: tuple[str, ...] = field(default=())

    def actor(self, name: str) -> ActorEntry | None:
        """The dictionary entry for a normalised actor name (e.g. to read its home country)."""
        return next((a for a in self.actors if a.name == name), None)


def split_term(term: str) -> Term:
    """Lower-case words of a term, hyphens as their own items (spaCy splits them the same way)."""
    words: list[str] = []
    for chunk in term.lower().split():
        words.extend(part for part in re.split(r"(-)", chunk) if part)
    return tuple(words)


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    """The bundled lexicon, loaded once per process."""
    return load_lexicon()


def load_lexicon(extra_files: Sequence[str | Path] = ()) -> Lexicon:
    """Bundled data files, then each extra file merged on top (lists appended, maps merged)."""
    raw: dict[str, Any] = {}
    sources: list[str] = []
    for name in BUNDLED_FILES:
        text = resources.files("eventscope").joinpath("data", name).read_text(encoding="utf-8")
        _merge(raw, _parse(text, name))
        sources.append(f"eventscope/data/{name}")
    _merge(raw, CODE_RULES)  # rules that need a parse check in code (extract/code_rules.py)
    known = set(raw)
    for path in extra_files:
        try:
            text = Path(path).read_text(encoding="utf-8")
        except OSError as exc:
            raise ConfigError(
                "ES-EXTRACT-004",
                f"cannot read lexicon file {path}: {exc}",
                "Check the path of the extra lexicon file.",
            ) from exc
        data = _parse(text, str(path))
        unknown = sorted(set(data) - known)
        if unknown:
            raise ConfigError(
                "ES-EXTRACT-004",
                f"{path}: unknown keys {unknown}",
                f"Use the keys of the bundled data files: {sorted(known)}.",
            )
        _merge(raw, data)
        sources.append(str(path))
    return _build(raw, tuple(sources))


def _parse(text: str, origin: str) -> dict[str, Any]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ConfigError(
            "ES-EXTRACT-004",
            f"{origin}: invalid JSON: {exc}",
            "Fix the JSON syntax of the lexicon file.",
        ) from exc
    if not isinstance(data, dict):
        raise ConfigError(
            "ES-EXTRACT-004",
            f"{origin}: expected a JSON object",
            "A lexicon file is one JSON object with the documented keys.",
        )
    return {
        _RENAMED.get(k, k): v for k, v in data.items() if not k.startswith("_") and k != "version"
    }


def _merge(base: dict[str, Any], extra: Mapping[str, Any]) -> None:
    for key, value in extra.items():
        current = base.get(key)
        if isinstance(current, list) and isinstance(value, list):
            base[key] = current + value
        elif isinstance(current, dict) and isinstance(value, dict):
            merged = dict(current)
            for k, v in value.items():
                old = merged.get(k)
                merged[k] = old + v if isinstance(old, list) and isinstance(v, list) else v
            base[key] = merged
        else:
            base[key] = value


def _build(raw: dict[str, Any], sources: tuple[str, ...]) -> Lexicon:
    taxonomy = {sub: (disorder, event) for disorder, event, sub in raw.get("taxonomy", [])}
    word_sets = {k: [str(w).lower() for w in v] for k, v in raw.get("word_sets", {}).items()}
    actors = tuple(_actor(a) for a in raw.get("actors", []))
    if "armed" in word_sets:  # "The FMLN attacked the town": a named armed group is armed context
        word_sets["armed"] = word_sets["armed"] + _armed_group_aliases(actors)
    rules = tuple(_rule(r, taxonomy, word_sets) for r in raw.get("rules", []))
    return Lexicon(
        taxonomy=taxonomy,
        rules=rules,
        irregular_forms={k.lower(): tuple(v) for k, v in raw.get("irregular_forms", {}).items()},
        actors=actors,
        demonyms={k.lower(): v for k, v in raw.get("demonyms", {}).items()},
        force_heads=tuple(split_term(t) for t in raw.get("force_heads", [])),
        police_heads=tuple(split_term(t) for t in raw.get("police_heads", [])),
        templates=dict(raw.get("templates", {})),
        weapon_terms=tuple(raw.get("weapon_terms", [])),
        weapon_patterns=tuple(_regex(p) for p in raw.get("weapon_patterns", [])),
        not_weapons=tuple(raw.get("not_weapons", [])),
        cues=_cues(raw),
        sources=sources,
    )


def _expand(
    items: Sequence[str], word_sets: Mapping[str, list[str]], rule_id: str
) -> tuple[str, ...]:
    """Replace '@name' references by the named word set."""
    out: list[str] = []
    for item in items:
        if item.startswith("@"):
            if item[1:] not in word_sets:
                raise ConfigError(
                    "ES-EXTRACT-003",
                    f"rule {rule_id}: unknown word set {item}",
                    "Define it under word_sets in the triggers file.",
                )
            out.extend(word_sets[item[1:]])
        else:
            out.append(item.lower())
    return tuple(dict.fromkeys(out))


def _rule(raw: Mapping[str, Any], taxonomy: Mapping[str, Any], word_sets: Any) -> TriggerRule:
    rule_id = str(raw.get("id", "?"))
    sub_types = [raw.get("sub_event_type")] + [r["sub_event_type"] for r in raw.get("refine", [])]
    for sub in sub_types:
        if sub is not None and sub not in taxonomy:
            raise ConfigError(
                "ES-EXTRACT-002",
                f"rule {rule_id}: unknown sub-event type {sub!r}",
                "Use an ACLED sub-event type listed under taxonomy.",
            )
    refine = tuple(
        Refinement(
            r["sub_event_type"],
            _expand(r.get("if_any", []), word_sets, rule_id),
            r.get("victim", ""),
            r.get("agent", ""),
            bool(r.get("effect_only", False)),
        )
        for r in raw.get("refine", [])
    )
    terms = [_term_and_pos(t) for t in raw.get("terms", [])]
    return TriggerRule(
        rule_id=rule_id,
        terms=tuple(words for words, _ in terms),
        term_pos=tuple(pos for _, pos in terms),
        sub_event_type=raw.get("sub_event_type"),
        priority=int(raw.get("priority", 0)),
        weak=bool(raw.get("weak", False)),
        pos=frozenset(raw.get("pos", [])),
        require_any=_expand(raw.get("require_any", []), word_sets, rule_id),
        exclude_any=_expand(
            [i for i in raw.get("exclude_any", []) if i != _IDIOMS], word_sets, rule_id
        ),
        **_idiom_fields(raw.get("exclude_any", []), word_sets, rule_id),
        refine=refine,
    )


_IDIOMS = "@idioms"


def _idiom_fields(
    excluded: Sequence[str], word_sets: Mapping[str, list[str]], rule_id: str
) -> dict[str, tuple[str, ...]]:
    """The idiom veto of a rule and the weapon and attack words that lift it."""
    if _IDIOMS not in excluded:
        return {}

    def optional(name: str) -> tuple[str, ...]:
        return _expand([f"@{name}"] if name in word_sets else [], word_sets, rule_id)

    return {
        "exclude_idioms": _expand([_IDIOMS], word_sets, rule_id),
        "idiom_overrides": optional("idiom_overrides"),
        "fixed_idioms": optional("fixed_idioms"),
        "idiom_harm": optional("idiom_harm"),
    }


def _term_and_pos(term: str) -> tuple[Term, frozenset[str]]:
    """ "storm/VERB" -> (("storm",), {"VERB"}); "air strike" -> (("air", "strike"), {})."""
    words, _, pos = term.partition("/")
    return split_term(words), frozenset(p for p in pos.upper().split("|") if p)


def _armed_group_aliases(actors: Sequence[ActorEntry]) -> list[str]:
    """Lower-case aliases of the named rebel and militia groups (ACLED inter 2-4). Cased-only
    aliases ("IS") are left out: in lower case they are common words."""
    return [
        alias.lower()
        for entry in actors
        if entry.inter in (2, 3, 4) and not entry.generic and not entry.victim_only
        for alias in entry.aliases
    ]


def _actor(raw: Mapping[str, Any]) -> ActorEntry:
    return ActorEntry(
        name=raw["name"],
        inter=int(raw.get("inter", 0)),
        aliases=tuple(raw.get("aliases", [])),
        cased_aliases=tuple(raw.get("cased_aliases", [])),
        country=raw.get("country", ""),
        kind=raw.get("kind", ""),
        generic=bool(raw.get("generic", False)),
        victim_only=bool(raw.get("victim_only", False)),
    )


def _regex(pattern: str) -> re.Pattern[str]:
    try:
        return re.compile(pattern)
    except re.error as exc:
        raise ConfigError(
            "ES-EXTRACT-002",
            f"bad weapon pattern {pattern!r}: {exc}",
            "Fix the regular expression in the weapons file.",
        ) from exc


def _cues(raw: Mapping[str, Any]) -> Cues:
    def words(key: str) -> frozenset[str]:
        return frozenset(str(w).lower() for w in raw.get(key, []))

    return Cues(
        reporting_verbs=dict(raw.get("reporting_verbs", {})),
        attribution_phrases=dict(raw.get("attribution_phrases", {})),
        hedges=dict(raw.get("hedges", {})),
        possible_aux=words("possible_aux"),
        possible_verbs=words("possible_verbs"),
        possible_marks=words("possible_marks"),
        planned_aux=words("planned_aux"),
        planned_verbs=words("planned_verbs"),
        negation=words("negation"),
        comparison_preps=words("comparison_preps"),
        historical_phrases=tuple(raw.get("historical_phrases", [])),
    )
