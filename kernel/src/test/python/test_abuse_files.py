"""Issue 19, files and paths: special files (devices, named pipes, folders) a user names are never
replaced, never block the kernel beyond the stop button and never fill its memory; the words are the
CLI's (checked against the docker CLI 28.2 where it has them)."""
import os
import stat
import threading
import time

import pytest

from abuse import english_kernel, expect_reply, unique
from conftest import cli, execute, stop_kernel

STOP_BUTTON_S = 2.0


@pytest.fixture(scope="module")
def cwd(tmp_path_factory):
    return tmp_path_factory.mktemp("files-kernel-cwd")


@pytest.fixture(scope="module")
def session(cwd):
    manager, client = english_kernel(cwd=cwd)
    yield manager, client
    stop_kernel(manager, client)


@pytest.fixture
def fifo(tmp_path):
    path = tmp_path / "pipe"
    os.mkfifo(path)
    return path


def interrupted(manager, client, code, after=1.0, timeout=30):
    pressed = []

    def press():
        pressed.append(time.monotonic())
        manager.interrupt_kernel()

    timer = threading.Timer(after, press)
    timer.start()
    try:
        cell = expect_reply(manager, client, code, timeout)
    finally:
        timer.cancel()
    assert pressed, f"the cell ended before the stop button: {cell.shown_text()[:300]!r}"
    return cell, time.monotonic() - pressed[0]


def still_serves(client):
    cell = execute(client, "docker version --format '{{.Client.Version}}'", timeout=15)
    assert cell.status == "ok", cell.error_text


@pytest.mark.deadline(60)
@pytest.mark.parametrize("command,words", [
    ("docker save -o {} busybox", "failed to save image: cannot write to a {}"),
    ("docker export -o {} {}", "failed to export container: cannot write to a {}"),
])
def test_save_and_export_never_replace_a_device_or_a_pipe(session, fifo, command, words):
    _, client = session
    container = unique("export")
    assert cli("create", "--name", container, "busybox").returncode == 0
    try:
        for target, kind, check in [("/dev/full", "character device file", stat.S_ISCHR),
                                    (str(fifo), "named pipe (FIFO)", stat.S_ISFIFO)]:
            code = command.format(target, container)
            cell = execute(client, code, timeout=30)
            assert cell.status == "error", code
            assert words.format(kind) in cell.error_text, cell.error_text
            assert check(os.lstat(target).st_mode), f"{target} was replaced by {code}"
    finally:
        cli("rm", "-f", container)


@pytest.mark.deadline(60)
def test_a_folder_as_output_is_refused_in_the_clis_words(session, tmp_path):
    _, client = session
    cell = execute(client, f"docker save -o {tmp_path} busybox", timeout=30)
    assert "failed to save image: cannot write to a directory" in cell.error_text
    for target in ["/etc/passwd/x.tar", f"{tmp_path}/missing/x.tar"]:
        words = cli("save", "-o", target, "busybox").stderr.decode().strip()
        assert words.startswith("failed to save image: invalid output path: stat "), words
        cell = execute(client, f"docker save -o {target} busybox", timeout=30)
        assert words in cell.error_text, cell.error_text


@pytest.mark.deadline(60)
@pytest.mark.parametrize("code", [
    "docker run --rm --env-file {} busybox true",
    "docker create --label-file {} busybox",
    "docker load -i {}",
    "docker import {} fifo-import",
    "docker compose -f {} config",
])
def test_a_named_pipe_that_nobody_writes_ends_with_the_stop_button(session, fifo, code):
    manager, client = session
    cell, took = interrupted(manager, client, code.format(fifo))
    assert cell.status == "error"
    assert took < STOP_BUTTON_S, f"{code} went on {took:.1f}s after the stop button"
    still_serves(client)


