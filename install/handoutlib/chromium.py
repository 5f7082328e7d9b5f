"""One headless Chromium (Debian's /usr/bin/chromium) driven over the DevTools protocol on a pipe.

Why a pipe and not a library: the protocol over --remote-debugging-pipe is JSON messages ended by a
NUL byte on file descriptors 3 (to the browser) and 4 (from it); the few calls the handouts need
(open a page, evaluate, print to PDF) take less code than wiring a node library into a Python
run, and nothing is downloaded. One browser serves every page: starting Chromium costs about a
second, printing a page a fraction of that.

Chromium's own messages (its stderr) go to a log file, so that when it dies the log says why; a
PdfPrinter starts a new Chromium when the one it has died and prints that page again (once), so one
crash costs a second, not a handout.
"""
import base64
import json
import os
import pathlib
import re
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         # Unhinted glyph widths, as on paper: the layout measured on screen is the one printed.
         "--font-render-hinting=none", "--remote-debugging-pipe"]


# No protocol call of the handouts takes this long (the book, ~100 pages, prints in seconds): a Chromium
# that stays silent so long is hung, and is ended like one that died.
CALL_TIMEOUT_S = 180
LOG_TAIL_LINES = 20


class BrowserError(RuntimeError):
    pass


class BrowserDied(BrowserError):
    """Chromium ended (crashed, killed) or hung: its DevTools pipe broke or stayed silent."""


# What every start prints on a machine without D-Bus (a container, CI): never why Chromium died.
DBUS_NOISE = re.compile(r"ERROR:dbus/|Failed to connect to the bus")


def log_tail(path, lines=LOG_TAIL_LINES):
    """The last lines of Chromium's log, without its D-Bus complaints."""
    try:
        with open(path, "rb") as f:
            f.seek(0, os.SEEK_END)
            f.seek(max(0, f.tell() - 64 * 1024))  # the tail only: a log may be long
            text = f.read().decode("utf-8", "replace")
    except OSError:
        return ""
    return "\n".join([line for line in text.splitlines() if not DBUS_NOISE.search(line)][-lines:])


