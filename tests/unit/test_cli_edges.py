"""Command-line edges a new user met: ``-o -`` writes to standard output, every usage error is one
line naming the option, ``ratings --provider`` agrees with its help, a unique part of a provider's
name is enough, and ``migrate``/``synth`` take ``--store PATH`` as every command does."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from inspector_gui.cli import main
from inspector_gui.store.schema import SCHEMA_VERSION

INSPECTOR = Path(sys.executable).with_name("inspector")


def run(*args: str):
    return CliRunner().invoke(main, list(args))


# -o - ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("args", "start"), [
    (["export", "West Yorkshire CRC", "--format", "md"], b"# West Yorkshire CRC"),
    (["export", "West Yorkshire CRC", "--format", "json"], b"{"),
    (["export", "--all", "--format", "csv"], "\ufeffrank,".encode()),
    pytest.param(["export", "West Yorkshire CRC", "--format", "pdf"], b"%PDF-", marks=pytest.mark.needs_qt),
    pytest.param(["chart", "--national", "--format", "svg"], b"<?xml", marks=pytest.mark.needs_qt),
    pytest.param(["chart", "west-yorkshire-crc", "--format", "png"], b"\x89PNG", marks=pytest.mark.needs_qt),
])
def test_dash_output_writes_to_stdout_and_creates_no_file(args, start, store_path: Path, tmp_path: Path,
                                                          monkeypatch) -> None:
    (tmp_path / "work").mkdir()
    monkeypatch.chdir(tmp_path / "work")
    result = run(*args, "-o", "-", "--store", str(store_path))
    assert result.exit_code == 0, result.stderr
    assert result.stdout_bytes.startswith(start)
    assert "standard output" in result.stderr and result.stderr.count("\n") == 1
    assert list((tmp_path / "work").iterdir()) == []


def test_dash_output_is_the_same_bytes_as_the_file(store_path: Path, tmp_path: Path) -> None:
    file = tmp_path / "league.json"
    assert run("export", "--all", "-o", str(file), "--store", str(store_path)).exit_code == 0
    piped = run("export", "--all", "--format", "json", "-o", "-", "--store", str(store_path))
    assert piped.stdout_bytes == file.read_bytes()


@pytest.mark.parametrize("command", [["export", "--all"], ["chart", "--trend"]])
def test_dash_output_needs_a_format(command, store_path: Path) -> None:
    result = run(*command, "-o", "-", "--store", str(store_path))
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.startswith("inspector: -o - writes to standard output: give --format")
    assert result.stderr.count("\n") == 1


@pytest.mark.parametrize(("args", "fmt"), [(["export", "West Yorkshire CRC", "--format", "pdf"], "PDF"),
                                           (["chart", "--trend", "--format", "png"], "PNG")])
def test_binary_formats_are_refused_to_a_terminal(args, fmt, store_path: Path, tmp_path: Path) -> None:
    """Run in a real pseudo-terminal: one line on stderr, no bytes on the terminal, no file."""
    code, shown, err = _in_terminal([*args, "-o", "-", "--store", str(store_path)], tmp_path / "work")
    assert code == 2 and shown == b""
    assert err == (f"inspector: -o -: {fmt} is binary and standard output is a terminal; "
                   "redirect it (> FILE or | program) or give a file name\n").encode()
    assert list((tmp_path / "work").iterdir()) == []


def test_text_formats_still_go_to_a_terminal(store_path: Path, tmp_path: Path) -> None:
    args = ["export", "--all", "--format", "csv", "-o", "-", "--store", str(store_path)]
    code, shown, _ = _in_terminal(args, tmp_path / "work")
    assert code == 0 and b"rank,tied,provider_id" in shown and b"Wigan PDU" in shown


def _in_terminal(args: list[str], cwd: Path) -> tuple[int, bytes, bytes]:
    """Run ``inspector`` with its standard output on a pseudo-terminal: exit code, what the
    terminal showed, stderr."""
    cwd.mkdir()
    leader, follower = pty.openpty()
    app = subprocess.Popen([str(INSPECTOR), *args], cwd=cwd, stdout=follower, stderr=subprocess.PIPE)
    os.close(follower)
    shown = b""
    try:
        while chunk := _read(leader):
            shown += chunk
    finally:
        os.close(leader)
    err = app.stderr.read() if app.stderr else b""
    return app.wait(60), shown, err


def _read(fd: int) -> bytes:
    try:
        return os.read(fd, 65536)
    except OSError:  # EIO: the program ended and closed the terminal
        return b""


# One-line usage errors ----------------------------------------------------------------------------

@pytest.mark.parametrize(("args", "line"), [
    (["export", "--all", "--format", "csv"],
     "inspector: Missing option '--output' / '-o' (see 'inspector export --help')"),
    (["ratings", "--bogus"], "inspector: No such option '--bogus' (see 'inspector ratings --help')"),
    (["findings", "--kind", "bogus"],
     "inspector: Invalid value for '--kind': 'bogus' is not one of 'strength', 'improvement', "
     "'recommendation' (see 'inspector findings --help')"),
    (["chart", "--national", "-o"],
     "inspector: Option '-o' requires an argument (see 'inspector chart --help')"),
    (["export", "--format", "docx", "-o", "x"],
     "inspector: Invalid value for '--format': 'docx' is not one of 'pdf', 'html', 'md', 'csv', 'json' "
     "(see 'inspector export --help')"),
    (["nosuch"], "inspector: No such command 'nosuch' (see 'inspector --help')"),
    (["synth"], "inspector: Missing option '--store' (or a PATH) (see 'inspector synth --help')"),
])
def test_every_usage_error_is_one_line_naming_the_option(args, line) -> None:
    result = run(*args)
    assert result.exit_code == 2
    assert result.stderr == line + "\n" and result.stdout == ""


def test_usage_errors_are_one_line_from_the_installed_command(tmp_path: Path) -> None:
    done = subprocess.run([str(INSPECTOR), "export", "--all", "--format", "csv"], cwd=tmp_path,
                          capture_output=True, text=True, timeout=60)
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == "inspector: Missing option '--output' / '-o' (see 'inspector export --help')\n"


def test_help_and_a_bare_command_still_print_help() -> None:
    assert run("export", "--help").stdout.startswith("Usage: inspector export")
    assert "Commands:" in run().output


# ratings --provider, partial names ----------------------------------------------------------------

def test_ratings_for_a_provider_is_its_latest_inspection_as_the_help_says(store_path: Path) -> None:
    assert "otherwise each provider's latest" in " ".join(run("ratings", "--help").stdout.split())
    latest = run("ratings", "--provider", "west-yorkshire-crc", "--format", "json",
                 "--store", str(store_path))
    every = run("ratings", "--provider", "west-yorkshire-crc", "--all-inspections", "--format", "json",
                "--store", str(store_path))
    assert latest.stdout.count('"provider":') == 1 and "1 inspection" not in latest.stderr
    assert every.stdout.count('"provider":') == 2


def test_a_unique_part_of_a_name_names_the_provider(store_path: Path) -> None:
    result = run("findings", "--provider", "west yorkshire", "--format", "json", "--store", str(store_path))
    assert result.exit_code == 0, result.stderr
    assert '"provider": "West Yorkshire CRC"' in result.stdout


def test_a_part_of_several_names_keeps_the_suggestions(store_path: Path) -> None:
    result = run("ratings", "--provider", "yorkshire", "--store", str(store_path))
    assert result.exit_code == 2 and result.stderr.count("\n") == 1
    assert result.stderr.startswith(
        "inspector: more than one provider's name contains 'yorkshire'; did you mean")
    assert "'West Yorkshire CRC'" in result.stderr and "'South Yorkshire CRC'" in result.stderr


@pytest.mark.parametrize("name", ["%", "_", "Yorkshire%CRC"])
def test_like_wildcards_in_a_name_are_plain_text(name: str, store_path: Path) -> None:
    result = run("ratings", "--provider", name, "--store", str(store_path))
    assert result.exit_code == 2 and f"no provider called {name!r}" in result.stderr


# migrate and synth take --store ------------------------------------------------------------------

def test_synth_and_migrate_take_store_as_every_command_does(tmp_path: Path) -> None:
    path = tmp_path / "synthetic.db"
    made = run("synth", "--store", str(path), "--providers", "3", "--inspections", "4", "--findings", "5")
    assert made.exit_code == 0 and path.is_file()
    current = f"{path} is up to date (schema {SCHEMA_VERSION}); nothing to do\n"
    assert run("migrate", "--store", str(path)).stdout == current
    assert run("migrate", str(path)).exit_code == 0  # the positional PATH keeps working
    assert run("info", "--store", str(path)).exit_code == 0


def test_two_different_stores_are_refused(tmp_path: Path) -> None:
    result = run("synth", str(tmp_path / "a.db"), "--store", str(tmp_path / "b.db"))
    assert result.exit_code == 2 and result.stderr.count("\n") == 1
    assert list(tmp_path.iterdir()) == []


def test_the_readme_names_store_for_migrate_and_synth() -> None:
    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    assert "`inspector migrate --store PATH`" in readme
    assert "`inspector synth --store PATH " in readme
