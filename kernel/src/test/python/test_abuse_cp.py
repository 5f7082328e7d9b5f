"""Issue 9, docker cp copies out faithfully: file types (symlinks, hard links, FIFOs) and permission
bits arrive as the docker CLI 28.2 makes them from the same engine; `cp c:/f -` is the engine's tar on
stdout; a missing parent folder is the CLI's error; nothing is ever written outside the destination."""
import os
import stat

import pytest

from abuse import english_kernel, unique, wait_until
from conftest import cli, execute, stop_kernel

SETUP = ("mkdir -p /d /e && echo hello > /d/f && ln -s f /d/s && ln -s /etc/hostname /d/abs && ln /d/f /d/h "
         "&& mkfifo /d/p && echo secret > /d/m600 && chmod 600 /d/m600 && echo run > /d/m755 && chmod 755 /d/m755 "
         "&& mkdir /d/sub && chmod 700 /d/sub && echo deep > /d/sub/g && touch /ready && sleep 3600")


@pytest.fixture(scope="module")
def cwd(tmp_path_factory):
    return tmp_path_factory.mktemp("cp-kernel-cwd")


@pytest.fixture(scope="module")
def session(cwd):
    manager, client = english_kernel(cwd=cwd)
    yield manager, client
    stop_kernel(manager, client)


@pytest.fixture(scope="module")
def box(session):
    _, client = session
    name = unique("cp")
    assert execute(client, f"docker run -d --name {name} busybox sh -c '{SETUP}'").status == "ok"
    assert wait_until(lambda: cli("exec", name, "test", "-e", "/ready").returncode == 0, 20)
    yield name
    cli("rm", "-f", name)


def describe(root):
    """Each path under root (root itself included): its type, permission bits, link target or content,
    and which paths share an inode (hard links)."""
    entries, inodes = {}, {}
    if not os.path.lexists(root):
        return entries, []
    walk = os.walk(root) if stat.S_ISDIR(os.lstat(root).st_mode) else [(str(root), [], [])]
    for folder, dirs, files in walk:
        for path in [folder] + [os.path.join(folder, n) for n in dirs + files]:
            rel = os.path.relpath(path, root)
            st = os.lstat(path)
            kind = stat.S_IFMT(st.st_mode)
            detail = None
            if stat.S_ISLNK(st.st_mode):
                detail = os.readlink(path)
            elif stat.S_ISREG(st.st_mode):
                detail = open(path, "rb").read()
                inodes.setdefault(st.st_ino, []).append(rel)
            entries[rel] = (stat.filemode(st.st_mode), kind, stat.S_IMODE(st.st_mode), detail)
    links = sorted(sorted(group) for group in inodes.values() if len(group) > 1)
    return entries, links


def both_copy(session, tmp_path, source, dest_name="out"):
    """The same `docker cp` by the CLI and by the kernel, each into a fresh folder."""
    _, client = session
    by_cli, by_kernel = tmp_path / "cli", tmp_path / "kernel"
    by_cli.mkdir()
    by_kernel.mkdir()
    assert cli("cp", source, str(by_cli / dest_name)).returncode == 0
    cell = execute(client, f"docker cp {source} {by_kernel / dest_name}")
    assert cell.status == "ok", cell.error_text
    return describe(by_cli / dest_name), describe(by_kernel / dest_name)


@pytest.mark.deadline(60)
def test_a_folder_arrives_as_the_cli_makes_it(session, box, tmp_path):
    (cli_entries, cli_links), (kernel_entries, kernel_links) = both_copy(session, tmp_path, f"{box}:/d")
    assert kernel_entries == cli_entries
    assert kernel_links == cli_links


@pytest.mark.deadline(60)
@pytest.mark.parametrize("path,kind", [("s", stat.S_IFLNK), ("abs", stat.S_IFLNK), ("p", stat.S_IFIFO)])
def test_special_files_keep_their_type(session, box, tmp_path, path, kind):
    (cli_entries, _), (kernel_entries, _) = both_copy(session, tmp_path, f"{box}:/d/{path}")
    assert cli_entries["."][1] == kind
    assert kernel_entries.get(".") == cli_entries["."]


@pytest.mark.deadline(60)
def test_hard_links_stay_linked(session, box, tmp_path):
    _, (kernel_entries, kernel_links) = both_copy(session, tmp_path, f"{box}:/d")
    assert ["f", "h"] in kernel_links, "a hard link arrived as a separate file"


@pytest.mark.deadline(60)
@pytest.mark.parametrize("path,mode", [("m600", 0o600), ("m755", 0o755), ("sub", 0o700)])
def test_permission_bits_are_kept(session, box, tmp_path, path, mode):
    (cli_entries, _), (kernel_entries, _) = both_copy(session, tmp_path, f"{box}:/d/{path}")
    assert cli_entries["."][2] == mode
    assert kernel_entries["."][:3] == cli_entries["."][:3], \
        f"/d/{path} ({oct(mode)}) arrived as {kernel_entries['.'][0]}"


@pytest.mark.deadline(60)
def test_copy_to_dash_writes_the_engines_tar_to_stdout(session, box, cwd):
    _, client = session
    reference = cli("cp", f"{box}:/d/f", "-").stdout
    assert reference[:1] == b"f" and len(reference) >= 1024
    cell = execute(client, f"docker cp {box}:/d/f -")
    assert cell.status == "ok", cell.error_text
    assert not (cwd / "-").exists(), "`docker cp c:/f -` wrote a file named '-'"
    assert cell.stream("stdout").encode("utf-8") == reference


@pytest.mark.deadline(60)
def test_a_missing_parent_folder_is_the_clis_error(session, box, tmp_path):
    _, client = session
    dest = tmp_path / "missing" / "deeper" / "f"
    reference = cli("cp", f"{box}:/d/f", str(dest)).stderr.decode().strip()
    assert reference.startswith("invalid output path")
    cell = execute(client, f"docker cp {box}:/d/f {dest}")
    assert cell.status == "error"
    assert cell.error["traceback"][0] == reference
    assert not (tmp_path / "missing").exists()


@pytest.mark.deadline(60)
def test_nothing_is_written_outside_the_destination(session, tmp_path):
    """A symlink in the container that points outside the destination, then a folder in its place:
    copied twice, the second copy must not follow the first copy's link out of the destination."""
    _, client = session
    outside = tmp_path / "outside"
    outside.mkdir()
    dest = tmp_path / "dest"
    dest.mkdir()
    name = unique("cpx")
    try:
        script = f"mkdir /e && ln -s {outside} /e/sub && touch /ready && sleep 3600"
        assert execute(client, f"docker run -d --name {name} busybox sh -c '{script}'").status == "ok"
        assert wait_until(lambda: cli("exec", name, "test", "-e", "/ready").returncode == 0, 20)
        execute(client, f"docker cp {name}:/e {dest}")
        cli("exec", name, "sh", "-c", "rm /e/sub && mkdir /e/sub && echo planted > /e/sub/planted")
        execute(client, f"docker cp {name}:/e {dest}")
        cli("exec", name, "sh", "-c", "rm -r /e/sub && ln -s ../../../../../../../../.. /e/up && mkdir /e/dir "
                                      "&& echo x > /e/dir/file")
        execute(client, f"docker cp {name}:/e {dest}")
        assert list(outside.iterdir()) == [], "docker cp wrote outside its destination"
        for folder, _, files in os.walk(tmp_path):
            assert os.path.realpath(folder).startswith(str(tmp_path))
    finally:
        cli("rm", "-f", name)