@pytest.mark.deadline(60)
def test_a_named_pipe_that_is_written_is_read_as_the_cli_reads_it(session, fifo):
    _, client = session

    def writer():
        with open(fifo, "w") as out:
            out.write("GREETING=hello from a pipe\n")

    thread = threading.Thread(target=writer, daemon=True)
    thread.start()
    cell = execute(client, f"docker run --rm --env-file {fifo} busybox sh -c 'echo $GREETING'", timeout=30)
    assert cell.status == "ok", cell.error_text
    assert "hello from a pipe" in cell.stream("stdout")


@pytest.mark.deadline(60)
def test_writefile_to_a_pipe_or_device_is_refused_at_once(session, fifo):
    _, client = session
    for target, words in [(fifo, "cannot write to a named pipe (FIFO)"),
                          ("/dev/full", "cannot write to a character device file")]:
        cell = execute(client, f"%%writefile {target}\nhello\n", timeout=10)
        assert cell.status == "error"
        assert words in cell.error_text, cell.error_text
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


@pytest.mark.deadline(90)
def test_endless_devices_as_inputs_fail_in_words_and_the_kernel_lives(session):
    manager, client = session
    cases = [
        ("docker run --rm --env-file /dev/zero busybox true",
         "invalid env file (/dev/zero): bufio.Scanner: token too long"),
        ("docker run --rm --label-file /dev/zero busybox true",
         "invalid env file (/dev/zero): bufio.Scanner: token too long"),
        # the CLI's words for a line that is not UTF-8 (random bytes: almost surely the first line's)
        ("docker run --rm --env-file /dev/urandom busybox true", "invalid env file (/dev/urandom): "),
        ("docker run --rm --env-file /etc busybox true", "invalid env file (/etc): read /etc: is a directory"),
        ("docker compose -f /dev/zero config", "read /dev/zero: file too large"),
    ]
    for code, words in cases:
        cell = expect_reply(manager, client, code, 30)
        assert cell.status == "error", code
        assert words in cell.error_text, (code, cell.error_text)
    still_serves(client)


@pytest.mark.deadline(60)
@pytest.mark.parametrize("env_file,words", [
    ("/etc", "failed to load /etc: read /etc: is a directory"),
    ("/dev/zero", "failed to load /dev/zero: read /dev/zero: file too large"),
])
def test_compose_env_file_that_is_a_folder_or_device_is_not_called_missing(session, cwd, env_file, words):
    manager, client = session
    folder = cwd / unique("envfile")
    folder.mkdir()
    (folder / "compose.yaml").write_text(f"services:\n  a:\n    image: busybox\n    env_file: {env_file}\n")
    cell = expect_reply(manager, client, f"docker compose -f {folder}/compose.yaml config", 30)
    assert cell.status == "error"
    assert words in cell.error_text, cell.error_text
    assert "not found" not in cell.error_text


# ---------------------------------------------------------------- docker cp: destinations, -L, size

CP_SETUP = ("mkdir -p /d/sub && echo hi > /d/f && echo deep > /d/sub/g && ln -s d /dl && ln -s f /d/fl "
            "&& touch /ready && sleep 3600")


@pytest.fixture(scope="module")
def box(session):
    _, client = session
    name = unique("cpdest")
    assert execute(client, f"docker run -d --name {name} busybox sh -c '{CP_SETUP}'").status == "ok"
    deadline = time.monotonic() + 20
    while cli("exec", name, "test", "-e", "/ready").returncode != 0:
        assert time.monotonic() < deadline
        time.sleep(0.1)
    yield name
    cli("rm", "-f", name)


def tree(root):
    """Every path under root, with its type and a regular file's content."""
    found = {}
    for folder, dirs, files in os.walk(root):
        for name in dirs + files:
            path = os.path.join(folder, name)
            st = os.lstat(path)
            rel = os.path.relpath(path, root)
            found[rel] = (stat.S_IFMT(st.st_mode),
                          os.readlink(path) if stat.S_ISLNK(st.st_mode)
                          else open(path, "rb").read() if stat.S_ISREG(st.st_mode) else None)
    return found


