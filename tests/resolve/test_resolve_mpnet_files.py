"""Assembling the MPNet weights from a split archive: read across the parts as one stream,
checked by SHA-256 before use, a clear error when a part is missing or a file is altered."""

from __future__ import annotations

import hashlib
import io
import zipfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from eventscope.errors import ModelError
from eventscope.resolve import mpnet_files


def _split_archive(tmp_path: Path, contents: dict[str, bytes], parts: int = 3) -> list[Path]:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in contents.items():
            zf.writestr("all-mpnet-base-v2/" + name, data)
    blob = buffer.getvalue()
    step = len(blob) // parts + 1
    paths = []
    for i in range(parts):
        path = tmp_path / f"archive.zip.00{i + 1}"
        path.write_bytes(blob[i * step : (i + 1) * step])
        paths.append(path)
    return paths


@pytest.fixture
def fake_parts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, bytes]:
    contents = {"model.safetensors": bytes(range(256)) * 900, "tokenizer.json": b'{"v": 1}'}
    paths = _split_archive(tmp_path, contents)
    monkeypatch.setattr(mpnet_files, "_part_paths", lambda: paths)
    monkeypatch.setattr(
        mpnet_files, "FILES", {k: hashlib.sha256(v).hexdigest() for k, v in contents.items()}
    )
    monkeypatch.setenv("EVENTSCOPE_MPNET", str(tmp_path / "model"))
    return contents


def test_joined_parts_read_and_seek_as_one_file(tmp_path: Path) -> None:
    data = bytes(range(200)) * 7
    paths = []
    for i, (a, b) in enumerate([(0, 500), (500, 501), (501, len(data))]):
        paths.append(tmp_path / f"p{i}")
        paths[-1].write_bytes(data[a:b])
    with mpnet_files._Joined(paths) as joined:
        stream = io.BufferedReader(joined, 64)
        assert stream.read() == data
        stream.seek(495)
        assert stream.read(10) == data[495:505]
        stream.seek(-3, io.SEEK_END)
        assert stream.read() == data[-3:]


def test_ensure_model_extracts_once_and_checks_the_files(fake_parts: dict[str, bytes]) -> None:
    folder = mpnet_files.ensure_model()
    assert folder == mpnet_files.model_dir()
    for name, data in fake_parts.items():
        assert (folder / name).read_bytes() == data
    assert not [p.name for p in folder.iterdir() if p.name.endswith(".partial")]
    (folder / "model.safetensors").write_bytes(b"kept")
    mpnet_files.ensure_model()  # present: not rebuilt
    assert (folder / "model.safetensors").read_bytes() == b"kept"


def test_an_altered_file_is_refused_and_not_put_in_place(
    fake_parts: dict[str, bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(mpnet_files.FILES, "tokenizer.json", "0" * 64)
    with pytest.raises(ModelError) as err:
        mpnet_files.ensure_model()
    assert err.value.code == "ES-MODEL-022"
    left = [p.name for p in mpnet_files.model_dir().iterdir()]
    assert "tokenizer.json" not in left and not [n for n in left if n.endswith(".partial")]
    assert "--force-reinstall" in err.value.hint


def test_a_missing_part_package_says_how_to_install_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(mpnet_files, "PARTS", ("no-such-package-eventscope-test",))
    with pytest.raises(ModelError) as err:
        mpnet_files._part_paths()
    assert err.value.code == "ES-MODEL-020" and "--no-deps" in err.value.hint


def test_two_at_once_unpack_once_and_both_get_whole_files(
    fake_parts: dict[str, bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = []
    real = mpnet_files._extract

    def counted(target: Path) -> None:
        calls.append(target)
        real(target)

    monkeypatch.setattr(mpnet_files, "_extract", counted)
    with ThreadPoolExecutor(4) as pool:
        folders = list(pool.map(lambda _: mpnet_files.ensure_model(), range(4)))
    assert len(calls) == 1 and len(set(folders)) == 1
    for name, data in fake_parts.items():
        assert (folders[0] / name).read_bytes() == data


def test_an_unusable_cache_folder_is_a_model_error_with_a_hint(
    fake_parts: dict[str, bytes], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("EVENTSCOPE_MPNET", str(blocker / "model"))
    with pytest.raises(ModelError) as err:
        mpnet_files.ensure_model()
    assert err.value.code == "ES-MODEL-023" and "EVENTSCOPE_MPNET" in err.value.hint
