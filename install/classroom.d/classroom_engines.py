"""Each student's rootless dockerd: the tun device it needs, its cgroups (memory, pids, cpu), its network
namespace with loopback only, the engine and the port dialer started as the student, the lesson images
loaded, and all of it stopped again."""
import os
import signal
import stat
import subprocess
import time

import classroom_lab  # the port dialer's socket
from classroom_processes import alive, cgroup_pids, end_process, is_ours, read_pid
from classroom_state import (CGROUP_CONTROLLERS, ENGINES_DIR, IMAGES_TAR, LESSON_IMAGES, ROOTLESS_SCRIPT,
                             SHARED_DIR, fail, log, save_settings, write)


def ensure_tun_device(settings):
    """rootlesskit makes each engine's network device through /dev/net/tun, which is 0600 here (0666,
    its usual mode, on a desktop). The mode it had is kept, and stop puts it back."""
    mode = stat.S_IMODE(os.stat("/dev/net/tun").st_mode)
    if mode & 0o006 != 0o006:
        if settings.get("tun_mode_before") is None:
            settings["tun_mode_before"] = mode
            save_settings(settings)
        os.chmod("/dev/net/tun", 0o666)


def make_cgroups(student, limits):
    """memory, pids, cpu and cpuacct groups per student (cgroup v1 here): <student>/engine holds the
    rootless engine and every container in it (rootless runc on cgroup v1 makes no groups of its own, so
    the containers stay where the engine is); <student>/notebook holds the Notebook server and kernels."""
    for controller in CGROUP_CONTROLLERS:
        for part in ("engine", "notebook"):
            os.makedirs(student.cgroup(controller, part), exist_ok=True)
    write(os.path.join(student.cgroup("memory", "engine"), "memory.limit_in_bytes"), limits["engine_memory"])
    write(os.path.join(student.cgroup("memory", "notebook"), "memory.limit_in_bytes"), limits["notebook_memory"])
    write(os.path.join(student.cgroup("pids", "engine"), "pids.max"), limits["engine_pids"])
    write(os.path.join(student.cgroup("pids", "notebook"), "pids.max"), limits["notebook_pids"])
    # The student's CPU: a quota over engine and notebook together, and an equal share when busy.
    write(os.path.join(student.cgroup("cpu"), "cpu.cfs_period_us"), 100000)
    write(os.path.join(student.cgroup("cpu"), "cpu.cfs_quota_us"), int(limits["cpus"] * 100000))


def remove_cgroups(cgroup_root, names):
    for controller in CGROUP_CONTROLLERS:
        for name in names:
            base = os.path.join("/sys/fs/cgroup", controller, cgroup_root, name)
            for part in ("engine", "notebook", ""):
                try:
                    os.rmdir(os.path.join(base, part) if part else base)
                except FileNotFoundError:
                    pass
                except OSError as e:
                    log(f"cannot remove {base}/{part}: {e}")
        try:
            os.rmdir(os.path.join("/sys/fs/cgroup", controller, cgroup_root))
        except OSError:
            pass


def ensure_netns(name):
    """A network namespace with only loopback: the engine's slirp4netns has no route off the machine."""
    if not os.path.exists(f"/run/netns/{name}"):
        subprocess.run(["ip", "netns", "add", name], check=True)
    subprocess.run(["ip", "-n", name, "link", "set", "lo", "up"], check=True)


