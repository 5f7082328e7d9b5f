"""Requests that come before the first kernel_info_request: the session is built only after the first
kernel_info_reply (jupyter/PendingSession), so these must not wait for it when they need nothing of it."""
import time

from jupyter_client import KernelManager

from conftest import execute, stop_kernel


def started_without_kernel_info():
    manager = KernelManager(kernel_name="docker")
    manager.start_kernel()
    client = manager.client()
    client.start_channels()
    return manager, client


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
