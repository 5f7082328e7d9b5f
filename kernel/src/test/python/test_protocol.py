"""Protocol behaviour beyond the conformance suite: what the base library got wrong, fixed."""
import os
import time

import zmq
from jupyter_client.session import Session

from conftest import execute, kernel_pid, start_kernel, stop_kernel


def shell_reply(kernel, msg_id, timeout=15):
    while True:
        reply = kernel.get_shell_msg(timeout=timeout)
        if reply["parent_header"].get("msg_id") == msg_id:
            return reply


def test_kernel_info_and_comm_info_have_status_and_the_projects_implementation(kernel):
    reply = shell_reply(kernel, kernel.kernel_info())
    assert reply["content"]["status"] == "ok"
    assert reply["content"]["implementation"] == "docker-lesson-kernel"
    assert reply["content"]["protocol_version"] == "5.3"
    reply = shell_reply(kernel, kernel.comm_info())
    assert reply["content"]["status"] == "ok"


def test_header_dates_carry_microseconds(kernel):
    # jupyter_client parses the wire's date string; a minute-precision date has no seconds at all.
    dates = [shell_reply(kernel, kernel.kernel_info())["header"]["date"] for _ in range(3)]
    assert any(d.microsecond % 1000 != 0 for d in dates), dates


def test_silent_publishes_nothing_and_does_not_count(kernel):
    before = execute(kernel, "docker images").reply["content"]["execution_count"]
    cell = execute(kernel, "docker ps", silent=True)
    assert cell.status == "ok"
    assert [m for m in cell.messages if m["msg_type"] not in ("status",)] == []
    after = execute(kernel, "docker images").reply["content"]["execution_count"]
    assert after == before + 1


def test_store_history_false_is_not_counted_nor_remembered(kernel):
    before = execute(kernel, "docker images").reply["content"]["execution_count"]
    execute(kernel, "docker version --help", store_history=False)
    after = execute(kernel, "docker images").reply["content"]["execution_count"]
    assert after == before + 1
    history = shell_reply(kernel, kernel.history(hist_access_type="search", pattern="docker version --help*"))
    assert history["content"]["history"] == []


def test_stop_on_error_aborts_the_queued_requests(kernel):
    failing = kernel.execute("docker rm no-such-container-abort", stop_on_error=True)
    queued = kernel.execute("docker images")
    first = shell_reply(kernel, failing)
    second = shell_reply(kernel, queued)
    assert first["content"]["status"] == "error"
    assert second["content"]["status"] == "aborted"
    assert execute(kernel, "docker images").status == "ok"


def test_a_badly_signed_message_is_dropped_and_the_kernel_serves_on(kernel):
    context = zmq.Context.instance()
    socket = context.socket(zmq.DEALER)
    socket.connect(f"{kernel.transport}://{kernel.ip}:{kernel.shell_port}")
    bad = Session(key=b"not-the-key")
    bad.send(socket, "kernel_info_request", {})
    socket.send_multipart([b"garbage", b"frames"])
    time.sleep(0.3)
    socket.close()
    reply = shell_reply(kernel, kernel.kernel_info())
    assert reply["content"]["status"] == "ok"
    assert execute(kernel, "docker --help").status == "ok"


def test_a_subscriber_that_comes_late_hears_the_kernels_status(kernel):
    # jupyter_server may open a notebook's websocket before its iopub subscription reaches the
    # kernel; the busy and idle of the notebook's kernel_info then went to nobody, and JupyterLab
    # showed the kernel "Unknown" for good. The kernel tells each new subscriber its status.
    assert execute(kernel, "docker --help").status == "ok"
    assert late_subscriber_hears(kernel) == "idle"
    # and the kernel's own clients go on as before
    assert execute(kernel, "docker --help").status == "ok"


def late_subscriber_hears(kernel, timeout_ms=5000):
    """The execution_state a SUB socket that subscribes now is told first."""
    socket = zmq.Context.instance().socket(zmq.SUB)
    socket.setsockopt(zmq.SUBSCRIBE, b"")
    socket.connect(f"{kernel.transport}://{kernel.ip}:{kernel.iopub_port}")
    try:
        assert socket.poll(timeout_ms), "no message within 5 s of subscribing"
        # A session of its own: the test's client heard the same welcome, and a session refuses a
        # signature it has seen.
        session = Session(key=kernel.session.key, signature_scheme=kernel.session.signature_scheme)
        while True:
            _, frames = session.feed_identities(socket.recv_multipart())
            message = session.deserialize(frames)
            if message["msg_type"] == "status":
                return message["content"]["execution_state"]
    finally:
        socket.close(linger=0)


