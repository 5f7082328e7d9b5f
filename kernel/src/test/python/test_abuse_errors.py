"""Issue 9, errors in the user's terms: a name with $ or \\ gets the CLI's "No such container", a
huge --filter is not "Cannot connect", `version --format` works, `%%writefile -a` without a name is an
error. The reference for every text is the docker CLI 28.2 on the same engine."""
import pytest

from abuse import english_kernel, cli_text, expect_reply
from conftest import execute, stop_kernel

NAMES = ["a$b", "q$1", "x\\y"]
COMMANDS = {
    "logs": "logs {n}", "stop": "stop {n}", "start": "start {n}", "kill": "kill {n}", "wait": "wait {n}",
    "pause": "pause {n}", "unpause": "unpause {n}", "restart": "restart {n}", "rename": "rename {n} renamed-x",
    "top": "top {n}", "port": "port {n}", "exec": "exec {n} true", "cp": "cp {n}:/etc/hostname /tmp/",
    "rm": "rm {n}", "attach": "attach {n}", "inspect": "inspect {n}",
}


@pytest.fixture(scope="module")
def session(tmp_path_factory):
    manager, client = english_kernel(cwd=tmp_path_factory.mktemp("errors-cwd"))
    yield manager, client
    stop_kernel(manager, client)


@pytest.mark.deadline(60)
@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_a_name_with_regex_characters_gets_the_clis_no_such_container(session, command, name):
    _, client = session
    args = COMMANDS[command].format(n=name).split(" ")
    _, _, cli_err = cli_text(*args)
    quoted = " ".join("'" + a + "'" if name in a else a for a in args)
    cell = execute(client, f"docker {quoted}")
    assert cell.status == "error"
    # What the CLI writes to stderr, line for line: a command that goes on past a refusal (start and
    # rename print the engine's words, then their own closing error) shows the refusal on stderr and
    # the closing line as the cell's error.
    cli_lines = cli_err.splitlines()
    shown = cell.stream("stderr").splitlines() + cell.error["traceback"]
    assert shown[:len(cli_lines)] == cli_lines


@pytest.mark.deadline(120)
def test_a_10_mb_filter_is_not_a_failed_connection(session):
    manager, client = session
    assert execute(client, "F=$(docker run --rm busybox sh -c \"head -c 10000000 /dev/zero | tr '\\\\0' a\")"
                   ).status == "ok"
    cell = expect_reply(manager, client, "docker ps --filter name=$F", 60)
    assert cell.status == "error"
    assert "Cannot connect" not in cell.error_text, cell.error_text[:300]


@pytest.mark.deadline(120)
def test_a_10_mb_filter_typed_in_the_cell_is_not_a_failed_connection(session):
    manager, client = session
    cell = expect_reply(manager, client, "docker ps --filter name=" + "a" * 10_000_000, 60)
    assert cell.status == "error"
    assert "Cannot connect" not in cell.error_text, cell.error_text[:300]


@pytest.mark.deadline(60)
@pytest.mark.parametrize("template", ["{{.Server.Version}}", "{{.Server.APIVersion}}", "{{.Server.Os}}/{{.Server.Arch}}",
                                      "{{json .Server.Version}}"])
def test_version_format_prints_what_the_cli_prints(session, template):
    _, client = session
    status, out, _ = cli_text("version", "--format", template)
    assert status == 0
    cell = execute(client, f"docker version --format '{template}'")
    assert cell.status == "ok", cell.error_text
    assert cell.stream("stdout") == out


@pytest.mark.deadline(60)
@pytest.mark.parametrize("header", ["%%writefile -a", "%%writefile --append", "%%writefile"])
def test_writefile_without_a_name_is_an_error_and_writes_nothing(tmp_path, header):
    manager, client = english_kernel(cwd=tmp_path)
    try:
        cell = execute(client, f"{header}\nFROM busybox\n")
        assert cell.status == "error"
        assert list(tmp_path.iterdir()) == [], f"{header} without a name wrote {list(tmp_path.iterdir())}"
    finally:
        stop_kernel(manager, client)
