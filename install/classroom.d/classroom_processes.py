"""Processes install/classroom started, found again by their pid files and ended by pid (never by name),
and the ports it takes on 127.0.0.1."""
import os
import signal
import socket
import time

from classroom_state import log


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def port_is_free(port):
    with socket.socket() as s:
        # As the proxy binds it: connections of an earlier run in TIME-WAIT do not make it busy.
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind(("127.0.0.1", port))
            return True
        except OSError:
            return False


def alive(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    # A zombie is not running.
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def read_pid(path):
    try:
        with open(path) as f:
            return int(f.read().strip())
    except (OSError, ValueError):
        return None


def is_ours(pid, uid=None, program=None):
    """Whether the pid from one of our pid files is still that process (a pid can be reused): it runs as
    the expected user and/or its command line names the expected program."""
    if not pid or not alive(pid):
        return False
    try:
        if uid is not None and os.stat(f"/proc/{pid}").st_uid != uid:
            return False
        if program is not None:
            with open(f"/proc/{pid}/cmdline", "rb") as f:
                return program.encode() in f.read()
    except FileNotFoundError:
        return False
    return True


def end_process(pid, seconds, what, signalled=False):
    """SIGTERM (unless already sent), wait, then SIGKILL: for a process this tool started."""
    if not pid or not alive(pid):
        return
    if not signalled:
        os.kill(pid, signal.SIGTERM)
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and alive(pid):
        time.sleep(0.2)
    if alive(pid):
        log(f"{what} (pid {pid}) did not stop within {seconds:.0f}s; killing it")
        os.kill(pid, signal.SIGKILL)


def cgroup_pids(path):
    try:
        with open(os.path.join(path, "cgroup.procs")) as f:
            return [int(line) for line in f if line.strip()]
    except FileNotFoundError:
        return []
