"""The classroom's parts that are pure logic, without a classroom: the publish rule (and that it never
writes through a student's link), the port proxy's path and header rules, the culler's choice."""
import datetime
import json
import os
import sys

import pytest

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", "..", ".."))
sys.path.insert(0, os.path.join(ROOT, "install", "classroom.d"))
import culler  # noqa: E402
import progress_store  # noqa: E402
import publish  # noqa: E402

port_proxy = pytest.importorskip("port_proxy")  # needs jupyter_server (install/test installs it)


def notebook(*sources, outputs=()):
    return json.dumps({"cells": [{"cell_type": "code", "source": s, "outputs": list(outputs), "metadata": {},
                                  "execution_count": None} for s in sources],
                       "metadata": {}, "nbformat": 4, "nbformat_minor": 5}).encode()


@pytest.fixture
def home(tmp_path):
    return tmp_path / "home"


def hand(home, lessons, record, add_only=False):
    home.mkdir(exist_ok=True)
    folder = publish.StudentLessons(str(home), os.getuid(), os.getgid())
    try:
        return {name: publish.hand_out(folder, record, name, data, add_only) for name, data in lessons.items()}
    finally:
        folder.close()


def test_publish_replaces_unchanged_keeps_changed_beside_and_adds_new(home):
    record = {}
    assert hand(home, {"01-a.ipynb": notebook("docker ps"), "02-b.ipynb": notebook("docker images")}, record) == \
        {"01-a.ipynb": "added", "02-b.ipynb": "added"}
    # The student ran 01 (outputs saved: still unchanged) and wrote into 02.
    (home / "lessons" / "01-a.ipynb").write_bytes(notebook("docker ps", outputs=[{"output_type": "stream"}]))
    (home / "lessons" / "02-b.ipynb").write_bytes(notebook("docker images", "my own note"))
    done = hand(home, {"01-a.ipynb": notebook("docker ps -a"), "02-b.ipynb": notebook("docker images -a"),
                       "03-c.ipynb": notebook("docker run")}, record)
    assert done["01-a.ipynb"] == "replaced"
    assert done["02-b.ipynb"].startswith("kept (changed)") and "02-b (새 버전).ipynb" in done["02-b.ipynb"]
    assert done["03-c.ipynb"] == "added"
    assert (home / "lessons" / "01-a.ipynb").read_bytes() == notebook("docker ps -a")
    assert (home / "lessons" / "02-b.ipynb").read_bytes() == notebook("docker images", "my own note")
    assert (home / "lessons" / "02-b (새 버전).ipynb").read_bytes() == notebook("docker images -a")
    # A later version replaces the untouched new version beside; a touched one is kept too.
    done = hand(home, {"02-b.ipynb": notebook("docker images -q")}, record)
    assert (home / "lessons" / "02-b (새 버전).ipynb").read_bytes() == notebook("docker images -q")
    (home / "lessons" / "02-b (새 버전).ipynb").write_bytes(notebook("edited the new one"))
    done = hand(home, {"02-b.ipynb": notebook("docker images -f x")}, record)
    assert "02-b (새 버전 2).ipynb" in done["02-b.ipynb"]
    assert (home / "lessons" / "02-b (새 버전).ipynb").read_bytes() == notebook("edited the new one")
    # start's hand-out adds only: an unchanged lesson is left as it is.
    assert hand(home, {"01-a.ipynb": notebook("new again")}, record, add_only=True) == {"01-a.ipynb": "kept"}


def test_publish_never_writes_through_a_students_link(home, tmp_path):
    outside = tmp_path / "not-the-students"
    outside.write_text("precious")
    (home / "lessons").mkdir(parents=True)
    os.symlink(outside, home / "lessons" / "01-a.ipynb")
    os.symlink(tmp_path / "dangling", home / "lessons" / "02-b.ipynb")
    record = {"01-a.ipynb": publish.fingerprint(b"precious")}
    done = hand(home, {"01-a.ipynb": notebook("x"), "02-b.ipynb": notebook("y")}, record)
    assert outside.read_text() == "precious" and not (tmp_path / "dangling").exists()
    assert "새 버전" in done["01-a.ipynb"] and "새 버전" in done["02-b.ipynb"]
    # ~/lessons itself a link: refused, nothing handed out.
    other = tmp_path / "home2"
    other.mkdir()
    os.symlink(tmp_path, other / "lessons")
    with pytest.raises(OSError):
        publish.StudentLessons(str(other), os.getuid(), os.getgid())


