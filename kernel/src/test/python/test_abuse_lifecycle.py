"""Issue 9, lifecycle and protocol: the kernel ends with its parent (as ipykernel does with
JPY_PARENT_PID), shutdown_request during a running cell ends the process within 2 s, and a signed
message replayed verbatim is rejected (as jupyter_client's Session does for a signature seen before)."""
import json
import os
import signal
import subprocess
import sys
import time

import pytest
import zmq
from jupyter_client.connect import write_connection_file
from jupyter_client.kernelspec import KernelSpecManager

from abuse import english_kernel, process_ended, unique, wait_until
from conftest import cli, execute, stop_kernel

PARENT = r"""
import os, subprocess, sys, time
env = dict(os.environ, JPY_PARENT_PID=str(os.getpid()))
kernel = subprocess.Popen(sys.argv[1:], env=env)
print(kernel.pid, flush=True)
time.sleep(600)
"""


def alive(pid):
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False


@pytest.mark.deadline(90)
def test_the_kernel_exits_within_5s_of_its_parents_death(tmp_path):
    spec = KernelSpecManager().get_kernel_spec("docker")
    connection_file = str(tmp_path / "kernel.json")
    write_connection_file(connection_file, key=b"parent-death-test")
    argv = [a.replace("{connection_file}", connection_file) for a in spec.argv]
    parent = subprocess.Popen([sys.executable, "-c", PARENT, *argv], stdout=subprocess.PIPE, text=True,
                              env={**os.environ, **spec.env})
    kernel = int(parent.stdout.readline())
    try:
        from jupyter_client import BlockingKernelClient
        client = BlockingKernelClient(connection_file=connection_file)
        client.load_connection_file()
        client.start_channels()
        # A kernel_info reply, not wait_for_ready: its heartbeat check gives up early on a loaded machine.
        msg_id = client.kernel_info()
        end = time.monotonic() + 60
        while client.get_shell_msg(timeout=60)["parent_header"].get("msg_id") != msg_id:
            assert time.monotonic() < end, "the kernel did not answer kernel_info"
        client.stop_channels()
        os.kill(parent.pid, signal.SIGKILL)
        parent.wait()
        gone = wait_until(lambda: not alive(kernel), 5, step=0.1)
        assert gone, "the kernel still runs 5 s after its parent (JPY_PARENT_PID) was killed"
    finally:
        if alive(kernel):
            os.kill(kernel, signal.SIGKILL)


@pytest.mark.deadline(90)
def test_shutdown_during_a_following_cell_ends_the_process_within_2s():
    name = unique("shut")
    manager, client = english_kernel()
    try:
        assert execute(client, f"docker run -d --name {name} busybox sh -c 'while true; do echo tick; sleep 0.2; done'"
                       ).status == "ok"
        client.execute(f"docker logs -f {name}")
        time.sleep(1.0)
        start = time.monotonic()
        client.shutdown()
        ended = wait_until(lambda: process_ended(manager), 2.0)
        assert ended, "the kernel process still runs 2 s after shutdown_request during `docker logs -f`"
        assert time.monotonic() - start < 2.5
    finally:
        stop_kernel(manager, client)
        cli("rm", "-f", name)


@pytest.mark.deadline(60)
def test_a_replayed_signed_message_runs_once(kernel):
    """The same signed frames sent twice on a raw socket: the second copy is dropped."""
    socket = zmq.Context.instance().socket(zmq.DEALER)
    socket.linger = 0
    socket.connect(f"{kernel.transport}://{kernel.ip}:{kernel.shell_port}")
    try:
        session = kernel.session
        msg = session.msg("execute_request", {"code": "docker ps -q", "silent": False, "store_history": False,
                                              "user_expressions": {}, "allow_stdin": False, "stop_on_error": False})
        frames = session.serialize(msg)
        socket.send_multipart(frames)
        socket.send_multipart(frames)
        replies = []
        end = time.monotonic() + 30
        while time.monotonic() < end and (not replies or time.monotonic() < replied + 3):
            if socket.poll(200):
                _, parts = session.feed_identities(socket.recv_multipart(), copy=True)
                reply = session.deserialize(parts, content=True)
                if reply["parent_header"].get("msg_id") == msg["header"]["msg_id"]:
                    replies.append(reply)
                    replied = time.monotonic()  # a second answer would come within 3 s of the first
        assert len(replies) == 1, f"a message replayed verbatim was answered {len(replies)} times"
    finally:
        socket.close()
