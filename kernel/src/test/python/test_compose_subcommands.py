"""The smaller Compose subcommands (issue 23) against the private engine, on a project of lesson
images: ls, images, top, port, pause, unpause, kill, rm, cp, create, wait, events, version and
exec --no-TTY. Each step checks the kernel's words and what the engine then holds (the reference CLI)."""
import json
import os
import shutil
import subprocess
import threading
import uuid

import pytest

from conftest import cli, execute, require_private_engine, start_kernel, stop_kernel

MANAGERS = {}  # the kernel manager of each client, for the stop button
ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", "..", ".."))


@pytest.fixture(scope="module")
def project():
    """A kernel whose notebook folder holds compose.yaml, and the project's name; the project is
    taken down and its folder removed at the end."""
    require_private_engine()
    name = "pyc" + uuid.uuid4().hex[:8]
    folder = os.path.join(ROOT, "target", "test-compose-subcommands", name)
    os.makedirs(folder)
    with open(os.path.join(folder, "compose.yaml"), "w") as f:
        f.write("services:\n"
                "  web:\n"
                "    image: busybox\n"
                "    command: [\"sh\", \"-c\", \"echo hello > /greeting; exec sleep 600\"]\n"
                "    ports:\n"
                "      - \"80\"\n"
                "  job:\n"
                "    image: busybox\n"
                "    command: [\"sh\", \"-c\", \"sleep 1; exit 3\"]\n")
    manager, client = start_kernel(cwd=folder)
    MANAGERS[client] = manager
    try:
        yield client, name, folder
    finally:
        execute(client, f"docker compose -p {name} down", timeout=60)
        stop_kernel(manager, client)


def run(client, name, words, timeout=60):
    return execute(client, f"docker compose -p {name} {words}", timeout=timeout)


def states(name):
    out = cli("ps", "-a", "--filter", f"label=com.docker.compose.project={name}",
              "--format", "{{.Label \"com.docker.compose.service\"}} {{.State}}").stdout.decode()
    return dict(line.split() for line in out.splitlines())


@pytest.mark.deadline(120)
def test_create_makes_containers_and_starts_none(project):
    client, name, _ = project
    cell = run(client, name, "create")
    assert cell.status == "ok", cell.shown_text()
    assert states(name) == {"web": "created", "job": "created"}
    assert "Created" in cell.shown_text()


@pytest.mark.deadline(120)
def test_ls_lists_the_project_with_its_states(project):
    client, name, _ = project
    assert run(client, name, "up -d").status == "ok"
    cell = run(client, name, "ls -a")
    lines = cell.stream("stdout").splitlines()
    assert lines[0].split() == ["NAME", "STATUS", "CONFIG", "FILES"]
    mine = [line for line in lines if line.startswith(name + " ")]
    assert len(mine) == 1 and ("running(" in mine[0]), cell.stream("stdout")
    cell = run(client, name, f"ls -a --filter name=^{name}$ --format json")
    assert [s["Name"] for s in json.loads(cell.stream("stdout"))] == [name]
    assert run(client, name, "ls -q").stream("stdout").count(name) <= 1


@pytest.mark.deadline(120)
def test_version_names_compose_v2(project):
    client, name, _ = project
    assert run(client, name, "version").stream("stdout").startswith("Docker Compose version v2.")
    assert run(client, name, "version --short").stream("stdout").strip()[0].isdigit()


