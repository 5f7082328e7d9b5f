"""--env-file attacked (run/create): a file of millions of tiny lines ended the kernel on
OutOfMemoryError; a line that starts with a no-break space is trimmed as Go trims it."""
import pytest

from abuse import english_kernel, expect_reply, names_limit, process_ended
from conftest import cli, require_private_engine, stop_kernel

LABEL = "io.github.dockerlessons.test=env-files"


@pytest.fixture
def session(tmp_path):
    require_private_engine()
    manager, client = english_kernel(cwd=tmp_path)
    yield manager, client, tmp_path
    stop_kernel(manager, client)
    ids = cli("ps", "-aq", "--filter", f"label={LABEL}").stdout.decode().split()
    if ids:
        cli("rm", "-f", *ids)


@pytest.mark.deadline(120)
def test_an_env_file_of_two_million_lines_is_refused_in_words_not_by_the_kernels_death(session):
    manager, client, folder = session
    (folder / "many.env").write_text("A=1\n" * 2_090_000)  # under the 8 MiB a file may hold
    cell = expect_reply(manager, client, f"docker create --label {LABEL} --env-file many.env busybox", 60)
    assert not process_ended(manager)
    assert cell.status == "error"
    assert names_limit(cell.shown_text(), "variables"), cell.shown_text()
    assert expect_reply(manager, client, "docker ps -q --filter name=^nothing$", 30).status == "ok"


@pytest.mark.deadline(120)
def test_a_line_that_starts_with_a_no_break_space_is_trimmed_as_the_cli_trims_it(session):
    manager, client, folder = session
    (folder / "nbsp.env").write_text("\u00a0A=1\n\u3000B=2\n")
    name = "env-files-nbsp"
    cell = expect_reply(manager, client, f"docker create --name {name} --label {LABEL} --env-file nbsp.env busybox", 60)
    assert cell.status == "ok", cell.shown_text()
    env = cli("inspect", "-f", "{{json .Config.Env}}", name).stdout.decode()
    assert '"A=1"' in env and '"B=2"' in env, env
