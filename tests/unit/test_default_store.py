"""The default store: built on first use, brought up to date when the bundled data changes without
losing what the user imported, and set aside (never deleted) when it cannot be read."""

from __future__ import annotations

from pathlib import Path

from inspector_gui.store import Store
from inspector_gui.store.default import default_store_path, ensure_default_store, resolve_store


def test_built_on_first_use_in_the_user_data_folder(tmp_path: Path) -> None:
    path = ensure_default_store()
    assert path == default_store_path()
    assert "inspector-gui" in path.parts
    with Store.open(path) as store:
        assert store.counts()["inspections"] == 114


def test_second_start_does_not_rewrite_the_store() -> None:
    path = ensure_default_store()
    before = path.stat().st_mtime_ns, path.read_bytes()
    ensure_default_store()
    assert (path.stat().st_mtime_ns, path.read_bytes()) == before


def test_changed_bundled_data_is_reimported_keeping_user_imports(tmp_path: Path) -> None:
    path = ensure_default_store()
    extra = tmp_path / "inspections.csv"
    extra.write_text("inspection_id,provider_id,framework_id,published\n"
                     "leeds-pdu-2026-01,leeds-pdu,pdu-2023,2026-01\n", encoding="utf-8")
    with Store.open(path, readonly=False) as store:
        store.import_files([extra])
        store.set_meta("bundled_data", "an older release")
    ensure_default_store()
    with Store.open(path) as store:
        assert store.inspection("leeds-pdu-2026-01") is not None
        assert store.meta("bundled_data") != "an older release"


def test_unreadable_default_store_is_set_aside_and_rebuilt() -> None:
    path = default_store_path()
    path.parent.mkdir(parents=True)
    path.write_bytes(b"not a database at all")
    ensure_default_store()
    kept = list(path.parent.glob("hmip.unreadable-*.db"))
    assert len(kept) == 1 and kept[0].read_bytes() == b"not a database at all"
    with Store.open(path) as store:
        assert store.counts()["findings"] == 538


def test_explicit_path_and_environment_win(tmp_path: Path, monkeypatch) -> None:
    assert resolve_store(tmp_path / "a.db") == tmp_path / "a.db"
    monkeypatch.setenv("INSPECTOR_STORE", str(tmp_path / "b.db"))
    assert resolve_store() == tmp_path / "b.db"
    assert not default_store_path().exists()
