"""A student's published ports, in the student's browser: /user/NAME/proxy/PORT/... of the student's own
server opens PORT of the student's own engine (HTTP and websockets), as jupyter-server-proxy does on
other hubs (it is not packaged for Debian).

A jupyter_server extension, loaded into each student's single-user server (install/classroom's lab
config). Each request is the server's own: the hub's login decides who it is, and only the student
whose server it is gets through (anybody else gets the login page, or 403). The connection to the
port comes from the student's port dialer (port_dialer.py), which runs as the student in the
student's engine namespace and hands over a socket connected to 127.0.0.1:PORT there: that namespace
holds only what the student's containers publish, so no port of the server itself (the hub, the
student's own server) and no other student's port is ever reached.

What the proxied page gets, and what it does not:
- its responses carry `Content-Security-Policy: sandbox ...` without allow-same-origin, as Jupyter's
  own file view does: a page a student's container serves runs in an origin of its own and cannot
  use the student's login to the hub or to the server (every student's pages share the hub's origin);
- the login's cookies (jupyterhub-*, _xsrf) and a Jupyter or hub token are not passed to the container;
- a websocket opened by another site's page is refused (its Origin), as the server's own websockets;
  cookies the container sets are kept to the port's own path;
- a path that climbs out (a `..` or `.` segment, also percent-encoded) is refused.
"""
import asyncio
import os
import re
import socket
import urllib.parse

try:
    from jupyter_server.base.handlers import JupyterHandler
    from jupyter_server.utils import url_path_join
except ImportError:  # Notebook 6 (install/classroom start --classic)
    from notebook.base.handlers import IPythonHandler as JupyterHandler
    from notebook.utils import url_path_join
from tornado import httputil, web
from tornado.http1connection import HTTP1Connection, HTTP1ConnectionParameters
from tornado.ioloop import IOLoop
from tornado.iostream import IOStream, StreamClosedError

DIALER_ENV = "DOCKER_CLASSROOM_PORTS_SOCKET"
# Headers of one hop (RFC 9110 7.6.1), never passed on; Upgrade is passed only for a websocket.
HOP_BY_HOP = {"connection", "keep-alive", "proxy-authenticate", "proxy-authorization", "proxy-connection",
              "te", "trailer", "transfer-encoding", "upgrade", "expect"}
# The hub's login cookies, the server's xsrf cookie, and jupyter_server's own login (username-HOST-PORT).
LOGIN_COOKIE = re.compile(r"^(jupyterhub-|_xsrf$|username-)")
SANDBOX = "sandbox allow-scripts allow-forms allow-popups allow-modals allow-downloads"


class DialError(Exception):
    pass


def dial(path, port, verb="connect"):
    """A socket connected to 127.0.0.1:PORT in the student's engine namespace (blocking: run in a thread)."""
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as s:
        s.settimeout(15)
        try:
            s.connect(path)
            s.sendall(f"{verb} {port}\n".encode())
            message, fds, _, _ = socket.recv_fds(s, 256, 1)
        except OSError as e:
            raise DialError(f"the port dialer does not answer ({e.strerror or e})") from None
    if message.startswith(b"ok") and (fds or verb == "probe"):
        return socket.socket(fileno=fds[0]) if fds else None
    for fd in fds:
        os.close(fd)
    raise DialError(message.decode("utf-8", "replace").removeprefix("error ").strip() or "no answer")


def climbs_out(raw_path):
    """Whether a path has a `.` or `..` segment, however often percent-encoded, or a backslash."""
    path = raw_path
    for _ in range(4):
        segments = path.replace("\\", "/").split("/")
        if "\\" in path or any(s in (".", "..") for s in segments):
            return True
        decoded = urllib.parse.unquote(path)
        if decoded == path:
            return False
        path = decoded
    return True  # still encoded after four rounds: nobody needs that


def foreign_origin(origin, host):
    """Whether a websocket's Origin names another site than the server's (a page elsewhere that would
    ride on the student's login). No Origin (a script) and "null" (the student's own proxied pages,
    which the sandbox gives an opaque origin) are let through."""
    if not origin or origin == "null" or not host:
        return False
    return urllib.parse.urlparse(origin.lower()).netloc != host.lower()


def rewrite_cookie(value, prefix):
    """A Set-Cookie of the container's, kept to the port's own path (no Domain, Path=prefix/)."""
    parts = [p.strip() for p in value.split(";")]
    kept = [parts[0]] + [p for p in parts[1:] if p.split("=", 1)[0].strip().lower() not in ("path", "domain")]
    return "; ".join(kept + [f"Path={prefix}/"])


def rewrite_location(value, prefix, port):
    """A redirect of the container's to a path of its own stays under the port's prefix."""
    for origin in (f"http://127.0.0.1:{port}", f"http://localhost:{port}"):
        if value.startswith(origin + "/") or value == origin:
            value = value[len(origin):] or "/"
    if value.startswith("/") and not value.startswith("//"):
        return prefix + value
    return value


