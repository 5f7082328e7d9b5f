"""The docker CLI's global flags before the command, in a cell, against the private engine and the CLI
28.2 on the same engine: -H and -c send that one command elsewhere, and the session's engine is the
same afterwards; refusals in the CLI's words (issue 24)."""
import os
import shutil
import tempfile

import pytest

from conftest import ROOT, cli, execute, start_kernel, stop_kernel

HOST = os.environ.get("DOCKER_HOST", "")


@pytest.fixture(scope="module")
def config_dir():
    """A context store of the test's own, with a context naming the private engine (made by the CLI)."""
    if not HOST.startswith("unix://"):
        pytest.skip("needs DOCKER_HOST=unix://... of the private engine (install/engine)")
    os.makedirs(os.path.join(ROOT, "target"), exist_ok=True)
    folder = tempfile.mkdtemp(prefix="global-flags-", dir=os.path.join(ROOT, "target"))
    made = cli("--config", folder, "context", "create", "lessons", "--docker", f"host={HOST}")
    assert made.returncode == 0, made.stderr.decode()
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="module")
def kernel(config_dir):
    # No DOCKER_HOST: the kernel follows the context store, as a laptop's kernel does; the session's
    # engine is then whatever "default" is, and the flags choose the private engine for one command.
    manager, client = start_kernel(extra_env={"DOCKER_CONFIG": config_dir, "DOCKER_HOST": ""})
    yield client
    stop_kernel(manager, client)


def test_host_flag_sends_one_command_to_that_engine(kernel):
    expected = cli("ps", "-a", "--format", "{{.Names}}")
    cell = execute(kernel, f"docker -H {HOST} ps -a --format '{{{{.Names}}}}'")
    assert cell.status == "ok", cell.error_text()
    assert cell.stream("stdout") == expected.stdout.decode()


def test_context_flag_against_the_cli(kernel, config_dir):
    expected = cli("--config", config_dir, "-c", "lessons", "version", "--format", "{{.Server.Version}}",
                   env={"DOCKER_HOST": ""})
    assert expected.returncode == 0, expected.stderr.decode()
    cell = execute(kernel, "docker -c lessons version --format '{{.Server.Version}}'")
    assert cell.status == "ok", cell.error_text()
    assert cell.stream("stdout") == expected.stdout.decode()
    # glued and long spellings, and flags that change only what the CLI logs
    for line in ("docker --context=lessons info --format '{{.Name}}'", "docker -D -l warn -c lessons info --format '{{.Name}}'"):
        again = execute(kernel, line)
        assert again.status == "ok", again.error_text()


def test_the_sessions_engine_is_unchanged_after_a_flag(kernel, config_dir):
    execute(kernel, "docker -c lessons ps")
    shown = execute(kernel, "docker context show")
    assert shown.stream("stdout") == "default\n"


def test_unknown_context_in_the_cli_words(kernel, config_dir):
    expected = cli("--config", config_dir, "-c", "nosuch", "ps", env={"DOCKER_HOST": ""})
    cell = execute(kernel, "docker -c nosuch ps")
    assert cell.status == "error"
    assert expected.stderr.decode().strip() in cell.error_text


@pytest.mark.parametrize("line", ["--bogus ps", "-c lessons -H unix:///x.sock ps", "-l loud ps",
                                  "-H unix:///a.sock -H unix:///b.sock ps"])
def test_refusals_in_the_cli_words(kernel, config_dir, line):
    expected = cli("--config", config_dir, *line.split(), env={"DOCKER_HOST": ""})
    assert expected.returncode != 0
    cell = execute(kernel, "docker " + line)
    assert cell.status == "error"
    assert cell.error_text.startswith(expected.stderr.decode().strip().splitlines()[0]), cell.error_text


def test_version_flag(kernel):
    for line in ("docker -v", "docker --version"):
        cell = execute(kernel, line)
        assert cell.status == "ok", cell.error_text
        assert cell.stream("stdout").startswith("Docker version "), cell.stream("stdout")
