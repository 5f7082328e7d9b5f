"""What the kernel gives a Docker class beyond a terminal, through a real client: live panels,
checked exercises, the lifecycle picture, links to published ports, and what belongs to the lesson."""
import os
import subprocess
import threading
import time
import uuid

import pytest

from conftest import execute, start_kernel


@pytest.fixture(scope="module")
def session():
    manager, client = start_kernel()
    yield manager, client
    client.stop_channels()
    manager.shutdown_kernel(now=True)


@pytest.fixture
def name(session):
    value = "ct-" + uuid.uuid4().hex[:8]
    yield value
    execute(session[1], f"docker rm -f {value} {value}-b\n%live off")


def drain_iopub(client, seconds):
    """Every iopub message that arrives within `seconds`, whatever its parent."""
    messages = []
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            messages.append(client.get_iopub_msg(timeout=max(0.05, deadline - time.monotonic())))
        except Exception:
            pass
    return messages


def test_a_live_panel_follows_later_cells(session, name):
    _, kernel = session
    panel = execute(kernel, "%live docker ps -a --format 'table {{.Names}}\\t{{.Status}}'")
    shown = panel.of_type("display_data")
    assert len(shown) == 1, panel.messages
    display_id = shown[0]["transient"]["display_id"]
    panel_msg_id = panel.reply["parent_header"]["msg_id"]
    assert name not in shown[0]["data"]["text/plain"]
    # A container started elsewhere (another terminal) shows up within a second, as an update of the
    # same display published from the background with the panel cell's parent header.
    subprocess.run(["docker", "run", "-d", "--name", name, "busybox", "sleep", "600"], check=True,
                   capture_output=True, env=os.environ)
    updates = [m for m in drain_iopub(kernel, 1.5)
               if m["msg_type"] == "update_display_data" and m["content"]["transient"]["display_id"] == display_id]
    assert any(name in u["content"]["data"]["text/plain"] and "Up" in u["content"]["data"]["text/plain"]
               and u["parent_header"].get("msg_id") == panel_msg_id for u in updates), updates
    # A cell that changes the engine: by its end the panel's state is sent with that cell's header too,
    # so that headless runs (nbclient) record it.
    cell = execute(kernel, f"docker stop -t 1 {name}")
    later = [m for m in cell.messages if m["msg_type"] == "update_display_data"]
    seen = [u["content"]["data"]["text/plain"] for u in later]
    assert any(name in text and "Exited" in text for text in seen), seen
    stopped = execute(kernel, "%live off")
    assert stopped.status == "ok"
    execute(kernel, f"docker rm {name}")
    assert not [m for m in drain_iopub(kernel, 1.0) if m["msg_type"] == "update_display_data"
                and m["content"]["transient"]["display_id"] == display_id]


def test_display_ids_are_new_every_run(session):
    _, kernel = session
    first = execute(kernel, "%live docker images").of_type("display_data")[0]["transient"]["display_id"]
    second = execute(kernel, "%live docker volume ls").of_type("display_data")[0]["transient"]["display_id"]
    assert first != second
    assert execute(kernel, "%live off").status == "ok"


def test_only_listings_can_be_live(session):
    _, kernel = session
    cell = execute(kernel, "%live docker run busybox true")
    assert cell.status == "error"
    assert "docker ps" in cell.error["traceback"][0]


def test_panels_update_a_few_times_a_second_at_most(session, name):
    _, kernel = session
    display_id = execute(kernel, "%live docker ps -a").of_type("display_data")[0]["transient"]["display_id"]
    start = time.monotonic()
    execute(kernel, "\n".join(f"docker create --name {name}-{i} busybox" for i in range(8)))
    updates = [m for m in drain_iopub(kernel, 1.0) if m["msg_type"] == "update_display_data"
               and m["content"]["transient"]["display_id"] == display_id]
    elapsed = time.monotonic() - start
    execute(kernel, "docker rm " + " ".join(f"{name}-{i}" for i in range(8)) + "\n%live off")
    assert len(updates) <= elapsed * 4 + 2, (len(updates), elapsed)


def test_a_check_cell_says_what_holds_and_fails_when_something_does_not(session, name):
    _, kernel = session
    execute(kernel, f"docker run -d --name {name} busybox sleep 600")
    ok = execute(kernel, f"%%check\ncontainer {name} running\nimage busybox present\nexec {name} echo 안녕 -> 안녕")
    assert ok.status == "ok", ok.error
    text = ok.of_type("display_data")[0]["data"]["text/plain"]
    assert text.count("✓") == 3 and "✗" not in text
    bad = execute(kernel, f"%%check\ncontainer {name} exited 0\nvolume {name}-nothing present\n%hint 먼저 멈추세요")
    assert bad.status == "error"
    shown = bad.of_type("display_data")[0]["data"]["text/plain"]
    assert "✗ container" in shown and "running" in shown
    traceback = "\n".join(bad.error["traceback"])
    assert "먼저 멈추세요" in traceback
    score = execute(kernel, "%score").of_type("display_data")[0]["data"]["text/plain"]
    assert "✓" in score and "✗" in score


