"""The classroom, attacked: each test is something a student might do to another student or to the
server, run against the real thing (JupyterHub, each student's Notebook server and Docker kernel, each
student's rootless dockerd), as the student's own user."""
import glob
import json
import os
import pwd
import re
import threading
import time
import urllib.parse

import pytest

import bench
import hub_session
from conftest import ROOT


def test_start_prints_each_students_engine_and_url_and_keeps_passwords_root_only(classroom):
    lines = [line for line in classroom.start_output.splitlines() if line.startswith("student ")]
    assert lines == [f"student {n} DOCKER_HOST=unix://{classroom.socket(n)} "
                     f"URL=http://127.0.0.1:{classroom.port}/user/{n}/lab/tree/lessons" for n in classroom.names]
    printed = [line.split()[1] for line in classroom.start_output.splitlines() if line.startswith("password ")]
    assert printed == classroom.names + [classroom.lecturer]
    passwords = os.path.join(classroom.state, "hub", "passwords")
    assert os.stat(passwords).st_uid == 0 and os.stat(passwords).st_mode & 0o077 == 0
    for name in classroom.names:
        home = os.stat(pwd.getpwnam(name).pw_dir)
        runtime = os.stat(os.path.dirname(classroom.socket(name)))
        assert (home.st_uid, home.st_mode & 0o077) == (classroom.uid(name), 0)
        assert (runtime.st_uid, runtime.st_mode & 0o077) == (classroom.uid(name), 0)


def test_a_student_cannot_open_another_students_socket(classroom):
    a, b = classroom.names[0], classroom.names[1]
    result = classroom.docker(a, "ps", "-a", host=f"unix://{classroom.socket(b)}")
    assert result.returncode != 0
    assert "permission denied" in result.stderr
    # Any program, not only the docker CLI: the socket's folder is the other student's alone.
    probe = classroom.as_student(a, "/usr/bin/python3", "-c",
                                 "import socket,sys; s=socket.socket(socket.AF_UNIX); s.connect(sys.argv[1])",
                                 classroom.socket(b))
    assert "PermissionError" in probe.stderr
    assert classroom.docker(a, "ps", "-a").returncode == 0


def test_no_other_engine_on_the_machine_answers_a_student(classroom):
    a = classroom.names[0]
    sockets = set(glob.glob("/run/*/docker.sock") + glob.glob("/run/user/*/docker.sock")
                  + glob.glob("/var/run/docker.sock"))
    sockets.discard(classroom.socket(a))
    assert len(sockets) >= len(classroom.names) - 1
    for path in sorted(sockets):
        result = classroom.docker(a, "version", "--format", "{{.Server.Version}}", host=f"unix://{path}", timeout=30)
        assert result.returncode != 0 and "permission denied" in result.stderr, (path, result.stdout)


def test_one_students_rm_of_everything_leaves_anothers_containers(classroom, kernel_of):
    a, b = classroom.names[0], classroom.names[1]
    assert classroom.docker(a, "run", "-d", "--name", "only-a", "busybox", "sleep", "600").returncode == 0
    kernel = kernel_of(b)
    assert kernel.execute("docker run -d --name only-b busybox sleep 600").status == "ok"
    listing = kernel.execute("docker ps -a --format '{{.Names}}'")
    assert listing.text().split() == ["only-b"]
    # The lecture's clean-up, typed by student b in their notebook.
    wipe = kernel.execute("docker rm -f $(docker ps -a -q)")
    assert wipe.status == "ok", wipe.errors
    assert classroom.docker(a, "inspect", "-f", "{{.State.Running}}", "only-a").stdout.strip() == "true"
    assert classroom.docker(a, "rm", "-f", "only-a").returncode == 0


def test_the_kernel_runs_as_the_student_against_the_students_engine(classroom, kernel_of):
    a = classroom.names[0]
    kernel = kernel_of(a)
    info = kernel.execute("docker info --format '{{.DockerRootDir}} {{.SecurityOptions}}'")
    assert info.status == "ok"
    assert f"/home/{a}/.local/share/docker" in info.text() and "rootless" in info.text()
    procs = f"/sys/fs/cgroup/pids/docker-classroom/{a}/notebook/cgroup.procs"
    kernels = []
    for pid in open(procs).read().split():
        try:
            cmdline = open(f"/proc/{pid}/cmdline", "rb").read().split(b"\0")
            if any(part.endswith(b"docker-kernel.jar") for part in cmdline):
                kernels.append(pid)
        except FileNotFoundError:
            pass
    assert kernels, "no kernel process in the student's notebook cgroup"
    for pid in kernels:
        environ = dict(item.split(b"=", 1) for item in open(f"/proc/{pid}/environ", "rb").read().split(b"\0") if b"=" in item)
        assert environ[b"DOCKER_HOST"].decode() == f"unix://{classroom.socket(a)}"
        assert os.stat(f"/proc/{pid}").st_uid == classroom.uid(a)