@pytest.mark.parametrize("path,climbs", [
    ("/", False), ("/index.html", False), ("/a/b.c/d", False), ("/..", True), ("/../api", True),
    ("/%2e%2e/api", True), ("/%2E%2e/x", True), ("/.%2e/x", True), ("/%252e%252e/x", True), ("/./x", True),
    ("/a\\..\\b", True), ("/a%5c..%5cb", True), ("/%2e%2e%2fapi", True), ("/..x/y", False)])
def test_the_proxy_refuses_a_path_that_climbs_out(path, climbs):
    assert port_proxy.climbs_out(path) is climbs


def test_the_proxy_keeps_the_containers_cookies_and_redirects_under_its_port():
    prefix = "/user/s1/proxy/8080"
    assert port_proxy.rewrite_cookie("sid=1; Path=/; Domain=example.org; HttpOnly", prefix) == \
        "sid=1; HttpOnly; Path=/user/s1/proxy/8080/"
    assert port_proxy.rewrite_location("/login", prefix, 8080) == "/user/s1/proxy/8080/login"
    assert port_proxy.rewrite_location("http://127.0.0.1:8080/x", prefix, 8080) == "/user/s1/proxy/8080/x"
    assert port_proxy.rewrite_location("https://example.org/", prefix, 8080) == "https://example.org/"
    assert port_proxy.rewrite_location("//evil.example/", prefix, 8080) == "//evil.example/"



