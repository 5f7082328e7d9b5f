"""Lessons that follow the lecturer: what install/classroom hands each student (start, publish).

The rule (nbgitpuller's): a lesson the student has not changed is replaced by the lecturer's current
one; a lesson the student changed stays as it is and the new version arrives beside it as
`NN-name (새 버전).ipynb`; a lesson the student lacks is added. Nothing a student wrote is overwritten.

"Changed" compares what a student writes: the cells' kinds and sources. Outputs, execution counts and
metadata are what running a lesson produces, so a lesson a student only ran (and the server saved)
still counts as unchanged and is replaced. What each student was handed is recorded as a fingerprint
per file in a root-only file, so the next publish knows which files are still as handed out.

Every write into a student's home is done as root through file descriptors that never follow a
link: the student owns ~/lessons and could put a link there to any file of the machine. New files are
made under a fresh name and then renamed (or linked, when nothing may be replaced) into place, and
belong to the student.
"""
import errno
import hashlib
import json
import os
import secrets
import shutil
import stat

import lessonbook  # the same folder (install/classroom.d), on sys.path wherever this module is

NEW_VERSION = " (새 버전)"
MAX_READ = 64 << 20  # a lesson bigger than this is the student's own business: never replaced


def student_copy(src, dst):
    """The copy of a lesson that a student gets: the student edition, each solution cell an empty code
    cell with a Korean placeholder (lessonbook.student_copy; a copy already without them stays as it is)."""
    with open(src, encoding="utf-8") as f:
        notebook = json.load(f)
    write_notebook(dst, lessonbook.student_copy(notebook), 0o644)


def lecturer_copy(src, dst):
    """The lecturer's copy: the lesson whole, with its solutions."""
    shutil.copyfile(src, dst)


def write_notebook(dst, notebook, mode):
    with open(os.open(dst + ".tmp", os.O_WRONLY | os.O_CREAT | os.O_TRUNC, mode), "w", encoding="utf-8") as f:
        json.dump(notebook, f, ensure_ascii=False, indent=1)
        f.write("\n")
    os.chmod(dst + ".tmp", mode)
    os.replace(dst + ".tmp", dst)


def classroom_lesson(src, dst, mode=0o644):
    """A lesson of notebooks/ as the classroom shares it: the lessons name the kernelspec pinned to the
    lecturer's private engine ("docker-lessons"); here a student's kernel is "docker", which reaches
    the student's own engine (DOCKER_HOST of the server)."""
    with open(src, encoding="utf-8") as f:
        notebook = json.load(f)
    notebook.setdefault("metadata", {})["kernelspec"] = {
        "name": "docker", "display_name": "Docker", "language": "docker"}
    write_notebook(dst, notebook, mode)


def share_lessons(source_dir, shared_dir, lecturer_dir=None):
    """The lessons of source_dir, whole, into lecturer_dir (root only: the lecturer's copies and the
    solutions the progress service releases) and as the students' copies into the classroom's shared
    folder (readable by students, so never a solution in it); lessons no longer in source_dir leave
    both (never a student's home)."""
    os.makedirs(shared_dir, 0o755, exist_ok=True)
    folders = [shared_dir]
    if lecturer_dir:
        os.makedirs(lecturer_dir, 0o700, exist_ok=True)
        folders.append(lecturer_dir)
    names = sorted(n for n in os.listdir(source_dir) if n.endswith(".ipynb"))
    for name in names:
        if lecturer_dir:
            classroom_lesson(os.path.join(source_dir, name), os.path.join(lecturer_dir, name), 0o600)
            student_copy(os.path.join(lecturer_dir, name), os.path.join(shared_dir, name))
        else:
            classroom_lesson(os.path.join(source_dir, name), os.path.join(shared_dir, name))
            student_copy(os.path.join(shared_dir, name), os.path.join(shared_dir, name))
    for folder in folders:
        for name in os.listdir(folder):
            if name.endswith(".ipynb") and name not in names:
                os.remove(os.path.join(folder, name))
    return names


def fingerprint(data):
    """What a student writes in a file: for a notebook its cells' kinds and sources, else the bytes."""
    try:
        cells = json.loads(data.decode("utf-8"))["cells"]
        written = [[c.get("cell_type"), "".join(c["source"]) if isinstance(c.get("source"), list) else c.get("source")]
                   for c in cells]
        data = json.dumps(written, ensure_ascii=False).encode("utf-8")
        kind = "cells"
    except (ValueError, KeyError, TypeError, AttributeError):
        kind = "bytes"
    return kind + ":" + hashlib.sha256(data).hexdigest()


def beside_name(name, n):
    stem, ext = os.path.splitext(name)
    return f"{stem}{NEW_VERSION}{ext}" if n == 1 else f"{stem}{NEW_VERSION[:-1]} {n}){ext}"