@pytest.mark.deadline(120)
def test_images_top_port_and_exec_no_tty(project):
    client, name, folder = project
    assert run(client, name, "up -d web").status == "ok"
    cell = run(client, name, "images web")
    lines = cell.stream("stdout").splitlines()
    assert lines[0].split()[:2] == ["CONTAINER", "REPOSITORY"]
    assert lines[1].split()[:3] == [f"{name}-web-1", "busybox", "latest"], cell.stream("stdout")
    cell = run(client, name, "top web")
    lines = cell.stream("stdout").splitlines()
    assert lines[0].split()[:2] == ["SERVICE", "#"] and lines[0].split()[-1] == "CMD", cell.stream("stdout")
    assert any(line.split()[:2] == ["web", "1"] and "sleep 600" in line for line in lines[1:])
    published = cli("port", f"{name}-web-1", "80/tcp").stdout.decode().splitlines()[0]
    cell = run(client, name, "port web 80")
    assert cell.stream("stdout").strip().rsplit(":", 1)[1] == published.rsplit(":", 1)[1]
    # Debian's docker-compose 1.29 finds the same container by its labels and prints the same line
    if shutil.which("docker-compose"):
        v1 = subprocess.run(["docker-compose", "-f", os.path.join(folder, "compose.yaml"), "-p", name, "port",
                             "web", "80"], capture_output=True, timeout=60)
        assert v1.stdout.decode() == cell.stream("stdout"), v1.stderr.decode()
    cell = run(client, name, "port web 81")
    assert "no port 81/tcp for container " + name + "-web-1: 80/tcp" in cell.shown_text()
    cell = run(client, name, "exec --no-TTY web cat /greeting")
    assert cell.stream("stdout") == "hello\n", cell.shown_text()


@pytest.mark.deadline(120)
def test_cp_copies_out_of_and_into_the_service(project):
    client, name, folder = project
    assert run(client, name, "up -d web").status == "ok"
    cell = run(client, name, "cp web:/greeting ./greeting.txt")
    assert cell.status == "ok", cell.shown_text()
    assert open(os.path.join(folder, "greeting.txt")).read() == "hello\n"
    with open(os.path.join(folder, "back.txt"), "w") as f:
        f.write("back\n")
    assert run(client, name, "cp ./back.txt web:/back.txt").status == "ok"
    assert cli("exec", f"{name}-web-1", "cat", "/back.txt").stdout == b"back\n"


@pytest.mark.deadline(120)
def test_pause_unpause_kill_rm(project):
    client, name, _ = project
    assert run(client, name, "up -d web").status == "ok"
    cell = run(client, name, "pause web")
    assert "Paused" in cell.shown_text() and states(name)["web"] == "paused"
    cell = run(client, name, "unpause web")
    assert "Unpaused" in cell.shown_text() and states(name)["web"] == "running"
    cell = run(client, name, "rm -f web")
    assert "No stopped containers" in cell.stream("stderr")
    cell = run(client, name, "kill web")
    assert "Killed" in cell.shown_text() and states(name)["web"] == "exited"
    cell = run(client, name, "rm web")  # no answer: nothing removed
    assert f"Going to remove {name}-web-1" in cell.stream("stdout") and "web" in states(name)
    cell = run(client, name, "rm -f web")
    assert "Removed" in cell.shown_text() and "web" not in states(name)


@pytest.mark.deadline(120)
def test_wait_prints_the_exit_code_and_ends_with_it(project):
    client, name, _ = project
    assert run(client, name, "up -d job").status == "ok"
    cell = run(client, name, "wait job")
    assert "exited with status code 3" in cell.stream("stdout"), cell.shown_text()
    assert cell.status == "error"


@pytest.mark.deadline(120)
def test_events_shows_the_project_container_events_until_stopped(project):
    client, name, _ = project
    manager = MANAGERS[client]
    assert run(client, name, "up -d job").status == "ok"
    # events runs until the stop button: a restart of the job's container 1.5 s in, the button 3.5 s in
    restart = threading.Timer(1.5, lambda: cli("restart", "-t", "0", f"{name}-job-1"))
    press = threading.Timer(3.5, manager.interrupt_kernel)
    restart.start()
    press.start()
    try:
        cell = execute(client, f"docker compose -p {name} events --json", timeout=60)
    finally:
        restart.cancel()
        press.cancel()
    events = [json.loads(line) for line in cell.stream("stdout").splitlines() if line.startswith("{")]
    assert any(e["action"] == "start" and e["service"] == "job" for e in events), cell.shown_text()
    assert all(not k.startswith("com.docker.compose.") for e in events for k in e["attributes"])
