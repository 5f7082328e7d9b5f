"""compose up --wait/--wait-timeout, --scale (and compose scale), --exit-code-from, compose create's
words and the completion of service names from the notebook folder's compose.yaml (issue 23) against the private engine, on projects of the lesson image busybox. What the engine then
holds is read with the reference docker CLI; where Debian's docker-compose 1.29 is installed it is run on
the same files as the reference for what it has (--scale, --exit-code-from; it has no --wait)."""
import os
import re
import shutil
import subprocess
import uuid

import pytest

from conftest import cli, execute, require_private_engine, start_kernel, stop_kernel

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", "..", ".."))
FILES = {
    "wait.yaml": """services:
  healthy:
    image: busybox
    command: sleep 600
    init: true
    healthcheck: {test: ["CMD", "true"], interval: 1s}
  plain:
    image: busybox
    command: sleep 600
    init: true
  setup:
    image: busybox
    command: "true"
  app:
    image: busybox
    command: sleep 600
    init: true
    depends_on: {setup: {condition: service_completed_successfully}}
  sick:
    image: busybox
    command: sleep 600
    init: true
    healthcheck: {test: ["CMD", "false"], interval: 1s, retries: 1}
  slow:
    image: busybox
    command: sleep 600
    init: true
    healthcheck: {test: ["CMD", "true"], interval: 60s}
  crash:
    image: busybox
    command: sh -c "exit 1"
""",
    "scale.yaml": """services:
  web:
    image: busybox
    command: sleep 600
    init: true
    ports: ["80"]
""",
    "compose.yaml": """services:
  web:
    image: busybox
  redis:
    image: busybox
""",
    "exit.yaml": """services:
  db:
    image: busybox
    command: sleep 600
    init: true
  test:
    image: busybox
    command: sh -c "echo testing; sleep 1; exit 3"
    depends_on: [db]
""",
}


@pytest.fixture(scope="module")
def project():
    """A kernel (English hints) whose notebook folder holds the files; the projects are taken down at the end."""
    require_private_engine()
    name = "pyu" + uuid.uuid4().hex[:8]
    folder = os.path.join(ROOT, "target", "test-compose-up-flags", name)
    os.makedirs(folder)
    for file, text in FILES.items():
        with open(os.path.join(folder, file), "w") as f:
            f.write(text)
    manager, client = start_kernel(cwd=folder, extra_env={"DOCKER_KERNEL_LANG": "en"})
    try:
        yield client, name, folder
    finally:
        for file, suffix in (("wait.yaml", "w"), ("scale.yaml", "s"), ("exit.yaml", "e"), ("scale.yaml", "c")):
            execute(client, f"docker compose -f {file} -p {name}{suffix} down -t 0", timeout=60)
        if shutil.which("docker-compose"):
            for file in ("scale.yaml", "exit.yaml"):
                subprocess.run(["docker-compose", "-f", os.path.join(folder, file), "-p", f"{name}v1{file[0]}",
                                "down", "-t", "0"], capture_output=True, timeout=120)
        stop_kernel(manager, client)


def compose(client, name, file, words, timeout=120):
    return execute(client, f"docker compose -f {file} -p {name}{file[0]} {words}", timeout=timeout)


def containers(project):
    """The project's containers as the reference CLI sees them: name -> (number, state, health)."""
    out = cli("ps", "-a", "--filter", f"label=com.docker.compose.project={project}", "--format",
              "{{.Names}} {{.Label \"com.docker.compose.container-number\"}} {{.State}}").stdout.decode()
    return {line.split()[0]: tuple(line.split()[1:]) for line in out.splitlines()}


def health(container):
    return cli("inspect", "-f", "{{if .State.Health}}{{.State.Health.Status}}{{end}}", container).stdout.decode().strip()


@pytest.mark.deadline(120)
def test_wait_returns_once_running_or_healthy_or_completed(project):
    client, name, _ = project
    cell = compose(client, name, "wait.yaml", "up --wait healthy plain app")
    assert cell.status == "ok", cell.shown_text()
    shown = cell.shown_text()
    assert re.search(rf"Container {name}w-healthy-1 +Healthy", shown), shown
    assert re.search(rf"Container {name}w-plain-1 +Healthy", shown), shown
    assert re.search(rf"Container {name}w-setup-1 +Exited", shown), shown
    assert health(f"{name}w-healthy-1") == "healthy"  # the engine agrees: --wait waited for the check
    assert containers(f"{name}w")[f"{name}w-setup-1"][1] == "exited"


@pytest.mark.deadline(120)
def test_wait_fails_with_composes_words_and_status_1(project):
    client, name, _ = project
    cell = compose(client, name, "wait.yaml", "up --wait sick")
    assert cell.status == "error"
    assert cell.error["traceback"][0] == f"container {name}w-sick-1 is unhealthy", cell.shown_text()
    assert health(f"{name}w-sick-1") == "unhealthy"
    cell = compose(client, name, "wait.yaml", "up --wait crash")
    assert cell.error["traceback"][0] == f"container {name}w-crash-1 exited (1)", cell.shown_text()
    cell = compose(client, name, "wait.yaml", "up --wait --wait-timeout 2 slow")
    assert cell.error["traceback"][0] == "application not healthy after 2s", cell.shown_text()
    assert health(f"{name}w-slow-1") == "starting"
    cell = compose(client, name, "wait.yaml", "up --wait --abort-on-container-exit")
    assert cell.error["traceback"][0] == ("--wait cannot be combined with --abort-on-container-exit, --attach or "
                                          "--attach-dependencies")