def side_by_side(client, tmp_path, copies):
    """Runs the same cp commands (sources and destinations relative to a folder of each) by the CLI
    and by the kernel, each in a fresh folder; returns both trees."""
    trees = []
    for who in ("cli", "kernel"):
        folder = tmp_path / who
        folder.mkdir()
        for source, dest in copies:
            source = source if ":" in source else str(folder / source)
            args = ["cp"] + (["-L"] if source.startswith("-L ") else []) + [source.removeprefix("-L "), str(folder / dest)]
            if who == "cli":
                done = cli(*args)
                assert done.returncode == 0, done.stderr
            else:
                cell = execute(client, "docker " + " ".join(args), timeout=60)
                assert cell.status == "ok", cell.error_text
        trees.append(tree(folder))
    return trees


@pytest.mark.deadline(90)
def test_cp_of_the_containers_root_creates_the_destination_as_the_cli_does(session, box, tmp_path):
    _, client = session
    by_cli, by_kernel = side_by_side(client, tmp_path, [(f"{box}:/d", "dest"), (f"{box}:/d", "dest")])
    assert by_kernel == by_cli
    assert "dest/d/sub/g" in by_kernel, "the second copy goes into the folder the first made"
    # the root: only its top names are compared (a container's root holds /proc and /sys)
    for who in ("cli", "kernel"):
        folder = tmp_path / f"root-{who}"
        folder.mkdir()
        if who == "cli":
            assert cli("cp", f"{box}:/d/../", str(folder / "dest")).returncode == 0
        else:
            cell = execute(client, f"docker cp {box}:/ {folder}/dest", timeout=60)
            assert cell.status == "ok", cell.error_text
    for name in ("d", "etc", "bin"):
        assert (tmp_path / "root-kernel" / "dest" / name).exists(), f"{name} is not in dest"
        assert not (tmp_path / "root-kernel" / name).exists(), f"{name} landed beside dest"


@pytest.mark.deadline(90)
def test_cp_follow_link_copies_what_the_link_points_at_both_ways(session, box, tmp_path):
    _, client = session
    by_cli, by_kernel = side_by_side(client, tmp_path, [
        (f"{box}:/dl", "link-itself"), (f"-L {box}:/dl", "followed"), (f"-L {box}:/d/fl", "file-followed"),
        (f"-L {box}:/dl", "followed")])
    assert by_kernel == by_cli
    assert stat.S_ISDIR(by_kernel["followed"][0]) and stat.S_ISLNK(by_kernel["link-itself"][0])
    # into the container: a local link to a folder, followed with -L, arrives as the folder
    local = tmp_path / "in"
    (local / "real").mkdir(parents=True)
    (local / "real" / "file").write_text("local\n")
    os.symlink("real", local / "link")
    for flag, expect in [("", "symbolic link"), ("-L", "directory")]:
        cell = execute(client, f"docker cp {flag} {local}/link {box}:/tmp/", timeout=30)
        assert cell.status == "ok", cell.error_text
        kind = cli("exec", box, "stat", "-c", "%F", "/tmp/link").stdout.decode().strip()
        assert kind == expect, (flag, kind)
        cli("exec", box, "rm", "-rf", "/tmp/link")


@pytest.mark.deadline(240)
def test_cp_into_a_container_streams_a_folder_larger_than_the_heap(tmp_path):
    """The kernelspec's 256 MiB heap, a 300 MiB folder: the copy streams (it ended the kernel with
    OutOfMemoryError when the tar was held whole)."""
    manager, client = english_kernel()
    name = unique("cpbig")
    try:
        big = tmp_path / "big"
        big.mkdir()
        with open(big / "blob", "wb") as out:
            out.truncate(300 << 20)
        assert execute(client, f"docker run -d --name {name} busybox sleep 600").status == "ok"
        cell = expect_reply(manager, client, f"docker cp {big} {name}:/tmp/", 180)
        assert cell.status == "ok", cell.error_text
        size = cli("exec", name, "stat", "-c", "%s", "/tmp/big/blob").stdout.decode().strip()
        assert size == str(300 << 20)
        still_serves(client)
    finally:
        cli("rm", "-f", name)
        stop_kernel(manager, client)


