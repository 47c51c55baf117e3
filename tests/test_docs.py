"""The README documents every CLI command, every setting and the two commands CI relies on."""

from __future__ import annotations

import re
from pathlib import Path

import click

from ftzgraph.api.cli.main import cli
from ftzgraph.api.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _commands(group: click.Group, prefix: str = "ftzgraph") -> list[str]:
    names = []
    for name, command in group.commands.items():
        names.append(f"{prefix} {name}")
        if isinstance(command, click.Group):
            names.extend(_commands(command, f"{prefix} {name}"))
    return names


def test_every_cli_command_is_documented() -> None:
    missing = [name for name in _commands(cli) if f"`{name}" not in README]
    assert missing == []


def test_every_setting_is_documented() -> None:
    assert Settings.model_fields  # an import failure or an empty model fails here, never passes silently
    missing = [f"FTZGRAPH_{name.upper()}" for name in Settings.model_fields if f"FTZGRAPH_{name.upper()}" not in README]
    assert missing == []


def test_ci_runs_the_readme_test_command() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    match = re.search(r"^make (\w+)\s+# sets up .venv and the Debian packages", README, re.M)
    assert match, "README must give the test command"
    assert f"make {match.group(1)}" in ci


def test_every_example_query_file_is_mentioned() -> None:
    for query in sorted((ROOT / "api" / "queries").glob("*.rq")):
        assert f"{query.name}" in README, query.name


def test_data_readme_names_every_data_file() -> None:
    data_readme = (ROOT / "data" / "README.md").read_text(encoding="utf-8")
    for path in sorted((ROOT / "data").rglob("*")):
        if path.is_file() and path.suffix in {".yaml", ".ttl", ".txt", ".md"} and path.name != "README.md":
            assert path.name in data_readme, path
