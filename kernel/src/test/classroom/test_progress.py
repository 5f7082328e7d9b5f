"""Issue 20, against the real classroom: a lecturer sees every student's checks on one live page, exports
them, releases solutions; students' copies hold no solution; a student's token reads and writes only
their own; recheck grades from the server's side. The lecturer's browser is Debian's headless
Chromium (install/handoutlib/chromium.py); screenshots go to target/screenshots/."""
import base64
import csv
import io
import json
import os
import pwd
import sys
import time
import urllib.error
import urllib.request
import uuid

import pytest

from conftest import ROOT

sys.path.insert(0, os.path.join(ROOT, "install"))
from handoutlib.chromium import Chromium  # noqa: E402

SCREENSHOTS = os.path.join(ROOT, "target", "screenshots")
LESSON_A = "01-why-docker.ipynb"
LESSON_B = "02-images-and-containers.ipynb"


def service_url(classroom, path=""):
    return f"http://127.0.0.1:{classroom.port}/services/progress/{path}"


def call(classroom, path, token, body=None, method=None):
    """(status, text) of a request to the progress service with a token."""
    data = body.encode() if isinstance(body, str) else json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(service_url(classroom, path), data=data, method=method,
                                     headers={"Authorization": f"token {token}", "Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode()


def screenshot(page, name):
    os.makedirs(SCREENSHOTS, exist_ok=True)
    data = page.browser.call("Page.captureScreenshot", page.session, format="png")["data"]
    with open(os.path.join(SCREENSHOTS, name), "wb") as f:
        f.write(base64.b64decode(data))


def login(browser, classroom, name, next_path):
    """The hub's login form, as a person fills it in; then next_path (through the service's OAuth)."""
    password = classroom.hub.passwords()[name]
    page = browser.open(f"http://127.0.0.1:{classroom.port}/hub/login?next={next_path}", width=1400)
    page.evaluate(f"""(() => {{
        document.querySelector('#username_input').value = {json.dumps(name)};
        document.querySelector('#password_input').value = {json.dumps(password)};
        document.querySelector('form').submit(); return true; }})()""")
    return page


def wait_for(page, expression, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            value = page.evaluate(expression)
            if value:
                return value
        except Exception:  # the page is between two documents
            pass
        time.sleep(0.05)
    raise TimeoutError(f"the page never had {expression}: {page.evaluate('document.body.innerText')[:500]}")


def cell_text(student, lesson, exercise):
    key = json.dumps(f"{student}/{lesson}/{exercise}")
    return f"(document.querySelector('td[data-cell=' + JSON.stringify({key}) + ']') || {{}}).textContent"


@pytest.fixture(scope="module")
def browser():
    chromium = Chromium()
    yield chromium
    chromium.close()


def test_the_lecturer_gets_an_admin_account_and_a_line(classroom):
    lecturer = classroom.lecturer
    assert f"lecturer {lecturer} URL=http://127.0.0.1:{classroom.port}/services/progress/" in classroom.start_output
    assert lecturer in classroom.hub.passwords()
    assert classroom.hub.api(f"/users/{lecturer}")["admin"] is True
    assert not any(classroom.hub.api(f"/users/{n}")["admin"] for n in classroom.names)


def test_the_students_notebooks_hold_no_solution_and_the_lecturers_do(classroom):
    def lessons_of(name):
        home = pwd.getpwnam(name).pw_dir
        folder = os.path.join(home, "lessons")
        # Every notebook there: the lessons and any new version publish put beside one (JupyterLab's
        # .ipynb_checkpoints and a lesson's scratch folders are not lessons).
        return {f: json.load(open(os.path.join(folder, f), encoding="utf-8")) for f in sorted(os.listdir(folder))
                if f.endswith(".ipynb") and os.path.isfile(os.path.join(folder, f))}

    lessons = {f for f in os.listdir(os.path.join(ROOT, "notebooks")) if f.endswith(".ipynb")}
    for name in classroom.names:
        notebooks = lessons_of(name)
        assert lessons <= set(notebooks)
        for file, notebook in notebooks.items():
            assert not any("solution" in c.get("metadata", {}).get("tags", []) for c in notebook["cells"]), file
            assert any("%solution" in "".join(c["source"]) for c in notebook["cells"] if c["cell_type"] == "code"), file
            assert any("".join(c["source"]).startswith("%%check ") for c in notebook["cells"]), file
    lecturer = lessons_of(classroom.lecturer)
    assert all(any("solution" in c.get("metadata", {}).get("tags", []) for c in nb["cells"]) for nb in lecturer.values())


def test_the_page_shows_a_pass_and_a_failure_within_two_seconds_and_the_csv_holds_them(classroom, kernel_of, tokens,
                                                                                          browser):
    a, b = classroom.names
    hub = classroom.hub
    for name in (a, b):
        hub.start_server(name)
    kernel_a = hub.server(a, tokens[a]).start_kernel("docker", path=f"lessons/{LESSON_A}")
    kernel_b = hub.server(b, tokens[b]).start_kernel("docker", path=f"lessons/{LESSON_B}")
    try:
        page = login(browser, classroom, classroom.lecturer, "/services/progress/")
        wait_for(page, "document.querySelector('#live') && document.querySelector('#live').textContent === '실시간'"
                       " && document.querySelector('td[data-cell]') !== null")
        assert wait_for(page, cell_text(a, LESSON_A, "practice1-redis")) == "·"
        assert kernel_a.execute("docker run -d --name practice1-redis redis").status == "ok"
        passed = kernel_a.execute("%%check practice1-redis\ncontainer practice1-redis running\n"
                                  "exec practice1-redis redis-cli ping -> PONG")
        t_a = time.monotonic()
        failed = kernel_b.execute("%%check practice2-echo\ncontainer practice2-echo exited 0\n"
                                  "logs practice2-echo contains 도커 연습")
        t_b = time.monotonic()
        assert passed.status == "ok" and failed.status == "error"
        wait_for(page, f"{cell_text(a, LESSON_A, 'practice1-redis')} === '✓'", timeout=5)
        seen_a = time.monotonic() - t_a
        wait_for(page, f"({cell_text(b, LESSON_B, 'practice2-echo')} || '').startsWith('✗')", timeout=5)
        seen_b = time.monotonic() - t_b
        assert seen_a < 2 and seen_b < 2, (seen_a, seen_b)
        tip = page.evaluate(f"document.querySelector('td[data-cell=' + JSON.stringify({json.dumps(b + '/' + LESSON_B + '/practice2-echo')}) + ']').title")
        assert "시도 1번" in tip and "container practice2-echo exited 0" in tip
        screenshot(page, "classroom-progress.png")
        page.close()
    finally:
        kernel_a.shutdown()
        kernel_b.shutdown()
    status, text = call(classroom, "export.csv", hub.settings["service_token"])
    assert status == 200
    rows = {(r["student"], r["lesson"], r["exercise"]): r for r in csv.DictReader(io.StringIO(text))}
    assert list(csv.reader(io.StringIO(text)))[0] == ["student", "lesson", "exercise", "status", "attempts",
                                                     "first_passed", "last_tried"]
    assert rows[(a, LESSON_A, "practice1-redis")]["status"] == "passed"
    assert rows[(a, LESSON_A, "practice1-redis")]["first_passed"]
    assert (rows[(b, LESSON_B, "practice2-echo")]["status"], rows[(b, LESSON_B, "practice2-echo")]["attempts"]) == \
        ("failing", "1")
    assert rows[(b, LESSON_A, "practice1-redis")]["status"] == "not tried"
    # Every student by every lesson's exercise; the suite's other tests run checks outside a lesson's
    # folder too, which come after them under an empty lesson.
    assert len([key for key in rows if key[1]]) == 2 * lesson_exercises()
    on_server = classroom.tool("progress", "--csv").stdout
    assert on_server == text


def test_a_students_token_reads_and_writes_only_their_own(classroom, tokens):
    a, b = classroom.names
    token_b = tokens[b]
    for path in ("", "state", "export.csv", "events"):
        assert call(classroom, path, token_b)[0] == 403, path
    forged = {"id": uuid.uuid4().hex, "student": a, "lesson": LESSON_A, "exercise": "practice1-redis", "passed": False}
    assert call(classroom, "api/checks", token_b, json.dumps(forged))[0] == 403
    assert call(classroom, "api/rechecked", token_b, {"results": [dict(forged, student=b)]})[0] == 403
    assert call(classroom, "api/release", token_b, {"lesson": LESSON_A})[0] == 403
    status, mine = call(classroom, "me?format=json", token_b)
    assert status == 200
    me = json.loads(mine)
    assert me["students"] == [b] and {r["student"] for r in me["rows"]} == {b}


def test_solutions_are_released_by_the_lecturer_and_shown_by_solution(classroom, tokens):
    a = classroom.names[0]
    hub = classroom.hub
    hub.start_server(a)
    kernel = hub.server(a, tokens[a]).start_kernel("docker", path=f"lessons/{LESSON_A}")
    try:
        before = kernel.execute("%solution practice1-redis")
        assert before.status == "ok" and "공개하지 않았습니다" in before.text()
        assert classroom.tool("release-solutions", LESSON_A).returncode == 0
        after = kernel.execute("%solution practice1-redis")
        assert "docker run -d --name practice1-redis redis" in after.text()
    finally:
        kernel.shutdown()
    student_browser = Chromium()  # a browser of the student's own: no lecturer's cookie in it
    try:
        page = login(student_browser, classroom, a, "/services/progress/me")
        wait_for(page, "document.querySelector('#total') !== null")
        text = page.evaluate("document.body.innerText")
        assert "✓ 통과" in text and classroom.names[1] not in text
        screenshot(page, "classroom-student.png")
        page.close()
    finally:
        student_browser.close()


def test_recheck_agrees_with_the_kernels_and_marks_a_forged_post(classroom, tokens):
    a, b = classroom.names
    forged = {"id": uuid.uuid4().hex, "lesson": "03-container-lifecycle.ipynb", "exercise": "practice3-box",
              "passed": True, "facts": [{"fact": "container practice3-box paused", "holds": True}], "attempt": 1}
    assert call(classroom, "api/checks", tokens[b], json.dumps(forged))[0] == 200
    result = classroom.tool("recheck", check=False, timeout=900)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert f"{a} {LESSON_A} practice1-redis reported=passed rechecked=passed" in lines
    assert f"{b} {LESSON_B} practice2-echo reported=failing rechecked=failing" in lines
    assert f"{b} 03-container-lifecycle.ipynb practice3-box reported=passed rechecked=failing  DIFFERS" in lines
    assert sum(1 for line in lines if line.endswith("DIFFERS")) == 1, result.stdout
    state = json.loads(call(classroom, "state", classroom.hub.settings["service_token"])[1])
    marked = [(r["student"], r["exercise"]) for r in state["rows"] if r["differs"]]
    assert marked == [(b, "practice3-box")]


def lesson_exercises():
    """How many %%check exercises the lessons hold (each lesson may have several)."""
    root = os.path.join(os.path.dirname(__file__), "..", "..", "..", "..", "notebooks")
    names = set()
    for name in sorted(os.listdir(root)):
        if name.endswith(".ipynb"):
            with open(os.path.join(root, name), encoding="utf-8") as f:
                for cell in json.load(f)["cells"]:
                    source = "".join(cell["source"])
                    if cell["cell_type"] == "code" and source.startswith("%%check"):
                        names.add((name, source.split()[1]))
    return len(names)
