"""The classroom with JupyterLab, a student's published ports at /user/NAME/proxy/PORT/, lessons that
follow the lecturer (install/classroom publish) and servers that end when idle, against the real thing
(the same classroom as test_classroom.py). The proxy is attacked as the other student, as a visitor,
with paths that climb out and with ports of the server itself."""
import http.cookiejar
import json
import os
import pwd
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest

import hub_session
from conftest import ROOT

BROWSER = os.path.join(ROOT, "kernel", "src", "test", "browser")
LESSON_07 = "07-ports-volumes-networks.ipynb"


def status_of(opener, url):
    """(status, final URL, body) of a GET, errors included."""
    try:
        with opener.open(url, timeout=60) as response:
            return response.status, response.geturl(), response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as e:
        return e.code, e.geturl(), e.read().decode("utf-8", "replace")


def cookie_header(opener):
    jar = next(h.cookiejar for h in opener.handlers if isinstance(getattr(h, "cookiejar", None), http.cookiejar.CookieJar))
    return "; ".join(f"{c.name}={c.value}" for c in jar)


def raw_upgrade(port, path, cookie, payload):
    """A websocket's handshake through the hub, then bytes one way and back: (status line, echo)."""
    with socket.create_connection(("127.0.0.1", port), timeout=30) as s:
        s.sendall((f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                   "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
                   f"Cookie: {cookie}\r\n\r\n").encode())
        head = b""
        while b"\r\n\r\n" not in head:
            chunk = s.recv(4096)
            if not chunk:
                break
            head += chunk
        status = head.split(b"\r\n", 1)[0].decode()
        if " 101 " not in status:
            return status, b""
        s.sendall(payload)
        echo = b""
        while len(echo) < len(payload):
            chunk = s.recv(4096)
            if not chunk:
                break
            echo += chunk
        return status, echo


# An echo server speaking just enough of a websocket's handshake (busybox has no websocket server).
ECHO_SERVER = ("printf '#!/bin/sh\\nwhile read -r l; do [ \"$(echo \"$l\" | tr -d \"\\\\r\")\" ] || break; done\\n"
               "printf \"HTTP/1.1 101 Switching Protocols\\\\r\\\\nUpgrade: websocket\\\\r\\\\nConnection: Upgrade\\\\r\\\\n\\\\r\\\\n\"\\n"
               "exec cat\\n' > /echo.sh && chmod +x /echo.sh && exec nc -ll -p 80 -e /echo.sh")


@pytest.fixture(scope="module")
def lab_login(classroom):
    """Both students logged in through the hub's form (cookies as a browser keeps them)."""
    hub = classroom.hub
    return {name: hub_session.login_with_password(hub.base, name, hub.passwords()[name])[2] for name in classroom.names}


def test_in_chromium_a_student_runs_lesson_07_in_jupyterlab_and_opens_the_page_through_the_proxy(classroom):
    if not os.path.isdir(os.path.join(BROWSER, "node_modules", "playwright-core")):
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--ignore-scripts"], cwd=BROWSER, check=True,
                       capture_output=True, timeout=300)
    a = classroom.names[0]
    hub = classroom.hub
    result = subprocess.run(["node", "classroom.mjs", hub.base, a, hub.passwords()[a]], cwd=BROWSER,
                            capture_output=True, text=True, timeout=900)
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    try:
        assert "error" not in seen, seen
        assert seen["landed"] == f"/user/{a}/lab/tree/lessons"
        assert LESSON_07 in seen["listed"]
        assert seen["link"] == f"/user/{a}/proxy/8080/"
        assert seen["proxyUrl"] == f"/user/{a}/proxy/8080/"
        assert "안녕하세요, 도커 컨테이너의 웹 서버입니다" in seen["proxyText"]
        for shot in ("classroom-lab.png", "classroom-proxy.png"):
            assert os.path.getsize(os.path.join(ROOT, "target", "screenshots", shot)) > 10000
    finally:
        classroom.docker(a, "rm", "-f", "lesson7-web")


