#!/usr/bin/python3
"""install/classroom progress | recheck | release-solutions: the lecturer's tools on the server.

  install/classroom progress [--csv]
      every student by every exercise: status (passed / failing / not tried), attempts, first_passed,
      last_tried; --csv prints student,lesson,exercise,status,attempts,first_passed,last_tried
  install/classroom recheck [--student NAME] [--lesson FILE]
      runs the lessons' checks again, as the server, against each student's own engine (the kernel
      jar's check runner, run as the student), and records them as rechecked beside what the
      student's kernel reported; prints where they differ
  install/classroom release-solutions FILE
      the students may now see that lesson's solutions with %solution

It reads the classroom's state (DOCKER_CLASSROOM_STATE, default /var/lib/docker-classroom); the
database is the progress service's (install/classroom.d/progress_store.py).
"""
import argparse
import concurrent.futures
import json
import os
import pwd
import subprocess
import sys
import urllib.error
import urllib.request
import uuid

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.dont_write_bytecode = True  # nothing written into the work tree
import classroom_state  # noqa: E402
import lessonbook  # noqa: E402
import progress_store  # noqa: E402
from classroom_state import STATE, SYSTEM_PATH, fail  # noqa: E402


def load_settings():
    settings = classroom_state.load_settings()
    if settings is None:
        fail("not set up (install/classroom start)")
    return settings


