"""The warm-up (session/Warmup, engine/RehearsalEngine) attacked: it rehearses real cells against an
engine inside the kernel right after the first kernel_info_reply. A cell sent at that very moment,
SIGINT (what jupyter_client sends when a kernelspec says interrupt_mode "signal", and what a terminal's
Ctrl-C sends to a kernel started in its process group), shutdown during the warm-up, two kernels at
once, a temp folder where no unix socket fits or none can be made: the user's cells are answered as
without a warm-up, nothing of the warm-up shows (output, $?, variables, history, execution_count),
the user's engine gets none of its requests, and its folder goes with its kernel."""
import glob
import json
import os
import queue
import signal
import socketserver
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler

import pytest
from jupyter_client.manager import KernelManager

from abuse import expect_reply, process_ended, wait_until
from conftest import ROOT, execute, kernel_pid, start_kernel, stop_kernel

ENGLISH = {"DOCKER_KERNEL_LANG": "en"}
NOTHING = "docker ps -q --filter name=^nothing-here$"


def started_kernel():
    """A kernel started, and its client, with no request sent yet (no kernel_info: no warm-up)."""
    manager = KernelManager(kernel_name="docker")
    manager.kernel_spec.env = {**manager.kernel_spec.env, **ENGLISH}
    manager.start_kernel()
    return manager, manager.client()


def rehearsal_folders(pid, parent="/tmp"):
    return glob.glob(os.path.join(parent, f"docker-kernel-rehearsal-{pid}-*"))


def start_kernel_with_sigint_at_default():
    """A process started in the background by a script (as CI starts this suite: `nohup ... &`) has SIGINT
    ignored, its children inherit that, and the JVM then leaves it ignored: SIGINT could not reach the
    kernel's handler at all. A Python handler is not inherited across exec, so with one set here the
    kernel starts with SIGINT at its default, as it does under a Jupyter server started from a terminal."""
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        return start_kernel(ENGLISH)
    finally:
        signal.signal(signal.SIGINT, previous)


def test_sigint_while_idle_or_warming_up_leaves_the_kernel_serving():
    manager, client = start_kernel_with_sigint_at_default()
    try:
        pid = kernel_pid(manager)
        os.kill(pid, signal.SIGINT)  # the warm-up has just begun: the kernel_info_reply was a moment ago
        time.sleep(1.5)
        assert not process_ended(manager), "SIGINT during the warm-up ended the kernel"
        cell = expect_reply(manager, client, NOTHING, 30)
        assert cell.status == "ok" and cell.stream("stdout") == ""
        assert cell.reply["content"]["execution_count"] == 1
    finally:
        stop_kernel(manager, client)


def test_sigint_during_a_cell_is_the_stop_button():
    manager, client = start_kernel_with_sigint_at_default()
    try:
        pid = kernel_pid(manager)
        msg_id = client.execute("docker events")
        time.sleep(1.5)
        started = time.monotonic()
        os.kill(pid, signal.SIGINT)
        reply = None
        while time.monotonic() - started < 10:
            try:
                msg = client.get_shell_msg(timeout=0.2)
            except queue.Empty:
                assert not process_ended(manager), "SIGINT during a cell ended the kernel"
                continue
            if msg["parent_header"].get("msg_id") == msg_id:
                reply = msg
                break
        assert reply is not None, "SIGINT did not end the following cell within 10 s"
        assert time.monotonic() - started < 5
        assert expect_reply(manager, client, NOTHING, 30).status == "ok"
    finally:
        stop_kernel(manager, client)


def test_a_cell_sent_with_the_first_kernel_info_request_runs_as_the_first_cell():
    """No wait_for_ready: kernel_info and the cell go out together, so the cell arrives as the warm-up starts."""
    manager, client = started_kernel()
    client.start_channels()
    try:
        client.kernel_info()
        first = 'docker inspect "probe-$?"'
        cell = expect_reply(manager, client, first, 60)
        assert "No such object: probe-0" in cell.shown_text(), cell.shown_text()
        assert cell.reply["content"]["execution_count"] == 1
        assert expect_reply(manager, client, "X=1", 30).status == "ok"
        time.sleep(3)  # the warm-up goes on after the cells: nothing of it is published or counted
        cell = expect_reply(manager, client, 'docker inspect "probe-$X"', 30)
        assert "No such object: probe-1" in cell.shown_text(), cell.shown_text()
        cell = expect_reply(manager, client, 'docker inspect "$ID"', 30)
        assert "Variable ID is not set" in cell.shown_text(), cell.shown_text()
        assert cell.reply["content"]["execution_count"] == 4
        history = client.history(hist_access_type="tail", n=100, reply=True, timeout=10)["content"]["history"]
        assert [row[2] for row in history] == [first, "X=1", 'docker inspect "probe-$X"', 'docker inspect "$ID"']
    finally:
        stop_kernel(manager, client)


def test_shutdown_during_the_warm_up_ends_the_process_and_removes_its_folder():
    manager, client = start_kernel(ENGLISH)
    pid = kernel_pid(manager)
    try:
        assert wait_until(lambda: rehearsal_folders(pid), 5), "no rehearsal folder: the warm-up did not start"
        client.shutdown()
        assert wait_until(lambda: process_ended(manager), 3), "the kernel did not end within 3 s of shutdown"
        assert not rehearsal_folders(pid)
    finally:
        stop_kernel(manager, client)


