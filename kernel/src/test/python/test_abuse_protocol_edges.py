"""A hostile or broken Jupyter client, beyond test_protocol_fields.py's wrong content fields: header
fields of the wrong kind, unknown types on control, cursors negative, past the end or between the
halves of a surrogate pair, history requests with odd numbers and patterns, kernel_info while a cell
runs, a client that vanishes in the middle of a flood, and many clients at once. Every request is
answered, no Java text shows, and the kernel serves on."""
import json
import threading
import time

import pytest

from abuse import english_kernel, expect_reply, process_ended
from conftest import stop_kernel
from test_protocol_fields import RawClient, check, send_case, visible_java


@pytest.fixture(scope="module")
def session():
    manager, client = english_kernel()
    raw = RawClient(client)
    yield manager, client, raw
    raw.close()
    stop_kernel(manager, client)


HEADER_FIELDS = ["session", "username", "date", "version", "msg_type"]
WRONG_KINDS = ["1", "[\"a\"]", "{\"a\": 1}", "null", "true", "\"\"", "\"" + "x" * 100_000 + "\""]


@pytest.mark.deadline(240)
def test_header_fields_of_the_wrong_kind_are_answered_or_dropped_and_the_kernel_serves_on(session):
    manager, _, raw = session
    for field in HEADER_FIELDS:
        for kind in WRONG_KINDS:
            header = raw.header("kernel_info_request")
            header_text = json.dumps({k: v for k, v in header.items() if k != field})[:-1] + f', "{field}": {kind}}}'
            raw.send("shell", header_text, "{}")
            reply = raw.reply("shell", header["msg_id"], timeout=1)  # a dropped one: kernel_info shows it serves
            if reply is not None:
                assert not visible_java(reply), (field, kind, reply["content"])
            assert not process_ended(manager), f"header {field}={kind[:30]} ended the kernel"
            assert raw.kernel_info_answered(), f"header {field}={kind[:30]}: kernel_info no longer answered"
    # the msg_id itself of the wrong kind: nothing to answer to, dropped as ipykernel drops it; no death
    for kind in WRONG_KINDS:
        header = raw.header("kernel_info_request")
        header_text = json.dumps({k: v for k, v in header.items() if k != "msg_id"})[:-1] + f', "msg_id": {kind}}}'
        raw.send("shell", header_text, "{}")
        assert raw.kernel_info_answered(), f"msg_id={kind[:30]}: kernel_info no longer answered"


@pytest.mark.deadline(120)
def test_unknown_types_on_control_are_answered(session):
    _, _, raw = session
    for msg_type in ("frobnicate_request", "execute_request", "complete_request", "history_request", "frob"):
        header = raw.header(msg_type)
        raw.send("control", json.dumps(header), json.dumps({"code": "docker ps", "cursor_pos": 1,
                                                            "hist_access_type": "tail", "n": 1}))
        if msg_type.endswith("_request"):
            reply = raw.reply("control", header["msg_id"])
            assert reply is not None, f"no reply on control to {msg_type}"
            assert not visible_java(reply), reply["content"]
        assert raw.kernel_info_answered()


CURSOR_CODES = ["docker ps --filter name=안녕", "docker 😀 run --na", "😀😀😀", "", "docker run -e 가=나 --", "\udcff"]


