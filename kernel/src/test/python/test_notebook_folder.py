"""$PWD, ${PWD} and $(pwd) in a cell are the notebook's folder (issue 23): the kernel's working folder, as
Jupyter starts a notebook's kernel in the notebook's folder, not the environment's PWD (the folder the
server started in). The course mounts it with -v $(pwd):/usr/src/app; the engine reads the file there."""
import os
import uuid

from conftest import ROOT, execute, start_kernel, stop_kernel


def test_the_courses_mount_of_pwd_reads_the_notebooks_files():
    folder = os.path.join(ROOT, "target", "notebook-folder-" + uuid.uuid4().hex[:8], "앱 소스")
    os.makedirs(folder)
    with open(os.path.join(folder, "server.js"), "w") as f:
        f.write("console.log('hi')\n")
    # The environment's PWD is the server's folder, as under Jupyter: the kernel must not take it.
    manager, client = start_kernel(extra_env={"PWD": "/"}, cwd=folder)
    try:
        # The folder has a blank in it: quoted, as bash needs it too.
        cell = execute(client, 'docker run --rm -v "$(pwd)":/usr/src/app -w /usr/src/app busybox cat server.js')
        assert cell.status == "ok", cell.error_text
        assert cell.stream("stdout") == "console.log('hi')\n"
        for spelling in ['"$PWD"', '"${PWD}"', '"`pwd`"']:
            cell = execute(client, f"docker run --rm -v {spelling}:/src busybox ls /src")
            assert cell.status == "ok", (spelling, cell.error_text)
            assert cell.stream("stdout") == "server.js\n", spelling
        # Single quotes keep the text: docker sees the literal, as it would from bash.
        cell = execute(client, "docker run --rm busybox echo '$(pwd)' '$PWD'")
        assert cell.stream("stdout") == "$(pwd) $PWD\n"
        # Any other program in $( ) is still not run.
        cell = execute(client, "docker run --rm -v $(ls):/x busybox true")
        assert cell.status == "error"
        assert "ls: " in cell.error_text, cell.error_text
    finally:
        stop_kernel(manager, client)
