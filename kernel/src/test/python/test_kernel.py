"""The lecture's commands typed into the installed kernel through jupyter_client."""
import time

from conftest import execute, require_private_engine, start_kernel


def test_kernel_info_names_the_docker_language(kernel):
    kernel.kernel_info()
    reply = kernel.get_shell_msg(timeout=10)
    info = reply["content"]["language_info"]
    assert info["name"] == "docker"
    assert info["mimetype"] == "text/x-sh"
    assert info["file_extension"] == ".sh"
    assert info["codemirror_mode"] == "shell"
    assert info["pygments_lexer"] == "bash"


def test_version_shows_client_and_linux_server(kernel):
    cell = execute(kernel, "docker version")
    assert cell.status == "ok"
    out = cell.stream("stdout")
    assert out.startswith("Client:\n")
    assert "Server:\n Engine:\n" in out and "linux/" in out


def test_hello_world_runs_and_streams(kernel):
    cell = execute(kernel, "docker run --rm hello-world")
    assert cell.status == "ok"
    assert "Hello from Docker!" in cell.stream("stdout")


def test_ps_is_one_bundle_with_html_and_the_cli_text(kernel, prefix):
    execute(kernel, f"docker create --name {prefix}-a busybox")
    cell = execute(kernel, "docker ps -a")
    results = cell.of_type("execute_result")
    assert len(results) == 1
    data = results[0]["data"]
    assert data["text/plain"].startswith("CONTAINER ID   IMAGE     COMMAND")
    assert f"{prefix}-a" in data["text/plain"]
    assert "<table" in data["text/html"] and f"{prefix}-a" in data["text/html"]


def test_earlier_tables_are_display_data_and_the_last_is_the_result(kernel):
    cell = execute(kernel, "docker ps\ndocker images")
    assert [m["msg_type"] for m in cell.messages if m["msg_type"] in ("display_data", "execute_result")] == \
        ["display_data", "execute_result"]
    assert cell.of_type("display_data")[0]["data"]["text/plain"].startswith("CONTAINER ID")
    assert cell.of_type("execute_result")[0]["data"]["text/plain"].startswith("REPOSITORY")


def test_korean_output_is_intact(kernel):
    cell = execute(kernel, "docker run --rm busybox echo 안녕하세요 도커")
    assert cell.stream("stdout") == "안녕하세요 도커\n"


def test_errors_are_the_cli_words_then_a_hint(kernel):
    cell = execute(kernel, "docker rm no-such-container-xyz")
    assert cell.status == "error"
    assert cell.error["traceback"][0] == "Error response from daemon: No such container: no-such-container-xyz"
    assert len(cell.error["traceback"]) >= 3  # the CLI's words, a blank line, the hint
    assert cell.reply["content"]["status"] == "error"


def test_non_zero_exit_makes_the_cell_an_error_that_states_it(kernel):
    cell = execute(kernel, "docker run --rm busybox sh -c 'exit 7'")
    assert cell.status == "error"
    assert "7" in cell.error["traceback"][0]


def test_variables_and_substitutions_live_across_cells(kernel, prefix):
    assert execute(kernel, f"ID=$(docker run -d --name {prefix}-a redis)").status == "ok"
    cell = execute(kernel, "docker exec $ID redis-cli ping")
    assert cell.stream("stdout") == "PONG\n"


def test_the_lecture_removes_all_listed_containers_with_backquotes(kernel, prefix):
    require_private_engine()  # `docker ps -a -q -n 2` takes the two newest containers, whoever made them
    execute(kernel, f"docker create --name {prefix}-a busybox\ndocker create --name {prefix}-b busybox")
    cell = execute(kernel, f"docker rm `docker ps -a -q -n 2`")
    assert cell.status == "ok", cell.error
    assert len(cell.stream("stdout").split()) == 2


def test_heredoc_feeds_stdin(kernel, prefix):
    execute(kernel, f"docker run -d --name {prefix}-a redis")
    cell = execute(kernel, f"docker exec -i {prefix}-a redis-cli <<EOF\nping\nEOF")
    assert cell.stream("stdout") == "PONG\n"


def test_programs_of_containers_point_to_docker_exec(kernel):
    cell = execute(kernel, "redis-cli")
    assert cell.status == "error"
    assert "docker exec" in "\n".join(cell.error["traceback"])


def test_unsupported_syntax_is_named(kernel):
    cell = execute(kernel, "docker ps | grep redis")
    assert cell.status == "error"
    assert "|" in cell.error["traceback"][0]


def test_no_engine_fails_fast_and_the_kernel_keeps_running():
    manager, client = start_kernel({"DOCKER_HOST": "unix:///nonexistent/docker.sock"})
    try:
        start = time.monotonic()
        cell = execute(client, "docker ps")
        assert time.monotonic() - start < 2.0
        assert cell.status == "error"
        assert cell.error["traceback"][0] == (
            "Cannot connect to the Docker daemon at unix:///nonexistent/docker.sock. Is the docker daemon running?")
        assert execute(client, "docker --help").status == "ok"
        assert manager.is_alive()
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=True)