def service(settings, path, body):
    """POSTs to the progress service as install/classroom (the hub's "classroom" service); None when
    the hub or the service does not answer."""
    request = urllib.request.Request(
        f"http://127.0.0.1:{settings['port']}/services/progress/{path}", method="POST",
        data=json.dumps(body).encode(), headers={"Authorization": f"token {settings['service_token']}",
                                                 "Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return json.loads(response.read() or b"{}")
    except (OSError, ValueError):
        return None


def catalogue(settings):
    return lessonbook.catalogue(settings.get("lecturer_lessons") or os.path.join(STATE, "hub", "lessons"))


def cmd_progress(args):
    settings = load_settings()
    db = progress_store.connect(STATE)
    rows = progress_store.rows(db, settings["students"], catalogue(settings))
    if args.csv:
        sys.stdout.write(progress_store.csv_text(rows))
        return 0
    widths = {c: max([len(c)] + [len(str(r[c])) for r in rows]) for c in progress_store.COLUMNS}
    print("  ".join(c.ljust(widths[c]) for c in progress_store.COLUMNS) + "  rechecked")
    for r in rows:
        mark = "" if not r.get("rechecked") else r["rechecked"] + (" DIFFERS" if r.get("differs") else "")
        print("  ".join(str(r[c]).ljust(widths[c]) for c in progress_store.COLUMNS) + "  " + mark)
    return 0


def run_checks(settings, name, lessons):
    """The check runner as the student, against the student's own engine: [(lesson result JSON)]."""
    entry = pwd.getpwnam(name)
    jar = os.path.join(STATE, "shared", "kernel", "docker-kernel.jar")
    host = f"unix:///run/user/{entry.pw_uid}/docker.sock"
    argv = ["setpriv", f"--reuid={entry.pw_uid}", f"--regid={entry.pw_gid}", "--init-groups", "--",
            "java", "-Xmx128m", "-XX:TieredStopAtLevel=1", "-jar", jar, "check", "--host", host]
    for lesson in lessons:
        argv += ["--lesson", lesson]
    env = {"PATH": SYSTEM_PATH, "HOME": entry.pw_dir, "LANG": "C.UTF-8", "DOCKER_KERNEL_LANG": "ko"}
    result = subprocess.run(argv, env=env, cwd=entry.pw_dir, capture_output=True, text=True, timeout=600)
    if result.returncode != 0:
        raise RuntimeError(f"the check runner failed for {name}: {result.stderr.strip()[-500:]}")
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip().startswith("{")]


def cmd_recheck(args):
    settings = load_settings()
    students = settings["students"]
    if args.student:
        if args.student not in students:
            fail(f"no student {args.student} in this classroom")
        students = [args.student]
    shared = os.path.join(STATE, "shared", "lessons")  # the student copies: the same check cells
    book = catalogue(settings)
    names = [n for n, ex in book.items() if ex]
    if args.lesson:
        wanted = os.path.basename(args.lesson)
        if wanted not in book:
            fail(f"no lesson {wanted} (lessons: {', '.join(sorted(book))})")
        names = [wanted]
    lessons = [os.path.join(shared, n) for n in names]
    results, failures = [], []
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:  # a JVM each; 2 at a time
        futures = {pool.submit(run_checks, settings, s, lessons): s for s in students}
        for future in concurrent.futures.as_completed(futures):
            student = futures[future]
            try:
                for lesson in future.result():
                    for ex in lesson["exercises"]:
                        results.append({"id": "recheck-" + uuid.uuid4().hex, "student": student,
                                        "lesson": lesson["lesson"], "exercise": ex["exercise"],
                                        "cell_id": ex.get("cell_id"), "passed": ex["passed"],
                                        "facts": ex["facts"], "time": lesson["time"], "attempt": 0})
            except (RuntimeError, subprocess.TimeoutExpired, ValueError, KeyError) as e:
                failures.append(f"{student}: {e}")
    if service(settings, "api/rechecked", {"results": results}) is None:
        db = progress_store.connect(STATE)  # the hub is down: the database directly
        for r in results:
            progress_store.add(db, r["student"], r, "recheck")
    db = progress_store.connect(STATE)
    cells = progress_store.summary(db)
    differ = 0
    for r in sorted(results, key=lambda r: (r["student"], r["lesson"], r["exercise"])):
        cell = cells.get((r["student"], r["lesson"], r["exercise"]), {})
        reported = cell.get("status") or "not tried"
        rechecked = "passed" if r["passed"] else "failing"
        mark = "  DIFFERS" if (reported == "passed") != (rechecked == "passed") else ""
        differ += bool(mark)
        print(f"{r['student']} {r['lesson']} {r['exercise']} reported={reported} rechecked={rechecked}{mark}")
    for f in failures:
        print(f"classroom: {f}", file=sys.stderr)
    print(f"classroom: rechecked {len(results)} exercises of {len(students)} students; {differ} differ "
          f"from what the kernels reported", file=sys.stderr)
    return 1 if failures else 0


def cmd_release(args):
    settings = load_settings()
    lesson = os.path.basename(args.file)
    book = catalogue(settings)
    if lesson not in book:
        fail(f"no lesson {lesson} (lessons: {', '.join(sorted(book))})")
    if not any(solution for _, _, solution in book[lesson]):
        print(f"classroom: {lesson} has no solution cells", file=sys.stderr)
    db = progress_store.connect(STATE)
    progress_store.release(db, lesson)
    service(settings, "api/changed", {"lesson": lesson})
    print(f"released {lesson}")
    return 0


def main():
    parser = argparse.ArgumentParser(prog="install/classroom", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    progress = sub.add_parser("progress", help="every student's exercises")
    progress.add_argument("--csv", action="store_true", help="CSV: student,lesson,exercise,status,attempts,first_passed,last_tried")
    recheck = sub.add_parser("recheck", help="the checks again, as the server, against each student's engine")
    recheck.add_argument("--student", help="only this student")
    recheck.add_argument("--lesson", help="only this lesson (its file name)")
    release = sub.add_parser("release-solutions", help="the students may see a lesson's solutions")
    release.add_argument("file", help="the lesson's file, e.g. 03-container-lifecycle.ipynb")
    args = parser.parse_args()
    if os.geteuid() != 0:
        fail("run as root (the classroom's state is root's)")
    return {"progress": cmd_progress, "recheck": cmd_recheck, "release-solutions": cmd_release}[args.command](args)


if __name__ == "__main__":
    sys.exit(main())
