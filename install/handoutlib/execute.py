"""Runs the lesson notebooks with nbclient, in this one Python process.

Each lesson gets a fresh kernel and a scratch folder of its own as working directory (files it
writes with %%writefile start from nothing). The lessons that use the lessons engine run one after
another: they share the engine and show its state. The next one's kernel is started while the
current lesson runs: the kernel connects to the engine only on its first command, so it can start
before the engine is reset, and the lesson then finds it ready. A lesson whose notebook says it uses
servers of its own (lesson 13's cluster, see runs_beside) runs beside them, from the start.
"""
import asyncio
import datetime
import json
import os
import time
import traceback

import nbformat
from jupyter_client.manager import AsyncKernelManager
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

# The kernelspec pinned to the lessons' engine (install/setup installs it; the lessons name it).
KERNEL = "docker-lessons"
CELL_TIMEOUT_S = 300


def runs_beside(notebook_metadata):
    """Whether a lesson uses servers of its own and never the lessons engine, so that it can run beside
    the other lessons: its notebook's metadata says {"docker_lessons": {"engine": "cluster"}} (lesson 13
    addresses only node1..node3 of install/cluster, with docker -c)."""
    own = notebook_metadata.get("docker_lessons")
    return isinstance(own, dict) and own.get("engine") == "cluster"


class Lesson:
    """One notebook's run: the executed notebook, whether every cell passed, and its log."""

    def __init__(self, path, workdir, log_path):
        self.path, self.workdir, self.log_path = path, workdir, log_path
        self.name = os.path.basename(path)[:-len(".ipynb")]
        with open(path, encoding="utf-8") as f:
            self.beside = runs_beside(json.load(f).get("metadata", {}))
        self.notebook = None
        self.ok = False
        self.seconds = 0.0
        self.cell_seconds = 0.0

    def write_log(self, error=None):
        with open(self.log_path, "a", encoding="utf-8") as log:
            for index, cell in enumerate(self.notebook.cells if self.notebook else []):
                timing = cell.get("metadata", {}).get("execution", {})
                if cell.cell_type == "code" and "shell.execute_reply" in timing:
                    took = _seconds(timing["iopub.execute_input"], timing["shell.execute_reply"])
                    log.write(f"cell {index:2d}  {took:6.2f} s  {cell.source.splitlines()[0] if cell.source else ''}\n")
            if error:
                log.write(error)
            log.write(f"{'ok' if self.ok else 'FAILED'} in {self.seconds:.2f} s\n")


def _seconds(start, end):
    parse = datetime.datetime.fromisoformat
    return (parse(end.replace("Z", "+00:00")) - parse(start.replace("Z", "+00:00"))).total_seconds()


class Runner:
    def __init__(self, timings, reset=None, on_done=None):
        """reset: called before each lesson run in turn to give it a fresh engine (None on the user's
        own engine); on_done(lesson): called as each lesson ends, e.g. to print it while the next runs."""
        self.timings, self.reset, self.on_done = timings, reset, on_done

    async def _start_kernel(self, lesson):
        manager = AsyncKernelManager(kernel_name=KERNEL)
        # A printing run's checks are no student's attempts: their record stays in the lesson's scratch
        # folder, not in the home of whoever prints (the kernel's DOCKER_LESSONS_RECORD_DIR).
        manager.kernel_spec.env = {**manager.kernel_spec.env,
                                   "DOCKER_LESSONS_RECORD_DIR": os.path.join(lesson.workdir, ".docker-lessons")}
        open(lesson.log_path, "w").close()
        # The kernel's own output, if it says anything; appending, as the run's log is added later.
        log = open(lesson.log_path, "a", encoding="utf-8")
        await manager.start_kernel(cwd=lesson.workdir, stdout=log, stderr=log)
        log.close()  # the kernel holds its own copy of the descriptor
        return manager

    async def run(self, lessons):
        """Every lesson; those that run beside the others start at once, each with its own kernel."""
        in_turn = [lesson for lesson in lessons if not lesson.beside]
        beside = [lesson for lesson in lessons if lesson.beside]
        await asyncio.gather(self._in_turn(in_turn), *(self._beside(lesson) for lesson in beside))
        return lessons

    async def _in_turn(self, lessons):
        if not lessons:
            return
        loop = asyncio.get_running_loop()
        starting = asyncio.ensure_future(self._start_kernel(lessons[0]))
        stopping = []
        for i, lesson in enumerate(lessons):
            if self.reset:
                with self.timings.phase("engine reset"):
                    await loop.run_in_executor(None, self.reset)
            with self.timings.phase("kernel start (not overlapped)"):
                manager = await starting
            if i + 1 < len(lessons):
                starting = asyncio.ensure_future(self._start_kernel(lessons[i + 1]))
            await self._execute(lesson, manager)
            stopping.append(asyncio.ensure_future(self._stop(manager)))
            if self.on_done:
                self.on_done(lesson)
        await asyncio.gather(*stopping)

    async def _beside(self, lesson):
        """A lesson on servers of its own (install/lessons resets them before the run): no engine
        reset, and its time is the run's only where it is longer than the other lessons together. A
        kernel that does not start fails this lesson alone (its log says why); the others run on."""
        try:
            manager = await self._start_kernel(lesson)
        except Exception:
            lesson.write_log(traceback.format_exc())
            return
        await self._execute(lesson, manager)
        await self._stop(manager)
        if self.on_done:
            self.on_done(lesson)

    async def _execute(self, lesson, manager):
        lesson.notebook = nbformat.read(lesson.path, as_version=4)
        client = NotebookClient(lesson.notebook, km=manager, kernel_name=KERNEL, timeout=CELL_TIMEOUT_S,
                                record_timing=True, resources={"metadata": {"path": lesson.workdir}})
        start = time.monotonic()
        error = None
        try:
            await client.async_execute()
            lesson.ok = True
        except CellExecutionError as e:
            error = str(e)
        except Exception:  # a kernel that died or timed out: the lesson failed, the others still run
            error = traceback.format_exc()
        finally:
            if client.kc is not None:
                client.kc.stop_channels()
        lesson.seconds = time.monotonic() - start
        lesson.cell_seconds = sum(
            _seconds(c.metadata.execution["iopub.execute_input"], c.metadata.execution["shell.execute_reply"])
            for c in lesson.notebook.cells
            if c.cell_type == "code" and "shell.execute_reply" in c.get("metadata", {}).get("execution", {}))
        if lesson.beside:  # its time passes while the others run
            self.timings.add("lessons beside (overlapped)", lesson.seconds)
        else:
            self.timings.add("cells", lesson.cell_seconds)
            self.timings.add("kernel ready and client (not overlapped)", lesson.seconds - lesson.cell_seconds)
        lesson.write_log(error)

    async def _stop(self, manager):
        try:
            await manager.shutdown_kernel(now=False)
        except Exception:  # already gone
            pass


def strip_timing(notebook):
    """The run's cell timings stay in the log, not in the handout."""
    for cell in notebook.cells:
        cell.get("metadata", {}).pop("execution", None)
    return notebook