def test_the_proxy_passes_only_a_websocket_acceptance_with_its_cookies_under_its_port():
    prefix = "/user/s1/proxy/8080"
    answer = port_proxy.websocket_answer(
        b"HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
        b"Sec-WebSocket-Accept: abc=\r\nSet-Cookie: sid=1; Path=/\r\nLocation: /hub/\r\nX-Other: 1\r\n\r\n", prefix)
    assert answer == (b"HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                      b"Sec-Websocket-Accept: abc=\r\nSet-Cookie: sid=1; Path=/user/s1/proxy/8080/\r\n\r\n")
    assert port_proxy.websocket_answer(b"HTTP/1.1 200 OK\r\nSet-Cookie: a=1; Path=/\r\n\r\n", prefix) is None
    assert port_proxy.websocket_answer(b"garbage\r\n\r\n", prefix) is None

def test_the_culler_stops_only_ready_servers_idle_too_long():
    now = datetime.datetime(2026, 1, 1, 12, 0, tzinfo=datetime.timezone.utc)
    users = [
        {"name": "idle", "servers": {"": {"ready": True, "last_activity": "2026-01-01T10:30:00Z",
                                          "started": "2026-01-01T10:00:00Z"}}},
        {"name": "busy", "servers": {"": {"ready": True, "last_activity": "2026-01-01T11:59:00.000Z",
                                          "started": "2026-01-01T10:00:00Z"}}},
        {"name": "starting", "servers": {"": {"ready": False, "pending": "spawn", "last_activity": None,
                                              "started": "2026-01-01T09:00:00Z"}}},
        {"name": "none", "servers": {}},
    ]
    assert [(n, s) for n, s, _ in culler.idle_servers(users, now, 3600)] == [("idle", "")]


def test_a_forged_check_line_is_refused_or_harmless_and_the_lecturers_table_still_reads(tmp_path):
    db = progress_store.connect(str(tmp_path))
    for bad in ({"attempt": "x"}, {"attempt": [1]}, {"attempt": 1 << 70}, {"cell_id": {"a": 1}}):
        with pytest.raises(ValueError):
            progress_store.add(db, "s1", {"id": "1", "exercise": "e", **bad}, "kernel")
    # facts that are not objects were kept before and broke every page's table (AttributeError: 500)
    assert progress_store.add(db, "s1", {"id": "2", "exercise": "e", "lesson": "01.ipynb",
                                         "facts": ["x", 3, {"fact": 5, "holds": False}]}, "kernel")
    db.execute("INSERT INTO results VALUES ('s1/3','s1','01.ipynb','e',NULL,0,'[\"x\", {\"fact\": \"f\"}]',0,"
               "'2099-01-01T00:00:00Z','kernel',0)")
    rows = progress_store.rows(db, ["s1"], {"01.ipynb": [("e", None, "")]})
    assert rows[0]["status"] == "failing" and rows[0]["failing"] == "f"


def test_the_csv_export_never_hands_a_spreadsheet_a_formula():
    row = {"student": "s1", "lesson": "=HYPERLINK(\"http://x/\")", "exercise": "@SUM(A1)", "status": "failing",
           "attempts": 1, "first_passed": "", "last_tried": "2026-01-01T00:00:00Z"}
    lines = progress_store.csv_text([row, {**row, "lesson": "07-ports.ipynb", "exercise": "+1", "status": "-2"}])
    import csv
    import io
    parsed = list(csv.reader(io.StringIO(lines)))
    assert parsed[1][1:4] == ["'=HYPERLINK(\"http://x/\")", "'@SUM(A1)", "failing"]
    assert parsed[2][1:4] == ["07-ports.ipynb", "'+1", "'-2"]
    assert parsed[1][6] == "2026-01-01T00:00:00Z"


@pytest.mark.parametrize("origin,host,foreign", [
    (None, "hub.example:8000", False),  # a script, as the classroom test's client
    ("null", "hub.example:8000", False),  # the student's own proxied page, sandboxed
    ("http://hub.example:8000", "hub.example:8000", False),
    ("HTTPS://Hub.Example:8000", "hub.example:8000", False),
    ("https://evil.example", "hub.example:8000", True),
    ("http://hub.example:8001", "hub.example:8000", True),
])
def test_the_proxy_refuses_a_websocket_from_another_site(origin, host, foreign):
    assert port_proxy.foreign_origin(origin, host) is foreign


@pytest.mark.parametrize("text", ['{"idle_timeout_minutes": null}', '[]', '{"idle_timeout_minutes": "x"}', '{'])
def test_the_culler_reads_a_broken_timeout_as_the_default(tmp_path, text):
    path = tmp_path / "settings.json"
    path.write_text(text)
    assert culler.timeout_seconds(str(path)) == 3600.0


def test_the_lecturers_buttons_name_a_known_lesson_or_student_and_come_from_the_page(monkeypatch):
    """The progress service's release and recheck buttons: one rule for both (Base.lecturer_choice)."""
    progress_service = pytest.importorskip("progress_service")  # needs jupyterhub and tornado
    from types import SimpleNamespace

    from tornado import testing, web

    released, started = [], []
    monkeypatch.setattr(progress_service.progress_store, "release", lambda db, lesson: released.append(lesson))
    monkeypatch.setattr(progress_service.subprocess, "Popen", lambda argv, **kw: started.append(argv))
    progress = SimpleNamespace(lecturers={"lee"}, catalogue={"01-why-docker.ipynb": {}}, students={"kim"}, db=None,
                               changed=lambda event: None, settings={"tool": "/bin/true"}, state=None)

    def signed_in(handler, name):
        class Handler(handler):
            def get_current_user(self):
                return {"kind": "user", "name": name}
        return Handler

    class Case(testing.AsyncHTTPTestCase):
        def get_app(self):
            return web.Application([("/release", signed_in(progress_service.ReleaseHandler, "lee")),
                                    ("/recheck", signed_in(progress_service.RecheckHandler, "lee")),
                                    ("/release-by-student", signed_in(progress_service.ReleaseHandler, "kim"))],
                                   progress=progress)

        def runTest(self):
            def post(path, body, page=True):
                headers = {"X-Progress": "1"} if page else {}
                return self.fetch(path, method="POST", body=json.dumps(body), headers=headers)
            answer = post("/release", {"lesson": "01-why-docker.ipynb"})
            assert answer.code == 200 and json.loads(answer.body) == {"released": "01-why-docker.ipynb"}
            assert released == ["01-why-docker.ipynb"]
            missing = post("/release", {"lesson": "99-none.ipynb"})
            assert missing.code == 404 and b"no such lesson" in missing.body
            assert post("/recheck", {"student": "nobody"}).body.startswith(b"404: no such student")
            assert post("/release", {"lesson": "01-why-docker.ipynb"}, page=False).code == 403  # a cross-site form
            assert post("/release-by-student", {"lesson": "01-why-docker.ipynb"}).code == 403
            assert released == ["01-why-docker.ipynb"] and started == []

    result = Case().run()
    assert result.wasSuccessful(), result.failures + result.errors


def test_the_progress_tools_read_the_classrooms_settings_or_say_it_is_not_set_up(tmp_path):
    """install/classroom progress|recheck|release-solutions read classroom_state's settings file."""
    import subprocess
    read = "import progress; print(progress.load_settings()['tool'], progress.STATE)"
    env = dict(os.environ, DOCKER_CLASSROOM_STATE=str(tmp_path), PYTHONDONTWRITEBYTECODE="1")
    run = subprocess.run([sys.executable, "-c", read], cwd=os.path.join(ROOT, "install", "classroom.d"), env=env,
                         capture_output=True, text=True)
    assert run.returncode == 1 and run.stderr == "classroom: not set up (install/classroom start)\n"
    (tmp_path / "hub").mkdir()
    (tmp_path / "hub" / "classroom.json").write_text(json.dumps({"tool": "/x/classroom"}))
    run = subprocess.run([sys.executable, "-c", read], cwd=os.path.join(ROOT, "install", "classroom.d"), env=env,
                         capture_output=True, text=True)
    assert run.stdout == f"/x/classroom {tmp_path}\n", run.stderr
