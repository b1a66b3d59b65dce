"""Every command documents itself; user errors are one line without a traceback."""

import subprocess
import sys

import click
import pytest
from click.testing import CliRunner

from pipeline.cli import COMMANDS, cli


def test_group_help_lists_every_command():
    result = CliRunner().invoke(cli, ["--help"])
    assert result.exit_code == 0
    for name in COMMANDS:
        assert name in result.output


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_command_has_help_with_an_example(name):
    command = cli.get_command(click.Context(cli), name)
    assert command is not None, f"{name} does not import"
    result = CliRunner().invoke(cli, [name, "--help"])
    assert result.exit_code == 0, result.output
    assert (command.help or "").strip(), f"{name} has no help text"
    assert "Example:" in result.output, f"{name} --help shows no example"
    assert f"qualflow {name}" in result.output, f"{name}'s example does not show the command"


def test_python_dash_m_pipeline_runs_the_same_cli():
    result = subprocess.run([sys.executable, "-m", "pipeline", "--help"], capture_output=True, text=True)
    assert result.returncode == 0
    assert "parse" in result.stdout
