"""An engine that is the attacker (issue 19): answers that announce 10 GiB and stream JSON for ever,
answers that are not JSON, a log stream without stdcopy headers, an answer that trickles. A fake
engine on a unix socket serves them; the kernel must answer every cell in words, stay alive, and
let the stop button end a read."""
import json
import os
import socketserver
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler

import pytest

from abuse import expect_reply, process_ended, wait_until
from conftest import execute, start_kernel, stop_kernel

CONTAINER = {"Id": "c1" * 32, "Name": "/web", "Created": "2024-01-01T00:00:00Z", "Path": "sh", "Args": [],
             "State": {"Status": "running", "Running": True, "Pid": 1, "ExitCode": 0},
             "Image": "sha256:" + "0" * 64,
             "Config": {"Tty": False, "Image": "busybox", "Labels": {}, "Cmd": ["sh"]},
             "HostConfig": {}, "NetworkSettings": {"Ports": {}}, "Mounts": []}


# A swarm service "flood" with one task on node1, for `docker service logs` (its task prefixes).
SWARM_OBJECTS = {
    "/services/flood": {"ID": "s1", "Spec": {"Name": "flood", "Mode": {"Replicated": {"Replicas": 1}}}},
    "/services/s1": {"ID": "s1", "Spec": {"Name": "flood", "Mode": {"Replicated": {"Replicas": 1}}}},
    "/nodes/n1": {"ID": "n1", "Description": {"Hostname": "node1"}},
    "/tasks/t1": {"ID": "t1", "Slot": 1},
}
# More than the 32 MiB the kernel reads of an answer it holds whole.
SERVICE_LOG_BYTES = 48 << 20