class Chromium:
    """A headless browser; one caller at a time (a lock guards the pipe)."""

    def __init__(self, executable=None, log_path=None):
        """log_path: where Chromium's stderr goes (appended; default: a file in its temporary profile)."""
        executable = executable or shutil.which("chromium") or "/usr/bin/chromium"
        self._profile = tempfile.mkdtemp(prefix="handouts-chromium-")
        self.log_path = log_path or os.path.join(self._profile, "chromium.log")
        self.call_timeout = CALL_TIMEOUT_S
        log = open(self.log_path, "ab")
        log.write(f"--- chromium started at {time.strftime('%Y-%m-%d %H:%M:%S')}\n".encode())
        log.flush()
        to_browser_r, self._to_browser = os.pipe()
        self._from_browser, from_browser_w = os.pipe()

        def as_fds_3_and_4():
            # Copies first: either end may itself be descriptor 3 or 4.
            read_end, write_end = os.dup(to_browser_r), os.dup(from_browser_w)
            os.dup2(read_end, 3)
            os.dup2(write_end, 4)

        self.process = subprocess.Popen(
            [executable, *FLAGS, f"--user-data-dir={self._profile}", "about:blank"],
            preexec_fn=as_fds_3_and_4, pass_fds=(3, 4),  # kept open after preexec_fn
            stdin=subprocess.DEVNULL, stdout=log, stderr=log)
        log.close()  # Chromium holds its own copy
        os.close(to_browser_r)
        os.close(from_browser_w)
        self._reader = os.fdopen(self._from_browser, "rb", buffering=0)
        self._buffer = b""
        self._events = []
        self._next_id = 0
        self._lock = threading.RLock()

    # ------------------------------------------------------------ protocol
    def died(self, doing):
        """The BrowserDied for a broken or silent pipe while doing: how Chromium ended and its log's tail."""
        try:
            status = self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:  # hung, not dead: ended here, so that a new one can take over
            self.process.kill()
            self.process.wait()
            return BrowserDied(f"Chromium (pid {self.process.pid}) did not answer {doing} in {self.call_timeout} s "
                               f"and was ended; the end of {self.log_path}:\n" + (log_tail(self.log_path) or "(empty)"))
        if status < 0:
            try:
                how = f"was ended by {signal.Signals(-status).name}"
            except ValueError:
                how = f"was ended by signal {-status}"
        else:
            how = f"exited with status {status}"
        tail = log_tail(self.log_path)
        return BrowserDied(f"Chromium (pid {self.process.pid}) {how} during {doing}; the end of {self.log_path}:\n"
                           + (tail or "(empty)"))

    def _read_message(self, doing):
        deadline = time.monotonic() + self.call_timeout
        while b"\0" not in self._buffer:
            if not select.select([self._reader], [], [], max(0, deadline - time.monotonic()))[0]:
                raise self.died(doing)
            chunk = self._reader.read(1 << 16)
            if not chunk:
                raise self.died(doing)
            self._buffer += chunk
        raw, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(raw)

    def call(self, method, session=None, **params):
        with self._lock:
            self._next_id += 1
            message = {"id": self._next_id, "method": method, "params": params}
            if session:
                message["sessionId"] = session
            try:
                os.write(self._to_browser, json.dumps(message).encode() + b"\0")
            except BrokenPipeError:
                raise self.died(method) from None
            while True:
                reply = self._read_message(method)
                if reply.get("id") == self._next_id:
                    if "error" in reply:
                        raise BrowserError(f"{method}: {reply['error'].get('message')}")
                    return reply.get("result", {})
                if "method" in reply:
                    self._events.append(reply)

    def wait_for(self, method, session):
        with self._lock:
            while True:
                for i, event in enumerate(self._events):
                    if event["method"] == method and event.get("sessionId") == session:
                        del self._events[i]
                        return event.get("params", {})
                event = self._read_message(f"the wait for {method}")
                if "method" in event:
                    self._events.append(event)

    # ------------------------------------------------------------ pages
    def open(self, url, width=None, media=None):
        """A new tab showing url once loaded and its fonts are ready. width (CSS px) and media
        ("print") emulate a viewport, for measuring the layout a page would print with."""
        target = self.call("Target.createTarget", url="about:blank")["targetId"]
        session = self.call("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
        page = Page(self, target, session)
        self.call("Page.enable", session)
        if width:
            self.call("Emulation.setDeviceMetricsOverride", session, width=int(width), height=1123,
                      deviceScaleFactor=1, mobile=False)
        if media:
            self.call("Emulation.setEmulatedMedia", session, media=media)
        self.call("Page.navigate", session, url=url)
        self.wait_for("Page.loadEventFired", session)
        page.evaluate("document.fonts.ready.then(() => true)")
        return page

    def close(self):
        if self.process.poll() is None:
            try:
                self.call("Browser.close")
            except (BrowserError, OSError):
                pass
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        os.close(self._to_browser)
        self._reader.close()
        shutil.rmtree(self._profile, ignore_errors=True)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


class PdfPrinter:
    """Prints pages to PDF with one Chromium at a time. When it dies mid-page (a crash, the machine's
    OOM killer), the tail of its log is told on stderr, a new Chromium is started and the page is
    printed again; a second death on the same page is raised (BrowserDied), never waited on."""

    def __init__(self, log_path, start=Chromium):
        self.log_path, self._start = log_path, start
        self._browser = None
        self.restarts = 0

    def browser(self):
        if self._browser is None:
            self._browser = self._start(log_path=self.log_path)
        return self._browser

    def print_pdf(self, html_path, pdf_path, outline=False):
        for attempt in (1, 2):
            try:
                # A file URL of the absolute path: "file://" + a relative path is no URL, and Chromium
                # prints its error page instead (--reprint target/x said "ok" for 1-page error PDFs).
                tab = self.browser().open(pathlib.Path(html_path).resolve().as_uri())
                tab.pdf(pdf_path, outline=outline)
                tab.close()
                return pdf_path
            except BrowserDied as died:
                self._browser.close()
                self._browser = None
                if attempt == 2:
                    raise
                self.restarts += 1
                print(f"handouts: {died}\nhandouts: starting Chromium again to print {os.path.basename(html_path)}",
                      file=sys.stderr, flush=True)

    def close(self):
        if self._browser is not None:
            self._browser.close()
            self._browser = None


class Page:
    def __init__(self, browser, target, session):
        self.browser, self.target, self.session = browser, target, session

    def evaluate(self, expression):
        result = self.browser.call("Runtime.evaluate", self.session, expression=expression,
                                   returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in result:
            raise BrowserError(f"evaluate: {result['exceptionDetails'].get('text')}: {expression[:80]}")
        return result["result"].get("value")

    def pdf(self, path, outline=False):
        """Prints with the page's own CSS: @page size, margins and margin boxes (header, footer)."""
        result = self.browser.call("Page.printToPDF", self.session, printBackground=True, preferCSSPageSize=True,
                                   displayHeaderFooter=False, generateDocumentOutline=outline)
        with open(path, "wb") as f:
            f.write(base64.b64decode(result["data"]))
        return path

    def close(self):
        self.browser.call("Target.closeTarget", targetId=self.target)
