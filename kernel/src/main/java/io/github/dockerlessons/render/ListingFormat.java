package io.github.dockerlessons.render;

import io.github.dockerlessons.golang.TabWriter;
import io.github.dockerlessons.render.template.DockerFunctions;
import io.github.dockerlessons.render.template.GoMap;
import io.github.dockerlessons.render.template.GoTemplate;
import io.github.dockerlessons.render.template.TemplateException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code --format} for listings, as docker's formatter.Context writes it: {@code table} or
 * {@code table TEMPLATE} (a header row run over the header context with docker's header functions,
 * rows aligned by the tab writer, and an HTML table), {@code json} (one JSON object a line) or a plain
 * template (one line a row). The two-character sequences {@code \t} and {@code \n} become a tab and
 * a newline. In the HTML table the status cell is coloured and IDs are set in monospace according to
 * the fields each column shows, whatever its position or header.
 */
public final class ListingFormat {
    /** Fields whose columns are coloured by the row's state. */
    private static final Set<String> STATUS_FIELDS = Set.of("Status", "State");
    /** Fields whose columns are set in a monospace font. */
    private static final Set<String> CODE_FIELDS = Set.of("ID", "Command", "Digest");
    private static final Pattern PROBE = Pattern.compile("\u0001([^\u0001\u0002]*)\u0002");

    private ListingFormat() {
    }

    /**
     * Renders rows with a format. {@code empty} is a context of the rows' type (it gives the header
     * row, as docker's formatter takes it from an empty context); {@code states} is each row's state
     * for the status colour, or null.
     */
    public static Bundle render(String format, List<FieldContext> rows, FieldContext empty, List<String> states)
            throws TemplateException {
        return render(format, rows, empty.header(), states);
    }

    /**
     * For callers that have no empty context (stats): the header comes from the first row, or from
     * the column names the listings know when there is none.
     */
    public static Bundle render(String format, List<FieldContext> rows, String defaultTable, int statusColumn,
                                List<String> states) throws TemplateException {
        String f = format == null || format.isEmpty() || format.equals("table") ? "table " + defaultTable : format;
        GoMap header = rows.isEmpty() ? knownHeaders() : rows.get(0).header();
        return render(f, rows, header, states);
    }

    /**
     * A listing's template as the CLI's New...Format picks it: the user's as given, else the default
     * table, or only {@code quietTemplate} (the IDs or names) with -q.
     */
    public static String template(String format, boolean quiet, String quietTemplate, String defaultTable) {
        return format == null || format.isEmpty() || format.equals("table") ? (quiet ? quietTemplate : defaultTable)
                : format;
    }

    private static GoMap knownHeaders() {
        Map<String, String> headers = new LinkedHashMap<>(ImageFields.HEADERS);
        headers.putAll(ContainerFields.HEADERS);
        return FieldContext.header(headers);
    }

    private static Bundle render(String format, List<FieldContext> rows, GoMap header, List<String> states)
            throws TemplateException {
        boolean table = format.startsWith("table");
        String text = format;
        if (table) {
            text = text.substring("table".length());
        } else if (format.equals("json")) {
            text = "{{json .}}";
        }
        text = trimSpaces(text).replace("\\t", "\t").replace("\\n", "\n");
        GoTemplate template;
        try {
            template = GoTemplate.parse(text);
        } catch (TemplateException e) {
            throw e.as("template parsing error: ", 1);
        }
        StringBuilder body = new StringBuilder();
        List<String> outputs = new ArrayList<>();
        for (FieldContext row : rows) {
            String out;
            try {
                out = template.execute(row);
            } catch (TemplateException e) {
                throw e.as("template parsing error: ", 1);
            }
            outputs.add(out);
            body.append(out).append('\n');
        }
        if (!table) {
            return Bundle.text(body.toString());
        }
        String headerRow;
        try {
            headerRow = template.execute(header, DockerFunctions.forHeader());
        } catch (TemplateException e) {
            headerRow = e.output(); // docker ignores the header's error and prints what it wrote
        }
        String aligned = TabWriter.docker().format(headerRow + "\n" + body);
        return Bundle.text(aligned).with("text/html", html(template, header, headerRow, outputs, states));
    }

    /** Go's strings.Trim(s, " "): spaces only, both ends. */
    private static String trimSpaces(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && s.charAt(start) == ' ') {
            start++;
        }
        while (end > start && s.charAt(end - 1) == ' ') {
            end--;
        }
        return s.substring(start, end);
    }

    private static String html(GoTemplate template, GoMap header, String headerRow, List<String> outputs,
                               List<String> states) {
        List<Set<String>> fields = columnFields(template, header);
        String[] names = headerRow.split("\t", -1);
        List<Table.Column> columns = new ArrayList<>();
        int statusColumn = -1;
        for (int i = 0; i < names.length; i++) {
            Set<String> shown = i < fields.size() ? fields.get(i) : Set.of();
            if (statusColumn < 0 && shown.stream().anyMatch(STATUS_FIELDS::contains)) {
                statusColumn = i;
            }
            columns.add(new Table.Column(names[i], shown.stream().anyMatch(CODE_FIELDS::contains)));
        }
        Table html = new Table(columns, states == null ? -1 : statusColumn);
        for (int r = 0; r < outputs.size(); r++) {
            List<String> cells = new ArrayList<>(List.of(outputs.get(r).split("\t", -1)));
            while (cells.size() < columns.size()) {
                cells.add("");
            }
            html.add(new Table.Row(cells.subList(0, columns.size()), states == null ? null : states.get(r)));
        }
        return html.toHtml();
    }

    /**
     * Which fields each column shows: the header row run once more with every column name replaced
     * by a marker naming its field, the markers then read per tab-separated cell.
     */
    private static List<Set<String>> columnFields(GoTemplate template, GoMap header) {
        Map<String, Object> markers = new LinkedHashMap<>();
        for (String field : header.sortedKeys()) {
            markers.put(field, "\u0001" + field + "\u0002");
        }
        GoMap probe = new GoMap(header.type(), markers, false, header.methods());
        String out;
        try {
            out = template.execute(probe, DockerFunctions.forHeader());
        } catch (TemplateException e) {
            out = e.output();
        }
        List<Set<String>> columns = new ArrayList<>();
        for (String cell : out.split("\t", -1)) {
            Set<String> fields = new LinkedHashSet<>();
            Matcher m = PROBE.matcher(cell);
            while (m.find()) {
                fields.add(m.group(1));
            }
            columns.add(fields);
        }
        return columns;
    }
}
