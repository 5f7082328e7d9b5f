#!/usr/bin/python3
"""install/classroom bench: N students run lessons 02 and 04 at the same time through the hub, each in
their own Notebook server and kernel (REST + kernel websocket, as the browser does), against one student
alone before and after (side by side in one run).

  install/classroom bench [--students N] [--lessons 02,04] [--steps 1,N]
  install/classroom bench --progress [--students 30] [--seconds 120]   (install/classroom.d/progress_bench.py)

It runs install/classroom start for N students first (it starts what is not running and loads lesson
images a student removed), so each run starts from the same images. Reports:
  cells     p50 and p95 of cell time (execute_request to the kernel's idle) alone and together, ratios
  errors    cells that ended in an error (a lesson cell tagged raises-exception must end in one)
  memory    per student, with the kernels open after the lessons: PSS of the server (JupyterLab's, or
            Notebook 6's with start --classic) + kernel,
            and of the engine (rootlesskit, slirp4netns, dockerd, containerd), from /proc/PID/smaps_rollup
            of the processes in the student's cgroups
  cpu       CPU seconds per student for the lessons (cpuacct of the student's cgroup)
  fit       students that fit 2 cores and 24 GiB, with the assumptions printed beside the figure
The exit status is 1 when a cell failed, else 0.
"""
import argparse
import os
import statistics
import subprocess
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import hub_session  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CLEANUP = "docker rm -f lesson2-hello lesson2-sleeper lesson4-box redis-server"


def percentile(values, p):
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    k = (len(ordered) - 1) * p / 100
    low, high = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (k - low)


def pss_kib(pid):
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            for line in f:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def cgroup_file(settings, controller, name, part, leaf):
    return os.path.join("/sys/fs/cgroup", controller, settings["cgroup_root"], name, part, leaf)


def student_memory_mib(settings, name):
    """PSS of the notebook part (server + kernels) and of the engine part, in MiB."""
    result = {}
    for part in ("notebook", "engine"):
        with open(cgroup_file(settings, "memory", name, part, "cgroup.procs")) as f:
            pids = [int(p) for p in f if p.strip()]
        result[part] = sum(pss_kib(p) for p in pids) / 1024
    return result


def cpu_seconds(settings, name):
    """CPU time of the student's notebook part (server + kernels) and engine part (engine + containers)."""
    result = {}
    for part in ("notebook", "engine"):
        with open(cgroup_file(settings, "cpuacct", name, part, "cpuacct.usage")) as f:
            result[part] = int(f.read()) / 1e9
    return result


class LessonRun:
    """One student running the lessons, each in a fresh kernel (as opening each notebook would)."""

    def __init__(self, classroom, name, token, lessons):
        self.server = classroom.server(name, token)
        self.name = name
        self.lessons = lessons
        self.cells = []        # (lesson, code, seconds)
        self.failures = []     # (lesson, code, what)
        self.kernel_starts = []
        self.open_kernel = None

    def run(self, barrier=None, hold=None):
        try:
            if barrier:
                barrier.wait()
            for i, (lesson, cells) in enumerate(self.lessons):
                t0 = time.perf_counter()
                kernel = self.server.start_kernel("docker")
                self.kernel_starts.append(time.perf_counter() - t0)
                kernel.execute(CLEANUP)
                for code, expects_error in cells:
                    # As nbclient sends it: a cell tagged raises-exception does not stop the cells after it.
                    cell = kernel.execute(code, stop_on_error=not expects_error)
                    self.cells.append((lesson, code, cell.seconds))
                    failed = cell.status != "ok"
                    if failed != expects_error:
                        self.failures.append((lesson, code, cell.errors[:1] or cell.status))
                if i == len(self.lessons) - 1 and hold:
                    self.open_kernel = kernel  # measured with its kernel open, then shut down
                else:
                    kernel.shutdown()
        except Exception as e:  # a broken run is reported as a failure, not a traceback per thread
            self.failures.append(("-", "-", f"{type(e).__name__}: {e}"))
        finally:
            if hold:
                hold.wait()
            if self.open_kernel:
                self.open_kernel.shutdown()


def ensure_classroom(students):
    """install/classroom start for at least N students: it starts what is not running and loads lesson
    images a student removed (lesson 03 removes hello-world), so every run starts from the same images."""
    tool = os.environ.get("CLASSROOM_TOOL", os.path.join(ROOT, "install", "classroom"))
    try:
        settings = hub_session.Classroom().settings
        command = [tool, "start", "--students", str(max(students, len(settings["students"]))),
                   "--account-prefix", settings["account_prefix"], "--no-setup"]
        if settings.get("frontend") == "classic":  # measured as it runs: JupyterLab or Notebook 6
            command.append("--classic")
    except (OSError, KeyError, ValueError):
        command = [tool, "start", "--students", str(students)]
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    return hub_session.Classroom()


def phase(classroom, names, tokens, lessons, settings):
    runs = [LessonRun(classroom, n, tokens[n], lessons) for n in names]
    barrier = threading.Barrier(len(runs))
    hold = threading.Barrier(len(runs) + 1)
    cpu0 = {n: cpu_seconds(settings, n) for n in names}
    t0 = time.perf_counter()
    threads = [threading.Thread(target=r.run, args=(barrier, hold)) for r in runs]
    for t in threads:
        t.start()
    # All ran their lessons; each still has its last kernel open: measure, then let them close.
    while hold.n_waiting < len(runs):  # every run reaches `hold`, failed or not
        time.sleep(0.1)
    wall = time.perf_counter() - t0
    cpu = {}
    for n in names:
        now = cpu_seconds(settings, n)
        cpu[n] = {part: now[part] - cpu0[n][part] for part in now}
    memory = {n: student_memory_mib(settings, n) for n in names}
    hold.wait()
    for t in threads:
        t.join()
    return runs, wall, cpu, memory