def test_mounting_the_hosts_root_leaves_the_host_unchanged(classroom):
    a, b = classroom.names[0], classroom.names[1]
    target = f"/root/owned-by-{a}"
    result = classroom.docker(a, "run", "--rm", "-v", "/:/host", "busybox", "touch", "/host" + target)
    assert result.returncode != 0 and "Permission denied" in result.stderr
    assert not os.path.exists(target)
    peek = classroom.docker(a, "run", "--rm", "-v", "/:/host", "busybox", "ls", f"/host/home/{b}")
    assert peek.returncode != 0 and "Permission denied" in peek.stderr


def test_privileged_and_pid_host_give_nothing_beyond_the_students_user(classroom):
    a = classroom.names[0]
    home = pwd.getpwnam(a).pw_dir
    script = ("touch /host/root/owned-by-privileged; "
              "nsenter -t 1 -m -u -i -n -p -- touch /root/owned-by-nsenter; "
              "touch /student-home/made-by-container-root; "
              "ps -o pid,comm")
    result = classroom.docker(a, "run", "--rm", "--privileged", "--pid", "host", "-v", "/:/host",
                              "-v", f"{home}:/student-home", "busybox", "sh", "-c", script)
    assert not os.path.exists("/root/owned-by-privileged")
    assert not os.path.exists("/root/owned-by-nsenter")
    # Root in the container is the student on the host.
    made = os.path.join(home, "made-by-container-root")
    assert os.stat(made).st_uid == classroom.uid(a)
    os.remove(made)
    # --pid host shows the student's own engine (its pid namespace), never the machine's processes.
    commands = [line.split(None, 1)[1] for line in result.stdout.splitlines()[1:] if line.strip()]
    assert "dockerd" in commands
    assert not [c for c in commands if re.search(r"jupyterhub|configurable|java|sshd", c)], commands
    assert len(commands) < 40, commands


def test_a_memory_hog_and_a_fork_bomb_do_not_stop_another_students_cell(classroom, kernel_of):
    a, b = classroom.names[0], classroom.names[1]
    kernel = kernel_of(b)
    assert kernel.execute("docker run --rm busybox echo before").status == "ok"
    assert classroom.docker(a, "run", "-d", "--name", "hog", "busybox", "tail", "/dev/zero").returncode == 0
    assert classroom.docker(a, "run", "-d", "--name", "bomb", "busybox", "sh", "-c",
                            "f(){ f|f & }; f; sleep 600").returncode == 0
    try:
        time.sleep(3)
        for _ in range(2):
            cell = kernel.execute("docker run --rm busybox echo during", timeout=120)
            assert cell.status == "ok" and "during" in cell.text()
            assert cell.seconds < 30, f"a cell of another student took {cell.seconds:.1f}s"
        # The limits held, within the attacker's own engine: the hog was killed at its memory limit and
        # the bomb stopped at the engine's process limit.
        deadline = time.monotonic() + 60
        while classroom.docker(a, "inspect", "-f", "{{.State.Status}}", "hog").stdout.strip() != "exited":
            assert time.monotonic() < deadline, "the memory hog was not stopped"
            time.sleep(1)
        assert classroom.docker(a, "inspect", "-f", "{{.State.ExitCode}}", "hog").stdout.strip() == "137"
        events = open(f"/sys/fs/cgroup/pids/docker-classroom/{a}/engine/pids.events").read().split()
        assert int(events[1]) > 0, "the fork bomb never reached the engine's pids.max"
    finally:
        removed = classroom.docker(a, "rm", "-f", "hog", "bomb", timeout=180)
    assert removed.returncode == 0, removed.stderr
    assert classroom.docker(a, "run", "--rm", "busybox", "echo", "after").stdout.strip() == "after"


