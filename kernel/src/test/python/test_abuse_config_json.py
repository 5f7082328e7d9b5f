"""A careless user's config.json (the docker CLI's ~/.docker/config.json, or --config FOLDER's): one that is not
JSON. The CLI warns ("WARNING: Error parsing config file (F): ...") and goes on; the kernel must answer too."""
import subprocess

import pytest

from abuse import english_kernel, expect_reply, serves
from conftest import stop_kernel


@pytest.fixture(scope="module")
def session():
    manager, client = english_kernel()
    yield manager, client
    stop_kernel(manager, client)


@pytest.mark.deadline(60)
@pytest.mark.parametrize("text", ["garbage{", "[1, 2]", "{\"auths\": 5}"])
def test_a_config_json_that_is_not_json_is_gone_past_as_the_cli_does(session, tmp_path, text):
    """docker-java's config builder parses config.json and threw on garbage: every command said "The kernel could
    not finish this command", as it would for a broken ~/.docker/config.json; the CLI lists the containers."""
    manager, client = session
    (tmp_path / "config.json").write_text(text)
    cli = subprocess.run(["docker", "--config", str(tmp_path), "ps", "-q"], capture_output=True, text=True, timeout=30)
    assert cli.returncode == 0, cli.stderr
    cell = expect_reply(manager, client, f"docker --config {tmp_path} ps -q", 30)
    assert cell.status == "ok", cell.error_text
    assert serves(manager, client)
