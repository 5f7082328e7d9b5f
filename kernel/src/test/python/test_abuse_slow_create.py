"""The stop button during a create the engine takes long to answer: dockerd 28 looks for an unknown
logging driver as a plugin for 15 s before it refuses (docker create --log-driver nope busybox takes
15.0 s with the CLI 28.2 too). The README promises that the stop button ends any cell within 2 s; the
kernel waited for the create's answer (so as to remove a container created just as the stop came) and
ended the cell 13 s after the stop. Now run and create wait 1.5 s after the stop, then leave the answer
to the background, which removes the container it names."""
import json
import os
import socketserver
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler

import pytest

from abuse import english_kernel, published_until_idle, reply_pressing_stop, wait_until
from conftest import ROOT, cli, require_private_engine, start_kernel, stop_kernel


def english_kernel_on(host):
    return start_kernel({"DOCKER_KERNEL_LANG": "en", "DOCKER_HOST": host})

LABEL = "io.github.dockerlessons.test=slow-create"


@pytest.mark.deadline(90)
@pytest.mark.parametrize("command", ["create", "run --rm"])
def test_the_stop_button_ends_a_cell_whose_create_the_engine_takes_15_s_to_refuse(command):
    require_private_engine()
    manager, client = english_kernel()
    try:
        msg_id = client.execute(f"docker {command} --label {LABEL} --log-driver nope busybox true")
        started = time.monotonic()
        reply, stopped = reply_pressing_stop(manager, client, msg_id, 2, 30)
        took = time.monotonic() - started
        published_until_idle(client, msg_id, 5)
        assert stopped and reply is not None
        assert took < 2 + 2.5, f"the cell ended {took - 2:.1f} s after the stop button"
    finally:
        stop_kernel(manager, client)
        ids = cli("ps", "-aq", "--filter", f"label={LABEL}").stdout.decode().split()
        if ids:
            cli("rm", "-f", *ids)


class SlowCreate(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    seen = []

    def log_message(self, *args):
        pass

    def answer(self, status, body):
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Api-Version", "1.50")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        SlowCreate.seen.append(("GET", self.path))
        if self.path.split("?")[0].endswith("/version"):
            self.answer(200, json.dumps({"Version": "28.2.2", "ApiVersion": "1.50", "MinAPIVersion": "1.24",
                                         "Os": "linux", "Arch": "amd64"}).encode())
        else:
            self.answer(200 if self.path.endswith("/_ping") else 404, b"OK" if self.path.endswith("/_ping") else b"{}")

    do_HEAD = do_GET

    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        SlowCreate.seen.append(("POST", self.path))
        if "/containers/create" in self.path:
            time.sleep(5)  # made, but answered long after the stop button
            self.answer(201, json.dumps({"Id": "c0ffee" * 10 + "c0ff", "Warnings": []}).encode())
        else:
            self.answer(404, b'{"message": "page not found"}')

    def do_DELETE(self):
        SlowCreate.seen.append(("DELETE", self.path))
        self.answer(204, b"")


class Server(socketserver.ThreadingMixIn, socketserver.UnixStreamServer):
    daemon_threads = True


@pytest.mark.deadline(90)
def test_a_container_made_after_the_stop_button_left_the_cell_is_removed(tmp_path):
    path = os.path.join(tempfile.mkdtemp(prefix="slow-", dir=os.path.join(ROOT, "target")), "docker.sock")
    server = Server(path, SlowCreate)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    manager, client = english_kernel_on("unix://" + path)
    try:
        msg_id = client.execute("docker create busybox")
        time.sleep(1)
        started = time.monotonic()
        reply, stopped = reply_pressing_stop(manager, client, msg_id, 0, 10)
        assert reply is not None and time.monotonic() - started < 2 + 1
        assert wait_until(lambda: any(m == "DELETE" and "c0ffee" in p for m, p in SlowCreate.seen), 15), SlowCreate.seen
    finally:
        stop_kernel(manager, client)
        server.shutdown()
        server.server_close()
