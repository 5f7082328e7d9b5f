package io.github.dockerlessons.render;

import io.github.dockerlessons.render.template.GoTemplate;
import io.github.dockerlessons.render.template.TemplateException;
import io.github.dockerlessons.render.template.TemplateObject;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code --format} for listings, as docker's formatter applies it: {@code table} or
 * {@code table TEMPLATE} (a header row, columns aligned by the tab writer, and an HTML table),
 * {@code json} (one JSON object a line) or a plain template (one line a row, tabs left as they are).
 * The two-character sequences {@code \t} and {@code \n} in the format become a tab and a newline.
 */
public final class ListingFormat {
    private ListingFormat() {
    }

    /** Renders rows with a format; {@code defaultTable} is what "table" alone means. */
    public static Bundle render(String format, List<FieldContext> rows, String defaultTable, int statusColumn,
                                List<String> states) throws TemplateException {
        String f = format.replace("\\t", "\t").replace("\\n", "\n");
        if (f.equals("json")) {
            f = "{{json .}}";
        }
        boolean table = f.startsWith("table");
        if (table) {
            String rest = f.substring(5).strip();
            f = rest.isEmpty() ? defaultTable : rest;
        }
        GoTemplate template = GoTemplate.parse(f);
        if (!table) {
            StringBuilder out = new StringBuilder();
            for (TemplateObject row : rows) {
                out.append(template.execute(row)).append('\n');
            }
            return Bundle.text(out.toString());
        }
        List<List<String>> lines = new ArrayList<>();
        String header = rows.isEmpty() ? headerOfEmpty(template, f) : template.execute(rows.get(0).header());
        lines.add(List.of(header.split("\t", -1)));
        for (TemplateObject row : rows) {
            lines.add(List.of(template.execute(row).split("\t", -1)));
        }
        String text = TabWriter.docker().format(lines);
        List<Table.Column> columns = new ArrayList<>();
        for (String name : lines.get(0)) {
            columns.add(new Table.Column(name, name.contains("ID") || name.equals("COMMAND")));
        }
        Table html = new Table(columns, statusColumn >= 0 && statusColumn < columns.size() ? statusColumn : -1);
        for (int i = 1; i < lines.size(); i++) {
            List<String> cells = new ArrayList<>(lines.get(i));
            while (cells.size() < columns.size()) {
                cells.add("");
            }
            html.add(new Table.Row(cells.subList(0, columns.size()), states == null ? null : states.get(i - 1)));
        }
        return Bundle.text(text).with("text/html", html.toHtml());
    }

    /** With no rows, the header comes from the field names alone, as the CLI's header context does. */
    private static String headerOfEmpty(GoTemplate template, String format) throws TemplateException {
        return template.execute(new TemplateObject() {
            @Override
            public Object field(String name) {
                return ContainerFields.HEADERS.getOrDefault(name, ImageFields.HEADERS.getOrDefault(name,
                        name.toUpperCase()));
            }

            @Override
            public Object call(String method, List<Object> args) {
                return method.toUpperCase();
            }

            @Override
            public Object toJsonValue() {
                return java.util.Map.of();
            }
        });
    }
}
