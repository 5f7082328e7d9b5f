"""One headless Chromium (Debian's /usr/bin/chromium) driven over the DevTools protocol on a pipe.

Why a pipe and not a library: the protocol over --remote-debugging-pipe is JSON messages ended by a
NUL byte on file descriptors 3 (to the browser) and 4 (from it); the few calls the handouts need
(open a page, evaluate, print to PDF) take less code than wiring a node library into a Python
run, and nothing is downloaded. One browser serves every page: starting Chromium costs about a
second, printing a page a fraction of that.
"""
import base64
import json
import os
import shutil
import subprocess
import tempfile
import threading

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         # Unhinted glyph widths, as on paper: the layout measured on screen is the one printed.
         "--font-render-hinting=none", "--remote-debugging-pipe"]


class BrowserError(RuntimeError):
    pass


class Chromium:
    """A headless browser; one caller at a time (a lock guards the pipe)."""

    def __init__(self, executable=None):
        executable = executable or shutil.which("chromium") or "/usr/bin/chromium"
        self._profile = tempfile.mkdtemp(prefix="handouts-chromium-")
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
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(to_browser_r)
        os.close(from_browser_w)
        self._reader = os.fdopen(self._from_browser, "rb", buffering=0)
        self._buffer = b""
        self._events = []
        self._next_id = 0
        self._lock = threading.RLock()

    # ------------------------------------------------------------ protocol
    def _read_message(self):
        while b"\0" not in self._buffer:
            chunk = self._reader.read(1 << 16)
            if not chunk:
                raise BrowserError("Chromium closed the DevTools pipe")
            self._buffer += chunk
        raw, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(raw)

    def call(self, method, session=None, **params):
        with self._lock:
            self._next_id += 1
            message = {"id": self._next_id, "method": method, "params": params}
            if session:
                message["sessionId"] = session
            os.write(self._to_browser, json.dumps(message).encode() + b"\0")
            while True:
                reply = self._read_message()
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
                event = self._read_message()
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
