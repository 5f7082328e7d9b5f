"""Issue 19: a foreground container whose cell is running does not outlive its kernel. The CLI's --rm
removes the container when the CLI is interrupted; when the kernel ends (shutdown_request, its parent
gone, SIGTERM) the running cell's `docker run --rm` container is removed within the exit time the kernel
promises (2 s after a shutdown request, 5 s after the parent's death), and a foreground container
without --rm is killed and kept (its logs can still be read)."""
import os
import signal
import subprocess
import sys
import time

import pytest
from jupyter_client import BlockingKernelClient
from jupyter_client.connect import write_connection_file
from jupyter_client.kernelspec import KernelSpecManager

from abuse import english_kernel, process_ended, unique, wait_until
from conftest import cli, kernel_pid, require_private_engine, stop_kernel
from test_abuse_lifecycle import PARENT, alive

LABEL = "io.github.dockerlessons.test=kernel-end"


def state(name):
    """'running', 'exited' (or another state), or None when the container is gone."""
    out = cli("ps", "-a", "--filter", f"name=^{name}$", "--format", "{{.State}}").stdout.decode().split()
    return out[0] if out else None


def start_foreground(client, name, rm=True):
    client.execute(f"docker run {'--rm ' if rm else ''}--name {name} --label {LABEL} busybox sleep 300")
    assert wait_until(lambda: state(name) == "running", 30, step=0.2), f"{name} never ran"


def gone_within(name, seconds):
    return wait_until(lambda: state(name) is None, seconds, step=0.1)


@pytest.mark.deadline(120)
def test_shutdown_request_removes_the_running_cells_rm_container_within_2s():
    require_private_engine()
    name = unique("end-shutdown")
    manager, client = english_kernel()
    try:
        start_foreground(client, name)
        started = time.monotonic()
        client.shutdown()
        assert gone_within(name, 2.0), f"{name} is still {state(name)} 2 s after shutdown_request"
        assert wait_until(lambda: process_ended(manager), 2.5 - (time.monotonic() - started))
    finally:
        stop_kernel(manager, client)
        cli("rm", "-f", name)


@pytest.mark.deadline(120)
def test_sigterm_removes_the_running_cells_rm_container():
    require_private_engine()
    name = unique("end-sigterm")
    manager, client = english_kernel()
    try:
        start_foreground(client, name)
        os.kill(kernel_pid(manager), signal.SIGTERM)
        assert gone_within(name, 3.0), f"{name} is still {state(name)} 3 s after the kernel's SIGTERM"
        assert wait_until(lambda: process_ended(manager), 3.0), "the kernel still runs 3 s after SIGTERM"
    finally:
        stop_kernel(manager, client)
        cli("rm", "-f", name)


@pytest.mark.deadline(120)
def test_a_foreground_container_without_rm_is_killed_and_kept_at_shutdown():
    require_private_engine()
    name = unique("end-kept")
    manager, client = english_kernel()
    try:
        start_foreground(client, name, rm=False)
        client.shutdown()
        assert wait_until(lambda: state(name) not in ("running", None), 2.0), \
            f"{name} is {state(name)} 2 s after shutdown_request (killed and kept expected)"
    finally:
        stop_kernel(manager, client)
        cli("rm", "-f", name)


@pytest.mark.deadline(120)
def test_the_parents_death_removes_the_running_cells_rm_container_within_5s(tmp_path):
    require_private_engine()
    name = unique("end-parent")
    spec = KernelSpecManager().get_kernel_spec("docker")
    connection_file = str(tmp_path / "kernel.json")
    write_connection_file(connection_file, key=b"foreground-parent-death")
    argv = [a.replace("{connection_file}", connection_file) for a in spec.argv]
    parent = subprocess.Popen([sys.executable, "-c", PARENT, *argv], stdout=subprocess.PIPE, text=True,
                              env={**os.environ, **spec.env, "DOCKER_KERNEL_LANG": "en"})
    kernel = int(parent.stdout.readline())
    client = BlockingKernelClient(connection_file=connection_file)
    client.load_connection_file()
    client.start_channels()
    try:
        msg_id = client.kernel_info()
        end = time.monotonic() + 60
        while client.get_shell_msg(timeout=60)["parent_header"].get("msg_id") != msg_id:
            assert time.monotonic() < end, "the kernel did not answer kernel_info"
        start_foreground(client, name)
        os.kill(parent.pid, signal.SIGKILL)
        parent.wait()
        assert gone_within(name, 5.0), f"{name} is still {state(name)} 5 s after the kernel's parent died"
        assert wait_until(lambda: not alive(kernel), 5.0), "the kernel still runs after its parent died"
    finally:
        client.stop_channels()
        if alive(kernel):
            os.kill(kernel, signal.SIGKILL)
        cli("rm", "-f", name)
