"""Issue 9, "the kernel goes silent, for good, with its heartbeat up": every request gets its reply
whatever a handler throws; a Throwable that leaves the JVM unsound ends the process; the limits
(nesting of $( ), size of a capture, size of a cell) are errors that name the limit; nothing is
lost silently. Each test runs its own kernel: a broken one must not break the next test."""
import pytest

from abuse import english_kernel, expect_reply, names_limit, process_ended, send_and_wait, serves, wait_until
from conftest import stop_kernel

NESTING_WORDS = ("nest", "depth", "deep", "level")
CAPTURE_WORDS = ("MiB", "MB", "limit")
CELL_WORDS = ("cell", "limit", "MiB", "KiB", "MB", "KB")


def generate(size):
    """A substitution that prints `size` bytes of 'a' and no newline."""
    return f"$(docker run --rm busybox sh -c \"head -c {size} /dev/zero | tr '\\\\0' a\")"


@pytest.fixture
def fresh():
    manager, client = english_kernel()
    yield manager, client
    stop_kernel(manager, client)


@pytest.mark.deadline(60)
@pytest.mark.parametrize("depth", [600, 3000])
def test_open_substitutions_get_an_error_and_the_kernel_serves_on(fresh, depth):
    manager, client = fresh
    cell = expect_reply(manager, client, "docker ps " + "$(" * depth, 10)
    assert cell.status == "error"
    assert names_limit(cell.error_text, *NESTING_WORDS) or "never closed" in cell.error_text, cell.error_text
    assert serves(manager, client)


@pytest.mark.deadline(60)
def test_350_nested_substitutions_get_a_reply_and_the_kernel_serves_on(fresh):
    manager, client = fresh
    cell = expect_reply(manager, client, "docker ps " + "$(docker ps " * 350 + ")" * 350, 20)
    assert cell.status == "error"
    assert serves(manager, client)


@pytest.mark.deadline(60)
def test_5000_nested_substitutions_are_refused_naming_the_nesting_limit(fresh):
    manager, client = fresh
    cell = expect_reply(manager, client, "docker ps " + "$(docker ps " * 5000 + ")" * 5000, 10)
    assert cell.status == "error"
    assert names_limit(cell.error_text, *NESTING_WORDS), cell.error_text
    assert serves(manager, client)


@pytest.mark.deadline(60)
@pytest.mark.parametrize("request_kind", ["complete", "inspect", "is_complete"])
def test_other_requests_about_a_deep_cell_are_answered(fresh, request_kind):
    manager, client = fresh
    code = "docker ps " + "$(" * 3000
    msg_id = getattr(client, request_kind)(code) if request_kind == "is_complete" else \
        getattr(client, request_kind)(code, len(code))
    replies = []
    assert wait_until(lambda: _collect(client, msg_id, replies), 15), f"no {request_kind}_reply within 15s"
    # is_complete_reply has its own statuses (the messaging spec): past the nesting limit, it is invalid.
    expected = ("invalid",) if request_kind == "is_complete" else ("ok", "error")
    assert replies[0]["content"]["status"] in expected
    assert serves(manager, client)


def _collect(client, msg_id, replies):
    try:
        msg = client.get_shell_msg(timeout=0.2)
    except Exception:
        return False
    if msg["parent_header"].get("msg_id") == msg_id:
        replies.append(msg)
        return True
    return False


@pytest.mark.deadline(120)
def test_a_capture_over_the_limit_is_an_error_naming_it(fresh):
    manager, client = fresh
    cell = expect_reply(manager, client, f"X={generate(20_000_000)}", 60)
    assert cell.status == "error", "a 20 MB $( ) must exceed the capture limit (16 MiB by default)"
    assert names_limit(cell.error_text, *CAPTURE_WORDS), cell.error_text
    assert serves(manager, client)


@pytest.mark.deadline(120)
def test_150_mb_capture_into_a_heredoc_is_an_error_naming_the_limit(fresh):
    manager, client = fresh
    code = f"docker run -i --rm busybox wc -c <<EOF\n{generate(150_000_000)}\nEOF"
    cell = expect_reply(manager, client, code, 45)
    assert cell.status == "error"
    assert names_limit(cell.error_text, *CAPTURE_WORDS), cell.error_text
    assert serves(manager, client)


@pytest.mark.deadline(120)
def test_a_capture_under_the_limit_arrives_whole(fresh):
    manager, client = fresh
    assert expect_reply(manager, client, f"X={generate(12_000_000)}", 60).status == "ok"
    cell = expect_reply(manager, client, "docker run -i --rm busybox wc -c <<EOF\n$X\nEOF", 60)
    assert cell.status == "ok", cell.error_text
    assert cell.stream("stdout").strip() == "12000001"


@pytest.mark.deadline(180)
def test_captures_beyond_the_heap_are_never_ok_and_never_silent():
    """Five 15 MB captures kept in variables, in a 64 MB heap: they cannot all be held. The kernel
    either refuses with an error and serves on, or (OutOfMemoryError) its process ends so that the
    frontend offers a restart; it never answers "ok" with a variable cut short, and never goes silent."""
    manager, client = english_kernel(jvm_options=["-Xmx64m"])
    try:
        code = "\n".join(f"V{i}={generate(15_000_000)}" for i in range(5))
        outcome, cell = send_and_wait(manager, client, code, 60)
        assert outcome != "silent", "no reply, and the process still runs with its heartbeat up"
        if outcome == "dead":
            return
        assert cell.status != "ok", "75 MB of variables cannot fit a 64 MB heap: something was cut short"
        assert serves(manager, client)
    finally:
        stop_kernel(manager, client)


@pytest.mark.deadline(120)
def test_an_out_of_memory_error_ends_the_process():
    """A heredoc of four 15 MB captures in a 48 MB heap: OutOfMemoryError, unless a limit refuses it
    first. Either an error naming a limit with the kernel serving on, or the process ends."""
    manager, client = english_kernel(jvm_options=["-Xmx48m"])
    try:
        code = f"X={generate(15_000_000)}\ndocker run -i --rm busybox wc -c <<EOF\n$X$X$X$X\nEOF"
        outcome, cell = send_and_wait(manager, client, code, 45)
        assert outcome != "silent", "no reply, and the process still runs with its heartbeat up"
        if outcome == "reply":
            assert cell.status == "error" and names_limit(cell.error_text, *CAPTURE_WORDS, "heredoc"), \
                cell.error_text or cell.stream("stdout")
            assert serves(manager, client)
        else:
            assert wait_until(lambda: process_ended(manager), 5)
    finally:
        stop_kernel(manager, client)


@pytest.mark.deadline(120)
def test_a_huge_cell_is_refused_naming_the_cell_size_limit(fresh):
    manager, client = fresh
    cell = expect_reply(manager, client, "docker ps " + "a" * 32_000_000, 30)
    assert cell.status == "error"
    assert names_limit(cell.error_text, *CELL_WORDS), cell.error_text[:500]
    assert serves(manager, client)
