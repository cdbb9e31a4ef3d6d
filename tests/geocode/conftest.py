"""One gazetteer per test session, at the default cache path so that CI builds it once
and later sessions (and developers) reuse it while it is current."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from eventscope.errors import ModelError
from eventscope.geocode import Gazetteer, Geocoder, default_gazetteer_path, open_gazetteer

log = logging.getLogger(__name__)


@pytest.fixture(scope="session")
def gazetteer(tmp_path_factory: pytest.TempPathFactory) -> Gazetteer:
    """The real gazetteer: reused when current, else built (about half a minute)."""
    path = default_gazetteer_path()
    try:
        return open_gazetteer(path)
    except ModelError as exc:  # a read-only home or cache directory: build privately instead
        log.warning("cannot build the gazetteer at %s (%s); using a temporary one", path, exc)
        return open_gazetteer(tmp_path_factory.mktemp("gazetteer") / "gazetteer.sqlite")


@pytest.fixture(scope="session")
def gazetteer_path(gazetteer: Gazetteer) -> Path:
    return gazetteer.path


@pytest.fixture(scope="session")
def geocoder(gazetteer: Gazetteer) -> Geocoder:
    return Geocoder(gazetteer)