# ---------------------------------------------------------------- docker build: the context as the CLI sends it

def legacy_cli(*args):
    return cli(*args, env={"DOCKER_BUILDKIT": "0"}, timeout=120)


def listing(image):
    """Every path under /c in an image, with its type and a link's target or a file's content."""
    out = cli("run", "--rm", image, "sh", "-c",
              "cd /c && find . | sort | while read p; do "
              "if [ -L \"$p\" ]; then echo \"$p -> $(readlink \"$p\")\"; "
              "elif [ -f \"$p\" ]; then echo \"$p = $(cat \"$p\")\"; else echo \"$p/\"; fi; done")
    assert out.returncode == 0, out.stderr
    return out.stdout.decode()


@pytest.fixture
def context(cwd):
    folder = cwd / unique("ctx")
    folder.mkdir()
    yield folder
    for image in (f"{folder.name}-cli", f"{folder.name}-kernel"):
        cli("rmi", "-f", image)


@pytest.mark.deadline(120)
def test_build_sends_symlinks_as_links_never_what_they_point_at(session, context, tmp_path):
    _, client = session
    secret = tmp_path / "secret"
    secret.write_text("TOPSECRET\n")
    os.symlink("/etc", context / "etc")
    os.symlink(secret, context / "shadow")
    (context / "plain").write_text("plain\n")
    (context / "Dockerfile").write_text("FROM busybox\nCOPY . /c\n")
    assert legacy_cli("build", "-q", "-t", f"{context.name}-cli", str(context)).returncode == 0
    cell = execute(client, f"docker build -q -t {context.name}-kernel {context.name}", timeout=120)
    assert cell.status == "ok", cell.error_text
    by_cli, by_kernel = listing(f"{context.name}-cli"), listing(f"{context.name}-kernel")
    assert by_kernel == by_cli
    assert f"./shadow -> {secret}" in by_kernel and "./etc -> /etc" in by_kernel
    assert "TOPSECRET" not in by_kernel

    # the case: COPY of a link to the host's /etc/shadow fails in the engine, in the engine's words
    os.symlink("/etc/shadow", context / "hostshadow")
    (context / "Dockerfile.shadow").write_text("FROM busybox\nCOPY hostshadow /s\n")
    done = legacy_cli("build", "-f", str(context / "Dockerfile.shadow"), str(context))
    engine_words = [line for line in done.stderr.decode().splitlines() if line.startswith("COPY failed")]
    assert engine_words == ["COPY failed: forbidden path outside the build context: hostshadow ()"]
    cell = execute(client, f"docker build -f {context.name}/Dockerfile.shadow {context.name}", timeout=120)
    assert cell.status == "error"
    assert engine_words[0] in cell.error_text, cell.error_text


@pytest.mark.deadline(120)
def test_compose_build_sends_symlinks_as_links_as_docker_build_does(session, context, tmp_path):
    # Compose's build went through docker-java's own packing, which follows links: the host file a
    # link in the context points at landed in the image. It now sends the same tar as docker build.
    _, client = session
    secret = tmp_path / "secret"
    secret.write_text("TOPSECRET\n")
    os.symlink(secret, context / "shadow")
    os.symlink("/etc", context / "etc")
    (context / "Dockerfile").write_text("FROM busybox\nCOPY . /c\n")
    (context / "compose.yaml").write_text(f"services:\n  web:\n    image: {context.name}-kernel\n    build: .\n")
    cell = execute(client, f"docker compose -f {context.name}/compose.yaml -p {context.name} build", timeout=120)
    assert cell.status == "ok", cell.error_text
    by_kernel = listing(f"{context.name}-kernel")
    assert f"./shadow -> {secret}" in by_kernel and "./etc -> /etc" in by_kernel
    assert "TOPSECRET" not in by_kernel


