"""A classroom of its own for the tests: install/classroom start with two accounts cltest1 and
cltest2, a state folder of its own (/tmp/docker-classroom-test) and a free port, so it never meets a
real classroom on the machine; at the end `install/classroom stop --purge` removes the accounts, their
homes and everything it started, and the fixture checks that nothing of it is left. It starts with
--no-setup: install/test has run install/setup --private-engine just before (run that first when
running this suite alone)."""
import glob
import os
import pwd
import shutil
import socket
import subprocess
import sys

import pytest

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", "..", ".."))
TOOL = os.path.join(ROOT, "install", "classroom")
sys.path.insert(0, os.path.join(ROOT, "install", "classroom.d"))
import hub_session  # noqa: E402

# Overridable so that two test classrooms (two developers' checkouts) never share accounts or state.
PREFIX = os.environ.get("DOCKER_CLASSROOM_TEST_PREFIX", "cltest")
STUDENTS = 2
LECTURER = f"{PREFIX}lect"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class ClassroomUnderTest:
    def __init__(self, state, port):
        self.state = state
        self.port = port
        self.env = {**os.environ, "DOCKER_CLASSROOM_STATE": state}
        self.names = [f"{PREFIX}{i}" for i in range(1, STUDENTS + 1)]
        self.lecturer = LECTURER
        self.start_output = None

    def tool(self, *args, check=True, timeout=600):
        return subprocess.run([TOOL, *args], env=self.env, capture_output=True, text=True, check=check,
                              timeout=timeout)

    def start(self, *extra):
        result = self.tool("start", "--students", str(STUDENTS), "--port", str(self.port),
                           "--account-prefix", PREFIX, "--lecturer", LECTURER, "--memory", "512m", "--pids", "512",
                           "--no-setup", "--no-class-archive", *extra)
        self.start_output = result.stdout
        return result

    @property
    def hub(self):
        return hub_session.Classroom(self.state)

    def uid(self, name):
        return pwd.getpwnam(name).pw_uid

    def socket(self, name):
        return f"/run/user/{self.uid(name)}/docker.sock"

    def as_student(self, name, *argv, host=None, timeout=120):
        """A program run as the student, as from their own terminal."""
        entry = pwd.getpwnam(name)
        env = {"HOME": entry.pw_dir, "USER": name, "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8",
               "DOCKER_HOST": host or f"unix://{self.socket(name)}"}
        return subprocess.run(["setpriv", f"--reuid={entry.pw_uid}", f"--regid={entry.pw_gid}", "--init-groups",
                               "--", *argv], env=env, cwd=entry.pw_dir, capture_output=True, text=True,
                              timeout=timeout)

    def docker(self, name, *args, host=None, timeout=120):
        return self.as_student(name, "/usr/bin/docker", *args, host=host, timeout=timeout)


# A fixed place, so that a run that was killed before its clean-up is purged by the next one.
STATE = os.environ.get("DOCKER_CLASSROOM_TEST_STATE", "/tmp/docker-classroom-test")


@pytest.fixture(scope="session")
def classroom():
    if os.path.exists(os.path.join(STATE, "hub", "classroom.json")):
        subprocess.run([TOOL, "stop", "--purge"], env={**os.environ, "DOCKER_CLASSROOM_STATE": STATE},
                       capture_output=True, timeout=300)
    shutil.rmtree(STATE, ignore_errors=True)
    for account in [f"{PREFIX}{i}" for i in range(1, STUDENTS + 1)] + [LECTURER]:
        try:
            pwd.getpwnam(account)
            pytest.fail(f"the account {account} exists already; a test classroom never takes over an account")
        except KeyError:
            pass
    state = STATE
    os.mkdir(state, 0o755)  # the students read the shared kernel, images and lessons in it
    os.chmod(state, 0o755)
    room = ClassroomUnderTest(state, free_port())
    try:
        room.start()
        yield room
    finally:
        uids = []
        for name in room.names + [room.lecturer]:
            try:
                uids.append(room.uid(name))
            except KeyError:
                pass
        stop = room.tool("stop", "--purge", check=False)
        shutil.rmtree(state, ignore_errors=True)
        leftovers = []
        for name in room.names + [room.lecturer]:
            try:
                pwd.getpwnam(name)
                leftovers.append(f"account {name}")
            except KeyError:
                pass
            if os.path.exists(f"/run/netns/classroom-{name}"):
                leftovers.append(f"network namespace classroom-{name}")
            leftovers += glob.glob(f"/sys/fs/cgroup/*/docker-classroom/{name}")
        for uid in uids:
            for proc in glob.glob("/proc/[0-9]*"):
                try:
                    if os.stat(proc).st_uid == uid:
                        leftovers.append(f"process {proc} of uid {uid}")
                except FileNotFoundError:
                    pass
            if os.path.exists(f"/run/user/{uid}"):
                leftovers.append(f"/run/user/{uid}")
        assert stop.returncode == 0, stop.stderr
        assert not leftovers, f"install/classroom stop --purge left: {leftovers}"


@pytest.fixture(scope="session")
def tokens(classroom):
    hub = classroom.hub
    return {name: hub.user_token(name) for name in classroom.names}


@pytest.fixture
def kernel_of(classroom, tokens):
    """kernel_of(name): a Docker kernel in that student's own server, reached through the hub."""
    opened = []

    def open_kernel(name):
        hub = classroom.hub
        hub.start_server(name)
        kernel = hub.server(name, tokens[name]).start_kernel("docker")
        opened.append(kernel)
        return kernel

    yield open_kernel
    for kernel in opened:
        try:
            kernel.shutdown()
        except OSError:
            pass
