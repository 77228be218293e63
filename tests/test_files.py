"""The user's files: UTF-8 read with errors that say where, and writes that are all or nothing."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path
from typing import BinaryIO

import pytest

from unsc_tracker import files
from unsc_tracker.errors import ScenarioError
from unsc_tracker.files import read_text, write_atomic
from unsc_tracker.scenarios import load_scenario, save_scenario

OLD = 'title = "the user\'s file"\n'


def leftovers(folder: Path) -> list[str]:
    """Files in ``folder`` other than the target: temporary files a failed write left."""
    return sorted(path.name for path in folder.iterdir() if path.name != "case.toml")


# -- reading ------------------------------------------------------------------------------------


def test_a_windows_1252_file_is_refused_naming_line_column_and_byte(tmp_path: Path) -> None:
    path = tmp_path / "case.toml"
    path.write_bytes('title = "ok"\nnote = "d\u00e9j\u00e0 \u20ac"\n'.encode("cp1252"))
    with pytest.raises(
        ScenarioError,
        match=r"case\.toml, line 2, column 10: byte 0xe9 is not UTF-8 \(in Windows-1252, "
        r"\"ANSI\", it is 'é'\): save the scenario file as UTF-8",
    ):
        read_text(path, ScenarioError, "scenario file")


def test_a_byte_that_is_no_windows_1252_character_is_named_alone(tmp_path: Path) -> None:
    path = tmp_path / "case.toml"
    path.write_bytes(b"a\x81")
    with pytest.raises(ScenarioError, match=r"line 1, column 2: byte 0x81 is not UTF-8: save"):
        read_text(path, ScenarioError)


def test_a_byte_order_mark_is_dropped_and_utf_16_refused(tmp_path: Path) -> None:
    path = tmp_path / "case.toml"
    path.write_bytes("\ufefftitle = 'é'".encode())
    assert read_text(path, ScenarioError) == "title = 'é'"
    path.write_bytes("title = 'é'".encode("utf-16"))
    with pytest.raises(ScenarioError, match="UTF-16 text: save it as UTF-8"):
        read_text(path, ScenarioError)


def test_a_file_that_cannot_be_read_is_the_caller_s_error(tmp_path: Path) -> None:
    with pytest.raises(ScenarioError, match=r"missing\.toml: cannot read the scenario file \("):
        read_text(tmp_path / "missing.toml", ScenarioError, "scenario file")
    with pytest.raises(ScenarioError, match="cannot read the file"):
        read_text(tmp_path, ScenarioError)
    with pytest.raises(TypeError, match=r"given by its path \(str or Path\), not int"):
        read_text(3, ScenarioError)  # type: ignore[arg-type]


# -- writing ------------------------------------------------------------------------------------


def test_a_write_replaces_the_file_and_keeps_its_permissions(tmp_path: Path) -> None:
    path = tmp_path / "case.toml"
    path.write_text(OLD, encoding="utf-8")
    path.chmod(0o640)
    assert write_atomic(path, "new = 1\n", ScenarioError) == path
    assert path.read_text(encoding="utf-8") == "new = 1\n"
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert leftovers(tmp_path) == []


def test_a_new_file_gets_the_permissions_the_umask_allows(tmp_path: Path) -> None:
    mask = os.umask(0o027)
    try:
        write_atomic(tmp_path / "case.toml", "new = 1\n", ScenarioError)
    finally:
        os.umask(mask)
    assert stat.S_IMODE((tmp_path / "case.toml").stat().st_mode) == 0o640


def test_a_link_is_followed_and_stays_a_link(tmp_path: Path) -> None:
    real = tmp_path / "real.toml"
    real.write_text(OLD, encoding="utf-8")
    link = tmp_path / "case.toml"
    link.symlink_to(real)
    write_atomic(link, "new = 1\n", ScenarioError)
    assert link.is_symlink()
    assert real.read_text(encoding="utf-8") == "new = 1\n"


def test_a_missing_folder_is_the_library_s_error(tmp_path: Path) -> None:
    with pytest.raises(ScenarioError, match=r"cannot write the scenario file: no folder .*nope"):
        load_scenario("aleppo-2016").dump(tmp_path / "nope" / "case.toml")


def test_an_encoding_failure_leaves_the_old_file_byte_for_byte(tmp_path: Path) -> None:
    path = tmp_path / "case.toml"
    path.write_bytes(OLD.encode())
    with pytest.raises(ScenarioError, match=r"'\\ud800' on line 2 is a lone surrogate"):
        write_atomic(path, "a = 1\nb = '\ud800'\n", ScenarioError, "scenario file")
    assert path.read_bytes() == OLD.encode()
    assert leftovers(tmp_path) == []


def test_a_scenario_holding_a_lone_surrogate_is_refused_naming_its_place(tmp_path: Path) -> None:
    path = tmp_path / "case.toml"
    path.write_bytes(OLD.encode())
    scenario = load_scenario("aleppo-2016").model_copy(update={"title": "\ud800"})
    with pytest.raises(ScenarioError, match=r"case\.toml: field title: '\\ud800' holds"):
        save_scenario(scenario, path)
    assert path.read_bytes() == OLD.encode()
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("step", ["write", "fsync", "chmod", "replace"])
def test_a_failure_at_any_step_leaves_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, step: str
) -> None:
    path = tmp_path / "case.toml"
    path.write_bytes(OLD.encode())

    def fail(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    if step == "write":
        real_fdopen = os.fdopen
        monkeypatch.setattr(files.os, "fdopen", lambda *a: _FailingFile(real_fdopen(*a)))
    else:
        monkeypatch.setattr(files.os, step, fail)
    with pytest.raises(ScenarioError, match=r"No space left on device\); the file was not changed"):
        save_scenario(load_scenario("aleppo-2016"), path)
    assert path.read_bytes() == OLD.encode()
    assert leftovers(tmp_path) == []


def test_an_interrupt_mid_write_leaves_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "case.toml"
    path.write_bytes(OLD.encode())

    def interrupt(handle: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(files.os, "fsync", interrupt)
    with pytest.raises(KeyboardInterrupt):
        save_scenario(load_scenario("aleppo-2016"), path)
    assert path.read_bytes() == OLD.encode()
    assert leftovers(tmp_path) == []


class _FailingFile:
    """A file whose write fails halfway, as on a full disk: half the bytes reach it first."""

    def __init__(self, file: BinaryIO) -> None:
        self._file = file

    def __enter__(self) -> _FailingFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self._file.close()

    def write(self, data: bytes) -> int:
        self._file.write(data[: len(data) // 2])
        self._file.flush()
        raise OSError(28, "No space left on device")


FULL_DISK = """
import resource, signal, sys
from unsc_tracker.errors import ScenarioError
from unsc_tracker.scenarios import load_scenario, save_scenario
scenario = load_scenario("aleppo-2016")
if sys.argv[2] == "killed":  # Python ignores SIGXFSZ, so that a write fails with EFBIG
    signal.signal(signal.SIGXFSZ, signal.SIG_DFL)
