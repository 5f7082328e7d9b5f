"""A hostile or careless user against the swarm, node, service, secret and config commands (issue 24's work):
files that never end or block (a named pipe, /dev/zero), values the CLI refuses or takes, services that never
converge or flood their logs. Each kernel text is checked against the docker CLI 28.2 where the CLI has one.

The tests marked `cluster` need install/cluster's nodes (DOCKER_CLUSTER_PREFIX; install/test starts a cluster
of 3): a swarm is made on node1 here (any swarm the nodes were in is left first) and left at the end. The others
run on the private engine, where no swarm is needed: the file is read before the engine is asked."""
import os
import subprocess

import pytest

from abuse import english_kernel, expect_reply, serves, unique
from conftest import cli, execute, start_kernel, stop_kernel
from test_abuse_files import interrupted
from test_cluster import nodes, wait_for

STOP_BUTTON_S = 2.0


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    path = tmp_path_factory.mktemp("swarm-abuse")
    os.mkfifo(path / "pipe")
    (path / "folder").mkdir()
    (path / "empty").write_bytes(b"")
    return path


@pytest.fixture(scope="module")
def session(folder):
    manager, client = english_kernel(cwd=folder)
    yield manager, client
    stop_kernel(manager, client)


@pytest.mark.deadline(60)
@pytest.mark.parametrize("kind", ["secret", "config"])
def test_create_from_a_named_pipe_nobody_writes_is_stopped_within_2s(session, kind):
    """The kernel opened the file with Files.newInputStream: open blocks on a pipe until a writer comes, where
    the stop button never reached it, and the kernel stayed busy for good (measured: 12 minutes, then killed)."""
    manager, client = session
    cell, took = interrupted(manager, client, f"docker {kind} create {unique('pipe')} pipe", 1.0)
    assert took < STOP_BUTTON_S, f"{kind} create from a pipe went on {took:.1f}s after the stop button"
    assert cell.status == "error"
    assert serves(manager, client)


@pytest.mark.deadline(60)
@pytest.mark.parametrize("kind", ["secret", "config"])
@pytest.mark.parametrize("source", ["/nonexistent/x", "folder", "empty", "-"])
def test_a_file_that_cannot_be_read_fails_in_the_cli_words(session, folder, kind, source):
    """The CLI's readSecretData words ("error reading from F: ...", "data is empty"), wrapped for a config in
    `Error reading content from "F":`; the kernel had its own ("error reading content from ...: no input")."""
    manager, client = session
    expected = subprocess.run(["docker", kind, "create", "x", source], cwd=folder, capture_output=True, text=True,
                              stdin=subprocess.DEVNULL, timeout=30).stderr.strip()
    assert expected, "the CLI printed nothing"
    cell = expect_reply(manager, client, f"docker {kind} create x {source}", 30)
    assert cell.status == "error"
    assert expected in cell.error_text, (expected, cell.error_text)


@pytest.mark.deadline(60)
def test_secret_create_from_dev_zero_ends(session):
    """/dev/zero never ends: the CLI reads twice the engine's limit and sends it; the engine refuses it."""
    manager, client = session
    cell = expect_reply(manager, client, "docker secret create zero /dev/zero", 30)
    assert cell.status == "error"
    assert serves(manager, client)


@pytest.mark.deadline(60)
def test_a_refused_service_create_prints_no_digest_warning_and_says_where_swarm_commands_go(session):
    """The kernel printed the CLI's "could not be accessed on a registry" warning before asking the engine, so a
    create the engine refused (here: no swarm) showed it above the refusal; the CLI's client library adds it to
    the engine's answer, so it is printed only when the service was made."""
    manager, client = session
    cell = expect_reply(manager, client, "docker service create busybox sleep 60", 30)
    assert cell.status == "error"
    assert "could not be accessed on a registry" not in cell.shown_text()
    assert "This node is not a swarm manager" in cell.error_text
    assert "docker swarm init" in cell.error_text.split("This node is not a swarm manager", 1)[1].split(
        "and try again.", 1)[1], "the hint says how to get a manager"


@pytest.mark.deadline(60)
def test_a_join_to_an_address_nobody_answers_hints_the_join_not_a_registry(session):
    """"network is unreachable" got the pull hint (the lesson images are built locally...)."""
    manager, client = session
    cell = expect_reply(manager, client, "docker swarm join --token SWMTKN-1-bad 10.99.99.99:2377", 30)
    assert cell.status == "error"
    assert "network is unreachable" in cell.error_text
    assert "registry" not in cell.error_text and "join-token" in cell.error_text, cell.error_text


# ---------------------------------------------------------------- on a swarm of install/cluster's node1