def test_every_check_is_recorded_with_a_stable_name_and_the_score_survives_a_restart(tmp_path):
    """Issue 20: the record in the student's home names each check by %%check NAME, or by its lesson
    file and cell id (found in the notebook beside the kernel, as Notebook 6 tells a kernel no more),
    counts attempts, and a new kernel's %score reads it."""
    import json
    record_dir = tmp_path / "record"
    lesson = tmp_path / "lessons"
    lesson.mkdir()
    unnamed = "%%check\nimage busybox present"
    (lesson / "09-test.ipynb").write_text(json.dumps({"cells": [
        {"cell_type": "code", "id": "named-cell", "metadata": {}, "outputs": [], "execution_count": None,
         "source": ["%%check my-box\n", "container nothing-here-x running"]},
        {"cell_type": "code", "id": "unnamed-cell", "metadata": {}, "outputs": [], "execution_count": None,
         "source": unnamed}], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}), encoding="utf-8")
    env = {"DOCKER_LESSONS_RECORD_DIR": str(record_dir)}
    manager, kernel = start_kernel(extra_env=env, cwd=lesson)
    try:
        assert execute(kernel, "%%check my-box\ncontainer nothing-here-x running").status == "error"
        assert execute(kernel, "%%check my-box\ncontainer nothing-here-x absent").status == "ok"
        assert execute(kernel, unnamed).status == "ok"
        # JupyterLab names the cell in the request's metadata: that id, even for a cell not on disk.
        msg = kernel.session.msg("execute_request", {"code": "%%check\nimage busybox present", "silent": False,
                                                     "store_history": True, "user_expressions": {},
                                                     "allow_stdin": False, "stop_on_error": True},
                                 metadata={"cellId": "lab-cell-7"})
        kernel.shell_channel.send(msg)
        while kernel.get_shell_msg(timeout=60)["parent_header"].get("msg_id") != msg["header"]["msg_id"]:
            pass
    finally:
        kernel.stop_channels()
        manager.shutdown_kernel(now=True)
    lines = [json.loads(line) for line in (record_dir / "checks.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [(r["lesson"], r["exercise"], r["passed"], r["attempt"]) for r in lines] == [
        ("09-test.ipynb", "my-box", False, 1), ("09-test.ipynb", "my-box", True, 2),
        ("09-test.ipynb", "unnamed-cell", True, 1), ("09-test.ipynb", "lab-cell-7", True, 1)]
    assert lines[0]["facts"][0]["fact"] == "container nothing-here-x running" and not lines[0]["facts"][0]["holds"]
    manager, kernel = start_kernel(extra_env=env, cwd=lesson)
    try:
        score = execute(kernel, "%score").of_type("display_data")[0]["data"]["text/plain"]
        assert "3" in score.splitlines()[0] and "09-test / my-box" in score and "09-test / unnamed-cell" in score
        # Outside a classroom there is no released solution to ask for: it says so, in words.
        solution = execute(kernel, "%solution")
        assert solution.status == "error" and "%solution" in solution.error["traceback"][0]
    finally:
        kernel.stop_channels()
        manager.shutdown_kernel(now=True)


def test_an_unknown_fact_is_an_error_naming_its_line(session):
    _, kernel = session
    cell = execute(kernel, "%%check\nimage busybox present\ncontaner x running")
    assert cell.status == "error"
    assert "contaner x running" in cell.error["traceback"][0] and "3" in cell.error["traceback"][0]


def test_the_lifecycle_is_drawn_with_the_notebooks_containers(session, name):
    _, kernel = session
    execute(kernel, "%lifecycle on")
    try:
        cell = execute(kernel, f"docker create --name {name} busybox sleep 600")
        svg = cell.of_type("display_data")[-1]["data"]["image/svg+xml"]
        assert "<svg" in svg and "created" in svg and name in svg and "<script" not in svg
        cell = execute(kernel, f"docker start {name}")
        text = cell.of_type("display_data")[-1]["data"]["text/plain"]
        assert f"running  {name}" in text, text
    finally:
        execute(kernel, "%lifecycle off")


def test_inspect_is_also_json(session, name):
    _, kernel = session
    execute(kernel, f"docker create --name {name} busybox")
    data = execute(kernel, f"docker inspect {name}").of_type("execute_result")[0]["data"]
    assert isinstance(data["application/json"], list) and data["application/json"][0]["Name"] == "/" + name


def test_a_published_port_gets_a_link_and_a_taken_port_names_its_holder(session, name):
    _, kernel = session
    cell = execute(kernel, f"docker run -d --name {name} -p 18081:80 busybox httpd -f -p 80")
    links = [d["data"] for d in cell.of_type("display_data") if "text/html" in d["data"]]
    assert any('href="http://127.0.0.1:18081"' in d["text/html"] for d in links), cell.messages
    clash = execute(kernel, f"docker run -d --name {name}-b -p 18081:80 busybox httpd -f -p 80")
    assert clash.status == "error"
    assert "port is already allocated" in clash.error["traceback"][0]
    assert name in "\n".join(clash.error["traceback"][1:])


def test_scope_and_reset_touch_only_what_this_notebook_made(session, name):
    _, kernel = session
    other_manager, other = start_kernel()
    try:
        execute(other, f"docker create --name {name}-b busybox")
        execute(kernel, f"docker create --name {name} busybox\ndocker volume create {name}-vol")
        listed = execute(kernel, "%scope lesson\ndocker ps -a --format '{{.Names}}'").stream("stdout")
        assert name in listed and f"{name}-b" not in listed
        volumes = execute(kernel, "docker volume ls -q").stream("stdout")
        assert f"{name}-vol" in volumes
        reset = execute(kernel, "%reset")
        assert reset.status == "ok" and name in reset.stream("stdout") and f"{name}-vol" in reset.stream("stdout")
        everything = execute(kernel, "%scope all\ndocker ps -a --format '{{.Names}}'").stream("stdout")
        assert f"{name}-b" in everything and f"{name}\n" not in everything
    finally:
        execute(other, f"docker rm -f {name}-b")
        other.stop_channels()
        other_manager.shutdown_kernel(now=True)


def test_live_stats_draw_a_chart(session, name):
    manager, kernel = session
    execute(kernel, f"docker run -d --name {name} busybox sh -c 'while true; do :; done'")
    timer = threading.Timer(3.0, manager.interrupt_kernel)
    timer.start()
    cell = execute(kernel, f"docker stats {name}")
    timer.join()
    htmls = [m["content"]["data"].get("text/html", "") for m in cell.messages
             if m["msg_type"] in ("display_data", "update_display_data")]
    assert any("<svg" in h and "<polyline" in h for h in htmls), htmls[-1:]


def test_the_check_runner_prints_each_lessons_checks_as_json(session, tmp_path):
    """The classroom's recheck: `java -jar docker-kernel.jar check --lesson FILE... --host H`, one JSON line
    per lesson, each check named as the kernel names it, without running a kernel."""
    import json
    root = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", "..", ".."))
    jar = os.path.join(root, "kernel", "target", "docker-kernel.jar")
    name = "ct-" + uuid.uuid4().hex[:8]
    lesson = tmp_path / "x.ipynb"
    lesson.write_text(json.dumps({"cells": [
        {"cell_type": "code", "id": "c1", "metadata": {}, "outputs": [], "execution_count": None,
         "source": f"%%check {name}\ncontainer {name} absent\nimage busybox present"},
        {"cell_type": "code", "id": "c2", "metadata": {}, "outputs": [], "execution_count": None,
         "source": f"%%check\ncontainer {name} running"}], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}))
    first = os.path.join(root, "notebooks", "01-why-docker.ipynb")
    result = subprocess.run(["java", "-jar", jar, "check", "--lesson", str(lesson), "--lesson", first,
                             "--host", os.environ["DOCKER_HOST"]], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    mine, lesson01 = [json.loads(line) for line in result.stdout.splitlines()]
    assert mine["lesson"] == "x.ipynb" and lesson01["lesson"] == "01-why-docker.ipynb"
    assert [(e["exercise"], e["passed"]) for e in mine["exercises"]] == [(name, True), ("c2", False)]
    assert mine["exercises"][1]["facts"] == [{"fact": f"container {name} running", "holds": False,
                                              "found": "그런 컨테이너가 없음"}] or \
        mine["exercises"][1]["facts"][0]["holds"] is False
    assert [e["exercise"] for e in lesson01["exercises"]] == ["practice1-redis"]
    bad = subprocess.run(["java", "-jar", jar, "check", "--lesson", str(tmp_path / "none.ipynb")],
                         capture_output=True, text=True, timeout=60)
    assert bad.returncode == 2 and "Usage" in bad.stderr and "Exception" not in bad.stderr