@pytest.mark.deadline(120)
def test_cursors_anywhere_in_korean_and_emoji_are_answered_in_code_points(session):
    _, _, raw = session
    for code in CURSOR_CODES:
        points = len(code)
        for cursor in (-(2 ** 31), -1, 0, 1, points // 2, points - 1, points, points + 1, 2 ** 31 - 1, 2 ** 53):
            for msg_type in ("complete_request", "inspect_request"):
                content = json.dumps({"code": code, "cursor_pos": cursor, "detail_level": 1}, ensure_ascii=True)
                reply, published = send_case(raw, msg_type, content)
                check(raw, f"{msg_type} {code!r} at {cursor}", msg_type, reply, published)
                if msg_type == "complete_request" and reply["content"]["status"] == "ok":
                    start, end = reply["content"]["cursor_start"], reply["content"]["cursor_end"]
                    assert 0 <= start <= end <= points, (code, cursor, start, end)
        reply, published = send_case(raw, "is_complete_request", json.dumps({"code": code}))
        check(raw, f"is_complete {code!r}", "is_complete_request", reply, published)


HISTORY = [{"hist_access_type": "tail", "n": -1}, {"hist_access_type": "tail", "n": 0},
           {"hist_access_type": "tail", "n": 2 ** 63 - 1}, {"hist_access_type": "tail", "n": 2 ** 64},
           {"hist_access_type": "tail", "n": None}, {"hist_access_type": "tail"},
           {"hist_access_type": "range", "session": -(2 ** 63), "start": 5, "stop": 1},
           {"hist_access_type": "range", "session": 2 ** 40, "start": -5, "stop": -1},
           {"hist_access_type": "range", "session": 0, "start": 2 ** 62, "stop": 2 ** 63 - 1},
           {"hist_access_type": "range", "session": 0, "start": 0, "stop": None},
           {"hist_access_type": "search", "pattern": "[", "n": 5}, {"hist_access_type": "search", "pattern": "**"},
           {"hist_access_type": "search", "pattern": "(a+)+$" + "a" * 30, "n": 10},
           {"hist_access_type": "search", "pattern": "*" * 50_000 + "x", "n": 10},
           {"hist_access_type": "search", "pattern": "?" * 10_000, "unique": True, "n": -5},
           {"hist_access_type": "search", "pattern": "도커*", "n": 1, "session": -3},
           {"hist_access_type": "search", "pattern": "", "n": 1},
           {"hist_access_type": "search", "pattern": None, "n": 1}]


@pytest.mark.deadline(180)
def test_history_requests_with_odd_numbers_and_patterns_are_answered(session):
    manager, client, raw = session
    for code in ["docker ps -q --filter name=^h-nothing$", "docker ps -q --filter name=^도커-nothing$"] * 3:
        expect_reply(manager, client, code, 30)
    for request in HISTORY:
        request = {"output": True, "raw": True, **request}
        started = time.monotonic()
        reply, published = send_case(raw, "history_request", json.dumps(request))
        check(raw, f"history {request}"[:200], "history_request", reply, published)
        assert time.monotonic() - started < 5, f"history {str(request)[:200]} took {time.monotonic() - started:.1f}s"


@pytest.mark.deadline(120)
def test_requests_sent_while_a_cell_runs_are_answered_after_it_and_kernel_info_on_control_at_once(session):
    """The shell is serial, as ipykernel's: what comes during a cell is answered when it ends, in order;
    control answers kernel_info at once."""
    manager, client, raw = session
    msg_id = client.execute("docker events")
    time.sleep(1.5)
    header = raw.header("kernel_info_request")
    started = time.monotonic()
    raw.send("control", json.dumps(header), "{}")
    assert raw.reply("control", header["msg_id"], timeout=5) is not None, "kernel_info on control during a cell"
    assert time.monotonic() - started < 2
    queued = []
    for msg_type, content in (("kernel_info_request", "{}"),
                              ("complete_request", '{"code": "docker p", "cursor_pos": 8}'),
                              ("is_complete_request", '{"code": "docker ps"}'),
                              ("input_reply", '{"value": "nobody asked"}'),
                              ("history_request", '{"hist_access_type": "tail", "n": 3, "output": false, "raw": true}')):
        header = raw.header(msg_type)
        raw.send("stdin" if msg_type == "input_reply" else "shell", json.dumps(header), content)
        if msg_type.endswith("_request"):
            queued.append((msg_type, header["msg_id"]))
    header = raw.header("interrupt_request")
    raw.send("control", json.dumps(header), "{}")
    assert raw.reply("control", header["msg_id"]) is not None
    for msg_type, queued_id in queued:
        reply = raw.reply("shell", queued_id, timeout=10)
        assert reply is not None, f"{msg_type} sent during the cell was never answered"
        assert reply["content"]["status"] != "error", reply["content"]
    end = time.monotonic() + 10
    while time.monotonic() < end:
        msg = client.get_shell_msg(timeout=10)
        if msg["parent_header"].get("msg_id") == msg_id:
            break
    assert expect_reply(manager, client, "docker ps -q --filter name=^nothing$", 30).status == "ok"


@pytest.mark.deadline(180)
def test_a_client_that_vanishes_in_a_flood_leaves_the_kernel_serving_others():
    manager, client = english_kernel()
    try:
        other = RawClient(client)
        client.execute("docker run --rm busybox sh -c 'yes 0123456789abcdef0123456789abcdef | head -c 50000000'")
        time.sleep(2)
        client.stop_channels()  # the client that sent the cell vanishes mid-stream
        header = other.header("interrupt_request")
        time.sleep(1)
        other.send("control", json.dumps(header), "{}")
        assert other.reply("control", header["msg_id"], timeout=10) is not None, "no interrupt_reply after the flood's client left"
        assert other.kernel_info_answered(), "kernel_info no longer answered after the flood's client left"
        assert not process_ended(manager)
        other.close()
        client = manager.client()
        client.start_channels()
        assert expect_reply(manager, client, "docker ps -q --filter name=^nothing$", 60).status == "ok"
    finally:
        stop_kernel(manager, client)


@pytest.mark.deadline(180)
def test_twenty_clients_at_once_each_get_their_replies(session):
    manager, client, _ = session
    failures = []

    def one(i):
        raw = RawClient(client)
        try:
            for msg_type, content in (("kernel_info_request", "{}"),
                                      ("execute_request", json.dumps({"code": f"docker ps -q --filter name=^c{i}$",
                                                                      "silent": False, "store_history": False,
                                                                      "user_expressions": {}, "allow_stdin": False,
                                                                      "stop_on_error": False}))):
                header = raw.header(msg_type)
                raw.send("shell", json.dumps(header), content)
                reply = raw.reply("shell", header["msg_id"], timeout=60)
                if reply is None or reply["content"]["status"] != "ok":
                    failures.append((i, msg_type, reply and reply["content"]))
        finally:
            raw.close()

    threads = [threading.Thread(target=one, args=(i,)) for i in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    assert not failures, failures
    assert expect_reply(manager, client, "docker ps -q --filter name=^nothing$", 30).status == "ok"


@pytest.mark.deadline(120)
def test_bad_missing_and_odd_signatures_and_frames_are_dropped_and_the_kernel_serves_on(session):
    manager, _, raw = session
    header = json.dumps(raw.header("kernel_info_request"))
    parts = [header.encode(), b"{}", b"{}", b"{}"]
    good = raw.session.sign(parts)
    odd_signatures = [b"", b"0" * len(good), good.upper(), good[:-1], good + b"0", b"zz" * (len(good) // 2),
                      "서명".encode(), b"\x00" * len(good), good * 1000]
    for signature in odd_signatures:
        raw.sockets["shell"].send_multipart([b"<IDS|MSG>", signature, *parts])
    for frames in ([b"<IDS|MSG>"], [b"<IDS|MSG>", good], [b"<IDS|MSG>", good, parts[0]], [b"no delimiter"] * 6,
                   [b"<IDS|MSG>", good, *parts, b"buffer"] , [b"<IDS|MSG>"] * 8, [b""] * 3,
                   [b"<IDS|MSG>", good, b"\xff\xfe", b"{}", b"{}", b"{}"]):
        raw.sockets["shell"].send_multipart(frames)
        raw.sockets["control"].send_multipart(frames)
    for channel in ("shell", "control"):
        msg_id = json.loads(header)["msg_id"]
        reply = raw.reply(channel, msg_id, timeout=2)
        assert reply is None or reply["header"]["msg_type"] == "kernel_info_reply"
    assert not process_ended(manager)
    assert raw.kernel_info_answered()
