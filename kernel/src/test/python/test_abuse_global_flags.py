"""Hostile global flags (issue 24's -H, -c, --config, --tls*): the files they name may be devices,
named pipes or huge; the kernel reads a bounded beginning of a regular file, never a device whole and
never blocks on a pipe, so every cell is answered and the kernel goes on serving."""
import json
import os
import socket
import threading
import time

import pytest

from abuse import english_kernel, expect_reply, serves
from conftest import cli, stop_kernel

NOWHERE = "-H tcp://127.0.0.1:1"


@pytest.fixture(scope="module")
def session(tmp_path_factory):
    manager, client = english_kernel(cwd=tmp_path_factory.mktemp("global-flags-cwd"))
    yield manager, client
    stop_kernel(manager, client)


def huge_file(path, size=1 << 30):
    """A sparse file of `size` bytes: large to read, nothing on the disk."""
    with open(path, "wb") as f:
        f.truncate(size)
    return path


def special_files(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    return {"device": "/dev/zero", "pipe": str(fifo), "huge": str(huge_file(tmp_path / "huge.pem"))}


def answered_error(manager, client, code):
    start = time.monotonic()
    cell = expect_reply(manager, client, code, 30)
    assert time.monotonic() - start < 15, f"{code!r} took {time.monotonic() - start:.1f}s"
    assert cell.status == "error", cell.shown_text()[:500]
    return cell


@pytest.mark.deadline(120)
@pytest.mark.parametrize("kind", ["device", "pipe", "huge"])
@pytest.mark.parametrize("flags", ["--tlsverify --tlscacert {f}", "--tlsverify --tlscacert {f} --tlscert {f} --tlskey {f}"])
def test_a_tls_file_that_is_a_device_a_pipe_or_huge_is_refused(session, tmp_path, kind, flags):
    manager, client = session
    path = special_files(tmp_path)[kind]
    cell = answered_error(manager, client, f"docker {flags.format(f=path)} {NOWHERE} ps")
    assert f"read {path}: " in cell.error_text, cell.error_text
    assert serves(manager, client)


@pytest.mark.deadline(60)
def test_a_tls_file_that_is_a_folder_in_the_clis_words(session):
    manager, client = session
    cell = answered_error(manager, client, f"docker --tlsverify --tlscacert /etc {NOWHERE} ps")
    # docker 28.2: "Failed to initialize: unable to resolve docker endpoint: read /etc: is a directory"
    assert cell.error_text.startswith("Failed to initialize: unable to resolve docker endpoint: read /etc: is a directory")


@pytest.mark.deadline(120)
@pytest.mark.parametrize("kind", ["device", "pipe", "huge"])
def test_a_context_whose_meta_json_is_a_device_a_pipe_or_huge(session, tmp_path, kind):
    manager, client = session
    config, meta = context_store(tmp_path)
    meta.unlink()
    os.symlink(special_files(tmp_path)[kind], meta)
    cell = answered_error(manager, client, f"docker --config {config} -c odd ps")
    assert f'context "odd": open {meta}: ' in cell.error_text, cell.error_text
    assert serves(manager, client)


@pytest.mark.deadline(120)
@pytest.mark.parametrize("text", ['{"Name": "odd", "Endpoints": ' + "[" * 100_000, "[" * 300 + "]" * 300,
                                  '{"Name": "odd", "Endpoints": [', "", "5", "[1]", '"odd"', "null", "{} x"])
def test_a_context_whose_meta_json_is_malformed_in_the_clis_words(session, tmp_path, text):
    manager, client = session
    config, meta = context_store(tmp_path)
    meta.write_text(text)
    expected = cli("--config", str(config), "-c", "odd", "ps").stderr.decode().strip()
    cell = answered_error(manager, client, f"docker --config {config} -c odd ps")
    if "[" * 300 in text:  # the CLI reads it (and finds no docker endpoint); the kernel reads 255 levels deep
        assert "exceeded max depth" in cell.error_text, cell.error_text
    else:
        assert cell.error_text.startswith(expected), (cell.error_text, expected)
    assert serves(manager, client)


def context_store(tmp_path):
    """A context store with one context "odd", made by the CLI; its folder and meta.json."""
    config = tmp_path / "config"
    made = cli("--config", str(config), "context", "create", "odd", "--docker", "host=unix:///nowhere.sock")
    assert made.returncode == 0, made.stderr
    return config, next((config / "contexts" / "meta").glob("*/meta.json"))


@pytest.mark.deadline(120)
@pytest.mark.parametrize("kind", ["device", "pipe", "huge"])
def test_a_config_json_that_is_a_device_a_pipe_or_huge(session, tmp_path, kind):
    manager, client = session
    config = tmp_path / "config"
    config.mkdir()
    os.symlink(special_files(tmp_path)[kind], config / "config.json")
    expect_reply(manager, client, f"docker --config {config} ps", 30)
    expect_reply(manager, client, f"docker --config {config} context ls", 30)
    assert serves(manager, client)


class TcpToUnix:
    """A plain tcp:// address in front of the private engine's unix socket, as an engine published
    without TLS on a port is (dockerd -H tcp://0.0.0.0:2375); or, with silent=True, a port that
    takes connections and never answers."""

    def __init__(self, socket_path=None):
        self.socket_path = socket_path
        self.server = socket.socket()
        self.server.bind(("127.0.0.1", 0))
        self.server.listen(64)
        self.held = []
        self.host = f"tcp://127.0.0.1:{self.server.getsockname()[1]}"
        threading.Thread(target=self.accept, daemon=True).start()

    def accept(self):
        while True:
            try:
                client, _ = self.server.accept()
            except OSError:
                return
            if self.socket_path is None:
                self.held.append(client)  # silent: read nothing, answer nothing
                continue
            engine = socket.socket(socket.AF_UNIX)
            engine.connect(self.socket_path)
            for a, b in ((client, engine), (engine, client)):
                threading.Thread(target=self.pipe, args=(a, b), daemon=True).start()

    @staticmethod
    def pipe(source, sink):
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for s in (source, sink):
                try:
                    s.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass

    def close(self):
        self.server.close()
        for s in self.held:
            s.close()


def private_socket():
    host = os.environ.get("DOCKER_HOST", "")
    if not host.startswith("unix://"):
        pytest.skip("needs DOCKER_HOST=unix://... of the private engine (install/engine)")
    return host[len("unix://"):]


@pytest.mark.deadline(60)
def test_a_plain_tcp_engine_answers(session):
    """-H tcp://... of an engine without TLS: the kernel spoke https to it (an SSL context meant never
    to be used) and said 'The kernel could not finish this command'."""
    manager, client = session
    proxy = TcpToUnix(private_socket())
    try:
        expected = cli("-H", proxy.host, "version", "--format", "{{.Server.Version}}")
        assert expected.returncode == 0, expected.stderr
        cell = expect_reply(manager, client, f"docker -H {proxy.host} version --format '{{{{.Server.Version}}}}'", 30)
        assert cell.status == "ok", cell.shown_text()
        assert cell.stream("stdout") == expected.stdout.decode()
    finally:
        proxy.close()


@pytest.mark.deadline(180)
def test_the_stop_button_ends_a_command_sent_to_a_silent_engine_and_nothing_stays_open(session):
    """-H to a port that takes the connection and never answers: the stop button ends each cell at
    once, and the one-command gateway is closed every time (the kernel's threads and open files are
    as many after 60 stopped cells as after the first)."""
    manager, client = session
    silent = TcpToUnix()
    pid = manager.provisioner.process.pid

    def counts():
        return len(os.listdir(f"/proc/{pid}/task")), len(os.listdir(f"/proc/{pid}/fd"))

    try:
        seen = []
        for i in range(60):
            msg_id = client.execute(f"docker -H {silent.host} ps")
            time.sleep(0.3)
            pressed = time.monotonic()
            manager.interrupt_kernel()
            while (reply := client.get_shell_msg(timeout=30))["parent_header"].get("msg_id") != msg_id:
                pass
            assert time.monotonic() - pressed < 3, f"cell {i}: {time.monotonic() - pressed:.1f}s after the stop button"
            assert reply["content"]["status"] == "error"
            if i in (5, 59):
                time.sleep(1)
                seen.append(counts())
        (threads_5, files_5), (threads_60, files_60) = seen
        assert threads_60 <= threads_5 + 3 and files_60 <= files_5 + 5, f"after 5 and 60 stopped cells: {seen}"
    finally:
        silent.close()
    assert serves(manager, client)


@pytest.mark.deadline(60)
def test_a_host_flag_where_nothing_answers_is_named_as_the_flag(session):
    """The refusal names -H, not DOCKER_HOST 'from its kernelspec': the reader typed the address."""
    manager, client = session
    cell = answered_error(manager, client, "docker -H tcp://127.0.0.1:1 ps")
    assert cell.error_text.startswith("Cannot connect to the Docker daemon at tcp://127.0.0.1:1. Is the docker daemon running?")
    assert "tcp://127.0.0.1:1 (-H): connection refused" in cell.shown_text(), cell.shown_text()
    assert "kernelspec" not in cell.shown_text() and "-H" in cell.error_text.split("\n", 2)[-1], cell.error_text


@pytest.mark.deadline(120)
@pytest.mark.parametrize("kind", ["device", "pipe", "huge"])
def test_context_create_with_a_tls_file_that_is_a_device_a_pipe_or_huge(session, tmp_path, kind):
    manager, client = session
    path = special_files(tmp_path)[kind]
    cell = answered_error(manager, client, f"docker --config {tmp_path / 'config'} context create odd "
                                           f"--docker host=tcp://127.0.0.1:2376,ca={path}")
    assert f"open {path}: " in cell.error_text, cell.error_text
    assert serves(manager, client)
