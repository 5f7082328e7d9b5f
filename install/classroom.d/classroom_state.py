"""The classroom's state on disk, at the bottom of install/classroom's modules (they import it; it imports
none of them): where everything lives (DOCKER_CLASSROOM_STATE, default /var/lib/docker-classroom), the
settings file (hub/classroom.json), and the tool's messages."""
import json
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
HERE = os.path.join(ROOT, "install", "classroom.d")
TOOL = os.path.join(ROOT, "install", "classroom")  # the entry point (settings["tool"]: the progress service runs it)


STATE = os.environ.get("DOCKER_CLASSROOM_STATE", "/var/lib/docker-classroom")
HUB_DIR = os.path.join(STATE, "hub")          # root only: settings, passwords, hub database, logs
ENGINES_DIR = os.path.join(STATE, "engines")  # root only: engine pid files and logs
SHARED_DIR = os.path.join(STATE, "shared")    # readable by students: kernel jar, kernelspec, images, lessons
SETTINGS = os.path.join(HUB_DIR, "classroom.json")
PASSWORDS = os.path.join(HUB_DIR, "passwords")
IMAGES_TAR = os.path.join(SHARED_DIR, "lesson-images.tar")
LECTURER_LESSONS = os.path.join(HUB_DIR, "lessons")  # root only: the lessons with their solutions
LESSON_IMAGES = ["hello-world:latest", "busybox:latest", "redis:latest", "node:latest", "nginx:latest", "mariadb:latest",
                 "registry:latest"]
ROOTLESS_SCRIPT = "/usr/share/docker.io/contrib/dockerd-rootless.sh"
CGROUP_CONTROLLERS = ["memory", "pids", "cpu", "cpuacct"]
SYSTEM_PATH = "/usr/sbin:/usr/bin:/sbin:/bin"


HANDED_OUT = os.path.join(HUB_DIR, "lessons-handed-out.json")


def log(message):
    print(f"classroom: {message}", file=sys.stderr, flush=True)


def fail(message):
    log(message)
    sys.exit(1)


# ------------------------------------------------------------------------------------------ settings


def load_settings():
    try:
        with open(SETTINGS, encoding="utf-8") as f:
            return json.load(f)
    except FileNotFoundError:
        return None


def save_settings(settings):
    tmp = SETTINGS + ".tmp"
    with open(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "w", encoding="utf-8") as f:
        json.dump(settings, f, indent=2)
    os.replace(tmp, SETTINGS)


def write(path, value):
    with open(path, "w") as f:
        f.write(str(value))