def test_two_kernels_started_at_once_warm_up_each_in_its_own_folder():
    started = []
    threads = [threading.Thread(target=lambda: started.append(start_kernel(ENGLISH))) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(90)
    try:
        assert len(started) == 2
        pids = [kernel_pid(manager) for manager, _ in started]
        for manager, client in started:
            assert expect_reply(manager, client, NOTHING, 30).status == "ok"
    finally:
        for manager, client in started:
            stop_kernel(manager, client)
    # SIGKILLed (shutdown now=True): the folders stay until the next rehearsal engine tidies them
    manager, client = start_kernel(ENGLISH)
    try:
        assert wait_until(lambda: all(not rehearsal_folders(pid) for pid in pids), 10)
    finally:
        stop_kernel(manager, client)


@pytest.mark.parametrize("where", ["long", "missing", "read-only"])
def test_a_temp_folder_without_room_for_a_socket_is_not_the_users_problem(tmp_path, where):
    if where == "long":
        folder = tmp_path / ("t" * 120)  # with the rehearsal folder's name, past a unix socket's 108 bytes
        folder.mkdir()
    elif where == "missing":
        folder = tmp_path / "gone"
    else:
        folder = tmp_path / "ro"
        folder.mkdir()
        folder.chmod(0o555)
    manager, client = start_kernel({**ENGLISH, "TMPDIR": str(folder)}, jvm_options=[f"-Djava.io.tmpdir={folder}"])
    try:
        time.sleep(2)
        cell = expect_reply(manager, client, NOTHING, 30)
        assert cell.status == "ok" and cell.shown_text().strip() == "", cell.shown_text()
        cell = expect_reply(manager, client, 'docker inspect "$ID"', 30)
        assert "Variable ID is not set" in cell.shown_text(), cell.shown_text()
    finally:
        stop_kernel(manager, client)
        folder.chmod(0o755) if folder.exists() else None


class Recording(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    seen = []

    def log_message(self, *args):
        pass

    def do_GET(self):
        Recording.seen.append(self.path)
        path = self.path.split("?")[0]
        if path.endswith("/_ping"):
            body = b"OK"
        elif path.endswith("/version"):
            body = json.dumps({"Version": "28.2.2", "ApiVersion": "1.50", "MinAPIVersion": "1.24", "Os": "linux",
                               "Arch": "amd64"}).encode()
        elif path.endswith("/containers/json"):
            body = b"[]"
        else:
            self.send_response(404)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Api-Version", "1.50")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_HEAD = do_GET


class Server(socketserver.ThreadingMixIn, socketserver.UnixStreamServer):
    daemon_threads = True


def test_the_warm_up_sends_nothing_to_the_users_engine():
    folder = tempfile.mkdtemp(prefix="fake-engine-", dir=os.path.join(ROOT, "target"))
    path = os.path.join(folder, "docker.sock")
    server = Server(path, Recording)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    manager, client = start_kernel({**ENGLISH, "DOCKER_HOST": "unix://" + path})
    try:
        time.sleep(6)  # the warm-up's rounds run meanwhile
        listings = [p for p in Recording.seen if "/containers/" in p or "/images/" in p]
        assert not listings, f"the warm-up asked the user's engine: {listings[:5]}"
        execute(client, "docker ps", timeout=30)
        assert sum("/containers/json" in p for p in Recording.seen) == 1, Recording.seen
    finally:
        stop_kernel(manager, client)
        server.shutdown()
        server.server_close()


def test_interrupt_requests_during_the_warm_up_are_answered_and_touch_nothing():
    manager, client = start_kernel(ENGLISH)
    try:
        for _ in range(5):
            msg = client.session.msg("interrupt_request", {})
            client.control_channel.send(msg)
            reply = client.get_control_msg(timeout=10)
            assert reply["msg_type"] == "interrupt_reply" and reply["content"]["status"] == "ok"
        cell = expect_reply(manager, client, NOTHING, 30)
        assert cell.status == "ok" and cell.reply["content"]["execution_count"] == 1
    finally:
        stop_kernel(manager, client)


def test_the_warm_up_publishes_nothing():
    """Its cells' tables go to the encoder's rehearsal only: a subscriber hears the kernel_info's busy and idle."""
    import zmq
    from jupyter_client.session import Session
    manager, client = started_kernel()
    subscriber = zmq.Context.instance().socket(zmq.SUB)
    subscriber.setsockopt(zmq.SUBSCRIBE, b"")
    subscriber.linger = 0
    subscriber.connect(f"{client.transport}://{client.ip}:{client.iopub_port}")
    session = Session(key=client.session.key, signature_scheme=client.session.signature_scheme)
    client.start_channels()
    try:
        client.wait_for_ready(timeout=60)
        heard = []
        end = time.monotonic() + 6
        while time.monotonic() < end:
            if subscriber.poll(200):
                _, parts = session.feed_identities(subscriber.recv_multipart())
                heard.append(session.deserialize(parts)["msg_type"])
        assert set(heard) == {"status"}, heard
    finally:
        subscriber.close(0)
        stop_kernel(manager, client)