resource.setrlimit(resource.RLIMIT_FSIZE, (2000, 2000))
try:
    save_scenario(scenario, sys.argv[1])
except ScenarioError as err:
    print(err)
    sys.exit(2)
"""


@pytest.mark.skipif(not hasattr(os, "fork"), reason="RLIMIT_FSIZE is POSIX")
def test_a_file_size_limit_mid_write_leaves_the_old_file_byte_for_byte(tmp_path: Path) -> None:
    path = tmp_path / "case.toml"
    path.write_bytes(OLD.encode())
    done = subprocess.run(
        [sys.executable, "-c", FULL_DISK, str(path), "failed"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2, done.stderr
    assert (
        "cannot write the scenario file (File too large); the file was not changed" in done.stdout
    )
    assert path.read_bytes() == OLD.encode()
    assert leftovers(tmp_path) == []


@pytest.mark.skipif(not hasattr(os, "fork"), reason="RLIMIT_FSIZE is POSIX")
def test_a_process_killed_by_the_file_size_limit_leaves_the_old_file(tmp_path: Path) -> None:
    # SIGXFSZ kills the process mid-write: nothing can clean up, but the target is untouched.
    path = tmp_path / "case.toml"
    path.write_bytes(OLD.encode())
    done = subprocess.run(
        [sys.executable, "-c", FULL_DISK, str(path), "killed"], capture_output=True, check=False
    )
    assert done.returncode < 0
    assert path.read_bytes() == OLD.encode()
    assert all(name.startswith(".case.toml.") for name in leftovers(tmp_path))
