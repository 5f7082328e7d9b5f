"""install/lib/common.sh, the shell library install/'s scripts source: the package checks, the
apt-get step (apt-get and id stubbed as shell functions) and the engine check against a fake
engine socket (fast, no kernel, no engine, nothing installed)."""
import http.server
import os
import socketserver
import subprocess
import threading

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", "..", ".."))
LIB = os.path.join(ROOT, "install", "lib", "common.sh")


def bash(script, **env):
    return subprocess.run(["bash", "-c", f'set -euo pipefail; . "{LIB}"\n{script}'], capture_output=True,
                          text=True, env={**os.environ, **env}, timeout=30)


def test_needs_are_collected_only_for_what_is_missing():
    done = bash("""
need_command sh never-added
need_command no-such-command-here pkg-a pkg-b
need_python json never-added
need_python 'json, no_such_module_here' pkg-c
need_path / never-added
need_path /no/such/path pkg-d
echo "${NEED[*]}"
""")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "pkg-a pkg-b pkg-c pkg-d"


def test_the_interpreter_is_debians():
    assert bash('echo "$PYTHON"').stdout.strip() == "/usr/bin/python3"


def test_install_packages_runs_apt_get_as_root_and_keeps_stdout_clean():
    done = bash("""
id() { echo 0; }
apt-get() { echo "apt-get $*" >&2; echo "noise on stdout"; }
install_packages who
echo "after nothing"
install_packages who pkg-a pkg-b
""")
    assert done.returncode == 0, done.stderr
    assert done.stdout == "after nothing\n"
    assert "who: installing pkg-a pkg-b" in done.stderr
    assert "apt-get -o DPkg::Lock::Timeout=300 update -qq" in done.stderr
    assert "apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends pkg-a pkg-b" in done.stderr


def test_install_packages_tells_a_user_who_is_not_root_and_ends():
    done = bash("""
id() { echo 1000; }
apt-get() { echo "apt-get ran" >&2; }
install_packages who pkg-a
echo "not reached"
""")
    assert done.returncode == 1
    assert done.stdout == ""
    assert done.stderr == "who: pkg-a missing; installing them needs root (apt-get): run as root\n"


class Ping(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        ok = self.path == "/_ping"
        self.send_response(200 if ok else 404)
        self.end_headers()
        self.wfile.write(b"OK" if ok else b"")

    def log_message(self, *args):
        pass


class UnixServer(socketserver.ThreadingMixIn, socketserver.UnixStreamServer):
    daemon_threads = True

    def get_request(self):
        request, _ = super().get_request()
        return request, ("local", 0)


def test_engine_answers_a_fake_engine_and_not_a_missing_one(tmp_path):
    sock = str(tmp_path / "docker.sock")
    server = UnixServer(sock, Ping)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        assert bash(f'engine_answers "unix://{sock}"').returncode == 0
        assert bash(f'engine_answers "unix://{tmp_path}/none.sock"').returncode != 0
        assert bash(f'engine_answers "unix://{tmp_path}"').returncode != 0  # a folder is no socket
        assert bash('engine_answers "ssh://host"').returncode != 0
    finally:
        server.shutdown()
        server.server_close()
