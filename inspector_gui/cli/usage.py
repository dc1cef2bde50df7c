"""Usage errors as one line: click prints its usage, a hint and the error on three lines; the
README promises ``inspector: problem`` on one line and exit code 2 for every mistake."""

from __future__ import annotations

from typing import IO, Any

import click
from click.exceptions import NoArgsIsHelpError

from inspector_gui.errors import one_line


class UsageLine(click.ClickException):
    """A :class:`click.UsageError` shown as one line naming the option and where help is."""

    exit_code = 2

    def __init__(self, error: click.UsageError, command: str) -> None:
        command = error.ctx.command_path if error.ctx is not None else command
        super().__init__(f"{error.format_message().rstrip('.')} (see '{command} --help')")

    def show(self, file: IO[Any] | None = None) -> None:
        click.echo(f"inspector: {one_line(self.message)}", file=file, err=file is None)


class InspectorGroup(click.Group):
    """The ``inspector`` group: a usage error in its own arguments or a command's becomes a
    :class:`UsageLine` (bare ``inspector`` still prints its help)."""

    def make_context(self, info_name: str | None, args: list[str], parent: click.Context | None = None,
                     **extra: Any) -> click.Context:
        try:
            return super().make_context(info_name, args, parent, **extra)
        except NoArgsIsHelpError:
            raise
        except click.UsageError as exc:
            raise UsageLine(exc, info_name or "inspector") from None

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except click.UsageError as exc:  # the parser's errors may carry no context: name the command
            raise UsageLine(exc, " ".join(filter(None, (ctx.command_path, ctx.invoked_subcommand)))) from None