@pytest.mark.deadline(60)
def test_compose_build_fails_in_composes_words_through_docker_builds_path(session, context):
    # One build path, two framings, as the real tools print them: docker build (buildx) says
    # "ERROR: failed to solve: ...", docker compose says "failed to solve: ..." (and both name a
    # folder where the Dockerfile should be as a folder).
    _, client = session
    (context / "Dockerfile").mkdir()
    (context / "compose.yaml").write_text(f"services:\n  web:\n    image: {context.name}-kernel\n    build: .\n")
    cell = execute(client, f"docker compose -f {context.name}/compose.yaml -p {context.name} build")
    assert cell.status == "error"
    assert cell.error_text.startswith("failed to solve: failed to read dockerfile: read "
                                      + str(context / "Dockerfile") + ": is a directory"), cell.error_text
    cell = execute(client, f"docker build {context.name}")
    assert cell.error_text.startswith("ERROR: failed to solve: failed to read dockerfile: read "), cell.error_text
    still_serves(client)


@pytest.mark.deadline(120)
def test_build_file_is_found_from_the_notebooks_folder_as_the_cli_finds_it(session, context, cwd):
    _, client = session
    sub = context / "sub"
    sub.mkdir()
    (sub / "Dockerfile2").write_text("FROM busybox\nCOPY . /c\n")
    (sub / "inside").write_text("in\n")
    rel = os.path.relpath(sub, cwd)
    cell = execute(client, f"docker build -q -t {context.name}-kernel -f {rel}/Dockerfile2 {rel}", timeout=120)
    assert cell.status == "ok", cell.error_text
    # outside the context: it is sent under a random name the COPY leaves out, as the CLI does
    (context / "outside.Dockerfile").write_text("FROM busybox\nCOPY . /c\n")
    cell = execute(client, f"docker build -q -t {context.name}-kernel -f {context.name}/outside.Dockerfile {rel}",
                   timeout=120)
    assert cell.status == "ok", cell.error_text
    assert legacy_cli("build", "-q", "-t", f"{context.name}-cli", "-f", str(context / "outside.Dockerfile"),
                      str(sub)).returncode == 0
    assert listing(f"{context.name}-kernel") == listing(f"{context.name}-cli")
    assert ".dockerfile." not in listing(f"{context.name}-kernel")


@pytest.mark.deadline(120)
@pytest.mark.parametrize("pattern", ["[", "a[", "[]a]", "**/[", "![", "\\", "!"])
def test_a_malformed_dockerignore_pattern_fails_in_the_clis_words(session, context, pattern):
    _, client = session
    (context / "Dockerfile").write_text("FROM busybox\n")
    (context / ".dockerignore").write_text(pattern + "\n")
    done = legacy_cli("build", str(context))
    words = done.stderr.decode().strip().splitlines()[-1]
    assert words.startswith("error checking context: ")
    cell = execute(client, f"docker build {context.name}", timeout=60)
    assert cell.status == "error"
    assert words in cell.error_text, cell.error_text


@pytest.mark.deadline(120)
def test_dockerignore_keeps_and_leaves_out_what_the_cli_does(session, context):
    _, client = session
    for path in ["a.log", "keep.log", "sub/a.log", "build/x", "docs/keep.md", "docs/other.md", "x.tmp",
                 "deep/er/y.tmp", "src/main.c"]:
        (context / path).parent.mkdir(parents=True, exist_ok=True)
        (context / path).write_text(path + "\n")
    (context / "Dockerfile").write_text("FROM busybox\nCOPY . /c\n")
    (context / ".dockerignore").write_text("*.log\n!keep.log\nbuild/\ndocs\n!docs/keep.md\n**/*.tmp\nDockerfile\n")
    assert legacy_cli("build", "-q", "-t", f"{context.name}-cli", str(context)).returncode == 0
    cell = execute(client, f"docker build -q -t {context.name}-kernel {context.name}", timeout=120)
    assert cell.status == "ok", cell.error_text
    assert listing(f"{context.name}-kernel") == listing(f"{context.name}-cli")


