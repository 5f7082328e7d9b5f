"""Long-running and interactive cells through a real client: input boxes, TTYs, the stop button,
following, pull progress, floods."""
import os
import subprocess
import threading
import time
import uuid

import pytest

from conftest import ROOT, Cell, assert_no_java, execute, free_port


def run_with_answers(kernel, code, answers, timeout=60):
    answers = iter(answers)
    prompts = []

    def hook(msg):
        prompts.append(msg["content"]["prompt"])
        kernel.input(next(answers, ""))

    messages = []
    reply = kernel.execute_interactive(code, timeout=timeout, output_hook=messages.append, allow_stdin=True,
                                       stdin_hook=hook)
    text = "".join(m["content"]["text"] for m in messages if m["msg_type"] == "stream")
    assert_no_java(Cell(reply, messages, code))
    return reply, text, prompts, messages


def interrupt_after(manager, seconds):
    timer = threading.Timer(seconds, manager.interrupt_kernel)
    timer.start()
    return timer


def threads_of(manager):
    pid = manager.provisioner.process.pid
    for line in open(f"/proc/{pid}/status"):
        if line.startswith("Threads:"):
            return int(line.split()[1])


@pytest.fixture(scope="module")
def session():
    from conftest import start_kernel
    manager, client = start_kernel()
    yield manager, client
    client.stop_channels()
    manager.shutdown_kernel(now=True)


@pytest.fixture
def name(session):
    value = "ia-" + uuid.uuid4().hex[:8]
    yield value
    execute(session[1], f"docker rm -f {value} {value}-reg")


def test_exec_it_is_answered_through_the_input_box(session, name):
    _, kernel = session
    execute(kernel, f"docker run -d --name {name} redis")
    reply, text, prompts, _ = run_with_answers(kernel, f"docker exec -it {name} redis-cli", ["ping", "set k 값", "get k"])
    assert reply["content"]["status"] == "ok"
    assert "PONG" in text and "OK" in text
    assert prompts[0].startswith("127.0.0.1:6379>")  # the program's prompt is the input box's prompt
    assert "\x1b" not in text


def test_run_i_reads_each_line_from_the_input_box_until_an_empty_answer(session):
    _, kernel = session
    reply, text, prompts, _ = run_with_answers(
        kernel, "docker run -i --rm busybox sh -c 'while read l; do echo \"got $l\"; done; echo end'", ["하나", "둘"])
    assert text == "got 하나\ngot 둘\nend\n"
    assert len(prompts) == 3


def test_a_redrawn_line_is_one_line_without_escapes(session):
    _, kernel = session
    cell = execute(kernel, "docker run -t --rm busybox sh -c 'printf \"10%%\\r50%%\\r\\033[K100%%\\n\"; echo done'")
    assert cell.stream("stdout") == "100%\ndone\n"


def test_tty_heredoc_is_typed_line_by_line(session):
    _, kernel = session
    cell = execute(kernel, "docker run -it --rm busybox sh <<'EOF'\necho 안녕 $((1+2))\nexit\nEOF")
    assert "안녕 3" in cell.stream("stdout")


def test_tty_heredoc_reaches_a_line_editor_line_by_line_and_ends_with_ctrl_d(session, name):
    _, kernel = session
    execute(kernel, f"docker run -d --name {name} redis")
    cell = execute(kernel, f"docker exec -it {name} redis-cli <<EOF\nping\nset k v\nget k\nEOF")
    assert cell.status == "ok", cell.error
    out = cell.stream("stdout")
    assert "PONG" in out and "OK" in out and '"v"' in out
    cell = execute(kernel, "docker run -it --rm busybox sh <<EOF\necho one\necho two\nEOF")
    assert cell.status == "ok" and "two" in cell.stream("stdout")


def test_stop_button_sends_sigint_to_a_foreground_container(session, name):
    manager, kernel = session
    start = time.monotonic()
    timer = interrupt_after(manager, 1.5)
    cell = execute(kernel, f"docker run --rm --name {name} redis")
    timer.join()
    assert time.monotonic() - start - 1.5 < 2.0
    assert cell.status == "error"
    assert cell.error["traceback"][0] in ("Interrupted.", "중단되었습니다.")
    # redis shuts down on SIGINT, and --rm removed it
    assert name not in execute(kernel, "docker ps -a").of_type("execute_result")[0]["data"]["text/plain"]


def test_a_container_that_ignores_sigint_keeps_running_and_the_cell_says_so(session, name):
    manager, kernel = session
    timer = interrupt_after(manager, 2.0)
    start = time.monotonic()
    cell = execute(kernel, f"docker run --name {name} busybox sleep 60")
    timer.join()
    assert time.monotonic() - start - 2.0 < 2.0
    assert cell.status == "error"
    assert "docker stop" in "\n".join(cell.error["traceback"])
    assert "Up " in execute(kernel, f"docker ps -f name={name} --format '{{{{.Status}}}}'").stream("stdout")


