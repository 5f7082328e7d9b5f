"""The handouts on paper, checked rather than eyeballed: in every PDF every column header and every
row's last cell of every output table is printed inside the page's text area, and no word of any
page lies outside it; the HTML pages, laid out for print at the width of an A4 page in headless
Chromium, have no element wider than its container. Page 1 of each PDF goes to target/screenshots/."""
import os
import re
import subprocess

import pytest

from conftest import ROOT
from handouts_runs import content_box, fit, lesson_pages, output_tables, pdf_words, runs
from handoutlib.chromium import Chromium

SLACK_PT = 1.0


@pytest.fixture(scope="module")
def handouts():
    return runs()[0]


def outside(word, box):
    _, x0, y0, x1, y1 = word
    left, top, right, bottom = box
    return x0 < left - SLACK_PT or x1 > right + SLACK_PT


def body_words(page):
    """The words of the page's text area (the header and footer sit in the margins above and below)."""
    _, width, height, words = page
    left, top, right, bottom = content_box(width, height)
    return [w for w in words if w[2] >= top - SLACK_PT and w[4] <= bottom + SLACK_PT]


def test_no_word_of_any_pdf_page_lies_outside_the_text_area(handouts):
    pdfs = sorted(p for p in os.listdir(handouts) if p.endswith(".pdf"))
    assert "lessons.pdf" in pdfs and len(pdfs) == len(lesson_pages(handouts)) + 1
    for pdf in pdfs:
        for page in pdf_words(os.path.join(handouts, pdf)):
            _, width, height, words = page
            stray = [w[0] for w in body_words(page) if outside(w, content_box(width, height))]
            assert not stray, f"{pdf} page {page[0]}: words beyond the margins: {stray[:10]}"
            # The header and footer, in the margins, on the paper all the same.
            off = [w[0] for w in words if outside(w, (10, 0, width - 10, height))]
            assert not off, f"{pdf} page {page[0]}: words off the paper: {off[:10]}"


def find_in_order(words, needles):
    """Each needle (a cell's words) found in the page words after the previous one; the misses.
    Compared without blanks: a cell may wrap anywhere, and "이름, -v" may print as "이름" "," "-v"."""
    text = "".join(w[0] for w in words)
    missing, at = [], 0
    for needle in needles:
        found = text.find(re.sub(r"\s+", "", needle), at)
        if found < 0:
            missing.append(needle)
        else:
            at = found + len(re.sub(r"\s+", "", needle))
    return missing


@pytest.mark.parametrize("lesson", sorted(n[:-6] for n in os.listdir(os.path.join(ROOT, "notebooks"))
                                          if n.endswith(".ipynb")))
def test_every_table_header_and_each_rows_last_cell_is_on_the_page(handouts, lesson):
    with open(os.path.join(handouts, lesson + ".html"), encoding="utf-8") as f:
        tables = output_tables(f.read())
    words = [w for page in pdf_words(os.path.join(handouts, lesson + ".pdf")) for w in body_words(page)]
    for header, rows in tables:
        # Headers in any order: Chromium may draw a column of code (COMMAND) after the others.
        missing = [h for h in header if h and find_in_order(words, [h])]
        # Each row's last cell, in the rows' order (a cell may wrap: compared without blanks).
        missing += find_in_order(words, [row[-1] for row in rows if row and row[-1]])
        assert not missing, f"{lesson}: not printed: {missing} (table {header})"


A4_TEXT_WIDTH_PX = round(fit.CONTENT_WIDTH_PT / 72 * 96)
TOO_WIDE = """(() => {
  const wide = [];
  const root = document.documentElement;
  if (root.scrollWidth > root.clientWidth + 1) wide.push(`page ${root.scrollWidth}px`);
  for (const el of document.body.querySelectorAll("*")) {
    const style = getComputedStyle(el);
    if (style.display === "none" || style.position === "fixed" || style.position === "absolute") continue;
    // A highlighted run of blanks (pygments' span.w) where a long line wraps hangs past the edge, as
    // CSS lets white space at a soft wrap hang: nothing is drawn there, so nothing is cut off.
    if (el.children.length === 0 && el.textContent.length > 0 && el.textContent.trim() === "") continue;
    const box = el.getBoundingClientRect();
    if (box.width === 0) continue;
    const parent = el.parentElement.getBoundingClientRect();
    const what = `${el.tagName.toLowerCase()}.${[...el.classList].join(".")} "${el.textContent.trim().slice(0, 40)}"`;
    if (box.right > parent.right + 1 || box.left < parent.left - 1) wide.push(`${what} ${Math.round(box.width)}px in ${Math.round(parent.width)}px`);
    else if (el.scrollWidth > el.clientWidth + 1 && style.overflowX !== "visible") wide.push(`${what} scrolls ${el.scrollWidth}px in ${el.clientWidth}px`);
  }
  return wide;
})()"""


