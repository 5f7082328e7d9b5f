"""The classroom's port proxy in a real jupyter_server (the extension loaded as the classroom loads it),
with the real port dialer (run here in the test's own network namespace) and a fake container port:
what a container answers is the attack. No hub is needed: a token is the server's login here."""
import os
import secrets
import socket
import subprocess
import sys
import threading
import time

import pytest

pytest.importorskip("jupyter_server")
ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", "..", ".."))
CLASSROOM_D = os.path.join(ROOT, "install", "classroom.d")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class FakePort:
    """127.0.0.1:PORT answering every connection with `answer` (bytes), keeping what it was sent."""

    def __init__(self):
        self.answer = b"HTTP/1.1 204 No Content\r\n\r\n"
        self.received = []
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.port = self.sock.getsockname()[1]
        threading.Thread(target=self.serve, daemon=True).start()

    def serve(self):
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            with conn:
                try:
                    conn.settimeout(5)
                    self.received.append(conn.recv(65536))
                    conn.sendall(self.answer)
                    time.sleep(0.3)
                except OSError:
                    pass


@pytest.fixture(scope="module")
def proxy(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("proxy")
    dialer_socket = str(tmp / "ports.sock")
    token = secrets.token_hex(16)
    port = free_port()
    env = dict(os.environ, PYTHONPATH=CLASSROOM_D, DOCKER_CLASSROOM_PORTS_SOCKET=dialer_socket,
               JUPYTER_RUNTIME_DIR=str(tmp / "runtime"), JUPYTER_CONFIG_DIR=str(tmp / "config"),
               JUPYTER_DATA_DIR=str(tmp / "data"))
    dialer = subprocess.Popen([sys.executable, os.path.join(CLASSROOM_D, "port_dialer.py"), dialer_socket])
    server = subprocess.Popen(
        [sys.executable, "-m", "jupyter_server", "--no-browser", f"--port={port}", "--ServerApp.port_retries=0",
         "--allow-root", f"--ServerApp.token={token}", "--ServerApp.jpserver_extensions=port_proxy=True",
         f"--ServerApp.root_dir={tmp}"],
        env=env, stdout=subprocess.DEVNULL, stderr=open(tmp / "server.log", "w"))
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), 1).close()
                break
            except OSError:
                assert time.monotonic() < deadline and server.poll() is None, (tmp / "server.log").read_text()
                time.sleep(0.2)
        yield {"port": port, "token": token, "upstream": FakePort()}
    finally:
        server.terminate()
        dialer.terminate()
        server.wait(10)
        dialer.wait(10)


def exchange(proxy, request, wait=3):
    """Everything the server sent back to a raw request (until it closes or is quiet for `wait` s)."""
    with socket.create_connection(("127.0.0.1", proxy["port"]), 5) as conn:
        conn.sendall(request.encode("latin-1"))
        conn.settimeout(wait)
        data = b""
        try:
            while True:
                chunk = conn.recv(65536)
                if not chunk:
                    break
                data += chunk
        except socket.timeout:
            pass
    return data.decode("latin-1")


def websocket_request(proxy, path="/ws"):
    return (f"GET /proxy/{proxy['upstream'].port}{path} HTTP/1.1\r\nHost: 127.0.0.1:{proxy['port']}\r\n"
            f"Authorization: token {proxy['token']}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")


@pytest.mark.deadline(120)
def test_a_containers_websocket_answer_keeps_its_cookies_to_the_ports_path(proxy):
    # A browser applies a Set-Cookie of a websocket's 101 answer like any other: Path=/ would reach the
    # hub's and the server's own pages (the login's cookies live there).
    upstream = proxy["upstream"]
    upstream.answer = (b"HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                       b"Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n"
                       b"Set-Cookie: jupyterhub-session-id=evil; Path=/; Domain=127.0.0.1\r\n"
                       b"Refresh: 0; url=http://evil.example/\r\n\r\n")
    answer = exchange(proxy, websocket_request(proxy))
    head = answer.split("\r\n\r\n", 1)[0]
    assert head.startswith("HTTP/1.1 101"), answer
    assert f"Set-Cookie: jupyterhub-session-id=evil; Path=/proxy/{upstream.port}/" in head.split("\r\n"), head
    assert "Path=/\r" not in head + "\r" and "Domain" not in head and "Refresh" not in head, head
    assert "sec-websocket-accept: s3pplmbitxaq9kygzzhzrbk+xoo=" in head.lower()