def test_a_student_logs_in_with_the_password_and_finds_the_lessons(classroom):
    b = classroom.names[1]
    hub = classroom.hub
    url, _, opener = hub_session.login_with_password(hub.base, b, hub.passwords()[b])
    assert url == f"{hub.base}/user/{b}/lab/tree/lessons"
    listing = json.loads(opener.open(f"{hub.base}/user/{b}/api/contents/lessons").read())
    assert sorted(item["name"] for item in listing["content"]) == sorted(
        f for f in os.listdir(os.path.join(ROOT, "notebooks")) if f.endswith(".ipynb"))
    # Each lesson opens with the kernel that reaches the student's own engine, and that kernel is there.
    first = json.loads(opener.open(f"{hub.base}/user/{b}/api/contents/lessons/{listing['content'][0]['name']}").read())
    assert first["content"]["metadata"]["kernelspec"]["name"] == "docker"
    specs = json.loads(opener.open(f"{hub.base}/user/{b}/api/kernelspecs").read())
    assert "docker" in specs["kernelspecs"]
    with pytest.raises(PermissionError, match="Invalid username or password"):
        hub_session.login_with_password(hub.base, classroom.names[0], "not-the-password")


def test_logging_out_and_in_keeps_the_students_containers(classroom, tokens):
    b = classroom.names[1]
    hub = classroom.hub
    _, _, opener = hub_session.login_with_password(hub.base, b, hub.passwords()[b])
    kernel = hub.server(b, tokens[b]).start_kernel("docker")
    assert kernel.execute("docker run -d --name kept busybox sleep 600").status == "ok"
    kernel.ws.close()
    opener.open(f"{hub.base}/hub/logout").read()
    deadline = time.monotonic() + 60
    while hub.api(f"/users/{b}").get("servers", {}).get(""):  # logging out stops the server and kernels
        assert time.monotonic() < deadline, "logging out did not stop the server"
        time.sleep(0.5)
    _, _, opener = hub_session.login_with_password(hub.base, b, hub.passwords()[b])
    kernel = hub.server(b, tokens[b]).start_kernel("docker")
    try:
        listing = kernel.execute("docker ps --format '{{.Names}} {{.State}}'")
        assert "kept running" in listing.text()
        assert kernel.execute("docker rm -f kept").status == "ok"
    finally:
        kernel.shutdown()


def test_the_students_run_lessons_02_and_04_at_the_same_time(classroom, tokens):
    hub = classroom.hub
    lessons = []
    for prefix in ("02-", "04-"):
        name = next(f for f in sorted(os.listdir(os.path.join(ROOT, "notebooks"))) if f.startswith(prefix))
        lessons.append((name, hub_session.lesson_cells(os.path.join(ROOT, "notebooks", name))))
    for name in classroom.names:
        hub.start_server(name)
    runs = [bench.LessonRun(hub, name, tokens[name], lessons) for name in classroom.names]
    barrier = threading.Barrier(len(runs))
    threads = [threading.Thread(target=run.run, args=(barrier,)) for run in runs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=600)
    failures = [(run.name, *failure) for run in runs for failure in run.failures]
    assert not failures
    expected = sum(len(cells) for _, cells in lessons)
    assert [len(run.cells) for run in runs] == [expected] * len(runs)


def test_stop_then_start_keeps_the_students_containers_and_passwords(classroom):
    a = classroom.names[0]
    # --stop-timeout 1: the engine's shutdown need not wait the default 10 s for `sleep` to ignore SIGTERM.
    assert classroom.docker(a, "run", "-d", "--stop-timeout", "1", "--name", "survivor", "busybox",
                            "sleep", "600").returncode == 0
    classroom.tool("stop")
    assert classroom.docker(a, "ps").returncode != 0  # the engine is down
    started = classroom.start()
    assert "password " not in started.stdout  # the accounts and their passwords stay as they were
    listing = classroom.docker(a, "ps", "-a", "--format", "{{.Names}} {{.State}}")
    assert "survivor exited" in listing.stdout
    assert classroom.docker(a, "start", "survivor").returncode == 0
    assert classroom.docker(a, "rm", "-f", "survivor").returncode == 0
    hub = classroom.hub
    url, _, _ = hub_session.login_with_password(hub.base, a, hub.passwords()[a])
    # After a hub restart the server's old login is gone: it signs in again (?redirects=1).
    assert urllib.parse.urlparse(url).path == f"/user/{a}/lab/tree/lessons"