@pytest.mark.deadline(180)
def test_scale_up_and_down_numbers_containers_as_compose_does(project):
    client, name, folder = project
    cell = compose(client, name, "scale.yaml", "up -d --scale web=3")
    assert cell.status == "ok", cell.shown_text()
    assert containers(f"{name}s") == {f"{name}s-web-{n}": (str(n), "running") for n in (1, 2, 3)}
    # each replica publishes its own host port: "80" asks the engine for a free one each time
    ports = {cli("port", f"{name}s-web-{n}", "80/tcp").stdout.decode().splitlines()[0] for n in (1, 2, 3)}
    assert len(ports) == 3
    cell = compose(client, name, "scale.yaml", "scale web=1")
    assert cell.status == "ok", cell.shown_text()
    assert re.search(rf"Container {name}s-web-3 +Removed", cell.shown_text()), cell.shown_text()
    assert containers(f"{name}s") == {f"{name}s-web-1": ("1", "running")}
    cell = compose(client, name, "scale.yaml", "scale web=2")
    assert containers(f"{name}s") == {f"{name}s-web-1": ("1", "running"), f"{name}s-web-2": ("2", "running")}
    assert compose(client, name, "scale.yaml", "scale web").error["traceback"][0] == "invalid scale specifier: web"
    if shutil.which("docker-compose"):
        # Compose 1.29 scales down the same way (highest numbers go) and sees the kernel's replicas as its own
        v1 = subprocess.run(["docker-compose", "-f", os.path.join(folder, "scale.yaml"), "-p", f"{name}s", "ps", "-q"],
                            capture_output=True, timeout=120)
        assert len(v1.stdout.decode().split()) == 2, v1.stderr.decode()
        project_v1 = f"{name}v1s"
        for n in ("3", "1"):
            subprocess.run(["docker-compose", "-f", os.path.join(folder, "scale.yaml"), "-p", project_v1, "up", "-d",
                            "--scale", f"web={n}"], capture_output=True, timeout=120, check=True)
        assert [v[0] for v in containers(project_v1).values()] == ["1"]


@pytest.mark.deadline(180)
def test_exit_code_from_is_the_commands_status_and_stops_the_rest(project):
    client, name, folder = project
    cell = compose(client, name, "exit.yaml", "up --exit-code-from test")
    assert cell.status == "error", cell.shown_text()
    assert re.search(r"\b3\b", cell.error["traceback"][0]), cell.error
    shown = cell.shown_text()
    assert "test-1  | testing" in shown and "test-1 exited with code 3" in shown, shown
    assert "Aborting on container exit..." in shown
    assert {v[1] for v in containers(f"{name}e").values()} == {"exited"}  # db was stopped too
    # --abort-on-container-failure: the first container that fails (test, 3) stops the rest, and is the status
    cell = compose(client, name, "exit.yaml", "up --abort-on-container-failure")
    assert re.search(r"\b3\b", cell.error["traceback"][0]), cell.error
    assert "Aborting on container exit..." in cell.shown_text()
    assert {v[1] for v in containers(f"{name}e").values()} == {"exited"}
    if shutil.which("docker-compose"):
        v1 = subprocess.run(["docker-compose", "-f", os.path.join(folder, "exit.yaml"), "-p", f"{name}v1e", "up",
                             "--exit-code-from", "test"], capture_output=True, timeout=120)
        assert v1.returncode == 3, v1.stderr.decode()


@pytest.mark.deadline(120)
def test_create_says_creating_and_the_listings_say_created(project):
    client, name, _ = project
    execute(client, "%live docker ps -a --filter label=com.docker.compose.project=" + name + "c")
    cell = execute(client, f"docker compose -f scale.yaml -p {name}c create --scale web=2")
    assert cell.status == "ok", cell.shown_text()
    shown = cell.shown_text()
    assert "[+] Creating 3/3" in shown and "Running" not in shown, shown
    live = [m for m in cell.of_type("update_display_data") if "실시간" in m["data"]["text/plain"]
            or "live" in m["data"]["text/plain"].lower()]
    assert live and " Created " in live[-1]["data"]["text/plain"] and " Up " not in live[-1]["data"]["text/plain"]
    cell = execute(client, f"docker compose -f scale.yaml -p {name}c ps -a --format '{{{{.Name}}}} {{{{.Status}}}}'")
    assert cell.stream("stdout") == f"{name}c-web-1 Created\n{name}c-web-2 Created\n"
    cell = execute(client, f"docker compose -f scale.yaml -p {name}c ps")
    header = ["NAME", "IMAGE", "COMMAND", "SERVICE", "CREATED", "STATUS", "PORTS"]  # no running container: no rows
    assert any(line.split() == header for line in cell.shown_text().splitlines()), cell.shown_text()
    assert "<no value>" not in cell.shown_text()
    execute(client, "%live off")
    execute(client, f"docker compose -f scale.yaml -p {name}c down -t 0")


@pytest.mark.deadline(60)
def test_service_names_complete_from_the_notebook_folders_compose_file(project):
    client, _, _ = project
    for code, expected in (("docker compose logs ", ["redis", "web"]), ("docker compose up -d r", ["redis"]),
                           ("docker compose exec w", ["web"]), ("docker compose exec web ", []),
                           ("docker compose -f scale.yaml stop ", ["web"]), ("docker compose scale ", ["redis=", "web="])):
        reply = client.complete(code, len(code), reply=True, timeout=30)["content"]
        assert reply["status"] == "ok" and reply["matches"] == expected, (code, reply)
