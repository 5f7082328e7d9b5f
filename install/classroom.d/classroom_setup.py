"""Set-up of what every student shares: the Debian packages, the kernel jar (install/setup --private-engine)
and its class archive and kernelspec, the lesson images' tarball, JupyterLab with the port proxy and dialer,
and the lessons handed out into each home (install/classroom.d/publish.py)."""
import os
import shutil
import subprocess

import classroom_lab  # JupyterLab in the students' servers
import publish  # the lessons handed out: students' copies without solutions, the publish rule
from classroom_state import (HANDED_OUT, HUB_DIR, IMAGES_TAR, LECTURER_LESSONS, LESSON_IMAGES, ROOT,
                             ROOTLESS_SCRIPT, SHARED_DIR, STATE, SYSTEM_PATH, fail, log)


PACKAGES = {  # command or file -> Debian package
    "/usr/bin/jupyterhub": "jupyterhub",
    "/usr/bin/newuidmap": "uidmap",
    "/usr/bin/rootlesskit": "rootlesskit",
    "/usr/bin/slirp4netns": "slirp4netns",
    ROOTLESS_SCRIPT: "docker.io",
    "/usr/bin/setpriv": "util-linux",
    "/usr/bin/nsenter": "util-linux",
    "/usr/sbin/useradd": "passwd",
    "/usr/sbin/chpasswd": "passwd",
    "/usr/bin/curl": "curl",
    "/usr/bin/ip": "iproute2",
    "/usr/lib/python3/dist-packages/websocket/__init__.py": "python3-websocket",  # bench's kernel client
}


