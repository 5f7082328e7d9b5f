"""The book a lecturer prints: lessons.pdf, one file with a cover, a table of contents with page
numbers, and every lesson in order.

Why one print job and not PDFs bound with qpdf: page numbers run on through the book, and each
lesson's pages still carry its own title in the footer, through CSS named pages (one @page rule per
lesson, each with its margin boxes). Bound PDFs would number every lesson from 1 again, and the
contents could not point at a page. The contents' page numbers come from the lessons' own PDFs
(a lesson starts on a new page and is laid out at the same width, so it has as many pages in the
book as alone); the book's text is then read back with pdftotext to check that each lesson starts
where the contents say, and it is printed once more with the pages found if not.
"""
import html
import os
import re
import subprocess

from . import pages

BOOK = "lessons.pdf"
FRONT_PAGES = 2  # the cover and the contents


def page_count(pdf):
    out = subprocess.run(["pdfinfo", pdf], check=True, capture_output=True, text=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", out, re.M).group(1))


def page_texts(pdf):
    out = subprocess.run(["pdftotext", "-layout", pdf, "-"], check=True, capture_output=True, text=True).stdout
    return out.split("\f")[:page_count(pdf)]


def squeeze(text):
    return re.sub(r"\s+", "", text)


def book_css(lessons):
    named = "".join(pages.margin_boxes(title, f"lesson-{i:02d}") for i, (_, title, _) in enumerate(lessons, 1))
    return (pages.margin_boxes(None)
            + "@page cover { @top-left { content: none; } @bottom-left { content: none; }"
              " @bottom-right { content: none; } }\n"
            + "@page contents { @bottom-left { content: \"차례\"; font-family: \"NanumGothic\", sans-serif;"
              " font-size: 7.5pt; color: #555; vertical-align: top; padding-top: 4mm; } }\n"
            + named + pages.print_css() + """
.book-cover { page: cover; text-align: center; padding-top: 70mm; }
.book-cover .course { font-size: 15pt; color: #2f6fb3; letter-spacing: 0.08em; }
.book-cover h1 { font-size: 28pt; margin: 6mm 0 10mm; }
.book-cover p { font-size: 11pt; color: #444; }
.book-contents { page: contents; break-before: page; }
.book-contents h2 { font-size: 18pt; margin: 0 0 8mm; }
.book-contents ol { list-style: none; padding: 0; margin: 0; }
.book-contents li { display: flex; align-items: baseline; font-size: 11.5pt; margin: 0 0 4mm; padding-right: 2mm; }
.book-contents li a { color: inherit; text-decoration: none; }
.book-contents li .leader { flex: 1; border-bottom: 1pt dotted #999; margin: 0 2mm; }
.book-lesson { break-before: page; }
""")


def book_html(lessons, starts):
    """lessons: [(page file name, title, the lesson's HTML page)]; starts: the page each begins on."""
    head = lessons[0][2][:lessons[0][2].index("<body")]
    head = pages.PRINT_STYLE.sub("", head).replace(
        "</head>", f'<style id="handout-print">\n{book_css(lessons)}</style>\n</head>', 1)
    head = re.sub(r"<title>.*?</title>", f"<title>{html.escape(pages.COURSE)} · 실습 자료</title>", head, 1, re.S)
    contents = "\n".join(
        f'<li><a href="#lesson-{i:02d}">{html.escape(title)}</a><span class="leader"></span>'
        f'<span class="page">{start}</span></li>' for i, ((_, title, _), start) in enumerate(zip(lessons, starts), 1))
    sections = []
    for i, (_, _, page) in enumerate(lessons, 1):
        body = re.search(r"<body[^>]*>(.*)</body>", page, re.S).group(1)
        sections.append(f'<section class="book-lesson" id="lesson-{i:02d}" style="page: lesson-{i:02d}">\n'
                        f"{body}\n</section>")
    body_tag = re.search(r"<body[^>]*>", lessons[0][2]).group(0)
    return (f"{head}{body_tag}\n"
            f'<section class="book-cover"><div class="course">{html.escape(pages.COURSE)}</div>'
            f"<h1>실습 자료</h1><p>Jupyter 노트북에서 Docker 커널로 실행한 강의 {len(lessons)}편</p></section>\n"
            f'<section class="book-contents"><h2>차례</h2><ol>\n{contents}\n</ol></section>\n'
            + "\n".join(sections) + "\n</body>\n</html>\n")


def lesson_starts(texts, titles):
    """The page (from 1) each lesson starts on in the printed book, found by its title, or None."""
    found, page = [], FRONT_PAGES
    for title in titles:
        needle = squeeze(title)
        while page < len(texts) and needle not in squeeze(texts[page]):
            page += 1
        if page >= len(texts):
            return None
        found.append(page + 1)
    return found


def build(printer, folder, lessons, lesson_pages):
    """Prints lessons.pdf in folder with printer (a chromium.PdfPrinter); lesson_pages: how many pages
    each lesson's own PDF has."""
    starts, start = [], FRONT_PAGES + 1
    for count in lesson_pages:
        starts.append(start)
        start += count
    path = os.path.join(folder, BOOK)
    source = os.path.join(folder, ".lessons-book.html")
    titles = [title for _, title, _ in lessons]
    for _ in range(2):
        with open(source, "w", encoding="utf-8") as f:
            f.write(book_html(lessons, starts))
        printer.print_pdf(source, path, outline=True)
        found = lesson_starts(page_texts(path), titles)
        if found is None or found == starts:
            break
        starts = found
    os.remove(source)
    return path, page_count(path), starts


def index_html(rows, book_pages):
    """rows: [(page file name, title, pdf file name, pages)]."""
    items = "\n".join(
        f'<li><a href="{html.escape(page)}">{html.escape(title)}</a> · '
        f'<a href="{html.escape(pdf)}">PDF</a> <span class="pages">({count}쪽)</span></li>'
        for page, title, pdf, count in rows)
    return f"""<!DOCTYPE html>
<html lang="ko"><head><meta charset="utf-8"><title>{html.escape(pages.COURSE)} · 실습 자료</title>
<style>body{{font-family:"NanumGothic",sans-serif;max-width:46em;margin:2em auto;padding:0 1em;line-height:1.6}}
.book{{font-size:1.1em;padding:.6em 1em;border-left:4px solid #2f6fb3;background:#eef3f8}}.pages{{color:#666}}</style>
</head><body><h1>{html.escape(pages.COURSE)} · 실습 자료</h1>
<p class="book">인쇄할 때는 한 권으로: <a href="{BOOK}">{BOOK}</a> <span class="pages">(표지, 차례, 강의 {len(rows)}편,
{book_pages}쪽)</span></p>
<ol>
{items}
</ol></body></html>
"""