@pytest.mark.deadline(120)
def test_a_containers_page_in_answer_to_a_websocket_handshake_is_not_relayed(proxy):
    # Anything but 101 would reach the browser raw: without the sandbox, with its cookies for Path=/.
    upstream = proxy["upstream"]
    upstream.answer = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nSet-Cookie: _xsrf=known; Path=/\r\n"
                       b"Content-Length: 25\r\n\r\n<script>alert(1)</script>")
    answer = exchange(proxy, websocket_request(proxy))
    assert answer.startswith("HTTP/1.1 502"), answer
    assert "_xsrf=known" not in answer and "<script>" not in answer, answer
    assert "did not accept the websocket" in answer


def login_cookie(proxy):
    """The server's login cookie, as a browser holds it after logging in (the hub's cookie in a classroom)."""
    answer = exchange(proxy, f"GET /api/status?token={proxy['token']} HTTP/1.1\r\n"
                             f"Host: 127.0.0.1:{proxy['port']}\r\nConnection: close\r\n\r\n")
    cookies = [line.split(":", 1)[1].strip().split(";", 1)[0] for line in answer.split("\r\n")
               if line.lower().startswith("set-cookie:") and "username-" in line]
    assert cookies, answer
    return cookies[0]


@pytest.mark.deadline(120)
@pytest.mark.parametrize("origin, accepted", [("http://evil.example", False), ("http://127.0.0.1:{port}", True),
                                              ("null", True), (None, True)])
def test_a_websocket_from_another_sites_page_is_refused(proxy, origin, accepted):
    # A browser sends the login's cookie with a websocket opened by any page it allows cookies for
    # (a sibling site under the same domain, say): the server's own websockets refuse another Origin,
    # and so does the proxy. "null" is the student's own proxied page, sandboxed into an origin of its own.
    upstream = proxy["upstream"]
    upstream.answer = (b"HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                       b"Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n\r\n")
    request = websocket_request(proxy).replace(f"Authorization: token {proxy['token']}\r\n",
                                               f"Cookie: {login_cookie(proxy)}\r\n")
    if origin:
        request = request.replace("\r\n\r\n", f"\r\nOrigin: {origin.format(port=proxy['port'])}\r\n\r\n")
    answer = exchange(proxy, request)
    assert answer.startswith("HTTP/1.1 101" if accepted else "HTTP/1.1 403"), answer


@pytest.mark.deadline(120)
def test_the_container_never_sees_a_login_cookie_or_a_token_of_either_word(proxy):
    upstream = proxy["upstream"]
    upstream.answer = b"HTTP/1.1 204 No Content\r\n\r\n"
    upstream.received.clear()
    cookie = login_cookie(proxy)
    for authorization in (f"token {proxy['token']}", f"Bearer {proxy['token']}"):
        answer = exchange(proxy, f"GET /proxy/{upstream.port}/page HTTP/1.1\r\nHost: 127.0.0.1:{proxy['port']}\r\n"
                                 f"Authorization: {authorization}\r\nCookie: {cookie}; own=1\r\n"
                                 "Connection: close\r\n\r\n")
        assert answer.startswith("HTTP/1.1 204"), answer
    seen = b"".join(upstream.received).decode("latin-1")
    assert proxy["token"] not in seen and cookie.split("=", 1)[0] not in seen, seen
    assert "own=1" in seen
