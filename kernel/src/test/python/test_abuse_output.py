"""Issue 9, output: the budget counts UTF-8 bytes and never cuts inside a character, a following
command past half the budget keeps showing new output, and %output_limit takes effect in its own cell."""
import re
import threading
import time

import pytest

from abuse import english_kernel, unique
from conftest import cli, execute, stop_kernel


@pytest.fixture(scope="module")
def session():
    manager, client = english_kernel()
    yield manager, client
    stop_kernel(manager, client)


@pytest.fixture
def limit(session):
    """Sets %output_limit in a cell of its own; the default comes back afterwards."""
    _, client = session

    def set_limit(value):
        assert execute(client, f"%output_limit {value}").status == "ok"

    yield set_limit
    execute(client, "%output_limit 1M")


def whole_characters(text):
    assert "\ufffd" not in text, "a replacement character: a character was cut"
    assert not re.search(r"[\ud800-\udfff]", text), "a lone surrogate: a character was cut in half"


@pytest.mark.deadline(60)
def test_emoji_are_counted_in_utf8_bytes_and_never_cut(session, limit):
    _, client = session
    limit(11)
    cell = execute(client, "docker run --rm busybox echo " + "😀" * 10)
    out = cell.stream("stdout")
    whole_characters(out + cell.stream("stderr"))
    assert set(out) <= {"😀", "\n"}, f"only whole 😀 may be shown: {out!r}"
    assert 1 <= out.count("😀") and len(out.encode()) <= 11, f"{len(out.encode())} bytes shown of an 11-byte budget: {out!r}"


@pytest.mark.deadline(60)
def test_korean_is_cut_at_the_byte_limit(session, limit):
    _, client = session
    limit("64K")
    cell = execute(client, "docker run --rm busybox sh -c 'yes 가나다라마바사아자차 | head -n 20000'")
    out = cell.stream("stdout")
    whole_characters(out)
    size = len(out.encode())
    assert 60_000 < size <= 65_536, f"{size} UTF-8 bytes shown for a 64 KiB budget"
    assert "output_limit" in cell.stream("stderr")


@pytest.mark.deadline(60)
def test_ascii_is_cut_at_the_same_byte_limit(session, limit):
    _, client = session
    limit("64K")
    cell = execute(client, "docker run --rm busybox sh -c 'yes abcdefghij | head -n 60000'")
    size = len(cell.stream("stdout").encode())
    assert 60_000 < size <= 65_536, f"{size} bytes shown for a 64 KiB budget"


@pytest.mark.deadline(60)
def test_output_limit_takes_effect_in_its_own_cell(session):
    _, client = session
    try:
        cell = execute(client, "%output_limit 1K\ndocker run --rm busybox seq 100000")
        size = len(cell.stream("stdout").encode())
        assert size <= 1024 + 200, f"{size} bytes shown: the new limit (1K) did not apply to its own cell"
    finally:
        execute(client, "%output_limit 1M")


@pytest.mark.deadline(90)
def test_a_following_command_past_half_the_budget_keeps_showing_new_lines(session, limit):
    manager, client = session
    name = unique("follow")
    limit("4K")
    try:
        # 3,000 bytes first (past half of 4K), then a numbered line every 0.1 s.
        script = r"""head -c 3000 /dev/zero | tr "\0" x; echo; i=0; while true; do i=$((i+1)); echo line-$i; sleep 0.1; done"""
        cell = execute(client, f"docker run -d --name {name} busybox sh -c '{script}'")
        assert cell.status == "ok", cell.error_text
        time.sleep(0.5)
        seen = []  # (arrival, text) of everything shown while the cell runs

        def hook(msg):
            content = msg["content"]
            text = content.get("text") or content.get("data", {}).get("text/plain", "")
            if text:
                seen.append((time.monotonic(), text))

        pressed = []
        timer = threading.Timer(4.0, lambda: (pressed.append(time.monotonic()), manager.interrupt_kernel()))
        timer.start()
        client.execute_interactive(f"docker logs -f {name}", timeout=30, output_hook=hook)
        timer.join()
        numbers = lambda texts: [int(n) for t in texts for n in re.findall(r"line-(\d+)", t)]
        before = numbers(t for at, t in seen if at < pressed[0])
        every = numbers(t for _, t in seen)
        assert before, "nothing past half the budget was shown until the cell ended"
        assert max(before) >= max(every) - 15, \
            f"the latest line shown while running was line-{max(before)}; by the end it was line-{max(every)}"
    finally:
        cli("rm", "-f", name)
