"""Requests that come before the first kernel_info_request: the session is built only after the first
kernel_info_reply (jupyter/PendingSession), so these must not wait for it when they need nothing of it."""
import queue
import time

from jupyter_client import KernelManager

from conftest import execute, stop_kernel


def started_without_kernel_info():
    manager = KernelManager(kernel_name="docker")
    manager.start_kernel()
    client = manager.client()
    client.start_channels()
    return manager, client


def wait_for_iopub(client, timeout=30):
    """Until the client's iopub subscription is through (ZeroMQ drops what a PUB socket sends before a
    subscriber is joined; under load the kernel's first messages came before it and were lost). Asked
    with comm_info_request, which needs no session, so the session is still unbuilt afterwards."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        msg = client.session.msg("comm_info_request", {})
        client.shell_channel.send(msg)
        until = time.monotonic() + 1
        while time.monotonic() < until:
            try:
                seen = client.get_iopub_msg(timeout=0.2)
            except queue.Empty:
                continue
            if seen["parent_header"].get("msg_id") == msg["header"]["msg_id"]:
                return
    raise AssertionError("the iopub channel did not connect")


def control_reply(client, msg_type, content, timeout=10):
    msg = client.session.msg(msg_type, content)
    client.control_channel.send(msg)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        reply = client.get_control_msg(timeout=timeout)
        if reply["parent_header"].get("msg_id") == msg["header"]["msg_id"]:
            return reply
    raise AssertionError(f"no {msg_type} reply")


def test_a_shutdown_before_kernel_info_ends_the_kernel_without_building_a_session():
    manager, client = started_without_kernel_info()
    try:
        reply = control_reply(client, "shutdown_request", {"restart": False})
        assert reply["content"]["status"] == "ok"
        deadline = time.monotonic() + 5
        while manager.is_alive() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not manager.is_alive(), "the kernel still runs 5 s after its shutdown_reply"
    finally:
        stop_kernel(manager, client)


def test_an_interrupt_before_kernel_info_is_answered_and_cells_run_after_it():
    manager, client = started_without_kernel_info()
    try:
        reply = control_reply(client, "interrupt_request", {})
        assert reply["content"]["status"] == "ok"
        cell = execute(client, "docker ps -a")
        assert cell.status == "ok"
        assert "CONTAINER ID" in cell.shown_text()
    finally:
        stop_kernel(manager, client)


def test_the_stop_button_ends_a_first_cell_that_waits_for_the_session():
    # The session is built after the first kernel_info_reply. A cell sent with that kernel_info is taken
    # at once and shown as running (execute_input) while it waits; a stop pressed then must end it, as
    # a stop pressed a moment later would. docker events would otherwise run until the kernel ends.
    manager, client = started_without_kernel_info()
    try:
        wait_for_iopub(client)
        client.kernel_info()
        msg_id = client.execute("docker events")
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            msg = client.get_iopub_msg(timeout=30)
            if msg["msg_type"] == "execute_input" and msg["parent_header"].get("msg_id") == msg_id:
                break
        stopped = time.monotonic()
        control_reply(client, "interrupt_request", {})
        deadline = stopped + 10
        reply = None
        while time.monotonic() < deadline and reply is None:
            msg = client.get_shell_msg(timeout=10)
            if msg["parent_header"].get("msg_id") == msg_id:
                reply = msg
        assert reply is not None, "the stop did not end the first cell within 10 s"
        assert reply["content"]["status"] == "error"
        assert time.monotonic() - stopped < 5
        cell = execute(client, "docker ps -a")
        assert cell.status == "ok"
    finally:
        stop_kernel(manager, client)