def test_the_proxy_serves_only_the_owner_and_only_the_owners_published_ports(classroom, lab_login):
    a, b = classroom.names
    hub = classroom.hub
    cgi = "#!/bin/sh\\necho Content-Type: text/plain\\necho\\nenv\\n"
    assert classroom.docker(a, "run", "-d", "--name", "proxied", "-p", "8080:80", "busybox", "sh", "-c",
                            "mkdir -p /www/cgi-bin && echo page-of-a > /www/index.html && "
                            f"printf '{cgi}' > /www/cgi-bin/env && chmod +x /www/cgi-bin/env && "
                            "exec httpd -f -p 80 -h /www").returncode == 0
    assert classroom.docker(a, "run", "-d", "--name", "echo", "-p", "8081:80", "busybox", "sh", "-c",
                            ECHO_SERVER).returncode == 0
    try:
        url = f"{hub.base}/user/{a}/proxy/8080/"
        deadline = time.monotonic() + 30
        while (answer := status_of(lab_login[a], url))[0] != 200 and time.monotonic() < deadline:
            time.sleep(1)
        assert answer[0] == 200 and answer[2].strip() == "page-of-a", answer
        # HTTP is streamed through with the container's own headers; the page is sandboxed.
        with lab_login[a].open(url, timeout=30) as response:
            assert "sandbox" in response.headers["Content-Security-Policy"]
            assert "allow-same-origin" not in response.headers["Content-Security-Policy"]
        # The container sees its own cookies, never the login's (nor a Jupyter token).
        request = urllib.request.Request(f"{hub.base}/user/{a}/proxy/8080/cgi-bin/env", headers={
            "Cookie": cookie_header(lab_login[a]) + "; mine=1", "Authorization": f"token {hub.user_token(a)}"})
        with urllib.request.urlopen(request, timeout=30) as response:
            seen = response.read().decode()
        assert "HTTP_COOKIE=mine=1" in seen and "jupyterhub" not in seen and "HTTP_AUTHORIZATION" not in seen, seen
        # A websocket's upgrade, then bytes both ways.
        status, echo = raw_upgrade(classroom.port, f"/user/{a}/proxy/8081/socket", cookie_header(lab_login[a]), b"bytes both ways")
        assert " 101 " in status and echo == b"bytes both ways"

        # The other student: the hub refuses them A's server (403), and B's own proxy reaches only B's engine.
        status, _, _ = status_of(lab_login[b], url)
        assert status == 403
        status, _, body = status_of(lab_login[b], f"{hub.base}/user/{b}/proxy/8080/")
        assert status == 502 and "page-of-a" not in body
        status, _ = raw_upgrade(classroom.port, f"/user/{a}/proxy/8081/socket", cookie_header(lab_login[b]), b"x")
        assert " 101 " not in status
        # A visitor without a login: the login page, never the page.
        status, final, body = status_of(urllib.request.build_opener(), url)
        assert "/hub/login" in final and "page-of-a" not in body
        status, _ = raw_upgrade(classroom.port, f"/user/{a}/proxy/8081/socket", "", b"x")
        assert " 101 " not in status

        # Paths that climb out, however they are spelled.
        for path in ("../../api/contents", "%2e%2e/%2e%2e/api/contents", "%2E%2E/api", ".%2e/api", "%252e%252e/api",
                     "a/../../../hub/api/users"):
            status, _, body = status_of(lab_login[a], f"{hub.base}/user/{a}/proxy/8080/{path}")
            assert status == 400 and "content" not in body, (path, status, body[:200])
        # Ports of the server itself: the hub's public port, the hub's own, the student's server.
        log = open(os.path.join(classroom.state, "hub", "jupyterhub.log"), errors="replace").read()
        server_port = int(log.rsplit(f"Adding user {a} to proxy /user/{a}/ => http://127.0.0.1:", 1)[1].split()[0])
        settings = hub.settings
        for port in (settings["port"], settings["hub_port"], settings["proxy_api_port"], server_port):
            status, _, body = status_of(lab_login[a], f"{hub.base}/user/{a}/proxy/{port}/")
            assert status == 502 and body.startswith(f"proxy: port {port} of your Docker engine"), (port, status, body[:200])
    finally:
        classroom.docker(a, "rm", "-f", "proxied", "echo")


def test_the_port_dialer_answers_only_its_student(classroom):
    a, b = classroom.names
    dialer = f"/run/user/{classroom.uid(a)}/docker-ports.sock"
    st = os.stat(dialer)
    assert st.st_uid == classroom.uid(a)
    probe = classroom.as_student(b, "/usr/bin/python3", "-c",
                                 "import socket,sys; s=socket.socket(socket.AF_UNIX); s.connect(sys.argv[1])", dialer)
    assert "PermissionError" in probe.stderr
    # It runs as the student, in the student's engine namespace (not the machine's).
    pid = int(open(os.path.join(classroom.state, "engines", f"{a}-ports.pid")).read())
    assert os.stat(f"/proc/{pid}").st_uid == classroom.uid(a)
    assert os.readlink(f"/proc/{pid}/ns/net") != os.readlink("/proc/self/ns/net")


def test_the_kernel_links_published_ports_through_the_proxy(classroom, kernel_of):
    a = classroom.names[0]
    kernel = kernel_of(a)
    try:
        run = kernel.execute("docker run -d --name linked -p 8090:80 busybox httpd -f -p 80")
        html = "".join(m["content"]["data"].get("text/html", "") for m in run.messages if m["msg_type"] == "display_data")
        assert f'href="/user/{a}/proxy/8090/"' in html
        port = kernel.execute("docker port linked")
        assert f"/user/{a}/proxy/8090/" in json.dumps([m["content"] for m in port.messages])
        check = kernel.execute("%%check\nport 8090 answers\nport 8091 answers", stop_on_error=False)
        text = json.dumps([m["content"] for m in check.messages], ensure_ascii=False)
        assert "✓ port 8090 answers" in text and "✗ port 8091 answers" in text
    finally:
        kernel.execute("docker rm -f linked")


