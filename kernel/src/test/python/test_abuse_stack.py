"""A hostile or careless user against docker stack deploy and docker swarm ca (last session's work): stack files
whose numbers are out of any range, files named hundreds of times, a CA file that never ends or never opens.
Each text is checked against the docker CLI 28.2 where the CLI has one.

The tests marked `cluster` deploy on install/cluster's node1 (a swarm made there by test_abuse_swarm's
swarm_node fixture); the others are refused while the file is read, before the engine is asked."""
import subprocess

import pytest

from abuse import expect_reply, serves, unique
from conftest import cli
from test_abuse_files import interrupted
# the kernels of test_abuse_swarm, in this module's folder (a fixture asks for `folder` by name)
from test_abuse_swarm import STOP_BUTTON_S, rss_kib, session, swarm_node, swarm_session  # noqa: F401 (fixtures)

SERVICE = "services:\n  web:\n    image: busybox\n    command: sleep 600\n"


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    import os
    path = tmp_path_factory.mktemp("stack-abuse")
    os.mkfifo(path / "pipe")
    (path / "range.yml").write_text(SERVICE + "    ports:\n      - target: 80\n        published: \"1-300000000\"\n")
    (path / "target.yml").write_text(SERVICE + "    ports:\n      - target: \"1-300000000\"\n")
    (path / "nan.yml").write_text(SERVICE + "    deploy:\n      update_config:\n        max_failure_ratio: NaN\n")
    (path / "inf.yml").write_text(SERVICE + "    deploy:\n      update_config:\n        max_failure_ratio: 1e999\n")
    (path / "negative.yml").write_text(SERVICE + "    deploy:\n      replicas: -1\n")
    (path / "notarget.yml").write_text(SERVICE + "    ports:\n      - published: 18080\n")
    (path / "s.bin").write_bytes(b"s" * 511_000)
    names = [f"s{i}" for i in range(450)]
    (path / "many.yml").write_text(SERVICE + f"    secrets: [{', '.join(names)}]\nsecrets:\n"
                                   + "".join(f"  {n}:\n    file: s.bin\n" for n in names))
    (path / "big.conf").write_bytes(b"c" * 600_000)
    os.symlink("loop-b", path / "loop-a")
    os.symlink("loop-a", path / "loop-b")
    (path / "config.yml").write_text(SERVICE + "    configs: [big]\nconfigs:\n  big:\n    file: big.conf\n")
    return path


def cli_error(folder, *args):
    out = subprocess.run(["docker", *args], cwd=folder, capture_output=True, text=True, stdin=subprocess.DEVNULL,
                         timeout=30)
    return out.stderr.strip().splitlines()[0] if out.stderr.strip() else ""


@pytest.mark.deadline(60)
@pytest.mark.parametrize("file,words", [
    # the kernel spelled the range out, 300 million ports: its heap ran out and it ended
    ("range.yml", "services.web.ports.0.published must be a integer"),
    ("target.yml", "services.web.ports.0.target must be a integer"),
    # NaN was sent in the JSON (the engine: "invalid character 'N'"), after the stack's network was made
    ("nan.yml", "services.web.deploy.update_config.max_failure_ratio must be a number"),
    ("inf.yml", "services.web.deploy.update_config.max_failure_ratio must be a number"),
    # the engine's JSON error on -1, after the stack's network was made
    ("negative.yml", "cannot parse 'Deploy.Replicas', -1 overflows uint"),
], ids=["published-range", "target-range", "nan", "inf", "negative-replicas"])
def test_a_stack_file_out_of_range_is_refused_as_it_is_read(session, folder, file, words):
    manager, client = session
    cell = expect_reply(manager, client, f"docker stack deploy -c {file} {unique('st')}", 30)
    assert cell.status == "error"
    assert words in cell.error_text, cell.error_text
    assert "Creating" not in cell.stream("stdout"), "something was made before the file was refused"
    assert serves(manager, client)


@pytest.mark.deadline(60)
@pytest.mark.parametrize("command", ["docker stack deploy -c loop-a st", "docker compose -f loop-a config"])
def test_a_compose_file_that_is_a_symlink_loop_is_named_so(session, folder, command):
    """A link in a loop was called missing ("no such file or directory"); the CLI: "open loop-a: too many levels of
    symbolic links", which the JDK follows with "or unable to access attributes of symbolic link"."""
    manager, client = session
    assert "too many levels of symbolic links" in cli_error(folder, "stack", "deploy", "-c", "loop-a", "st")
    cell = expect_reply(manager, client, command, 30)
    assert cell.status == "error"
    assert "loop-a: too many levels of symbolic links\n" in cell.error_text + "\n", cell.error_text


@pytest.mark.deadline(60)
@pytest.mark.parametrize("fact", ["service web replicas -1", "service web replicas 99999999999999999999",
                                  "service web replicas x"])
def test_a_check_of_a_count_no_service_can_have_is_no_fact(session, fact):
    """The engine was asked first: with no swarm, "replicas -1" was checked and failed with the engine's error
    instead of being named a line that is no fact, as "stack s services -1" is."""
    manager, client = session
    cell = expect_reply(manager, client, f"%%check\n{fact}", 30)
    assert cell.status == "error"
    assert f'"{fact}" is not a fact the kernel can check' in cell.error_text, cell.error_text


