"""Shared fixtures: a running Docker kernel (the installed kernelspec) and helpers to run cells.

Every cell any test runs through execute() is checked for Java text: a user never sees an exception
class name, a stack frame or "Internal error" (unless the cell itself typed it). Every test has a
deadline (@pytest.mark.deadline(seconds), 300 s unless told), so a kernel that goes silent fails the
test instead of hanging the run."""
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import uuid

import pytest
from jupyter_client.manager import KernelManager

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", "..", ".."))
DOCKER_CLI = shutil.which("docker") or "/usr/local/bin/docker"
PRIVATE_ENGINE_LABEL = "io.github.dockerlessons.private=1"

# What Java looks like when it leaks to a user: a qualified exception or error class, a stack frame,
# the kernel's catch-all sentence, or java.lang.* at all.
JAVA_TEXT = re.compile(
    r"\b[a-z][a-z0-9_]*(?:\.[a-z0-9_]+)+\.[A-Z]\w*(?:Exception|Error)\b"
    r"|\b[A-Z][A-Za-z0-9]+(?:Exception|Error)\b"  # IllegalArgumentException, StackOverflowError
    r"|Internal error|내부 오류|\tat [a-z]|java\.lang|java\.io\.|java\.util\.")


def java_text(text, code=""):
    """The Java-looking pieces of text that the cell's own code did not type, or []."""
    found = []
    for match in JAVA_TEXT.finditer(text):
        piece = match.group(0)
        if piece and piece not in code:
            found.append(piece)
    return found


class Cell:
    """What one execute_request produced, message by message."""

    def __init__(self, reply, messages, code=""):
        self.reply = reply
        self.messages = messages
        self.code = code

    @property
    def status(self):
        return self.reply["content"]["status"]

    def stream(self, name):
        return "".join(m["content"]["text"] for m in self.messages
                       if m["msg_type"] == "stream" and m["content"]["name"] == name)

    def of_type(self, msg_type):
        return [m["content"] for m in self.messages if m["msg_type"] == msg_type]

    @property
    def error(self):
        errors = self.of_type("error")
        return errors[0] if errors else None

    @property
    def error_text(self):
        """The error's lines as one text ("" for a cell that did not fail)."""
        error = self.error
        if error is None and self.reply["content"].get("status") == "error":
            error = self.reply["content"]
        return "\n".join(error.get("traceback", [])) if error else ""

    def shown_text(self):
        """Everything a reader sees as text: streams, error lines, the plain text of displays."""
        parts = [self.stream("stdout"), self.stream("stderr"), self.error_text,
                 self.reply["content"].get("evalue", "") or ""]
        for kind in ("display_data", "execute_result", "update_display_data"):
            parts += [c.get("data", {}).get("text/plain", "") for c in self.of_type(kind)]
        return "\n".join(parts)


def assert_no_java(cell):
    leaks = java_text(cell.shown_text(), cell.code)
    assert not leaks, f"Java text reached the user: {leaks!r}\ncell: {cell.code[:300]!r}\n" \
                      f"shown: {cell.shown_text()[:2000]!r}"


def execute(client, code, timeout=120, **kwargs):
    """Runs one cell and waits for its reply and idle; fails the test if Java text is shown."""
    messages = []
    reply = client.execute_interactive(code, timeout=timeout, output_hook=messages.append, **kwargs)
    cell = Cell(reply, messages, code)
    assert_no_java(cell)
    return cell


def start_kernel(extra_env=None, cwd=None, jvm_options=None):
    """Starts the installed kernelspec; extra_env overrides what the kernelspec itself records,
    cwd is the kernel's working folder, jvm_options replace options of the same kind (-Xmx...)."""
    manager = KernelManager(kernel_name="docker")
    # The kernel's record of %%check results goes under target/, never into the home of whoever runs the tests.
    manager.kernel_spec.env = {"DOCKER_LESSONS_RECORD_DIR": os.path.join(ROOT, "target", "test-check-records"),
                               **manager.kernel_spec.env}
    if extra_env:
        manager.kernel_spec.env = {**manager.kernel_spec.env, **extra_env}
    if jvm_options:
        argv = list(manager.kernel_spec.argv)
        for option in jvm_options:
            kind = re.match(r"-X(?:mx|ms|ss)|-XX:[A-Za-z]+|-D[^=]+", option)
            if kind:
                argv = [a for a in argv if not a.startswith(kind.group(0))]
            argv.insert(1, option)
        manager.kernel_spec.argv = argv
    manager.start_kernel(**({"cwd": str(cwd)} if cwd else {}))
    client = manager.client()
    client.start_channels()
    client.wait_for_ready(timeout=60)
    return manager, client


def stop_kernel(manager, client):
    client.stop_channels()
    try:
        manager.shutdown_kernel(now=True)
    except Exception:  # a kernel the test killed is already gone
        pass


def kernel_pid(manager):
    return manager.provisioner.process.pid


def cli(*args, timeout=60, env=None, input=None):
    """The reference docker CLI (28.2) on the same engine: its output is what the kernel must match."""
    return subprocess.run([DOCKER_CLI, *args], capture_output=True, timeout=timeout, input=input,
                          env={**os.environ, **(env or {})})


def free_port():
    """A TCP port free on this machine now: published ports are found at run time, never fixed."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def engine_is_private():
    """True when DOCKER_HOST is an engine of install/engine (its daemon carries the project's label)."""
    try:
        out = cli("info", "--format", "{{json .Labels}}", timeout=20)
    except (OSError, subprocess.TimeoutExpired):
        return False
    return out.returncode == 0 and PRIVATE_ENGINE_LABEL in out.stdout.decode()


def require_private_engine():
    if not engine_is_private():
        pytest.skip(f"refused: this test removes or stalls engine objects and runs only on the project's "
                    f"private engine (install/engine, daemon label {PRIVATE_ENGINE_LABEL}); "
                    f"DOCKER_HOST={os.environ.get('DOCKER_HOST', '(default socket)')} is not one")


def pytest_terminal_summary(terminalreporter):
    """The fuzz's new seed, in the summary even when it passed (and with -q): FUZZ_SEED=N replays it."""
    fuzz = sys.modules.get("test_fuzz")
    if fuzz is not None and any("new-seed" in r.nodeid for r in terminalreporter.stats.get("passed", []) +
                                terminalreporter.stats.get("failed", [])):
        terminalreporter.write_line(f"fuzz: new seed {fuzz.NEW_SEED} this run (FUZZ_SEED={fuzz.NEW_SEED} replays it)")


def pytest_configure(config):
    config.addinivalue_line("markers", "deadline(seconds): fail the test when it runs longer than this")
    config.addinivalue_line("markers", "cluster: needs install/cluster's nodes (install/test starts a cluster of 3)")


class DeadlineExceeded(BaseException):
    """Not an Exception: a library's `except Exception` must not swallow the deadline."""


@pytest.fixture(autouse=True)
def deadline(request):
    """A bound on every test: SIGALRM raises in the test when it runs past its deadline."""
    marker = request.node.get_closest_marker("deadline")
    seconds = int(marker.args[0]) if marker else 300

    def expire(signum, frame):
        raise DeadlineExceeded(f"{request.node.name} ran longer than its deadline of {seconds}s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(seconds)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


@pytest.fixture(scope="module")
def kernel():
    manager, client = start_kernel()
    yield client
    stop_kernel(manager, client)


@pytest.fixture
def prefix(kernel):
    """A name prefix for this test's containers, removed by name afterwards."""
    name = "py-" + uuid.uuid4().hex[:8]
    yield name
    execute(kernel, f"docker rm -f {name}-a {name}-b")