def summary(runs):
    seconds = [s for r in runs for (_, _, s) in r.cells]
    starts = [s for r in runs for s in r.kernel_starts]
    failures = [(r.name, *f) for r in runs for f in r.failures]
    return seconds, starts, failures


def main():
    parser = argparse.ArgumentParser(prog="install/classroom bench", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--students", type=int, default=10, help="students together (default 10)")
    parser.add_argument("--lessons", default="02,04", help="lesson numbers (default 02,04)")
    parser.add_argument("--steps", default=None, help="class sizes to run, e.g. 1,5,10 (default 1,N)")
    parser.add_argument("--class-minutes", type=float, default=10,
                        help="for the fit estimate: minutes of class in which a student runs the lessons once (default 10)")
    parser.add_argument("--progress", action="store_true",
                        help="instead: the progress service under --students (default 30) simulated students "
                             "posting checks for --seconds (install/classroom.d/progress_bench.py)")
    parser.add_argument("--seconds", type=float, default=120, help="with --progress: how long (default 120)")
    args = parser.parse_args()
    if os.geteuid() != 0:
        print("bench: run as root (it reads the classroom's tokens and cgroups)", file=sys.stderr)
        return 2
    if args.progress:
        import progress_bench
        students = args.students if "--students" in " ".join(sys.argv) else 30
        return progress_bench.run(students, args.seconds)
    steps = [int(s) for s in (args.steps or f"1,{args.students}").split(",")]
    lessons = []
    for number in args.lessons.split(","):
        path = next(os.path.join(ROOT, "notebooks", f) for f in sorted(os.listdir(os.path.join(ROOT, "notebooks")))
                    if f.startswith(number + "-"))
        lessons.append((os.path.basename(path), hub_session.lesson_cells(path)))

    classroom = ensure_classroom(max(steps))
    settings = classroom.settings
    names = classroom.students[:max(steps)]
    tokens = {}
    t0 = time.perf_counter()
    threads = [threading.Thread(target=classroom.start_server, args=(n,)) for n in names]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for n in names:
        tokens[n] = classroom.user_token(n)
    spawn_seconds = time.perf_counter() - t0
    # One unmeasured round for the first student: the first cells after an engine start are slower.
    phase(classroom, names[:1], tokens, lessons, settings)

    load0 = os.getloadavg()[0]
    results = {}
    order = [1] + [s for s in steps if s != 1] + [1]
    for i, size in enumerate(order):
        key = size if i < len(order) - 1 else "1 again"
        results[key] = phase(classroom, names[:size], tokens, lessons, settings)

    lesson_names = " ".join(name for name, _ in lessons)
    print(f"bench: lessons {lesson_names} through the hub at {classroom.base} in {settings.get('frontend', 'classic')} servers (one kernel per lesson); "
          f"{len(names)} servers started in {spawn_seconds:.1f}s; load average before {load0:.2f}")
    solo_seconds, _, _ = summary(results[1][0])
    solo_p50, solo_p95 = percentile(solo_seconds, 50), percentile(solo_seconds, 95)
    failed = 0
    for key, (runs, wall, cpu, memory) in results.items():
        seconds, starts, failures = summary(runs)
        failed += len(failures)
        p50, p95 = percentile(seconds, 50), percentile(seconds, 95)
        print(f"  {str(key):>8} student(s): {len(seconds):4} cells  p50 {p50 * 1000:7.0f} ms  p95 {p95 * 1000:7.0f} ms"
              f"  (x{p50 / solo_p50:4.1f}, x{p95 / solo_p95:4.1f} of alone)  kernel start p50 "
              f"{percentile(starts, 50) * 1000:5.0f} ms  wall {wall:5.1f} s  errors {len(failures)}")
        for name, lesson, code, what in failures[:5]:
            print(f"      error: {name} {lesson}: {code.splitlines()[0] if code else code!r}: {what}")
    largest = max(steps)
    runs, wall, cpu, memory = results[largest]
    notebook = statistics.mean(m["notebook"] for m in memory.values())
    engine = statistics.mean(m["engine"] for m in memory.values())
    cpu_notebook = statistics.mean(c["notebook"] for c in cpu.values())
    cpu_engine = statistics.mean(c["engine"] for c in cpu.values())
    cpu_each = cpu_notebook + cpu_engine
    alone = results[1][2]
    print(f"  memory per student ({largest} together, PSS, last kernel open): server + kernel {notebook:.0f} MiB, "
          f"engine {engine:.0f} MiB, total {notebook + engine:.0f} MiB")
    print(f"  cpu per student for the lessons ({largest} together): {cpu_each:.1f} s = server + kernels "
          f"{cpu_notebook:.1f} s + engine and containers {cpu_engine:.1f} s (cpuacct; alone "
          f"{statistics.mean(c['notebook'] + c['engine'] for c in alone.values()):.1f} s)")
    # The fit: memory with 2 GiB kept for the system and the hub; CPU from the CPU a student needs for
    # the lessons, spread over the class minutes in which they run them once.
    memory_fit = int((24 - 2) * 1024 // (notebook + engine))
    cpu_fit = int(2 * args.class_minutes * 60 // cpu_each) if cpu_each > 0 else 0
    print(f"  fit 2 cores / 24 GiB: memory {memory_fit} students (22 GiB for students); CPU {cpu_fit} students "
          f"when each runs lessons {args.lessons} once per {args.class_minutes:g} minutes; all at the same "
          f"moment, {largest} took x{percentile(summary(runs)[0], 95) / solo_p95:.1f} of alone at p95")
    print(f"bench: {failed} cell errors; load average after {os.getloadavg()[0]:.2f} (2 cores)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