def ensure_packages():
    missing = sorted({pkg for path, pkg in PACKAGES.items() if not os.path.exists(path)})
    if missing:
        log(f"installing {' '.join(missing)}")
        apt = ["apt-get", "-o", "DPkg::Lock::Timeout=600"]
        subprocess.run(apt + ["update", "-qq"], check=True)
        subprocess.run(apt + ["install", "-y", "-qq", "--no-install-recommends", *missing], check=True,
                       env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"}, stdout=subprocess.DEVNULL)


def build_kernel_and_images(run_setup):
    """install/setup --private-engine: the jar, the private engine and the lesson images in it.
    Returns the private engine's DOCKER_HOST (target/engine.env)."""
    if run_setup:
        subprocess.run([os.path.join(ROOT, "install", "setup"), "--private-engine"], check=True,
                       stdout=subprocess.DEVNULL)
    elif not os.path.exists(os.path.join(ROOT, "kernel", "target", "docker-kernel.jar")):
        fail("--no-setup: there is no kernel/target/docker-kernel.jar; run install/setup --private-engine")
    with open(os.path.join(ROOT, "target", "engine.env")) as f:
        values = dict(line.strip().split("=", 1) for line in f if "=" in line)
    return values["DOCKER_HOST"]


def install_shared(private_host, with_archive):
    """What every student reads: the kernel jar and its kernelspec, the images tarball, the lessons."""
    for path in (STATE, SHARED_DIR):
        os.makedirs(path, exist_ok=True)
        os.chmod(path, 0o755)
    kernel_dir = os.path.join(SHARED_DIR, "kernel")
    os.makedirs(kernel_dir, 0o755, exist_ok=True)
    jar = os.path.join(ROOT, "kernel", "target", "docker-kernel.jar")
    shared_jar = os.path.join(kernel_dir, "docker-kernel.jar")
    if not os.path.exists(shared_jar) or os.path.getmtime(jar) > os.path.getmtime(shared_jar):
        shutil.copy2(jar, shared_jar + ".tmp")
        os.replace(shared_jar + ".tmp", shared_jar)
    os.chmod(shared_jar, 0o644)
    stale = shared_jar[:-len(".jar")] + ".jsa"  # where an archive was made before, which no kernel used
    if os.path.exists(stale):
        os.remove(stale)
    # The kernel's own installer, from the shared jar, into the classroom's Jupyter path (not the
    # machine's): the hub gives its servers JUPYTER_PATH=<this>/share/jupyter. It copies the jar into
    # each kernelspec, and a new jar drops that copy's archive.
    prefix = os.path.join(SHARED_DIR, "jupyter")
    subprocess.run(["java", "-jar", shared_jar, "install", "--prefix", prefix, "--replace"], check=True,
                   stdout=subprocess.DEVNULL, env={"PATH": SYSTEM_PATH, "HOME": "/root", "LANG": "C.UTF-8"})
    # The AppCDS archive of each kernelspec's copy, made as install/setup makes the machine's (about 1
    # CPU second less per kernel start): an archive names the jar it was made for, so one made for the
    # shared jar (as before) never served the kernelspecs' copies.
    kernels = [os.path.join(prefix, "share", "jupyter", "kernels", name) for name in ("docker", "docker-lessons")]
    kernels = [k for k in kernels if os.path.isdir(k)]
    if with_archive:
        log("making the class archive of the classroom's kernelspecs")
        trained = subprocess.run([os.path.join(ROOT, "install", "cds-archive"), "--if-stale", *kernels],
                                 env={"PATH": SYSTEM_PATH, "HOME": "/root", "LANG": "C.UTF-8",
                                      "DOCKER_HOST": private_host, "PYDEVD_DISABLE_FILE_VALIDATION": "1"},
                                 capture_output=True, text=True)
        if trained.returncode != 0:
            log("no class archive (kernels start without it): " + trained.stderr[-500:])
    else:
        for kernel in kernels:
            for name in ("docker-kernel.jsa", "docker-kernel.jsa.jvm"):
                if os.path.exists(os.path.join(kernel, name)):
                    os.remove(os.path.join(kernel, name))
    for dirpath, dirnames, filenames in os.walk(prefix):
        os.chmod(dirpath, 0o755)
        for name in filenames:
            os.chmod(os.path.join(dirpath, name), 0o644)

    # One tarball of the lesson images, saved again only when an image in the private engine changed.
    env = {"PATH": SYSTEM_PATH, "DOCKER_HOST": private_host, "HOME": "/root",
           "DOCKER_CONFIG": os.path.join(HUB_DIR, "docker-config")}
    ids = subprocess.run(["/usr/bin/docker", "image", "inspect", "-f", "{{.Id}}", *LESSON_IMAGES],
                         env=env, check=True, capture_output=True, text=True).stdout
    ids_file = IMAGES_TAR + ".ids"
    if not os.path.exists(IMAGES_TAR) or not os.path.exists(ids_file) or open(ids_file).read() != ids:
        log(f"saving {' '.join(LESSON_IMAGES)} to {IMAGES_TAR}")
        subprocess.run(["/usr/bin/docker", "save", "-o", IMAGES_TAR + ".tmp", *LESSON_IMAGES], env=env, check=True)
        os.chmod(IMAGES_TAR + ".tmp", 0o644)
        os.replace(IMAGES_TAR + ".tmp", IMAGES_TAR)
        with open(ids_file, "w") as f:
            f.write(ids)

    publish.share_lessons(os.path.join(ROOT, "notebooks"), os.path.join(SHARED_DIR, "lessons"), LECTURER_LESSONS)
    return os.path.join(prefix, "share", "jupyter")


def install_lab(settings):
    """JupyterLab (install/lab/build, a second in seconds once built) and the port proxy and dialer,
    into the shared folder."""
    build = None
    if settings["frontend"] == "lab":
        build = subprocess.run([os.path.join(ROOT, "install", "lab", "build")], check=True,
                               capture_output=True, text=True).stdout.strip().splitlines()[-1]
    classroom_lab.install(settings, ROOT, build)


def hand_out_lessons(roster, add_only, lecturers=()):
    """The lessons into each ~/lessons (install/classroom.d/publish.py); with add_only a lesson the
    student already has is left alone (start), else the publish rule applies. Students get the shared
    copies without solutions; the lecturers the full ones (LECTURER_LESSONS, root only)."""
    staging = os.path.join(HUB_DIR, "publish-staging")
    students = [(s.name, s.home, s.uid, s.gid) for s in roster if s.name not in lecturers]
    report = publish.publish(students, os.path.join(SHARED_DIR, "lessons"), HANDED_OUT, staging, add_only=add_only)
    teachers = [(s.name, s.home, s.uid, s.gid) for s in roster if s.name in lecturers]
    if teachers:
        report.update(publish.publish(teachers, LECTURER_LESSONS, HANDED_OUT, staging, add_only=add_only,
                                      copy=publish.lecturer_copy))
    return report