def test_a_subscriber_that_comes_during_a_cell_hears_busy_after_a_control_request(kernel):
    # A control request publishes its own busy and idle while the cell runs on shell; the kernel
    # is still busy.
    msg_id = kernel.execute("docker run --rm busybox sleep 3")
    time.sleep(1)
    kernel.control_channel.send(kernel.session.msg("kernel_info_request"))
    kernel.get_control_msg(timeout=10)
    assert late_subscriber_hears(kernel) == "busy"
    assert shell_reply(kernel, msg_id, timeout=30)["content"]["status"] == "ok"
    assert late_subscriber_hears(kernel) == "idle"


def test_history_is_answered_without_a_history_manager(kernel):
    execute(kernel, "docker images")
    reply = shell_reply(kernel, kernel.history(hist_access_type="tail", n=1, output=True))
    assert reply["content"]["status"] == "ok"
    assert reply["content"]["history"][0][2][0] == "docker images"
    assert reply["content"]["history"][0][2][1].startswith("REPOSITORY")


def test_completion_offers_container_and_image_names_with_code_point_cursors(kernel, prefix):
    execute(kernel, f"docker create --name {prefix}-a busybox")
    code = f"# 한글 주석\ndocker rm {prefix}"
    reply = shell_reply(kernel, kernel.complete(code, len(code)))
    assert f"{prefix}-a" in reply["content"]["matches"]
    assert reply["content"]["cursor_end"] == len(code)  # Python len counts code points
    assert reply["content"]["cursor_start"] == len(code) - len(prefix)
    reply = shell_reply(kernel, kernel.complete("docker run busy", 15))
    assert "busybox" in reply["content"]["matches"]


def test_inspect_a_flag_gives_its_help_line(kernel):
    reply = shell_reply(kernel, kernel.inspect("docker run --rm", 14))
    assert reply["content"]["found"]
    assert "--rm" in reply["content"]["data"]["text/plain"]


def test_error_is_exactly_one_error_message(kernel):
    cell = execute(kernel, "docker rm no-such-container-xyz")
    kinds = [m["msg_type"] for m in cell.messages if m["msg_type"] not in ("status", "execute_input")]
    assert kinds == ["error"]
    assert cell.error["ename"] == "DockerError"


def test_the_kernel_runs_one_zmq_context_and_answers_comms_and_interrupts():
    # The base library's JupyterConnection made a second ZMQ context (its own reaper and I/O threads)
    # for five sockets the kernel never bound: an idle kernel has one context's threads.
    manager, client = start_kernel()
    try:
        pid = kernel_pid(manager)
        names = [open(f"/proc/{pid}/task/{task}/comm").read().strip() for task in os.listdir(f"/proc/{pid}/task")]
        assert sum(1 for name in names if name.startswith("reaper")) == 1, names
        assert sum(1 for name in names if name.startswith("iothread")) == 1, names
        # comm_open to a target the kernel does not have: the library's CommManager closes it again.
        msg = client.session.msg("comm_open", {"comm_id": "c-1", "target_name": "nobody", "data": {}})
        client.shell_channel.send(msg)
        closed = None
        deadline = time.monotonic() + 15
        while closed is None and time.monotonic() < deadline:
            message = client.get_iopub_msg(timeout=15)
            if message["msg_type"] == "comm_close" and message["content"]["comm_id"] == "c-1":
                closed = message
        assert closed is not None
        msg = client.session.msg("interrupt_request", {})
        client.control_channel.send(msg)
        reply = client.get_control_msg(timeout=15)
        assert reply["msg_type"] == "interrupt_reply"
        assert reply["content"]["status"] == "ok"  # the library's interrupt_reply had no status
        assert execute(client, "docker version --format ok").status == "ok"
        msg = client.session.msg("shutdown_request", {"restart": False})
        client.control_channel.send(msg)
        reply = client.get_control_msg(timeout=15)
        assert reply["content"] == {"status": "ok", "restart": False}
    finally:
        stop_kernel(manager, client)
