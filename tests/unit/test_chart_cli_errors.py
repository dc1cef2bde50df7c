"""``inspector chart`` refuses bad requests with one line and exit code 2, before drawing."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from inspector_gui.cli import main


@pytest.fixture
def run(store_path):
    def invoke(*args: str):
        return CliRunner().invoke(main, ["chart", *args, "--store", str(store_path)])
    return invoke


@pytest.mark.parametrize(("args", "message"), [
    (["--national", "-o", "{tmp}/chart.jpg"], "the output file must end in .png or .svg"),
    (["--national", "-o", "{tmp}/chart.png", "--size", "10x10"], "expected WIDTHxHEIGHT"),
    (["--national", "-o", "{tmp}/chart.png", "--size", "wide"], "expected WIDTHxHEIGHT"),
    (["-o", "{tmp}/chart.png"], "give one of PROVIDER, --national or --trend"),
    (["essex-north-pdu", "--national", "-o", "{tmp}/chart.png"], "give one of PROVIDER"),
    (["no such provider", "-o", "{tmp}/chart.png"], "no provider called 'no such provider'"),
    (["--trend", "-o", "{tmp}/missing/chart.png"], "does not exist"),
    (["--trend", "-o", "{tmp}/missing/chart.png"], "cannot be written"),
])
def test_bad_requests_fail_in_one_line(run, tmp_path, args, message):
    out = tmp_path / "out"
    out.mkdir()
    result = run(*[a.replace("{tmp}", str(out)) for a in args])
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("inspector: ") and message in lines[0]
    assert list(out.iterdir()) == []


def test_an_existing_file_is_kept_without_force(run, tmp_path):
    existing = tmp_path / "chart.png"
    existing.write_bytes(b"keep me")
    result = run("--trend", "-o", str(existing))
    assert result.exit_code == 2
    assert result.output.strip() == f"inspector: {existing}: already exists; use --force to replace it"
    assert existing.read_bytes() == b"keep me"


def test_a_folder_named_like_an_image_is_refused(run, tmp_path):
    folder = tmp_path / "chart.png"
    folder.mkdir()
    result = run("--trend", "-o", str(folder))
    assert result.exit_code == 2 and "is a folder" in result.output
    assert list(folder.iterdir()) == []


def test_a_provider_name_close_to_a_real_one_gets_suggestions(run, tmp_path):
    result = run("Esex North PDU", "-o", str(tmp_path / "x.png"))
    assert result.exit_code == 2
    assert "did you mean 'Essex North PDU'" in result.output


def test_an_unknown_provider_type_is_refused_by_click(run, tmp_path):
    result = run("--national", "--type", "prison", "-o", str(tmp_path / "x.png"))
    assert result.exit_code == 2 and "prison" in result.output


def test_a_broken_store_is_one_line(tmp_path):
    bad = tmp_path / "bad.db"
    bad.write_text("not a database")
    result = CliRunner().invoke(main, ["chart", "--trend", "-o", str(tmp_path / "x.png"),
                                       "--store", str(bad)])
    assert result.exit_code == 2
    assert result.output.strip() == f"inspector: {bad}: is not a SQLite database"
    assert not (tmp_path / "x.png").exists()