def test_html_pages_printed_at_a4_width_have_no_element_wider_than_its_container(handouts):
    with Chromium() as browser:
        for page in lesson_pages(handouts):
            tab = browser.open("file://" + os.path.join(handouts, page), width=A4_TEXT_WIDTH_PX, media="print")
            wide = tab.evaluate(TOO_WIDE)
            tab.close()
            assert not wide, f"{page} at {A4_TEXT_WIDTH_PX}px: {wide[:8]}"


def test_first_page_of_every_pdf_goes_to_target_screenshots(handouts):
    shots = os.path.join(ROOT, "target", "screenshots")
    os.makedirs(shots, exist_ok=True)
    for pdf in sorted(p for p in os.listdir(handouts) if p.endswith(".pdf")):
        stem = os.path.join(shots, "handout-" + pdf[:-4])
        subprocess.run(["pdftoppm", "-r", "80", "-png", "-singlefile", "-f", "1", "-l", "1",
                        os.path.join(handouts, pdf), stem], check=True)
        assert os.path.getsize(stem + ".png") > 10_000


def test_the_book_has_a_cover_contents_and_every_lesson_where_the_contents_say(handouts):
    from handoutlib import book
    texts = book.page_texts(os.path.join(handouts, book.BOOK))
    titles = []
    for page in lesson_pages(handouts):
        with open(os.path.join(handouts, page), encoding="utf-8") as f:
            titles.append(book.pages.lesson_title(f.read(), page))
    assert "실습 자료" in texts[0] and book.pages.COURSE in texts[0]
    contents = {}
    for title in titles:
        line = next(line for line in texts[1].splitlines() if book.squeeze(title) in book.squeeze(line))
        contents[title] = int(re.search(r"(\d+)\s*$", line).group(1))
    starts = book.lesson_starts(texts, titles)
    assert starts == [contents[t] for t in titles]
    assert starts == sorted(starts) and starts[0] == book.FRONT_PAGES + 1
    total = len(texts)
    for title, start in zip(titles, starts):
        footer = [line.strip() for line in texts[start - 1].strip().splitlines()][-1]
        assert book.squeeze(title) in book.squeeze(footer) and book.squeeze(footer).endswith(f"{start}/{total}"), footer


# The fitting rules alone (no engine, no browser).

def test_columns_count_hangul_twice_and_tabs_to_the_next_stop():
    assert fit.columns("ab한글") == 6
    assert fit.columns("a\tb") == 9


def test_an_output_keeps_its_size_when_it_fits_and_shrinks_until_its_longest_line_fits():
    assert fit.pre_style("x" * 80) == (None, False)
    size, wrap = fit.pre_style("UID" + " " * 146 + "\nroot")
    assert not wrap and fit.MIN_PT <= size < fit.BASE_PT
    assert 149 * fit.MONO_ADVANCE_EM * size <= fit.OUTPUT_WIDTH_PT


def test_an_output_too_wide_even_at_the_smallest_size_wraps():
    assert fit.pre_style("x" * 400) == (None, True)


def test_a_table_shrinks_only_when_its_longest_words_do_not_fit():
    assert fit.table_style([["CONTAINER ID", "IMAGE", "NAMES"], ["918f7bed23ee", "busybox", "lesson2-sleeper"]]) \
        == (None, False)
    size, wrap = fit.table_style([["x" * 18] * 6])
    assert size < fit.TABLE_BASE_PT and not wrap
    assert fit.table_style([["x" * 200] * 3]) == (fit.MIN_PT, True)


def test_every_page_of_a_lesson_pdf_has_the_course_name_and_the_lesson_title_and_page_number(handouts):
    from handoutlib import book
    for page in lesson_pages(handouts):
        with open(os.path.join(handouts, page), encoding="utf-8") as f:
            title = book.pages.lesson_title(f.read(), page)
        texts = book.page_texts(os.path.join(handouts, page[:-5] + ".pdf"))
        for number, text in enumerate(texts, 1):
            lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
            assert lines[0] == book.pages.COURSE, f"{page} page {number}: header {lines[0]!r}"
            assert book.squeeze(title) in book.squeeze(lines[-1]) and book.squeeze(lines[-1]).endswith(f"{number}/{len(texts)}"), \
                f"{page} page {number}: footer {lines[-1]!r}"
