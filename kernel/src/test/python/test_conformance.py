"""The Jupyter conformance suite (Debian's jupyter_kernel_test), every test it has.

Only clear_output is skipped: nothing in the kernel clears output."""
import jupyter_kernel_test


class DockerKernelConformance(jupyter_kernel_test.KernelTests):
    kernel_name = "docker"
    language_name = "docker"
    file_extension = ".sh"

    code_hello_world = "docker run --rm busybox echo hello, world"
    code_stderr = "docker run --rm busybox sh -c 'echo oops >&2'"
    code_generate_error = "docker rm no-such-container-in-conformance"
    code_page_something = "docker run?"
    code_inspect_sample = "docker run"

    code_execute_result = [
        {"code": "docker images", "mime": "text/plain"},
    ]
    code_display_data = [
        {"code": "docker ps\ndocker images", "mime": "text/html"},
    ]
    supported_history_operations = ("tail", "range", "search")
    code_history_pattern = "docker im*"

    completion_samples = [
        {"text": "docker vers", "matches": {"version"}},
        {"text": "docker ps --no", "matches": {"--no-trunc"}},
        {"text": "docker container l", "matches": {"logs", "ls"}},  # as cobra: names, not aliases
    ]
    complete_code_samples = [
        "docker ps",
        "docker run --rm busybox echo 'a b'",
        "docker exec -i box sh <<EOF\nls\nEOF",
        "ID=$(docker ps -q)",
    ]
    incomplete_code_samples = [
        "docker run busybox echo 'abc",
        "docker run busybox \\",
        "docker exec -i box sh <<EOF\nls",
        "docker rm $(docker ps -q",
    ]
    invalid_code_samples = [
        "docker ps )",
        "docker ps |&|",
    ]
