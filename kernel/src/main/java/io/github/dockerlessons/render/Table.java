package io.github.dockerlessons.render;

import io.github.dockerlessons.golang.TabWriter;

import java.util.ArrayList;
import java.util.List;

/**
 * A listing such as {@code docker ps} or {@code docker images}: the same rows rendered twice, as the
 * CLI's text table (text/plain, byte for byte) and as a styled HTML table for the notebook.
 */
public final class Table {

    /** A column; {@code code} marks columns of IDs and commands, set in a monospace font. */
    public record Column(String header, boolean code) { }

    /**
     * A row; {@code state} (running, exited, created, paused, restarting, dead) colours the status
     * column in HTML, and {@code statusColumn} says which column that is (-1 for none).
     */
    public record Row(List<String> cells, String state) {
        public Row {
            cells = List.copyOf(cells);
        }
    }

    private final List<Column> columns;
    private final List<Row> rows = new ArrayList<>();
    private final int statusColumn;

    public Table(List<Column> columns, int statusColumn) {
        this.columns = List.copyOf(columns);
        this.statusColumn = statusColumn;
    }

    public Table add(Row row) {
        rows.add(row);
        return this;
    }

    public String toText() {
        List<List<String>> lines = new ArrayList<>();
        lines.add(columns.stream().map(Column::header).toList());
        for (Row row : rows) {
            lines.add(row.cells());
        }
        return TabWriter.docker().format(lines);
    }

    public String toHtml() {
        StringBuilder html = new StringBuilder(256 + rows.size() * 160);
        html.append(STYLE).append("<table class=\"docker-table\"><thead><tr>");
        for (Column column : columns) {
            html.append("<th>").append(Html.escape(column.header())).append("</th>");
        }
        html.append("</tr></thead><tbody>");
        for (Row row : rows) {
            html.append("<tr>");
            for (int i = 0; i < row.cells().size(); i++) {
                String cell = row.cells().get(i);
                html.append("<td");
                if (i == statusColumn && row.state() != null) {
                    html.append(" class=\"state state-").append(Html.escape(row.state())).append('"');
                } else if (columns.get(i).code()) {
                    html.append(" class=\"code\"");
                }
                html.append('>').append(Html.escape(cell)).append("</td>");
            }
            html.append("</tr>");
        }
        return html.append("</tbody></table>").toString();
    }

    public Bundle toBundle() {
        return Bundle.text(toText()).with("text/html", toHtml());
    }

    /**
     * Colours are translucent over the theme's own background and text stays the theme's colour, so
     * the table reads in light and dark themes alike. Cells are left-aligned with !important: JupyterLab's
     * {@code :not(.jp-RenderedMarkdown).jp-RenderedHTMLCommon td} (right-aligned) outranks a class selector.
     */
    private static final String STYLE = "<style>"
            + "table.docker-table{border-collapse:collapse;font-size:13px;margin:2px 0;color:inherit}"
            + "table.docker-table th{text-align:left!important;font-weight:600;padding:4px 10px;"
            + "border-bottom:2px solid rgba(127,127,127,.45);white-space:nowrap}"
            + "table.docker-table td{text-align:left!important;padding:3px 10px;border-bottom:1px solid rgba(127,127,127,.2);"
            + "white-space:nowrap;vertical-align:top}"
            + "table.docker-table tbody tr:hover{background:rgba(127,127,127,.08)}"
            + "table.docker-table td.code{font-family:var(--jp-code-font-family,monospace)}"
            + "table.docker-table td.state{border-left:4px solid transparent}"
            + "table.docker-table td.state-running{background:rgba(46,160,67,.16);border-left-color:rgb(46,160,67)}"
            + "table.docker-table td.state-paused,table.docker-table td.state-restarting"
            + "{background:rgba(210,153,34,.18);border-left-color:rgb(210,153,34)}"
            + "table.docker-table td.state-exited-error,table.docker-table td.state-dead"
            + "{background:rgba(218,54,51,.16);border-left-color:rgb(218,54,51)}"
            + "table.docker-table td.state-exited,table.docker-table td.state-created"
            + "{background:rgba(127,127,127,.12);border-left-color:rgba(127,127,127,.6)}"
            + "</style>";
}