def test_publish_replaces_an_unchanged_lesson_and_keeps_a_changed_one_beside_the_new_version(classroom, tmp_path):
    b = classroom.names[1]
    home = pwd.getpwnam(b).pw_dir
    lessons = sorted(n for n in os.listdir(os.path.join(ROOT, "notebooks")) if n.endswith(".ipynb"))
    unchanged, changed = lessons[0], lessons[2]
    # The student writes into one lesson (as the student, as the server would save it).
    mine = json.load(open(os.path.join(home, "lessons", changed), encoding="utf-8"))
    mine["cells"].append({"cell_type": "markdown", "metadata": {}, "source": "내 메모"})
    edit = classroom.as_student(b, "/usr/bin/python3", "-c",
                                "import sys; open(sys.argv[1], 'w').write(sys.argv[2])",
                                os.path.join(home, "lessons", changed), json.dumps(mine, ensure_ascii=False))
    assert edit.returncode == 0, edit.stderr
    # The lecturer fixes both, and adds a lesson.
    source = tmp_path / "lessons"
    shutil.copytree(os.path.join(ROOT, "notebooks"), source)
    for name in (unchanged, changed):
        nb = json.load(open(source / name, encoding="utf-8"))
        nb["cells"].append({"cell_type": "markdown", "metadata": {}, "source": "화요일에 고침"})
        (source / name).write_text(json.dumps(nb, ensure_ascii=False), encoding="utf-8")
    shutil.copy(source / unchanged, source / "99-new.ipynb")
    os.chmod(tmp_path, 0o755)
    result = classroom.tool("publish", str(source))
    report = {line.split(":", 1)[0]: line for line in result.stdout.splitlines()}
    line = report[f"student {b}"]
    assert f"{unchanged} replaced" in line and f"{changed} kept (changed)" in line and "99-new.ipynb added" in line
    beside = changed.replace(".ipynb", " (새 버전).ipynb")
    got = json.load(open(os.path.join(home, "lessons", unchanged), encoding="utf-8"))
    assert got["cells"][-1]["source"] == "화요일에 고침"
    kept = json.load(open(os.path.join(home, "lessons", changed), encoding="utf-8"))
    assert kept["cells"][-1]["source"] == "내 메모"
    new = json.load(open(os.path.join(home, "lessons", beside), encoding="utf-8"))
    assert new["cells"][-1]["source"] == "화요일에 고침" and new["metadata"]["kernelspec"]["name"] == "docker"
    for name in (unchanged, beside, "99-new.ipynb"):
        assert os.stat(os.path.join(home, "lessons", name)).st_uid == classroom.uid(b)
    # Publishing the same again changes nothing.
    again = classroom.tool("publish", str(source)).stdout
    assert f"student {b}: every lesson is current" in again, again
    # Back to the lessons of notebooks/ for the tests after this one (the changed lesson stays the student's).
    classroom.tool("publish")
    os.remove(os.path.join(home, "lessons", "99-new.ipynb"))


def test_an_idle_server_is_stopped_and_the_next_login_finds_the_container(classroom, tokens):
    a = classroom.names[0]
    hub = classroom.hub
    hub_session.login_with_password(hub.base, a, hub.passwords()[a])
    assert classroom.docker(a, "run", "-d", "--name", "outlives-the-server", "busybox", "sleep", "900").returncode == 0
    classroom.start("--idle-timeout", "0.2")  # 12 s; read by the culler without a restart of the hub
    try:
        deadline = time.monotonic() + 180
        while hub.api(f"/users/{a}").get("servers", {}).get(""):
            assert time.monotonic() < deadline, "the idle server was not stopped"
            time.sleep(2)
        log = open(os.path.join(classroom.state, "hub", "jupyterhub.log"), errors="replace").read()
        assert f"culler: stopping the server of {a}" in log
    finally:
        classroom.start("--idle-timeout", "60")
    assert classroom.docker(a, "inspect", "-f", "{{.State.Running}}", "outlives-the-server").stdout.strip() == "true"
    url, _, _ = hub_session.login_with_password(hub.base, a, hub.passwords()[a])
    # JupyterHub adds ?redirects=N when it sent the browser back while the server was still starting
    assert urllib.parse.urlsplit(url).path.endswith(f"/user/{a}/lab/tree/lessons"), url
    kernel = hub.server(a, tokens[a]).start_kernel("docker")
    try:
        assert "outlives-the-server" in kernel.execute("docker ps --format '{{.Names}}'").text()
        assert kernel.execute("docker rm -f outlives-the-server").status == "ok"
    finally:
        kernel.shutdown()