# What a websocket's handshake answer passes on to the browser: it is not relayed by _ResponseRelay, so it
# is checked here by the same rules (a browser applies a Set-Cookie of a 101 answer to the whole origin).
WEBSOCKET_ANSWER_HEADERS = {"upgrade", "connection", "sec-websocket-accept", "sec-websocket-protocol",
                            "sec-websocket-extensions", "set-cookie"}


def websocket_answer(answer, prefix):
    """The container's answer to a websocket handshake as the browser gets it, or None when it is no
    acceptance (anything but 101): only the handshake's own headers, its cookies kept to the port's path."""
    try:
        head = answer.decode("latin-1")
        first, _, rest = head.partition("\r\n")
        start = httputil.parse_response_start_line(first)
        headers = httputil.HTTPHeaders.parse(rest)
    except (httputil.HTTPInputError, ValueError):
        return None
    if start.code != 101:
        return None
    lines = ["HTTP/1.1 101 Switching Protocols"]
    for name, value in headers.get_all():
        lower = name.lower()
        if lower not in WEBSOCKET_ANSWER_HEADERS or re.search(r"[\x00-\x1f\x7f]", value):
            continue
        lines.append(f"{name}: {rewrite_cookie(value, prefix) if lower == 'set-cookie' else value}")
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")


class _ResponseRelay(httputil.HTTPMessageDelegate):
    """The container's response, streamed to the browser as it comes (never held whole)."""

    def __init__(self, handler):
        self.handler = handler

    def headers_received(self, start_line, headers):
        h = self.handler
        h.set_status(start_line.code, start_line.reason or None)
        h.clear_header("Content-Type")
        seen = set()
        for name, value in headers.get_all():
            lower = name.lower()
            if lower in HOP_BY_HOP or lower == "content-security-policy-report-only":
                continue
            if lower == "set-cookie":
                value = rewrite_cookie(value, h.prefix)
            elif lower == "location":
                value = rewrite_location(value, h.prefix, h.port)
            # The first of a name replaces the server's own (Date, Server); browsers apply every
            # Content-Security-Policy, so the container's adds to the sandbox and never lifts it.
            if lower in seen or lower in ("set-cookie", "content-security-policy"):
                h.add_header(name, value)
            else:
                h.set_header(name, value)
            seen.add(lower)

    def data_received(self, chunk):
        self.handler.write(chunk)
        return self.handler.flush()

    def finish(self):
        pass

    def on_connection_close(self):
        pass


