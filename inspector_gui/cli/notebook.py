"""``inspector tags`` and ``inspector notes``: the user's private tags and notes on findings and
inspections, kept in their notebook file (never in the store, which is only read)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import click

from inspector_gui.cli.common import fail, handle_errors, notebook_option, open_store, store_option
from inspector_gui.cli.output import format_option, render, say
from inspector_gui.domain.records import Finding
from inspector_gui.store import Store
from inspector_gui.store.notebook import Note, Notebook, Record, finding_record


def _targets(func: Callable[..., Any]) -> Callable[..., Any]:
    func = click.option("--inspection", "inspections", multiple=True,
                        help="Inspection id; repeat for several.")(func)
    return click.option("--finding", "findings", type=int, multiple=True,
                        help="Finding id (the id column of 'inspector findings'); repeat.")(func)


def add_notebook_columns(rows: list[dict[str, object]], found: Sequence[Finding], notebook: Notebook) -> None:
    """A ``tags`` and a ``notes`` column on rows made from ``found``, from the notebook."""
    keys = [f.natural_key for f in found]
    tagged = notebook.tags_of("finding", keys)
    noted: dict[str, list[str]] = {}
    for note in notebook.notes("finding", keys):
        noted.setdefault(note.record.key, []).append(note.text)
    for row, finding in zip(rows, found, strict=True):
        row["tags"] = ", ".join(tagged.get(finding.natural_key, []))
        row["notes"] = " | ".join(noted.get(finding.natural_key, []))


def records(store: Store, findings: tuple[int, ...], inspections: tuple[str, ...]) -> list[Record]:
    """The records named on the command line, as the store has them; an unknown id fails."""
    if not findings and not inspections:
        fail("name what to tag or note: --finding ID or --inspection ID")
    found = {f.finding_id: f for f in store.findings_by_id(findings)}
    missing = [str(i) for i in findings if i not in found]
    if missing:
        fail(f"{store.path}: no finding with id {', '.join(missing)}")
    chosen = [finding_record(found[i]) for i in dict.fromkeys(findings)]
    for inspection_id in dict.fromkeys(inspections):
        inspection = store.inspection(inspection_id)
        if inspection is None:
            fail(f"{store.path}: no inspection {inspection_id!r}")
        chosen.append(Record.inspection(inspection_id, store.provider(inspection.provider_id).name))
    return chosen


@click.group(invoke_without_command=True)
@notebook_option
@click.pass_context
@handle_errors
def tags(ctx: click.Context, notebook_path: Path | None) -> None:
    """Your tags, each with the number of findings and inspections it is on.

    Tags live in your notebook file, never in the store, so they survive re-imports and
    rebuilds of the default store. 'inspector findings --tag TAG' lists a tag's findings.

    \b
    Example:
      inspector tags
      inspector tags add evidence --finding 12 --finding 40
      inspector tags remove evidence --finding 12
    """
    if ctx.invoked_subcommand is not None:
        return
    with Notebook.open(notebook_path, create=False) as notebook:
        counts = {tag: [tag, 0, 0] for tag, _ in notebook.tag_counts()}
        for target, column in (("finding", 1), ("inspection", 2)):
            for tag, count in notebook.tag_counts(target):
                counts[tag][column] = count
    rows = [dict(zip(("tag", "findings", "inspections"), row, strict=True)) for row in counts.values()]
    say(render(rows, ["tag", "findings", "inspections"], "table") if rows else "no tags yet")


@tags.command(name="add")
@click.argument("tag")
@_targets
@notebook_option
@store_option
@handle_errors
def add_tag(tag: str, findings: tuple[int, ...], inspections: tuple[str, ...], notebook_path: Path | None,
            store_path: Path | None) -> None:
    """Put TAG on findings or inspections (the store is only read)."""
    with open_store(store_path) as store, Notebook.open(notebook_path) as notebook:
        chosen = records(store, findings, inspections)
        added = notebook.add_tag(chosen, tag)
    say(f"tagged {added} of {len(chosen)} records {tag!r} in {notebook.path}")


@tags.command(name="remove")
@click.argument("tag")
@_targets
@notebook_option
@store_option
@handle_errors
def remove_tag(tag: str, findings: tuple[int, ...], inspections: tuple[str, ...], notebook_path: Path | None,
               store_path: Path | None) -> None:
    """Take TAG off findings or inspections."""
    with open_store(store_path) as store, Notebook.open(notebook_path) as notebook:
        removed = notebook.remove_tag(records(store, findings, inspections), tag)
    say(f"removed {tag!r} from {removed} records")


@click.group(invoke_without_command=True)
@click.option("--orphaned", is_flag=True, help="Only notes whose record is not in this store.")
@format_option
@notebook_option
@store_option
@click.pass_context
@handle_errors
def notes(ctx: click.Context, orphaned: bool, fmt: str, notebook_path: Path | None,
          store_path: Path | None) -> None:
    """Your notes on findings and inspections, oldest first; a note whose record is not in the
    store (removed from the data, or another store) is kept and marked orphaned.

    \b
    Example:
      inspector notes
      inspector notes add --finding 12 "Quote this in the briefing"
      inspector notes remove 3
    """
    if ctx.invoked_subcommand is not None:
        return
    with Notebook.open(notebook_path, create=False) as notebook, open_store(store_path) as store:
        every = notebook.notes()
        present = {t: store.present_keys(t, [n.record.key for n in every if n.record.target == t])
                   for t in ("finding", "inspection")}
    rows = [_note_row(n, n.record.key not in present[n.record.target]) for n in every]
    rows = [r for r in rows if r["orphaned"] == "yes"] if orphaned else rows
    columns = ["id", "added", "about", "note", "orphaned"]
    say(render(rows, columns + (["target", "key"] if fmt != "table" else []), fmt)
        if rows or fmt != "table" else "no notes" + (" are orphaned" if orphaned else " yet"),
        data=fmt != "table")


def _note_row(note: Note, orphaned: bool) -> dict[str, object]:
    return {"id": note.note_id, "added": note.added[:10], "about": note.record.describe(), "note": note.text,
            "orphaned": "yes" if orphaned else "", "target": note.record.target, "key": note.record.key}


@notes.command(name="add")
@click.argument("text")
@_targets
@notebook_option
@store_option
@handle_errors
def add_note(text: str, findings: tuple[int, ...], inspections: tuple[str, ...], notebook_path: Path | None,
             store_path: Path | None) -> None:
    """Keep the note TEXT on a finding or an inspection."""
    with open_store(store_path) as store, Notebook.open(notebook_path) as notebook:
        chosen = records(store, findings, inspections)
        ids = [notebook.add_note(record, text) for record in chosen]
    say(f"kept note {', '.join(map(str, ids))} in {notebook.path}")


@notes.command(name="remove")
@click.argument("note_id", type=int)
@notebook_option
@handle_errors
def remove_note(note_id: int, notebook_path: Path | None) -> None:
    """Remove note NOTE_ID (its id in 'inspector notes')."""
    with Notebook.open(notebook_path, create=False) as notebook:
        if not notebook.remove_note(note_id):
            fail(f"{notebook.path}: no note with id {note_id}")
    say(f"removed note {note_id}")
