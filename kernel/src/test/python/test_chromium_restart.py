"""A handout is not lost to one Chromium crash: the printer logs Chromium's messages to a file, tells
the log's tail and how Chromium ended when its pipe breaks, starts a new Chromium and prints the page
again (once). The crash is made here by killing Chromium's pid, between two pages and in the middle of
one, as a fresh clone's CI run saw it (BrokenPipeError in Target.createTarget). No engine needed."""
import importlib.machinery
import importlib.util
import os
import signal
import sys

import pytest

from conftest import ROOT

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.join(ROOT, "install"))
from handoutlib.chromium import BrowserDied, Chromium, PdfPrinter  # noqa: E402

PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>{n}</title></head>
<body><h1>수업 {n}</h1><pre>docker run hello-world</pre></body></html>"""


@pytest.fixture
def folder(tmp_path):
    for n in (1, 2, 3):
        (tmp_path / f"0{n}-lesson.html").write_text(PAGE.format(n=n), encoding="utf-8")
    return tmp_path


def is_pdf(path):
    with open(path, "rb") as f:
        return f.read(5) == b"%PDF-"


def kill(browser):
    os.kill(browser.process.pid, signal.SIGKILL)
    browser.process.wait()


def test_chromium_killed_between_pages_is_started_again_and_the_page_printed(folder, capfd):
    printer = PdfPrinter(str(folder / "chromium.log"))
    try:
        printer.print_pdf(str(folder / "01-lesson.html"), str(folder / "01-lesson.pdf"))
        first = printer.browser()
        kill(first)
        printer.print_pdf(str(folder / "02-lesson.html"), str(folder / "02-lesson.pdf"))
        assert printer.browser() is not first and printer.restarts == 1
    finally:
        printer.close()
    assert is_pdf(folder / "01-lesson.pdf") and is_pdf(folder / "02-lesson.pdf")
    told = capfd.readouterr().err
    assert f"Chromium (pid {first.process.pid}) was ended by SIGKILL during Target.createTarget" in told
    assert f"the end of {folder / 'chromium.log'}:" in told
    assert "starting Chromium again to print 02-lesson.html" in told
    # Chromium's stderr is in the log, one section per Chromium started
    assert (folder / "chromium.log").read_text(encoding="utf-8", errors="replace").count("--- chromium started at") == 2


class DyingChromium(Chromium):
    """Kills its own process just before asking for the given call, the first `times` times."""
    deaths = {"method": None, "times": 0}

    def call(self, method, session=None, **params):
        if method == self.deaths["method"] and self.deaths["times"] > 0:
            self.deaths["times"] -= 1
            kill(self)
        return super().call(method, session, **params)


def test_chromium_killed_while_printing_a_page_prints_it_again(folder, monkeypatch):
    monkeypatch.setattr(DyingChromium, "deaths", {"method": "Page.printToPDF", "times": 1})
    printer = PdfPrinter(str(folder / "chromium.log"), start=DyingChromium)
    try:
        printer.print_pdf(str(folder / "01-lesson.html"), str(folder / "01-lesson.pdf"))
    finally:
        printer.close()
    assert is_pdf(folder / "01-lesson.pdf") and printer.restarts == 1


def test_a_second_death_on_the_same_page_is_raised_with_how_chromium_ended_and_its_log(folder, monkeypatch):
    monkeypatch.setattr(DyingChromium, "deaths", {"method": "Page.navigate", "times": 2})
    printer = PdfPrinter(str(folder / "chromium.log"), start=DyingChromium)
    with pytest.raises(BrowserDied) as died:
        printer.print_pdf(str(folder / "01-lesson.html"), str(folder / "01-lesson.pdf"))
    printer.close()
    assert "was ended by SIGKILL during Page.navigate" in str(died.value)
    assert f"the end of {folder / 'chromium.log'}:\n" in str(died.value)
    assert "--- chromium started at" in str(died.value)  # the log's tail (D-Bus complaints left out)
    assert not (folder / "01-lesson.pdf").exists()


def test_a_silent_chromium_is_ended_and_replaced_not_waited_on_forever(folder, capfd):
    printer = PdfPrinter(str(folder / "chromium.log"))
    try:
        hung = printer.browser()
        hung.call_timeout = 2
        os.kill(hung.process.pid, signal.SIGSTOP)  # alive but answering nothing
        printer.print_pdf(str(folder / "01-lesson.html"), str(folder / "01-lesson.pdf"))
        assert hung.process.poll() is not None and printer.restarts == 1
    finally:
        printer.close()
    assert is_pdf(folder / "01-lesson.pdf")
    assert f"Chromium (pid {hung.process.pid}) did not answer Target.createTarget in 2 s and was ended" \
        in capfd.readouterr().err


def handouts_script():
    path = os.path.join(ROOT, "install", "handouts")
    loader = importlib.machinery.SourceFileLoader("handouts_script", path)
    module = importlib.util.module_from_spec(importlib.util.spec_from_loader("handouts_script", loader))
    loader.exec_module(module)
    return module


def test_install_handouts_prints_every_page_and_the_book_when_chromium_is_killed_mid_run(folder):
    """install/handouts' own printer (the one --reprint and a lessons run use): Chromium killed after the
    first page; every lesson's PDF, the book and the index are still written."""
    handouts = handouts_script()
    printer = handouts.Printer(str(folder), handouts.Timings())
    try:
        printer.reprint(str(folder / "01-lesson.html"))
        printer.jobs[0].result()
        kill(printer.browser.result().browser())
        for n in (2, 3):
            printer.reprint(str(folder / f"0{n}-lesson.html"))
        printer.finish()
    finally:
        printer.close()
    for name in ("01-lesson.pdf", "02-lesson.pdf", "03-lesson.pdf", "lessons.pdf"):
        assert is_pdf(folder / name), name
    assert (folder / "index.html").exists() and printer.browser.result().restarts == 1
