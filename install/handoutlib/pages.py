"""A lesson's HTML handout: nbconvert's lab page made self-contained (no script from
/usr/share/javascript, so it reads the same on any machine) and ready for paper: the print rules of
print.css, a header with the course name and a footer with the lesson title and page number (CSS
page margin boxes), and a print font size on every output too wide for the page (fit.py)."""
import functools
import html
import os
import re

from . import fit

COURSE = "도커 강의"
HERE = os.path.dirname(os.path.abspath(__file__))
SCRIPT_FROM_MACHINE = re.compile(r'<script[^>]*src="file://[^"]*"[^>]*>\s*</script>\s*', re.S)
PRINT_STYLE = re.compile(r'<style id="handout-print">.*?</style>\n?', re.S)
# An output's preformatted text: nbconvert writes it as the only child of the output's div.
OUTPUT_PRE = re.compile(r'(<div class="[^"]*\bjp-OutputArea-output\b[^"]*"[^>]*>\s*)<pre>(.*?)</pre>', re.S)
TABLE = re.compile(r"<table\b([^>]*)>(.*?)</table>", re.S)
ROW = re.compile(r"<tr\b[^>]*>(.*?)</tr>", re.S)
CELL = re.compile(r"<t([hd])\b[^>]*>(.*?)</t[hd]>", re.S)
TAG = re.compile(r"<[^>]+>")


def text_of(fragment):
    return html.unescape(TAG.sub("", fragment))


def css_string(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'


def margin_boxes(title, page_name=""):
    """The @page rule (named page_name, or the default page) with the header: the course name, and the
    footer: title (none when None) and the page number."""
    m = fit.MARGIN_MM
    box = 'font-family: "NanumGothic", sans-serif; font-size: 7.5pt; color: #555;'
    size = f"size: A4; margin: {m['top']}mm {m['right']}mm {m['bottom']}mm {m['left']}mm;" if not page_name else ""
    return (f"@page {page_name} {{ {size}\n"
            f"  @top-left {{ content: {css_string(COURSE)}; {box} vertical-align: bottom; padding-bottom: 4mm; }}\n"
            + (f"  @bottom-left {{ content: {css_string(title)}; {box} vertical-align: top; padding-top: 4mm; }}\n"
               if title is not None else "") +
            f"  @bottom-right {{ content: counter(page) \" / \" counter(pages); {box} vertical-align: top;"
            f" padding-top: 4mm; }}\n}}\n")


def print_css():
    with open(os.path.join(HERE, "print.css"), encoding="utf-8") as f:
        return f.read()


def lesson_title(page, fallback):
    match = re.search(r"<h1[^>]*>(.*?)</h1>", page, re.S)
    title = text_of(match.group(1)).replace("¶", "").strip() if match else ""
    return title or fallback


def fit_outputs(page):
    """Marks each output wider than the page with the print font size (and wrapping) it needs."""
    def pre(match):
        size, wrap = fit.pre_style(text_of(match.group(2)))
        attrs = (f' style="--print-font-size: {size}pt"' if size else "") + (' class="print-wrap"' if wrap else "")
        return f"{match.group(1)}<pre{attrs}>{match.group(2)}</pre>"

    def table(match):
        rows = [[text_of(c[1]) for c in CELL.findall(r)] for r in ROW.findall(match.group(2))]
        size, wrap = fit.table_style(rows)
        attrs = match.group(1)
        if wrap and "print-wrap" not in attrs:
            attrs = re.sub(r'class="([^"]*)"', r'class="\1 print-wrap"', attrs) if "class=" in attrs \
                else attrs + ' class="print-wrap"'
        if size and "style=" not in attrs:
            attrs += f' style="--print-font-size: {size}pt"'
        return f"<table{attrs}>{match.group(2)}</table>"

    page = OUTPUT_PRE.sub(pre, page)
    # Tables in outputs only: markdown tables are the lecturer's and sized by the page's own CSS.
    parts = re.split(r'(?=<div class="jp-Cell-outputWrapper">)', page)
    return parts[0] + "".join(TABLE.sub(table, p) for p in parts[1:])


def handout(page, fallback_title):
    """(the page ready for screen and paper, its lesson title); applying it twice changes nothing."""
    page = SCRIPT_FROM_MACHINE.sub("", page)
    page = PRINT_STYLE.sub("", page)
    title = lesson_title(page, fallback_title)
    style = f'<style id="handout-print">\n{margin_boxes(title)}{print_css()}</style>\n'
    page = page.replace("</head>", style + "</head>", 1)
    return fit_outputs(page), title


@functools.lru_cache(maxsize=None)
def _exporter():
    from nbconvert import HTMLExporter  # imported on the worker thread, while the first lesson runs
    return HTMLExporter(template_name="lab")


def export(notebook):
    """nbconvert's lab HTML of an executed notebook (one exporter: its templates load once)."""
    body, _ = _exporter().from_notebook_node(notebook)
    return body