def start_engine(student):
    """Starts the student's rootless dockerd and returns the Popen, or None when it runs already (an
    engine still starting is waited for, never started twice)."""
    if student.engine_pid():
        return None
    if not os.path.isdir(student.runtime_dir):
        os.makedirs(student.runtime_dir)
    os.chown(student.runtime_dir, student.uid, student.gid)
    os.chmod(student.runtime_dir, 0o700)
    ensure_netns(student.netns)
    procs = [os.path.join(student.cgroup(c, "engine"), "cgroup.procs") for c in CGROUP_CONTROLLERS]

    def join_cgroups():
        pid = str(os.getpid())
        for path in procs:
            with open(path, "w") as f:
                f.write(pid)

    logfile = open(student.logfile, "ab")
    # nsenter --net only (not `ip netns exec`, which remounts /sys); setpriv execs, so the pid we keep
    # is rootlesskit's. --pidns: `docker run --pid host` then sees the student's engine, not the machine.
    proc = subprocess.Popen(
        ["nsenter", f"--net=/run/netns/{student.netns}", *student.as_me(),
         ROOTLESS_SCRIPT, "--storage-driver", "overlay2"],
        env=student.env(DOCKERD_ROOTLESS_ROOTLESSKIT_FLAGS="--pidns"), cwd=student.home,
        stdin=subprocess.DEVNULL, stdout=logfile, stderr=logfile, preexec_fn=join_cgroups,
        start_new_session=True)
    logfile.close()
    write(student.pidfile, proc.pid)
    return proc


def start_port_dialer(student):
    """The student's port dialer (install/classroom.d/port_dialer.py): as the student, in the engine's
    network namespace and cgroups, answering on /run/user/UID/docker-ports.sock; the student's server
    opens /proxy/PORT/ through it."""
    pidfile = os.path.join(ENGINES_DIR, f"{student.name}-ports.pid")
    if is_ours(read_pid(pidfile), uid=student.uid, program="port_dialer"):
        return
    procs = [os.path.join(student.cgroup(c, "engine"), "cgroup.procs") for c in CGROUP_CONTROLLERS]

    def join_cgroups():
        for path in procs:
            with open(path, "w") as f:
                f.write(str(os.getpid()))

    with open(student.logfile, "ab") as logfile:
        proc = subprocess.Popen(
            ["nsenter", f"--net=/run/netns/{student.netns}", *student.as_me(), "/usr/bin/python3",
             os.path.join(SHARED_DIR, "lab", "port_dialer.py"), classroom_lab.ports_socket(student.uid)],
            env=student.env(), cwd=student.home, stdin=subprocess.DEVNULL, stdout=logfile, stderr=logfile,
            preexec_fn=join_cgroups, start_new_session=True)
    write(pidfile, proc.pid)


def stop_port_dialer(student):
    pidfile = os.path.join(ENGINES_DIR, f"{student.name}-ports.pid")
    pid = read_pid(pidfile)
    if is_ours(pid, uid=student.uid, program="port_dialer"):
        end_process(pid, 10, f"the port dialer of {student.name}")
    for path in (pidfile, classroom_lab.ports_socket(student.uid)):
        try:
            os.remove(path)
        except FileNotFoundError:
            pass


def wait_for_engines(started, timeout=90):
    deadline = time.monotonic() + timeout
    for student, proc in started:
        while not student.engine_answers():
            if proc is not None and proc.poll() is not None:
                tail = open(student.logfile, errors="replace").read()[-2000:]
                fail(f"the engine of {student.name} exited; the end of {student.logfile}:\n{tail}")
            if time.monotonic() > deadline:
                fail(f"the engine of {student.name} did not answer within {timeout}s; see {student.logfile}")
            time.sleep(0.2)


def load_images(student):
    have = student.docker("image", "inspect", *LESSON_IMAGES, capture_output=True).returncode == 0
    if not have:
        student.docker("load", "-q", "-i", IMAGES_TAR, check=True, stdout=subprocess.DEVNULL)


def stop_engines(students):
    """SIGTERM to every engine at once (rootlesskit passes it to dockerd, which stops the containers;
    their state stays on disk), then wait for each; whatever is left in an engine's cgroup was started
    by that engine and ends by pid."""
    pids = {}
    for student in students:
        pid = read_pid(student.pidfile)
        if is_ours(pid, uid=student.uid, program="rootlesskit"):
            os.kill(pid, signal.SIGTERM)
            pids[student.name] = pid
    for student in students:
        end_process(pids.get(student.name), 40, f"the engine of {student.name}", signalled=True)
        for leftover in cgroup_pids(student.cgroup("pids", "engine")):
            if alive(leftover):
                os.kill(leftover, signal.SIGKILL)
        try:
            os.remove(student.pidfile)
        except FileNotFoundError:
            pass