def test_logs_follow_stops_and_threads_stay_flat_over_100_interrupts(session, name):
    manager, kernel = session
    execute(kernel, f"docker run -d --name {name} busybox sh -c 'while true; do echo tick; sleep 0.2; done'")
    cell = execute(kernel, f"docker logs --tail 1 -t {name}")
    assert "tick" in cell.stream("stdout")
    threads = []
    for i in range(100):
        timer = interrupt_after(manager, 0.05)
        cell = execute(kernel, f"docker logs -f --since 1s {name}")
        timer.join()
        assert cell.status == "error"
        if i in (10, 99):
            time.sleep(0.3)
            threads.append(threads_of(manager))
    assert threads[1] <= threads[0] + 2, threads


def test_attach_follows_until_interrupted(session, name):
    manager, kernel = session
    execute(kernel, f"docker run -d --name {name} busybox sh -c 'while true; do echo tick; sleep 0.2; done'")
    timer = interrupt_after(manager, 1.0)
    cell = execute(kernel, f"docker attach --no-stdin {name}")
    timer.join()
    assert "tick" in cell.stream("stdout")
    assert cell.status == "error"


def test_events_until_a_moment(session, name):
    _, kernel = session
    execute(kernel, f"docker create --name {name} busybox")
    until = int(time.time()) + 2  # an absolute moment just ahead: the stream ends by itself then
    cell = execute(kernel, f"docker events --since 30s --until {until} -f container={name}")
    assert cell.status == "ok"
    assert f"container create" in cell.stream("stdout") and f"name={name}" in cell.stream("stdout")


def test_stats_live_updates_one_table_until_interrupted(session, name):
    manager, kernel = session
    execute(kernel, f"docker run -d --name {name} busybox sleep 60")
    timer = interrupt_after(manager, 3.5)
    cell = execute(kernel, f"docker stats {name}")
    timer.join()
    displays = cell.of_type("display_data")
    updates = cell.of_type("update_display_data")
    assert len(displays) == 1 and len(updates) >= 1
    assert displays[0]["transient"]["display_id"] == updates[-1]["transient"]["display_id"]
    assert updates[-1]["data"]["text/plain"].startswith("CONTAINER ID   NAME")


def test_pull_progress_is_one_display_updated_in_place(session, name, tmp_path):
    _, kernel = session
    port = free_port()  # a registry port free now, never a fixed one another program may hold
    execute(kernel, f"docker run -d --name {name}-reg -p {port}:5000 registry")
    (tmp_path / "Dockerfile").write_text("FROM busybox\nRUN head -c 2000000 /dev/urandom > /blob\n")
    image = f"localhost:{port}/{name}:v1"
    assert execute(kernel, f"docker build -t {image} {tmp_path}").status == "ok"
    env = dict(os.environ)
    time.sleep(0.5)
    # The reference CLI pushes (the kernel has no push): then the engine lacks the layer.
    subprocess.run(["docker", "push", image], env=env, check=True, capture_output=True)
    execute(kernel, f"docker rmi {image}")
    cell = execute(kernel, f"docker pull {image}")
    assert cell.status == "ok", cell.error
    displays = cell.of_type("display_data")
    updates = cell.of_type("update_display_data")
    assert len(displays) == 1
    final = (updates[-1] if updates else displays[0])["data"]["text/plain"]
    assert "Pull complete" in final and "Digest: sha256:" in final
    assert f"Status: Downloaded newer image for {image}" in final
    assert "<progress" in (updates[-1] if updates else displays[0])["data"]["text/html"]
    assert cell.stream("stdout") == image + "\n"
    execute(kernel, f"docker rmi {image}")


def test_a_failed_pull_is_an_error_in_the_daemons_words(session):
    _, kernel = session
    cell = execute(kernel, "docker pull localhost:5999/nothing:here")
    assert cell.status == "error"
    assert cell.error["traceback"][0].startswith("Error response from daemon: ")


def test_a_flood_keeps_head_and_tail_within_the_limit(session):
    _, kernel = session
    execute(kernel, "%output_limit 64K")
    try:
        cell = execute(kernel, "docker run --rm busybox seq 200000")
        out, err = cell.stream("stdout"), cell.stream("stderr")
        assert out.startswith("1\n2\n3\n") and out.endswith("199999\n200000\n")
        assert len(out) + len(err) < 70_000
        assert "output_limit" in err
        assert len([m for m in cell.messages if m["msg_type"] == "stream"]) < 50
    finally:
        execute(kernel, "%output_limit 1M")
