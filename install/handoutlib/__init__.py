"""The handouts of install/lessons: lessons run (execute), pages for screen and paper (pages, fit),
PDFs from one headless Chromium (chromium) and the book a lecturer prints (book)."""