@pytest.mark.deadline(60)
def test_swarm_ca_from_dev_zero_ends_in_words_and_the_kernel_lives(session, folder):
    """Files.readString of /dev/zero filled the heap: the kernel ended (OutOfMemoryError)."""
    manager, client = session
    cell = expect_reply(manager, client, "docker swarm ca --rotate --ca-cert /dev/zero", 30)
    assert cell.status == "error"
    assert 'invalid argument "/dev/zero" for "--ca-cert" flag: read /dev/zero: file too large' in cell.error_text, \
        cell.error_text
    assert serves(manager, client)


@pytest.mark.deadline(60)
def test_swarm_ca_from_a_named_pipe_nobody_writes_is_stopped_within_2s(session):
    """Files.readString blocked in open, where the stop button never reached it."""
    manager, client = session
    cell, took = interrupted(manager, client, "docker swarm ca --rotate --ca-cert pipe --ca-key pipe", 1.0)
    assert took < STOP_BUTTON_S, f"swarm ca went on {took:.1f}s after the stop button"
    assert cell.status == "error"
    assert serves(manager, client)


@pytest.mark.deadline(60)
def test_swarm_ca_from_a_missing_file_in_the_clis_words(session, folder):
    manager, client = session
    expected = cli_error(folder, "swarm", "ca", "--rotate", "--ca-cert", "missing.pem")
    cell = expect_reply(manager, client, "docker swarm ca --rotate --ca-cert missing.pem", 30)
    assert cell.status == "error"
    assert expected and expected.split("flag: ", 1)[1] in cell.error_text, (expected, cell.error_text)


# ---------------------------------------------------------------- on a swarm of install/cluster's node1

def on(host, *args):
    return cli("-H", host, *args, env={"DOCKER_CONTEXT": ""})


def remove_stack(host, stack):
    on(host, "stack", "rm", stack)
    for kind in ("secret", "config"):
        ids = on(host, kind, "ls", "-q", "--filter", f"label=com.docker.stack.namespace={stack}").stdout.decode().split()
        if ids:
            on(host, kind, "rm", *ids)


@pytest.mark.cluster
@pytest.mark.deadline(180)
def test_hundreds_of_secrets_from_one_file_are_made_in_bounded_memory(swarm_session):
    """Every file's data was held until all were made: 450 secrets of one 511,000-byte file ended the kernel
    (OutOfMemoryError, 256 MiB heap), where the CLI makes them all."""
    manager, client, host = swarm_session
    stack = unique("many")
    try:
        before = rss_kib(manager)
        cell = expect_reply(manager, client, f"docker stack deploy -c many.yml {stack}", 150)
        assert cell.status == "ok", cell.error_text[-2000:]
        assert cell.stream("stdout").count("Creating secret") == 450
        assert rss_kib(manager) - before < 200 * 1024, "the kernel's memory grew by more than 200 MiB"
        assert serves(manager, client)
    finally:
        remove_stack(host, stack)


@pytest.mark.cluster
@pytest.mark.deadline(120)
def test_a_stack_config_over_the_secret_limit_is_sent_whole(swarm_session):
    """The stack read 500 KiB + 1 of a config too: a 600,000-byte config (the engine takes 1000 KiB) was made from
    its first 512,001 bytes, without a word."""
    manager, client, host = swarm_session
    stack = unique("conf")
    try:
        cell = expect_reply(manager, client, f"docker stack deploy -c config.yml {stack}", 60)
        assert cell.status == "ok", cell.error_text
        size = on(host, "config", "inspect", "-f", "{{len .Spec.Data}}", f"{stack}_big")
        assert size.stdout.decode().strip() == "600000", size
    finally:
        remove_stack(host, stack)


@pytest.mark.cluster
@pytest.mark.deadline(120)
def test_a_long_syntax_port_without_target_is_deployed_as_the_cli_does(swarm_session):
    """The kernel failed on the missing target ("The kernel could not finish this command"); the CLI makes it."""
    manager, client, host = swarm_session
    stack = unique("nt")
    try:
        cell = expect_reply(manager, client, f"docker stack deploy -c notarget.yml {stack}", 60)
        assert cell.status == "ok", cell.error_text
        assert f"Creating service {stack}_web" in cell.stream("stdout")
    finally:
        remove_stack(host, stack)


@pytest.mark.cluster
@pytest.mark.deadline(120)
def test_service_logs_since_takes_a_duration_as_the_cli_does(swarm_session):
    """--since went to the engine as typed: the engine parses only seconds, so "10m" was refused ("could not parse
    since timestamp"), and "garbage" had the engine's words, where the CLI's client converts and says its own."""
    manager, client, host = swarm_session
    name = unique("since")
    try:
        made = on(host, "service", "create", "-d", "--name", name, "busybox", "sh", "-c", "echo hello-since; sleep 600")
        assert made.returncode == 0, made.stderr
        from test_cluster import wait_for
        wait_for("the line is logged", lambda: b"hello-since" in on(host, "service", "logs", name).stdout)
        cell = expect_reply(manager, client, f"docker service logs --since 10m {name}", 30)
        assert cell.status == "ok", cell.error_text
        assert "hello-since" in cell.stream("stdout")
        expected = on(host, "service", "logs", "--since", "garbage", name).stderr.decode().strip()
        assert expected == 'invalid value for "since": failed to parse value as time or duration: "garbage"', expected
        cell = expect_reply(manager, client, f"docker service logs --since garbage {name}", 30)
        assert cell.status == "error" and expected in cell.error_text, cell.error_text
    finally:
        on(host, "service", "rm", name)
