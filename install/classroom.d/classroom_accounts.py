"""The students' accounts: one Student per account (its engine's socket, network namespace, cgroups, the
commands that run as it), the accounts install/classroom creates, and stop --purge, which removes them."""
import grp
import os
import pwd
import secrets
import shutil
import signal
import socket
import subprocess
import time

from classroom_processes import is_ours, read_pid
from classroom_state import ENGINES_DIR, PASSWORDS, STATE, SYSTEM_PATH, fail, log, save_settings


class Student:
    """One account and everything that belongs to it: engine, network namespace, cgroups."""

    def __init__(self, name, cgroup_root):
        self.name = name
        entry = pwd.getpwnam(name)
        self.uid, self.gid, self.home = entry.pw_uid, entry.pw_gid, entry.pw_dir
        self.runtime_dir = f"/run/user/{self.uid}"
        self.socket = f"{self.runtime_dir}/docker.sock"
        self.docker_host = f"unix://{self.socket}"
        self.netns = f"classroom-{name}"
        self.pidfile = os.path.join(ENGINES_DIR, f"{name}.pid")
        self.logfile = os.path.join(ENGINES_DIR, f"{name}.log")
        self.cgroup_root = cgroup_root

    def cgroup(self, controller, part=None):
        path = os.path.join("/sys/fs/cgroup", controller, self.cgroup_root, self.name)
        return os.path.join(path, part) if part else path

    def env(self, **extra):
        env = {"HOME": self.home, "USER": self.name, "LOGNAME": self.name, "PATH": SYSTEM_PATH,
               "XDG_RUNTIME_DIR": self.runtime_dir, "LANG": "C.UTF-8"}
        env.update(extra)
        return env

    def as_me(self):
        """The command prefix that runs a program as this student (no PAM, no lingering parent)."""
        return ["setpriv", f"--reuid={self.uid}", f"--regid={self.gid}", "--init-groups", "--"]

    def docker(self, *args, **kwargs):
        return subprocess.run(self.as_me() + ["/usr/bin/docker", *args],
                              env=self.env(DOCKER_HOST=self.docker_host), cwd=self.home, **kwargs)

    def engine_answers(self):
        return ping(self.socket)

    def engine_pid(self):
        pid = read_pid(self.pidfile)
        return pid if is_ours(pid, uid=self.uid, program="rootlesskit") else None


def ping(socket_path):
    """True when a Docker engine answers /_ping on this unix socket (as root: no permission check)."""
    try:
        with socket.socket(socket.AF_UNIX) as s:
            s.settimeout(2)
            s.connect(socket_path)
            s.sendall(b"GET /_ping HTTP/1.0\r\nHost: docker\r\n\r\n")
            return s.recv(4096).split(b"\r\n", 1)[0].endswith(b"200 OK")
    except OSError:
        return False


def account_names(prefix, count):
    return [f"{prefix}{i}" for i in range(1, count + 1)]


def create_accounts(settings, names):
    """Creates the accounts that are missing; an existing account this tool did not create is refused,
    so that a classroom never takes over (or later deletes) somebody's own account."""
    new_passwords = []
    for name in names:
        try:
            pwd.getpwnam(name)
            if name not in settings["created_accounts"]:
                fail(f"the account {name} exists and was not made by install/classroom; "
                     f"choose another --account-prefix")
            continue
        except KeyError:
            pass
        # HOME_MODE 0700: a student cannot read another's home (useradd's default here is 0755).
        subprocess.run(["useradd", "--create-home", "--shell", "/bin/bash", "-K", "HOME_MODE=0700",
                        "--comment", "docker classroom", name], check=True)
        settings["created_accounts"].append(name)
        save_settings(settings)
        password = secrets.token_urlsafe(9)
        subprocess.run(["chpasswd"], input=f"{name}:{password}\n", text=True, check=True)
        with open(os.open(PASSWORDS, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600), "a") as f:
            f.write(f"{name} {password}\n")
        new_passwords.append((name, password))
    return new_passwords


def end_processes_of(uid, patience=10.0):
    """Whatever still runs as this account (it is ours: we created the account) ends first. Killed
    more than once and waited for: a process may be forking as it is killed, and one that is killed
    is still in /proc until its parent has reaped it."""
    deadline = time.monotonic() + patience
    while True:
        left = []
        for pid in [int(p) for p in os.listdir("/proc") if p.isdigit()]:
            try:
                if os.stat(f"/proc/{pid}").st_uid == uid:
                    left.append(pid)
                    os.kill(pid, signal.SIGKILL)
            except (FileNotFoundError, ProcessLookupError):
                pass
        if not left or time.monotonic() > deadline:
            return left
        time.sleep(0.2)


def purge(settings):
    for name in settings.get("created_accounts", []):
        try:
            entry = pwd.getpwnam(name)
        except KeyError:
            continue
        end_processes_of(entry.pw_uid)
        subprocess.run(["userdel", "--remove", name], check=False, stderr=subprocess.DEVNULL)
        # Files of the engine's containers belong to the student's subordinate ids: userdel leaves them.
        shutil.rmtree(entry.pw_dir, ignore_errors=True)
        shutil.rmtree(f"/run/user/{entry.pw_uid}", ignore_errors=True)
        try:
            grp.getgrnam(name)
            subprocess.run(["groupdel", name], check=False, stderr=subprocess.DEVNULL)
        except KeyError:
            pass
    shutil.rmtree(STATE, ignore_errors=True)
    log(f"purged: accounts {' '.join(settings.get('created_accounts', [])) or '(none)'} and {STATE}")