class FakeEngine(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    closed_early = threading.Event()

    def address_string(self):
        return "fake"

    def log_message(self, *args):
        pass

    def send(self, status, body, content_type="application/json", length=None):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Api-Version", "1.43")
        self.send_header("Content-Length", str(len(body) if length is None else length))
        self.end_headers()
        self.wfile.write(body)

    def endless(self, opening, item, pause=0.0):
        """Announces 10 GiB and sends `item` until the kernel lets go."""
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", "10737418240")
        self.end_headers()
        try:
            self.wfile.write(opening)
            chunk = item * (1 if pause else max(1, 65536 // len(item)))
            while True:
                self.wfile.write(chunk)
                if pause:
                    self.wfile.flush()
                    time.sleep(pause)
        except (BrokenPipeError, ConnectionResetError, OSError):
            FakeEngine.closed_early.set()

    def service_log_of(self, size):
        """A service's log of `size` bytes of stdcopy frames (each line with the task's details), then "the end"."""
        details = b"com.docker.swarm.node.id=n1,com.docker.swarm.service.id=s1,com.docker.swarm.task.id=t1 "
        line = details + b"a" * 65000 + b"\n"
        frame = b"\x01\x00\x00\x00" + len(line).to_bytes(4, "big") + line
        last = details + b"the end\n"
        last_frame = b"\x01\x00\x00\x00" + len(last).to_bytes(4, "big") + last
        count = size // len(frame) + 1
        self.send_response(200)
        self.send_header("Content-Type", "application/vnd.docker.multiplexed-stream")
        self.send_header("Content-Length", str(count * len(frame) + len(last_frame)))
        self.end_headers()
        try:
            for _ in range(count):
                self.wfile.write(frame)
            self.wfile.write(last_frame)
        except (BrokenPipeError, ConnectionResetError, OSError):
            FakeEngine.closed_early.set()

    def do_GET(self):
        path = self.path.split("?")[0]
        path = path[path.index("/", 1):] if path.startswith("/v1.") else path
        if path == "/_ping":
            return self.send(200, b"OK", "text/plain")
        if path == "/version":
            return self.send(200, json.dumps({"ApiVersion": "1.43", "Version": "24.0.0", "Os": "linux",
                                              "Arch": "amd64", "MinAPIVersion": "1.12"}).encode())
        if path == "/containers/json":
            mode = self.server.mode
            if mode == "trickle":
                return self.endless(b"[", b" ", pause=0.5)
            if mode == "garbage":
                return self.send(200, b'[{"Id": "abc", "Names": ["/a"]}, <html>')
            return self.endless(b"[", json.dumps({"Id": "x" * 64, "Names": ["/a"], "Labels": {}}).encode() + b",")
        if path == "/images/json":
            return self.endless(b"[", b"{},")
        if path == "/containers/garbage/json":
            return self.send(200, b"xyz not json")
        if path == "/containers/cut/json":
            return self.send(200, b'{"Id": "abc", "Name": ')
        if path == "/containers/web/json":
            return self.send(200, json.dumps(CONTAINER).encode())
        if path.startswith("/exec/") and path.endswith("/json"):
            return self.send(200, json.dumps({"ID": "e", "Running": False, "ExitCode": 0}).encode())
        if path in SWARM_OBJECTS:
            return self.send(200, json.dumps(SWARM_OBJECTS[path]).encode())
        if path == "/services/flood/logs":
            return self.service_log_of(SERVICE_LOG_BYTES)
        if path == "/containers/web/logs":
            # one good frame, then a chunk whose first byte names no stream
            good = b"\x01\x00\x00\x00\x00\x00\x00\x06hello\n"
            bad = b"\x07garbage that has no header\n"
            return self.send(200, good + bad, "application/vnd.docker.multiplexed-stream")
        self.send(404, json.dumps({"message": "page not found"}).encode())

    def do_POST(self):
        length = int(self.headers.get("Content-Length") or 0)
        if length:
            self.rfile.read(length)
        path = self.path.split("?")[0]
        path = path[path.index("/", 1):] if path.startswith("/v1.") else path
        if path == "/containers/web/exec":
            return self.send(201, json.dumps({"Id": self.server.mode}).encode())
        if path.startswith("/exec/") and path.endswith("/start"):
            # the hijacked stream: a good frame, then what the mode says
            self.wfile.write(b"HTTP/1.1 101 UPGRADED\r\nContent-Type: application/vnd.docker.raw-stream\r\n"
                             b"Connection: Upgrade\r\nUpgrade: tcp\r\n\r\n")
            self.wfile.write(b"\x01\x00\x00\x00\x00\x00\x00\x03hi\n")
            if "huge" in path:
                # a frame that announces 2 GiB - 16 bytes: passed on as it comes, never held whole
                self.wfile.write(b"\x01\x00\x00\x00\x7f\xff\xff\xf0" + b"partial frame\n")
            else:
                self.wfile.write(b"\x07no header here\n")
            self.wfile.flush()
            time.sleep(0.5)
            self.close_connection = True
            return None
        if path.startswith("/containers/create"):
            return self.endless(b'{"Id": "', b"x" * 1024)
        self.send(404, json.dumps({"message": "page not found"}).encode())


class Server(socketserver.ThreadingMixIn, socketserver.UnixStreamServer):
    daemon_threads = True
    mode = "flood"


@pytest.fixture(scope="module")
def engine():
    folder = tempfile.mkdtemp(prefix="fake-engine-", dir=os.environ.get("TMPDIR", "/tmp"))
    path = os.path.join(folder, "docker.sock")
    server = Server(path, FakeEngine)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server, "unix://" + path
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def kernel_on_fake(engine):
    server, host = engine
    manager, client = start_kernel({"DOCKER_KERNEL_LANG": "en", "DOCKER_HOST": host})
    yield server, manager, client
    stop_kernel(manager, client)


def test_a_listing_of_10_gib_ends_in_words_not_in_a_dead_kernel(kernel_on_fake):
    server, manager, client = kernel_on_fake
    server.mode = "flood"
    for code in ("docker ps", "docker images", "docker ps -a"):
        cell = expect_reply(manager, client, code, 60)
        assert cell.status == "error", code
        text = cell.error_text
        assert "larger than the kernel reads whole (32 MiB or 50000 JSON objects)" in text, text
        assert "/containers/json" in text or "/images/json" in text, text
    assert not process_ended(manager)


def test_a_create_answer_of_10_gib_ends_in_words(kernel_on_fake):
    server, manager, client = kernel_on_fake
    cell = expect_reply(manager, client, "docker run --rm busybox true", 60)
    assert cell.status == "error"
    assert "larger than the kernel reads whole" in cell.error_text, cell.error_text
    assert not process_ended(manager)


def test_the_stop_button_ends_a_read_that_trickles(kernel_on_fake):
    server, manager, client = kernel_on_fake
    server.mode = "trickle"
    FakeEngine.closed_early.clear()
    pressed = []

    def press():
        pressed.append(time.monotonic())
        manager.interrupt_kernel()

    timer = threading.Timer(1.5, press)
    timer.start()
    try:
        cell = execute(client, "docker ps", timeout=20)
    finally:
        timer.cancel()
    assert pressed, "the cell ended before the stop button was pressed"
    assert time.monotonic() - pressed[0] < 3, "the stop button took too long"
    assert cell.status == "error"
    # the read itself ended: the engine saw its connection closed
    assert wait_until(FakeEngine.closed_early.is_set, 5), "the kernel kept reading after the stop button"
    server.mode = "flood"


def test_bad_json_is_said_in_gos_words(kernel_on_fake):
    server, manager, client = kernel_on_fake
    cell = expect_reply(manager, client, "docker inspect garbage", 30)
    assert cell.status == "error"
    assert "invalid character 'x' looking for beginning of value" in cell.error_text, cell.error_text
    cell = expect_reply(manager, client, "docker inspect cut", 30)
    assert cell.status == "error"
    assert "unexpected EOF" in cell.error_text, cell.error_text
    server.mode = "garbage"
    cell = expect_reply(manager, client, "docker ps", 30)
    server.mode = "flood"
    assert cell.status == "error"
    assert "invalid character '<' looking for beginning of value" in cell.error_text, cell.error_text
    cell = expect_reply(manager, client, "docker container inspect -f '{{.Name}}' web", 30)
    assert cell.status == "ok" and "/web" in cell.stream("stdout"), cell.shown_text()


def test_a_log_stream_without_headers_fails_as_the_cli_does(kernel_on_fake):
    server, manager, client = kernel_on_fake
    for code in ("docker logs web", "docker logs -f web"):
        cell = expect_reply(manager, client, code, 30)
        assert "hello" in cell.stream("stdout"), cell.shown_text()
        assert cell.status == "error", code
        assert "Unrecognized input header: 7" in cell.error_text, cell.error_text
        assert "garbage" not in cell.shown_text()


def test_a_hijacked_stream_is_demultiplexed_as_it_comes(kernel_on_fake):
    server, manager, client = kernel_on_fake
    server.mode = "huge"
    cell = expect_reply(manager, client, "docker exec -i web cat <<EOF\nx\nEOF", 30)
    server.mode = "flood"
    assert "hi" in cell.stream("stdout") and "partial frame" in cell.stream("stdout"), cell.shown_text()
    assert not process_ended(manager)


def test_a_hijacked_stream_without_headers_fails_as_the_cli_does(kernel_on_fake):
    server, manager, client = kernel_on_fake
    server.mode = "bad"
    cell = expect_reply(manager, client, "docker exec -i web cat <<EOF\nx\nEOF", 30)
    server.mode = "flood"
    assert "hi" in cell.stream("stdout"), cell.shown_text()
    assert cell.status == "error"
    assert "Unrecognized input header: 7" in cell.error_text, cell.error_text
    assert "no header here" not in cell.shown_text()


@pytest.mark.deadline(120)
def test_a_service_log_larger_than_an_answer_held_whole_is_streamed_to_its_end(kernel_on_fake):
    """Service and task logs were bounded as a listing is: `docker service logs -f` of a service that floods
    ended after 32 MiB with "larger than the kernel reads whole" (the official CI's "the cell ended before the
    stop button" of test_abuse_swarm's flood), where the CLI follows on. 48 MiB here, as fast as a socket goes."""
    server, manager, client = kernel_on_fake
    cell = expect_reply(manager, client, "docker service logs flood", 90)
    assert "larger than the kernel reads" not in cell.shown_text(), cell.error_text
    assert cell.status == "ok", cell.error_text
    assert cell.stream("stdout").startswith("flood.1.t1@node1    | aaaa"), cell.stream("stdout")[:100]
    assert not process_ended(manager)
