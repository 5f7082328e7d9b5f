"""The handouts' printer takes the page's path as it is given: a relative one (install/handouts
--reprint target/x, or --out target/x) and one with characters a URL escapes. Before, "file://" + a
relative path was no URL: Chromium printed its own error page ("This site can't be reached") as a
1-page PDF and install/handouts said ok. No engine needed."""
import os
import subprocess
import sys

from conftest import ROOT

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.join(ROOT, "install"))
from handoutlib.chromium import PdfPrinter  # noqa: E402

PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>t</title></head>
<body><h1>수업 {n}</h1><pre>docker run hello-world</pre></body></html>"""


def pdf_text(path):
    return subprocess.run(["pdftotext", str(path), "-"], check=True, capture_output=True, text=True).stdout


def test_a_relative_path_and_one_with_a_space_and_a_hash_print_the_page_not_an_error(tmp_path, monkeypatch):
    folder = tmp_path / "hand outs #1"
    folder.mkdir()
    for n in (1, 2):
        (folder / f"0{n}-lesson.html").write_text(PAGE.format(n=n), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    printer = PdfPrinter(str(tmp_path / "chromium.log"))
    try:
        printer.print_pdf(os.path.join("hand outs #1", "01-lesson.html"), str(folder / "01-lesson.pdf"))
        printer.print_pdf(str(folder / "02-lesson.html"), str(folder / "02-lesson.pdf"))
    finally:
        printer.close()
    for n in (1, 2):
        text = pdf_text(folder / f"0{n}-lesson.pdf")
        assert f"수업 {n}" in text and "docker run hello-world" in text, text