@web.stream_request_body
class PortProxyHandler(JupyterHandler):
    """/proxy/PORT/PATH of the student's server: PATH of 127.0.0.1:PORT in the student's engine."""

    SUPPORTED_METHODS = ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS")

    def initialize(self, dialer):
        self.dialer = dialer
        self.upstream = None
        self.connection = None

    @property
    def content_security_policy(self):
        # As Jupyter's own file view: whatever script the page has runs in an origin of its own.
        return super().content_security_policy + "; " + SANDBOX

    def check_xsrf_cookie(self):
        # The page's own forms post to the page's server, which never saw Jupyter's _xsrf cookie.
        return

    def compute_etag(self):
        return None  # the container's own ETag, if any, passes through

    def refuse(self, status, message):
        self.set_status(status)
        self.set_header("Content-Type", "text/plain; charset=utf-8")
        self.finish(message + "\n")

    async def prepare(self):
        super().prepare()
        if self.current_user is None:
            if self.request.method in ("GET", "HEAD") and "upgrade" not in self.request.headers.get("Connection", "").lower():
                url = self.get_login_url()  # the hub's, which already says where to come back
                if "?" not in url:
                    url += "?" + urllib.parse.urlencode({"next": self.request.uri})
                self.redirect(url)
                return
            raise web.HTTPError(403)
        base = url_path_join(self.base_url, "proxy")
        raw = self.request.path
        match = re.match(re.escape(base) + r"/(\d{1,5})(.*)$", raw)
        if not match or not 0 < int(match.group(1)) < 65536:
            return self.refuse(400, "proxy: the address is /proxy/PORT/ with PORT a number from 1 to 65535")
        self.port = int(match.group(1))
        self.prefix = f"{base}/{self.port}"
        rest = match.group(2)
        if climbs_out(rest):
            return self.refuse(400, "proxy: a path with '..' or '.' segments is refused")
        if not rest:
            query = "?" + self.request.query if self.request.query else ""
            return self.redirect(self.prefix + "/" + query)
        if not rest.startswith("/"):
            return self.refuse(404, "proxy: not found")
        target = rest + ("?" + self.request.query if self.request.query else "")
        websocket = self.request.headers.get("Upgrade", "").lower() == "websocket"
        if websocket and foreign_origin(self.get_origin(), self.request.headers.get("Host")):
            # A websocket carries the login's cookies and no XSRF token: another site's page must not
            # open one into the student's containers (jupyter_server checks its own websockets alike).
            return self.refuse(403, "proxy: a websocket from another site is refused")
        if not self.dialer:
            return self.refuse(503, "proxy: this server has no port dialer (only a classroom's servers have one)")
        try:
            sock = await IOLoop.current().run_in_executor(None, dial, self.dialer, self.port)
        except DialError as e:
            return self.refuse(502, f"proxy: port {self.port} of your Docker engine: {e}\n"
                                    f"포트 {self.port} 에서 응답하는 컨테이너가 없습니다: docker ps 로 -p {self.port}:... 를 확인하세요.")
        self.upstream = IOStream(sock)
        headers = self.upstream_headers()
        if self.request.headers.get("Upgrade", "").lower() == "websocket" and self.request.method == "GET":
            return await self.tunnel(target, headers)
        self.connection = HTTP1Connection(self.upstream, True, HTTP1ConnectionParameters(
            no_keep_alive=True, decompress=False, header_timeout=300, max_header_size=65536,
            max_body_size=1 << 62))
        await self.connection.write_headers(httputil.RequestStartLine(self.request.method, target, "HTTP/1.1"), headers)

    def upstream_headers(self):
        headers = httputil.HTTPHeaders()
        for name, value in self.request.headers.get_all():
            lower = name.lower()
            if lower in HOP_BY_HOP or lower == "host":
                continue
            if lower == "cookie":
                kept = [c.strip() for c in value.split(";")
                        if c.strip() and not LOGIN_COOKIE.match(c.strip().split("=", 1)[0])]
                if kept:
                    headers.add("Cookie", "; ".join(kept))
                continue
            if lower == "authorization" and value.split(" ", 1)[0].lower() in ("token", "bearer"):
                continue  # a Jupyter or hub token (JupyterHub takes both words) is not the container's business
            headers.add(name, value)
        headers["Host"] = f"127.0.0.1:{self.port}"
        headers["X-Forwarded-Prefix"] = self.prefix
        return headers

    def data_received(self, chunk):
        if self.connection is not None:
            return self.connection.write(chunk)

    async def relay(self, *args):
        try:
            self.connection.finish()
            await self.connection.read_response(_ResponseRelay(self))
        except (StreamClosedError, httputil.HTTPInputError, httputil.HTTPOutputError) as e:
            if not self._headers_written:
                return self.refuse(502, f"proxy: port {self.port} of your Docker engine closed the connection ({e})")
        finally:
            self.upstream.close()
        if not self._finished:
            self.finish()

    get = head = post = put = patch = delete = options = relay

    async def tunnel(self, target, headers):
        """A websocket: the handshake goes to the container as it came, then bytes flow both ways."""
        headers["Connection"] = "Upgrade"
        headers["Upgrade"] = self.request.headers["Upgrade"]
        head = f"GET {target} HTTP/1.1\r\n" + "".join(f"{n}: {v}\r\n" for n, v in headers.get_all()) + "\r\n"
        try:
            await self.upstream.write(head.encode("latin-1"))
            answer = await self.upstream.read_until(b"\r\n\r\n", max_bytes=65536)
        except (StreamClosedError, OSError) as e:
            self.upstream.close()
            return self.refuse(502, f"proxy: port {self.port} of your Docker engine closed the connection ({e})")
        accepted = websocket_answer(answer, self.prefix)
        if accepted is None:
            self.upstream.close()
            return self.refuse(502, f"proxy: port {self.port} of your Docker engine did not accept the websocket")
        client = self.detach()
        await client.write(accepted)
        await _pipe_both(client, self.upstream)

    def on_connection_close(self):
        if self.upstream is not None:
            self.upstream.close()


async def _pipe(source, sink):
    try:
        while True:
            chunk = await source.read_bytes(65536, partial=True)
            await sink.write(chunk)
    except (StreamClosedError, OSError):
        pass
    finally:
        source.close()
        sink.close()


async def _pipe_both(a, b):
    await asyncio.gather(_pipe(a, b), _pipe(b, a))


def _jupyter_server_extension_points():
    return [{"module": __name__}]


def _load_jupyter_server_extension(serverapp):
    dialer = os.environ.get(DIALER_ENV)
    pattern = url_path_join(serverapp.web_app.settings["base_url"], r"proxy(/.*)?")
    serverapp.web_app.add_handlers(".*$", [(pattern, PortProxyHandler, {"dialer": dialer})])
    serverapp.log.info("port proxy: /proxy/PORT/ through %s", dialer or "(no dialer)")


# jupyter_server 1.x looks for this name too.
load_jupyter_server_extension = _load_jupyter_server_extension
