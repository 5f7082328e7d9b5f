"""Where the time of a run goes, phase by phase, printed at the end of install/lessons."""
import contextlib
import threading
import time


class Timings:
    def __init__(self):
        self._seconds = {}
        self._lock = threading.Lock()
        self._start = time.monotonic()

    def add(self, phase, seconds):
        with self._lock:
            self._seconds[phase] = self._seconds.get(phase, 0.0) + seconds

    @contextlib.contextmanager
    def phase(self, name):
        start = time.monotonic()
        try:
            yield
        finally:
            self.add(name, time.monotonic() - start)

    def report(self):
        total = time.monotonic() - self._start
        parts = ", ".join(f"{name} {seconds:.1f}" for name, seconds in self._seconds.items())
        return f"{total:.1f} s in all; {parts} (s)"