@pytest.mark.deadline(60)
def test_a_compose_file_from_a_pipe_with_an_error_is_not_read_again(session, fifo):
    """The error's place shows the file's line; a pipe read once would wait forever for a second read."""
    manager, client = session

    def writer():
        with open(fifo, "w") as out:
            out.write("services:\n  a:\n    image: busybox\n    ports: 12\n    nonsense_key: 1\n")

    threading.Thread(target=writer, daemon=True).start()
    cell = expect_reply(manager, client, f"docker compose -f {fifo} config", 20)
    assert cell.status == "error"
    still_serves(client)


@pytest.mark.deadline(120)
def test_build_iidfile_never_blocks_on_a_pipe_nor_replaces_a_device(session, context, fifo):
    _, client = session
    (context / "Dockerfile").write_text("FROM busybox\n")
    for target, words in [(fifo, "named pipe (FIFO)"), ("/dev/full", "character device file")]:
        cell = execute(client, f"docker build -q --iidfile {target} {context.name}", timeout=60)
        assert cell.status == "error"
        assert f"failed to write image ID to file: cannot write to a {words}" in cell.error_text
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode) and stat.S_ISCHR(os.lstat("/dev/full").st_mode)


@pytest.mark.deadline(60)
def test_cp_out_refuses_a_device_as_the_cli_does(session, box, tmp_path):
    _, client = session
    link = tmp_path / "lnk"
    os.symlink("/dev/full", link)
    for target in ["/dev/full", str(link)]:
        done = cli("cp", f"{box}:/d/f", target)
        words = done.stderr.decode().strip()
        assert words.endswith("must be a directory or a regular file: got a device"), words
        cell = execute(client, f"docker cp {box}:/d/f {target}", timeout=30)
        assert cell.status == "error"
        assert words in cell.error_text, cell.error_text
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode) and os.path.islink(link)


@pytest.mark.deadline(60)
@pytest.mark.parametrize("code", ["docker load -i /dev/zero", "docker import /dev/zero zeros"])
def test_an_endless_tar_source_streams_and_ends_with_the_stop_button(session, code):
    """As with the CLI, the device is streamed (never held): it never ends, so the stop button does."""
    manager, client = session
    cell, took = interrupted(manager, client, code, after=0.5)
    assert cell.status == "error"
    assert took < STOP_BUTTON_S, f"{code} went on {took:.1f}s after the stop button"
    still_serves(client)


@pytest.mark.deadline(60)
def test_build_f_names_what_is_there_when_it_is_no_regular_file(session, tmp_path, fifo):
    """-f of a folder, a device or a pipe said 'no such file or directory' with the hint for a missing
    Dockerfile: the file is there, it is only not a Dockerfile the kernel reads."""
    _, client = session
    context = tmp_path / "ctx"
    context.mkdir()
    for path, words, hint in ((tmp_path / "missing", "open {}: no such file or directory", "has no Dockerfile"),
                              (tmp_path, "read {}: is a directory", "regular file"),
                              ("/dev/zero", "read {}: not a regular file", "regular file"),
                              (fifo, "read {}: not a regular file", "regular file")):
        cell = execute(client, f"docker build -f {path} {context}")
        assert cell.status == "error"
        assert cell.error_text.startswith("ERROR: failed to solve: failed to read dockerfile: "
                                          + words.format(path)), cell.error_text
        assert hint in cell.error_text, cell.error_text
    still_serves(client)