@pytest.fixture(scope="module")
def swarm_node():
    found = nodes()
    if not found:
        pytest.skip("needs install/cluster's nodes (install/cluster start; DOCKER_CLUSTER_PREFIX)")
    name, address, host = found[0]
    for _, _, other in reversed(found):
        cli("-H", other, "swarm", "leave", "--force", env={"DOCKER_CONTEXT": ""})
    made = cli("-H", host, "swarm", "init", "--advertise-addr", address, env={"DOCKER_CONTEXT": ""})
    assert made.returncode == 0, made.stderr.decode()
    yield host
    cli("-H", host, "swarm", "leave", "--force", env={"DOCKER_CONTEXT": ""})


@pytest.fixture(scope="module")
def swarm_session(swarm_node, folder):
    manager, client = start_kernel({"DOCKER_KERNEL_LANG": "en", "DOCKER_HOST": swarm_node, "DOCKER_CONTEXT": ""},
                                   cwd=folder)
    yield manager, client, swarm_node
    stop_kernel(manager, client)


def rss_kib(manager):
    with open(f"/proc/{manager.provisioner.process.pid}/status") as f:
        return int(next(line for line in f if line.startswith("VmRSS:")).split()[1])


@pytest.mark.cluster
@pytest.mark.deadline(120)
def test_a_config_over_the_secret_limit_is_sent_whole(swarm_session, folder):
    """The kernel read 500 KiB + 1 of any file for both kinds: a 600,000-byte config (the engine takes up to
    1000 KiB) was made from its first 512,001 bytes, without a word."""
    manager, client, host = swarm_session
    (folder / "big.conf").write_bytes(b"x" * 600_000)
    name = unique("conf")
    cell = expect_reply(manager, client, f"docker config create {name} big.conf", 30)
    assert cell.status == "ok", cell.error_text
    size = cli("-H", host, "config", "inspect", "-f", "{{len .Spec.Data}}", name, env={"DOCKER_CONTEXT": ""})
    cli("-H", host, "config", "rm", name, env={"DOCKER_CONTEXT": ""})
    assert size.stdout.decode().strip() == "600000"


@pytest.mark.cluster
@pytest.mark.deadline(180)
@pytest.mark.parametrize("script", ["while true; do echo aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa; done",
                                    "while true; do printf xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx; done"],
                         ids=["flood", "no-newline"])
def test_service_logs_follow_of_a_flood_is_stopped_within_2s_in_bounded_memory(swarm_session, script):
    manager, client, host = swarm_session
    name = unique("flood")
    try:
        assert execute(client, f"docker service create -d --name {name} busybox sh -c '{script}'").status == "ok"
        wait_for("the task runs", lambda: "Running" in cli("-H", host, "service", "ps", "--format", "{{.CurrentState}}",
                                                             name, env={"DOCKER_CONTEXT": ""}).stdout.decode())
        before = rss_kib(manager)
        cell, took = interrupted(manager, client, f"docker service logs -f {name}", 6.0)
        assert took < STOP_BUTTON_S, f"service logs -f went on {took:.2f}s after the stop button"
        assert rss_kib(manager) - before < 200 * 1024, "the kernel's memory grew by more than 200 MiB"
        assert len(cell.shown_text().encode()) < 4 << 20, "the cell kept more than its output budget"
        assert serves(manager, client)
    finally:
        cli("-H", host, "service", "rm", name, env={"DOCKER_CONTEXT": ""})


@pytest.mark.cluster
@pytest.mark.deadline(120)
def test_a_service_that_never_converges_is_stopped_within_2s(swarm_session):
    """An image no node has: the tasks are rejected again and again and the CLI's progress never ends."""
    manager, client, host = swarm_session
    name = unique("never")
    try:
        cell, took = interrupted(manager, client, f"docker service create --name {name} --replicas 2 nosuchimage:1 "
                                                  f"sleep 60", 5.0)
        assert took < STOP_BUTTON_S, f"the progress went on {took:.2f}s after the stop button"
        assert cell.status == "error"
        # the service was made: the hint said the engine "had not yet answered docker service create"
        assert "had not yet answered" not in cell.error_text and "docker service ps" in cell.error_text, \
            cell.error_text
        assert serves(manager, client)
    finally:
        cli("-H", host, "service", "rm", name, env={"DOCKER_CONTEXT": ""})


@pytest.mark.deadline(60)
def test_pwd_in_a_cell_is_the_folder_substitution_gives(session, folder):
    """`$(pwd)` is the notebook's folder, but a cell `pwd` said that pwd runs inside a container and pointed to
    docker exec; `$(pwd -x)` said the same instead of sh's "invalid option"."""
    manager, client = session
    cell = expect_reply(manager, client, "pwd\npwd -L\npwd -P", 30)
    assert cell.status == "ok", cell.error_text
    assert cell.stream("stdout") == f"{folder}\n" * 3
    cell = expect_reply(manager, client, 'docker run --rm -v "$(pwd -x)":/w busybox true', 30)
    assert cell.status == "error"
    assert "pwd: -x: invalid option" in cell.error_text and "docker exec" not in cell.error_text, cell.error_text
