"""Finding input files (paths, directories, globs) and reading each one into documents."""

from __future__ import annotations

import glob
import os
import stat
from collections.abc import Iterator
from pathlib import Path

from eventscope.ingest.jsonl import iter_json, iter_jsonl
from eventscope.ingest.metadata import Metadata, is_sidecar, merge_metadata, read_sidecar
from eventscope.ingest.records import ReadOptions, make_document
from eventscope.models import RawDocument, Skip

# File suffix -> how it is read: a single document of that media type, or a container.
SINGLE_DOCUMENT_TYPES = {".txt": "text", ".html": "html", ".htm": "html"}
CONTAINER_TYPES = frozenset({".jsonl", ".json"})
_SUPPORTED = ", ".join([*SINGLE_DOCUMENT_TYPES, *sorted(CONTAINER_TYPES)])


def _is_hidden(name: str) -> bool:
    """Dot files and folders (``.git``, ``.DS_Store``, editor droppings)."""
    return name.startswith(".")


def walk_directory(root: Path) -> Iterator[Path | Skip]:
    """Every candidate input file under ``root``, in a deterministic (sorted) order.

    Hidden files and folders are skipped (``.git``, editor droppings) and so are sidecars, which
    are read with the file they describe. Symlinked folders are not followed, to avoid loops.
    """
    errors: list[OSError] = []
    found = False
    for folder, dirnames, filenames in os.walk(root, onerror=errors.append):
        dirnames[:] = sorted(name for name in dirnames if not _is_hidden(name))
        for name in sorted(filenames):
            path = Path(folder, name)
            if not _is_hidden(name) and not is_sidecar(path):
                found = True
                yield path
    for error in errors:
        yield Skip(str(error.filename or root), "unreadable", error.strerror or str(error))
    if not found and not errors:
        # Say so rather than finish silently: an empty folder is usually a wrong path.
        yield Skip(str(root), "empty", "the directory holds no input files")


def _expand_glob(pattern: str) -> Iterator[Path | Skip]:
    """Files matched by a glob pattern (``**`` recurses); sidecars are left to their files."""
    matches = sorted(glob.glob(pattern, recursive=True))
    if not matches:
        yield Skip(pattern, "missing", "the glob pattern matches no files")
    for match in matches:
        path = Path(match)
        if path.is_dir():
            yield from walk_directory(path)
        elif not is_sidecar(path):
            yield path


def expand_input(item: str) -> Iterator[Path | Skip]:
    """The files one INPUT argument names: a file, a directory or a glob pattern."""
    path = Path(item)
    if path.is_dir():
        yield from walk_directory(path)
    elif path.exists() or path.is_symlink():
        yield path
    elif glob.has_magic(item):
        yield from _expand_glob(item)
    else:
        yield Skip(item, "missing", "no such file or directory")


def _check_file(path: Path, options: ReadOptions) -> Skip | None:
    """The Skip for a file that cannot be read as an input, judged from its name and stat."""
    label = str(path)
    suffix = path.suffix.lower()
    if is_sidecar(path):
        return Skip(label, "unsupported-format", "a metadata sidecar; give the file it describes")
    if suffix not in SINGLE_DOCUMENT_TYPES and suffix not in CONTAINER_TYPES:
        detail = f"'{suffix or path.name}' is not one of {_SUPPORTED}"
        return Skip(label, "unsupported-format", detail)
    try:
        info = path.stat()
    except FileNotFoundError:
        return Skip(label, "missing", "no such file (a dangling link?)")
    except OSError as exc:
        return Skip(label, "unreadable", exc.strerror or str(exc))
    if not stat.S_ISREG(info.st_mode):
        return Skip(label, "unsupported-format", "not a regular file")
    if info.st_size == 0:
        return Skip(label, "empty", "0 bytes")
    # JSONL is streamed and limited per line; everything else is read whole, so limit the file.
    if suffix != ".jsonl" and info.st_size > options.max_bytes:
        detail = f"{info.st_size} bytes exceed the limit of {options.max_bytes}"
        return Skip(label, "too-large", detail)
    return None


def _container_sidecar(path: Path) -> Metadata:
    """The sidecar of a JSONL/JSON file: defaults for all its records, except ``id``.

    One id cannot name many records, so records without their own id are named by line.
    """
    sidecar = read_sidecar(path)
    sidecar.pop("id", None)
    return sidecar


def _read_jsonl_file(path: Path, options: ReadOptions) -> Iterator[RawDocument | Skip]:
    """Stream a JSONL file; a read error ends the file with an ``unreadable`` Skip."""
    sidecar = _container_sidecar(path)
    try:
        with path.open("rb") as stream:
            yield from iter_jsonl(stream, str(path), sidecar, options)
    except OSError as exc:
        yield Skip(str(path), "unreadable", exc.strerror or str(exc))


def read_file(path: Path, options: ReadOptions) -> Iterator[RawDocument | Skip]:
    """The documents (or Skips) in one input file."""
    problem = _check_file(path, options)
    if problem is not None:
        yield problem
        return
    suffix = path.suffix.lower()
    if suffix == ".jsonl":
        yield from _read_jsonl_file(path, options)
        return
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield Skip(str(path), "unreadable", exc.strerror or str(exc))
        return
    if suffix == ".json":
        yield from iter_json(data, str(path), _container_sidecar(path), options)
        return
    layers = [read_sidecar(path), options.defaults.as_metadata()]
    metadata = merge_metadata(layers, str(path))
    yield make_document(data, SINGLE_DOCUMENT_TYPES[suffix], str(path), metadata)
