"""Hostile global flags (issue 24's -H, -c, --config, --tls*): the files they name may be devices,
named pipes or huge; the kernel reads a bounded beginning of a regular file, never a device whole and
never blocks on a pipe, so every cell is answered and the kernel goes on serving."""
import json
import os
import time

import pytest

from abuse import english_kernel, expect_reply, serves
from conftest import cli, stop_kernel

NOWHERE = "-H tcp://127.0.0.1:1"


@pytest.fixture(scope="module")
def session(tmp_path_factory):
    manager, client = english_kernel(cwd=tmp_path_factory.mktemp("global-flags-cwd"))
    yield manager, client
    stop_kernel(manager, client)


def huge_file(path, size=1 << 30):
    """A sparse file of `size` bytes: large to read, nothing on the disk."""
    with open(path, "wb") as f:
        f.truncate(size)
    return path


def special_files(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    return {"device": "/dev/zero", "pipe": str(fifo), "huge": str(huge_file(tmp_path / "huge.pem"))}


def answered_error(manager, client, code):
    start = time.monotonic()
    cell = expect_reply(manager, client, code, 30)
    assert time.monotonic() - start < 15, f"{code!r} took {time.monotonic() - start:.1f}s"
    assert cell.status == "error", cell.shown_text()[:500]
    return cell


@pytest.mark.deadline(120)
@pytest.mark.parametrize("kind", ["device", "pipe", "huge"])
@pytest.mark.parametrize("flags", ["--tlsverify --tlscacert {f}", "--tlsverify --tlscacert {f} --tlscert {f} --tlskey {f}"])
def test_a_tls_file_that_is_a_device_a_pipe_or_huge_is_refused(session, tmp_path, kind, flags):
    manager, client = session
    path = special_files(tmp_path)[kind]
    cell = answered_error(manager, client, f"docker {flags.format(f=path)} {NOWHERE} ps")
    assert f"read {path}: " in cell.error_text, cell.error_text
    assert serves(manager, client)


@pytest.mark.deadline(60)
def test_a_tls_file_that_is_a_folder_in_the_clis_words(session):
    manager, client = session
    cell = answered_error(manager, client, f"docker --tlsverify --tlscacert /etc {NOWHERE} ps")
    # docker 28.2: "Failed to initialize: unable to resolve docker endpoint: read /etc: is a directory"
    assert cell.error_text.startswith("Failed to initialize: unable to resolve docker endpoint: read /etc: is a directory")


@pytest.mark.deadline(120)
@pytest.mark.parametrize("kind", ["device", "pipe", "huge"])
def test_a_context_whose_meta_json_is_a_device_a_pipe_or_huge(session, tmp_path, kind):
    manager, client = session
    config, meta = context_store(tmp_path)
    meta.unlink()
    os.symlink(special_files(tmp_path)[kind], meta)
    cell = answered_error(manager, client, f"docker --config {config} -c odd ps")
    assert f'context "odd": open {meta}: ' in cell.error_text, cell.error_text
    assert serves(manager, client)


@pytest.mark.deadline(120)
@pytest.mark.parametrize("text", ['{"Name": "odd", "Endpoints": ' + "[" * 100_000, "[" * 300 + "]" * 300,
                                  '{"Name": "odd", "Endpoints": [', "", "5", "[1]", '"odd"', "null", "{} x"])
def test_a_context_whose_meta_json_is_malformed_in_the_clis_words(session, tmp_path, text):
    manager, client = session
    config, meta = context_store(tmp_path)
    meta.write_text(text)
    expected = cli("--config", str(config), "-c", "odd", "ps").stderr.decode().strip()
    cell = answered_error(manager, client, f"docker --config {config} -c odd ps")
    if "[" * 300 in text:  # the CLI reads it (and finds no docker endpoint); the kernel reads 255 levels deep
        assert "exceeded max depth" in cell.error_text, cell.error_text
    else:
        assert cell.error_text.startswith(expected), (cell.error_text, expected)
    assert serves(manager, client)


def context_store(tmp_path):
    """A context store with one context "odd", made by the CLI; its folder and meta.json."""
    config = tmp_path / "config"
    made = cli("--config", str(config), "context", "create", "odd", "--docker", "host=unix:///nowhere.sock")
    assert made.returncode == 0, made.stderr
    return config, next((config / "contexts" / "meta").glob("*/meta.json"))


@pytest.mark.deadline(120)
@pytest.mark.parametrize("kind", ["device", "pipe", "huge"])
def test_a_config_json_that_is_a_device_a_pipe_or_huge(session, tmp_path, kind):
    manager, client = session
    config = tmp_path / "config"
    config.mkdir()
    os.symlink(special_files(tmp_path)[kind], config / "config.json")
    expect_reply(manager, client, f"docker --config {config} ps", 30)
    expect_reply(manager, client, f"docker --config {config} context ls", 30)
    assert serves(manager, client)