class StudentLessons:
    """~/lessons of one student, reached without following a link."""

    def __init__(self, home, uid, gid):
        self.uid, self.gid = uid, gid
        home_fd = os.open(home, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW)
        try:
            try:
                os.mkdir("lessons", 0o755, dir_fd=home_fd)
                os.chown("lessons", uid, gid, dir_fd=home_fd, follow_symlinks=False)
            except FileExistsError:
                pass
            # A link or a file named ~/lessons is refused (ELOOP / ENOTDIR): nothing is handed out then.
            self.fd = os.open("lessons", os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW, dir_fd=home_fd)
        finally:
            os.close(home_fd)

    def close(self):
        os.close(self.fd)

    def read(self, name):
        """(bytes, stat) of a regular file of the student's, None when there is none, or (None, stat)
        for anything else there (a link, a folder, a file too big to be a lesson)."""
        try:
            fd = os.open(name, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK, dir_fd=self.fd)
        except FileNotFoundError:
            return None
        except OSError as e:
            if e.errno in (errno.ELOOP, errno.EISDIR, errno.ENXIO, errno.EACCES):
                return None, os.stat(name, dir_fd=self.fd, follow_symlinks=False)
            raise
        try:
            st = os.fstat(fd)
            if not stat.S_ISREG(st.st_mode) or st.st_size > MAX_READ:
                return None, st
            chunks, size = [], 0
            while size <= MAX_READ:
                chunk = os.read(fd, 1 << 20)
                if not chunk:
                    break
                chunks.append(chunk)
                size += len(chunk)
            return b"".join(chunks), st
        finally:
            os.close(fd)

    def _staged(self, data):
        tmp = f".publish-{secrets.token_hex(8)}.tmp"
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o644, dir_fd=self.fd)
        try:
            os.fchown(fd, self.uid, self.gid)
            os.fchmod(fd, 0o644)
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view):]
            os.fsync(fd)
        finally:
            os.close(fd)
        return tmp

    def create(self, name, data):
        """A new file; False when the name was taken meanwhile (nothing is replaced)."""
        tmp = self._staged(data)
        try:
            os.link(tmp, name, src_dir_fd=self.fd, dst_dir_fd=self.fd, follow_symlinks=False)
            return True
        except FileExistsError:
            return False
        finally:
            os.unlink(tmp, dir_fd=self.fd)

    def replace(self, name, data, seen):
        """Replaces the file read as `seen` (its stat); False when it changed since (it is kept)."""
        tmp = self._staged(data)
        try:
            now = os.stat(name, dir_fd=self.fd, follow_symlinks=False)
            if (now.st_ino, now.st_mtime_ns, now.st_size) != (seen.st_ino, seen.st_mtime_ns, seen.st_size):
                return False
            os.rename(tmp, name, src_dir_fd=self.fd, dst_dir_fd=self.fd)
            tmp = None
            return True
        finally:
            if tmp:
                os.unlink(tmp, dir_fd=self.fd)


def hand_out(lessons, record, name, data, add_only=False):
    """One lesson (its content `data`, as the student gets it) to one student's folder. `record` maps
    each file name to the fingerprint handed out last and is updated. Returns what was done."""
    new = fingerprint(data)
    found = lessons.read(name)
    if found is None:
        if lessons.create(name, data):
            what = "restored" if name in record else "added"
            record[name] = new
            return what
        return "kept (appeared meanwhile)"
    current, seen = found
    if current is not None:
        have = fingerprint(current)
        if have == new:
            record[name] = new
            return "current"
        if add_only:
            return "kept"
        if record.get(name) == have:
            if lessons.replace(name, data, seen):
                record[name] = new
                return "replaced"
    elif add_only:
        return "kept"
    # The student changed it (or it is not a plain file): the new version goes beside it.
    for n in range(1, 100):
        other = beside_name(name, n)
        there = lessons.read(other)
        if there is None:
            if lessons.create(other, data):
                record[other] = new
                return f"kept (changed); the new version is beside it as '{other}'"
            continue
        content, other_seen = there
        if content is None:
            continue
        have = fingerprint(content)
        if have == new:
            record[other] = new
            return f"kept (changed); the new version is already beside it as '{other}'"
        if record.get(other) == have and lessons.replace(other, data, other_seen):
            record[other] = new
            return f"kept (changed); the new version is beside it as '{other}'"
    return "kept (changed); no free name for the new version"


class Records:
    """The fingerprints of what each student was handed (root only)."""

    def __init__(self, path):
        self.path = path
        try:
            with open(path, encoding="utf-8") as f:
                self.all = json.load(f)
        except FileNotFoundError:
            self.all = {}

    def of(self, student):
        return self.all.setdefault(student, {})

    def save(self):
        tmp = self.path + ".tmp"
        with open(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "w", encoding="utf-8") as f:
            json.dump(self.all, f, indent=1, ensure_ascii=False)
        os.replace(tmp, self.path)


def stage(shared_dir, staging_dir, copy=student_copy):
    """Each shared lesson as a student gets it (copy: student_copy, or lecturer_copy for a lecturer),
    once for all students: {name: bytes}."""
    shutil.rmtree(staging_dir, ignore_errors=True)
    os.makedirs(staging_dir, 0o700)
    staged = {}
    for name in sorted(n for n in os.listdir(shared_dir) if n.endswith(".ipynb")):
        dst = os.path.join(staging_dir, name)
        copy(os.path.join(shared_dir, name), dst)
        with open(dst, "rb") as f:
            staged[name] = f.read()
    shutil.rmtree(staging_dir, ignore_errors=True)
    return staged


def publish(students, shared_dir, record_path, staging_dir, add_only=False, copy=student_copy):
    """Hands the shared lessons to every student ((name, home, uid, gid) each); returns
    {student: [(lesson, what was done)]} (or a string: why nothing was done for that student)."""
    staged = stage(shared_dir, staging_dir, copy)
    records = Records(record_path)
    report = {}
    try:
        for name, home, uid, gid in students:
            try:
                lessons = StudentLessons(home, uid, gid)
            except OSError as e:
                report[name] = f"~/lessons is not a folder of the student's ({e.strerror}); nothing handed out"
                continue
            try:
                record = records.of(name)
                report[name] = [(lesson, hand_out(lessons, record, lesson, data, add_only))
                                for lesson, data in staged.items()]
            finally:
                lessons.close()
    finally:
        records.save()
    return report
