"""How wide an output is on paper, and the font size that makes it fit the page.

Why shrink and not landscape: the widest outputs of the lessons are a few lines (`docker top`, about
150 columns); a landscape page for them would turn the reader's handout sideways for three lines,
and wrapping them breaks the columns apart. So an output keeps 8.5 pt when its longest line fits,
is set smaller down to MIN_PT when that makes it fit (columns stay aligned), and only wraps when even
MIN_PT is too wide. The outputs are set in NanumGothicCoding, whose Latin characters are exactly half
an em and Hangul a full em, so a line's width is its column count (Hangul counting two) times
half the font size.
"""
import unicodedata

MM = 72 / 25.4
PAGE_WIDTH_MM, PAGE_HEIGHT_MM = 210, 297            # A4
MARGIN_MM = {"top": 16, "right": 15, "bottom": 16, "left": 15}
OUTPUT_INDENT_PT = 7.5                              # the output's rule on the left and its padding
CONTENT_WIDTH_PT = (PAGE_WIDTH_MM - MARGIN_MM["left"] - MARGIN_MM["right"]) * MM
OUTPUT_WIDTH_PT = CONTENT_WIDTH_PT - OUTPUT_INDENT_PT
BASE_PT, MIN_PT = 8.5, 6.0
TABLE_BASE_PT = 8.0
MONO_ADVANCE_EM = 0.5                               # NanumGothicCoding, one column
PROPORTIONAL_ADVANCE_EM = 0.62                      # NanumGothic, a generous average for table text
CELL_PADDING_PT = 8.0                               # 4 pt on either side of a table cell


def columns(text):
    """Terminal columns of text: East Asian wide characters take two, a tab goes to the next 8."""
    width = 0
    for ch in text:
        if ch == "\t":
            width += 8 - width % 8
        elif unicodedata.combining(ch):
            continue
        else:
            width += 2 if unicodedata.east_asian_width(ch) in "WF" else 1
    return width


def widest_line(text):
    return max((columns(line) for line in text.split("\n")), default=0)


def pre_style(text):
    """(font size in pt or None for the default, wrap) for preformatted output."""
    cols = widest_line(text.rstrip("\n"))
    if cols == 0:
        return None, False
    fitting = OUTPUT_WIDTH_PT / (cols * MONO_ADVANCE_EM)
    if fitting >= BASE_PT:
        return None, False
    if fitting >= MIN_PT:
        return _round_down(fitting), False
    return None, True


def table_style(rows):
    """(font size in pt or None for the default, wrap anywhere) for a table given as rows of cell
    texts. Cells wrap between words, so a column is at least as wide as its longest word; the table
    fits when those minimums add up to less than the page."""
    if not rows:
        return None, False
    widths = [0] * max(len(r) for r in rows)
    for row in rows:
        for i, cell in enumerate(row):
            widths[i] = max(widths[i], max((columns(w) for w in cell.split()), default=0))
    em_needed = sum(widths) * PROPORTIONAL_ADVANCE_EM
    padding = CELL_PADDING_PT * len(widths)
    if em_needed == 0 or em_needed * TABLE_BASE_PT + padding <= OUTPUT_WIDTH_PT:
        return None, False
    fitting = (OUTPUT_WIDTH_PT - padding) / em_needed
    if fitting >= MIN_PT:
        return _round_down(fitting), False
    return MIN_PT, True


def _round_down(size):
    return int(size * 0.98 * 10) / 10
