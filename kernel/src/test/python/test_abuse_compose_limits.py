"""Compose files built to end or hang the kernel (issue 19), through a kernel: each cell ends within
seconds with Compose's (or go-yaml's) words and a hint that names the limit, in English and Korean,
and the kernel serves the next cell."""
import tempfile

import pytest

from abuse import expect_reply, process_ended
from conftest import start_kernel, stop_kernel


def alias_bomb():
    lines = ["x-bomb:", "  a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for level in range(1, 10):
        lines.append(f"  a{level}: &a{level} [" + ", ".join([f"*a{level - 1}"] * 9) + "]")
    return "\n".join(lines) + "\nservices:\n  web:\n    image: busybox\n"


FILES = {
    "bomb.yaml": (alias_bomb(), "document contains excessive aliasing", "100000"),
    "self.yaml": ("x-a: &a\n  b: 1\n  <<: *a\nservices:\n  web:\n    image: busybox\n",
                  "anchor 'a' value contains itself", None),
    "deep.yaml": ("x-deep: " + "[" * 100000 + "]" * 100000 + "\nservices:\n  web:\n    image: busybox\n",
                  "exceeded max depth of 200", "200"),
    "nested.yaml": ("services:\n  web:\n    image: busybox\n    hostname: \"" + "${A:-" * 100000 + "x"
                    + "}" * 100000 + "\"\n", "defaults nest more than 100 deep", "100"),
}


@pytest.fixture(scope="module", params=["en", "ko"])
def kernel_in_folder(request):
    folder = tempfile.mkdtemp(prefix="compose-limits-")
    for name, (text, _, _) in FILES.items():
        with open(f"{folder}/{name}", "w") as f:
            f.write(text)
    doubling = "V0=xxxxxxxxxxxxxxxx\n" + "".join(f"V{i}=${{V{i - 1}}}${{V{i - 1}}}\n" for i in range(1, 41))
    import os
    os.makedirs(f"{folder}/env")
    with open(f"{folder}/env/.env", "w") as f:
        f.write(doubling)
    with open(f"{folder}/env/compose.yaml", "w") as f:
        f.write("services:\n  web:\n    image: busybox\n")
    manager, client = start_kernel({"DOCKER_KERNEL_LANG": request.param}, cwd=folder)
    yield request.param, manager, client
    stop_kernel(manager, client)


@pytest.mark.parametrize("name", sorted(FILES))
def test_a_hostile_compose_file_ends_in_words(kernel_in_folder, name):
    lang, manager, client = kernel_in_folder
    _, words, limit = FILES[name]
    cell = expect_reply(manager, client, f"docker compose -f {name} config", 30)
    assert cell.status == "error"
    assert words in cell.error_text, cell.error_text
    if limit:
        assert limit in cell.error_text, cell.error_text
    assert not process_ended(manager)


def test_a_dot_env_that_doubles_ends_in_words(kernel_in_folder):
    lang, manager, client = kernel_in_folder
    cell = expect_reply(manager, client, "docker compose --project-directory env config", 30)
    assert cell.status == "error"
    assert "substituted values exceed 8 MiB" in cell.error_text, cell.error_text
    assert not process_ended(manager)
