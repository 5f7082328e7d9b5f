package io.github.dockerlessons.golang;

import java.util.ArrayList;
import java.util.List;

/**
 * Go's text/tabwriter as the docker CLI configures it (minwidth 10, tabwidth 1, padding 3, padchar
 * space, no flags), measuring cells by display width. A line is a list of cells: every cell but the
 * last was ended by a tab and is padded to its column; the last is written as is. Columns are
 * aligned per block of consecutive lines that have a cell in them, exactly as Go's recursive
 * {@code format} does, so tables with uneven rows print as docker's do.
 */
public final class TabWriter {
    private final int minWidth;
    private final int padding;

    public TabWriter(int minWidth, int padding) {
        this.minWidth = minWidth;
        this.padding = padding;
    }

    /** The writer docker's formatter uses. */
    public static TabWriter docker() {
        return new TabWriter(10, 3);
    }

    /** Lays out text whose cells are separated by tabs and lines by newlines, as Go's writer does. */
    public String format(String tabbed) {
        List<List<String>> lines = new ArrayList<>();
        boolean trailingNewline = tabbed.endsWith("\n");
        String body = trailingNewline ? tabbed.substring(0, tabbed.length() - 1) : tabbed;
        for (String line : body.split("\n", -1)) {
            lines.add(List.of(line.split("\t", -1)));
        }
        String out = format(lines);
        return trailingNewline ? out : out.substring(0, out.length() - 1);
    }

    /** Each line's cells; the result ends with a newline after every line. */
    public String format(List<List<String>> lines) {
        StringBuilder out = new StringBuilder();
        List<Integer> widths = new ArrayList<>();
        layout(lines, 0, lines.size(), widths, out);
        return out.toString();
    }

    private void layout(List<List<String>> lines, int line0, int line1, List<Integer> widths, StringBuilder out) {
        int column = widths.size();
        for (int current = line0; current < line1; current++) {
            if (column >= lines.get(current).size() - 1) {
                continue;
            }
            // This line has a cell in this column: print the lines before it, then size the block.
            writeLines(lines, line0, current, widths, out);
            line0 = current;
            int width = minWidth;
            for (; current < line1; current++) {
                List<String> cells = lines.get(current);
                if (column >= cells.size() - 1) {
                    break;
                }
                width = Math.max(width, DisplayWidth.of(cells.get(column)) + padding);
            }
            widths.add(width);
            layout(lines, line0, current, widths, out);
            widths.remove(widths.size() - 1);
            line0 = current;
            current--; // the for loop's increment must not skip the line that ended the block
        }
        writeLines(lines, line0, line1, widths, out);
    }

    private static void writeLines(List<List<String>> lines, int from, int to, List<Integer> widths,
                                   StringBuilder out) {
        for (int i = from; i < to; i++) {
            List<String> cells = lines.get(i);
            for (int j = 0; j < cells.size(); j++) {
                String cell = cells.get(j);
                out.append(cell);
                if (j < widths.size() && j < cells.size() - 1) {
                    out.append(" ".repeat(Math.max(0, widths.get(j) - DisplayWidth.of(cell))));
                }
            }
            out.append('\n');
        }
    }
}
