"""A client of a running classroom, through the hub as a student's browser would go: the hub's REST API
(with the classroom's service token) to start a student's server and to make the student a token, then
the student's own Notebook server (through the hub's proxy) to start kernels and run cells over the
kernel websocket. Used by install/classroom bench and the classroom tests."""
import http.cookiejar
import json
import os
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid

import websocket  # Debian's python3-websocket (websocket-client)

DEFAULT_STATE = "/var/lib/docker-classroom"


class Classroom:
    def __init__(self, state=None):
        self.state = state or os.environ.get("DOCKER_CLASSROOM_STATE", DEFAULT_STATE)
        with open(os.path.join(self.state, "hub", "classroom.json"), encoding="utf-8") as f:
            self.settings = json.load(f)
        self.base = f"http://127.0.0.1:{self.settings['port']}"
        self.students = self.settings["students"]
        # Where a student's browser lands: JupyterLab's (or, with start --classic, Notebook 6's) lessons.
        self.lessons_path = "/tree/lessons" if self.settings.get("frontend") == "classic" else "/lab/tree/lessons"

    def passwords(self):
        with open(os.path.join(self.state, "hub", "passwords"), encoding="utf-8") as f:
            return dict(line.split() for line in f if line.strip())

    def api(self, path, method="GET", body=None, token=None, timeout=30):
        request = urllib.request.Request(
            self.base + "/hub/api" + path, method=method,
            data=json.dumps(body).encode() if body is not None else None,
            headers={"Authorization": f"token {token or self.settings['service_token']}",
                     "Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=timeout) as response:
            text = response.read()
            return json.loads(text) if text else None

    def user_token(self, name):
        return self.api(f"/users/{name}/tokens", "POST", {"note": "classroom client", "expires_in": 7200})["token"]

    def server_ready(self, name):
        return bool(self.api(f"/users/{name}").get("servers", {}).get("", {}).get("ready"))

    def start_server(self, name, timeout=180):
        try:
            self.api(f"/users/{name}/server", "POST", {})
        except urllib.error.HTTPError as e:
            if e.code != 400:  # 400: it is already running
                raise
        deadline = time.monotonic() + timeout
        while not self.server_ready(name):
            if time.monotonic() > deadline:
                raise TimeoutError(f"the server of {name} did not start within {timeout}s")
            time.sleep(0.5)

    def stop_server(self, name, timeout=60):
        try:
            self.api(f"/users/{name}/server", "DELETE")
        except urllib.error.HTTPError as e:
            if e.code != 400:
                raise
        deadline = time.monotonic() + timeout
        while self.api(f"/users/{name}").get("servers", {}).get(""):
            if time.monotonic() > deadline:
                raise TimeoutError(f"the server of {name} did not stop within {timeout}s")
            time.sleep(0.5)

    def server(self, name, token=None):
        return StudentServer(self.base + f"/user/{name}", token or self.user_token(name))


class StudentServer:
    """A student's Notebook server, reached through the hub's proxy with the student's token."""

    def __init__(self, url, token):
        self.url = url
        self.token = token

    def request(self, path, method="GET", body=None, timeout=60):
        request = urllib.request.Request(
            self.url + path, method=method, data=json.dumps(body).encode() if body is not None else None,
            headers={"Authorization": f"token {self.token}", "Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=timeout) as response:
            text = response.read()
            return json.loads(text) if text else None

    def kernelspecs(self):
        return self.request("/api/kernelspecs")

    def start_kernel(self, name="docker", timeout=120, path=None):
        """A kernel of its own, or, with path (a notebook under the server's folder, "lessons/x.ipynb"),
        the notebook's session as a browser opens it: the kernel then runs in the notebook's folder."""
        if path:
            session = self.request("/api/sessions", "POST", {"path": path, "type": "notebook", "name": "",
                                                             "kernel": {"name": name}})
            return RemoteKernel(self, session["kernel"]["id"], timeout)
        kernel = self.request("/api/kernels", "POST", {"name": name})
        return RemoteKernel(self, kernel["id"], timeout)


class Cell:
    def __init__(self, code, reply, messages, seconds):
        self.code = code
        self.reply = reply
        self.messages = messages
        self.seconds = seconds

    @property
    def status(self):
        return self.reply["content"]["status"]

    def text(self, name="stdout"):
        return "".join(m["content"]["text"] for m in self.messages
                       if m["msg_type"] == "stream" and m["content"]["name"] == name)

    @property
    def errors(self):
        return [m["content"] for m in self.messages if m["msg_type"] == "error"]


class RemoteKernel:
    """One kernel in a student's server, driven over its websocket (the Jupyter messaging protocol)."""

    def __init__(self, server, kernel_id, timeout):
        self.server = server
        self.id = kernel_id
        self.session = uuid.uuid4().hex
        ws_url = server.url.replace("http://", "ws://") + f"/api/kernels/{kernel_id}/channels?session_id={self.session}"
        self.ws = websocket.create_connection(ws_url, header=[f"Authorization: token {server.token}"],
                                              timeout=timeout)
        # The kernel answers kernel_info once it runs (a JVM start).
        t0 = time.perf_counter()
        self._request("kernel_info_request", {}, "shell", timeout)
        self.start_seconds = time.perf_counter() - t0

    def _message(self, msg_type, content, channel):
        msg_id = uuid.uuid4().hex
        return msg_id, json.dumps({
            "header": {"msg_id": msg_id, "msg_type": msg_type, "username": "classroom", "session": self.session,
                       "version": "5.3", "date": ""},
            "parent_header": {}, "metadata": {}, "content": content, "channel": channel, "buffers": []})

    def _request(self, msg_type, content, channel, timeout):
        msg_id, text = self._message(msg_type, content, channel)
        self.ws.send(text)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            msg = json.loads(self.ws.recv())
            if msg.get("parent_header", {}).get("msg_id") == msg_id and msg["channel"] == "shell":
                return msg
        raise TimeoutError(f"no {msg_type} reply within {timeout}s")

    def execute(self, code, timeout=300, stop_on_error=True):
        """Runs one cell; its time runs from the request to the kernel's idle after it."""
        msg_id, text = self._message("execute_request", {
            "code": code, "silent": False, "store_history": True, "user_expressions": {},
            "allow_stdin": False, "stop_on_error": stop_on_error}, "shell")
        t0 = time.perf_counter()
        self.ws.send(text)
        reply, messages, idle = None, [], False
        deadline = time.monotonic() + timeout
        while not (reply and idle):
            self.ws.settimeout(max(0.1, deadline - time.monotonic()))
            msg = json.loads(self.ws.recv())
            if msg.get("parent_header", {}).get("msg_id") != msg_id:
                continue
            if msg["channel"] == "shell":
                reply = msg
            elif msg["channel"] == "iopub":
                if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
                    idle = True
                    seconds = time.perf_counter() - t0
                elif msg["msg_type"] != "status":
                    messages.append(msg)
        return Cell(code, reply, messages, seconds)

    def shutdown(self):
        try:
            self.ws.close()
        finally:
            self.server.request(f"/api/kernels/{self.id}", "DELETE")


def lesson_cells(path):
    """(code, expects_error) for each code cell of a lesson notebook."""
    with open(path, encoding="utf-8") as f:
        notebook = json.load(f)
    cells = []
    for cell in notebook["cells"]:
        if cell["cell_type"] == "code":
            source = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
            cells.append((source, "raises-exception" in cell.get("metadata", {}).get("tags", [])))
    return cells


def login_with_password(base, name, password, lessons_path="/lab/tree/lessons"):
    """The browser's way in: the hub's login form (PAM), then the redirects to the student's server.
    Returns (final URL, page text)."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    # As a browser sends it: JupyterHub 3.0 fails (500) on a request without an Accept header.
    opener.addheaders = [("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")]
    opener.open(base + "/hub/login", timeout=30).read()
    xsrf = next((c.value for c in jar if c.name == "_xsrf"), None)
    form = {"username": name, "password": password}
    if xsrf:
        form["_xsrf"] = xsrf
    data = urllib.parse.urlencode(form).encode()
    # After the login the hub spawns the server (/hub/spawn) and, once it is up (or after its 10 s of
    # waiting, from the pending page), the browser reaches the server, which signs in through OAuth.
    answer = opener.open(base + "/hub/login?next=" + urllib.parse.quote("/hub/spawn"), data=data, timeout=180)
    if "Invalid username or password" in answer.read().decode("utf-8", "replace"):
        raise PermissionError(f"the hub refused the login of {name}: Invalid username or password")
    deadline = time.monotonic() + 180
    while True:
        try:
            response = opener.open(base + f"/user/{name}{lessons_path}", timeout=60)
            page = response.read().decode("utf-8", "replace")
            if f"/user/{name}/" in response.geturl() and "spawn-pending" not in response.geturl():
                return response.geturl(), page, opener
        except urllib.error.HTTPError as e:
            if e.code not in (424, 503) or time.monotonic() > deadline:
                raise
        if time.monotonic() > deadline:
            raise TimeoutError(f"the server of {name} did not come up after the login")
        time.sleep(0.5)
