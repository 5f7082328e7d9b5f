"""Helpers for the hostile-user tests (test_abuse_*.py, test_fuzz.py): cells whose reply may never
come, kernels that may die, a second private engine that can be stalled."""
import os
import queue
import re
import subprocess
import time
import uuid

from conftest import ROOT, Cell, assert_no_java, cli, start_kernel, stop_kernel


def english_kernel(**kwargs):
    """A kernel of its own, speaking English so that tests can read its sentences."""
    return start_kernel({"DOCKER_KERNEL_LANG": "en"}, **kwargs)


def process_ended(manager):
    process = manager.provisioner.process
    return process is None or process.poll() is not None


def wait_until(predicate, timeout, step=0.05):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if predicate():
            return True
        time.sleep(step)
    return predicate()


def published_until_idle(client, msg_id, timeout):
    """The iopub messages of a request up to its idle, and whether the idle came within `timeout`."""
    messages = []
    idle_by = time.monotonic() + timeout
    while time.monotonic() < idle_by:
        try:
            msg = client.get_iopub_msg(timeout=0.1)
        except queue.Empty:
            continue
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        messages.append(msg)
        if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            return messages, True
    return messages, False


def reply_pressing_stop(manager, client, msg_id, interrupt_after, after_interrupt):
    """The shell reply to `msg_id`, pressing the stop button once it has run `interrupt_after` s;
    (reply or None, whether the stop button was pressed). None: no reply within `after_interrupt` s of
    the stop button, or the kernel process ended."""
    sent = time.monotonic()
    interrupted_at = None
    while True:
        now = time.monotonic()
        if interrupted_at is None and now - sent > interrupt_after:
            interrupted_at = now
            manager.interrupt_kernel()
        if interrupted_at is not None and now - interrupted_at > after_interrupt:
            return None, True
        try:
            msg = client.get_shell_msg(timeout=0.1)
        except queue.Empty:
            if process_ended(manager):
                return None, interrupted_at is not None
            continue
        if msg["parent_header"].get("msg_id") == msg_id:
            return msg, interrupted_at is not None


def send_and_wait(manager, client, code, timeout, **kwargs):
    """Sends a cell and waits for its reply, or for the kernel process to end, at most `timeout`.

    Returns ("reply", Cell), ("dead", None) or ("silent", None): silent means the process still runs
    (its heartbeat too) but no reply came. Output messages are gathered until the cell's idle."""
    msg_id = client.execute(code, **kwargs)
    end = time.monotonic() + timeout
    reply = None
    while time.monotonic() < end:
        try:
            msg = client.get_shell_msg(timeout=0.2)
        except queue.Empty:
            if process_ended(manager):
                return "dead", None
            continue
        if msg["parent_header"].get("msg_id") == msg_id:
            reply = msg
            break
    if reply is None:
        return ("dead", None) if process_ended(manager) else ("silent", None)
    cell = Cell(reply, published_until_idle(client, msg_id, 10)[0], code)
    assert_no_java(cell)
    return "reply", cell


def expect_reply(manager, client, code, timeout, **kwargs):
    outcome, cell = send_and_wait(manager, client, code, timeout, **kwargs)
    assert outcome == "reply", (
        f"no reply within {timeout}s: the kernel is {outcome} "
        f"({'its process still runs and its heartbeat beats' if outcome == 'silent' else 'gone'}); "
        f"cell: {code[:120]!r}...")
    return cell


def names_limit(text, *words):
    """An error that names a limit: one of `words` and a number."""
    lowered = text.lower()
    return any(w.lower() in lowered for w in words) and re.search(r"\d", text) is not None


def serves(manager, client):
    """The kernel still answers a plain cell after whatever came before."""
    cell = expect_reply(manager, client, "docker ps -q", 30)
    return cell.status == "ok"


class SecondEngine:
    """A second private engine of install/engine (its own namespace, socket, state), which a test may
    stall with SIGSTOP without touching the engine the other tests use."""

    def __init__(self):
        base = os.environ.get("DOCKER_LESSONS_NETNS", "docker-lessons")
        self.env = {**os.environ,
                    "DOCKER_LESSONS_NETNS": base + "-stall",
                    "DOCKER_LESSONS_STATE": os.environ.get("DOCKER_LESSONS_STATE", "/var/lib/docker-lessons") + "-stall",
                    "DOCKER_LESSONS_RUN": os.environ.get("DOCKER_LESSONS_RUN", "/run/docker-lessons") + "-stall"}
        self.host = None

    def start(self):
        out = subprocess.run([os.path.join(ROOT, "install", "engine"), "start"], env=self.env, capture_output=True,
                             text=True, timeout=90)
        assert out.returncode == 0, out.stderr
        self.host = out.stdout.strip().splitlines()[-1].split("=", 1)[1]
        return self

    @property
    def pid(self):
        with open(os.path.join(self.env["DOCKER_LESSONS_RUN"], "dockerd.pid")) as f:
            return int(f.read().strip())

    def stall(self):
        os.kill(self.pid, 19)  # SIGSTOP

    def resume(self):
        try:
            os.kill(self.pid, 18)  # SIGCONT
        except (OSError, ValueError):
            pass

    def stop(self):
        self.resume()
        subprocess.run([os.path.join(ROOT, "install", "engine"), "stop"], env=self.env, capture_output=True,
                       timeout=60)


def unique(prefix):
    return f"{prefix}-{uuid.uuid4().hex[:8]}"


def cli_text(*args, **kwargs):
    out = cli(*args, **kwargs)
    return out.returncode, out.stdout.decode("utf-8", "replace"), out.stderr.decode("utf-8", "replace")


def remove_labelled(label):
    ids = cli("ps", "-aq", "--filter", f"label={label}").stdout.decode().split()
    if ids:
        cli("rm", "-f", *ids)
