package io.github.dockerlessons.render;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A swarm as a picture: each node a box (its hostname, state, availability and role), each service's
 * tasks that should be running drawn inside the node they were placed on, one colour per service, so
 * that a drain or a scale shows as tasks moving between boxes. Plain SVG with no script, like
 * {@link LifecycleDiagram}: the same in JupyterLab, Notebook and the printed handouts.
 */
public final class ClusterPicture {
    /** A task in the picture: its name as {@code service ps} shows it (web.1), its service and current state. */
    public record Task(String name, String service, String state) { }

    /** A node: hostname, state (ready, down), availability (active, pause, drain), role, and its tasks. */
    public record Node(String hostname, String state, String availability, String role, boolean leader,
                       List<Task> tasks) { }

    private static final int BOX_WIDTH = 210;
    private static final int GAP = 20;
    private static final int MARGIN = 20;
    private static final int PER_ROW = 4;
    private static final int TASK_HEIGHT = 22;
    private static final int TASKS_SHOWN = 8;
    private static final String LINE = "#57606a";
    private static final String DOWN = "#cf222e";
    /** Service colours, in the order services first appear (fills light enough for black text). */
    private static final List<String> PALETTE = List.of("#b6e3ff", "#aceebb", "#ffdf5d", "#ffc1c0", "#d8b9ff",
            "#ffb77c", "#9ff0e1", "#e1e4e8");

    private ClusterPicture() {
    }

    /**
     * @param nodes   the swarm's nodes in the order to draw them
     * @param caption a line above the picture (in the reader's language)
     * @param legend  per service, the words beside its colour ("web nginx 3/3")
     */
    public static String svg(List<Node> nodes, String caption, Map<String, String> legend) {
        Map<String, String> colours = colours(nodes, legend);
        int columns = Math.max(1, Math.min(PER_ROW, nodes.size()));
        int rows = Math.max(1, (nodes.size() + PER_ROW - 1) / PER_ROW);
        int most = nodes.stream().mapToInt(n -> Math.min(n.tasks().size(), TASKS_SHOWN + 1)).max().orElse(0);
        int boxHeight = 58 + Math.max(1, most) * (TASK_HEIGHT + 4);
        int legendTop = 36 + rows * (boxHeight + GAP);
        int width = Math.max(360, MARGIN * 2 + columns * BOX_WIDTH + (columns - 1) * GAP);
        int height = legendTop + Math.max(1, colours.size()) * 18 + 8;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"")
                .append(height).append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" font-family=\"'Nanum Gothic','Noto Sans CJK KR',sans-serif\" font-size=\"12\">");
        text(svg, MARGIN, 22, "font-size=\"13\" font-weight=\"bold\" fill=\"" + LINE + "\"", caption);
        for (int i = 0; i < nodes.size(); i++) {
            int x = MARGIN + (i % PER_ROW) * (BOX_WIDTH + GAP);
            int y = 36 + (i / PER_ROW) * (boxHeight + GAP);
            node(svg, nodes.get(i), x, y, boxHeight, colours);
        }
        int y = legendTop;
        for (Map.Entry<String, String> service : colours.entrySet()) {
            svg.append("<rect x=\"").append(MARGIN).append("\" y=\"").append(y).append("\" width=\"14\" height=\"12\" rx=\"3\" fill=\"")
                    .append(service.getValue()).append("\" stroke=\"").append(LINE).append("\" stroke-width=\"0.8\"/>");
            text(svg, MARGIN + 20, y + 10, "", legend.getOrDefault(service.getKey(), service.getKey()));
            y += 18;
        }
        return svg.append("</svg>").toString();
    }

    private static void node(StringBuilder svg, Node node, int x, int y, int height, Map<String, String> colours) {
        boolean down = !node.state().equals("ready");
        boolean drained = !node.availability().equals("active");
        svg.append("<rect x=\"").append(x).append("\" y=\"").append(y).append("\" width=\"").append(BOX_WIDTH)
                .append("\" height=\"").append(height).append("\" rx=\"10\" fill=\"").append(drained || down ? "#f6f8fa" : "#ffffff")
                .append("\" stroke=\"").append(down ? DOWN : LINE).append("\" stroke-width=\"").append(down ? 2.5 : 1.4)
                .append('"').append(drained ? " stroke-dasharray=\"6,4\"" : "").append("/>");
        text(svg, x + 12, y + 20, "font-weight=\"bold\" font-size=\"13\"",
                node.hostname() + (node.leader() ? " ★" : ""));
        text(svg, x + 12, y + 38, "font-size=\"11\" fill=\"" + (down ? DOWN : LINE) + "\"",
                node.state() + " · " + node.availability() + " · " + (node.leader() ? "leader" : node.role()));
        int ty = y + 50;
        List<Task> tasks = node.tasks();
        for (int i = 0; i < tasks.size(); i++) {
            if (i == TASKS_SHOWN && tasks.size() > TASKS_SHOWN + 1) {
                text(svg, x + 12, ty + 15, "font-size=\"11\"", "+" + (tasks.size() - TASKS_SHOWN));
                break;
            }
            Task task = tasks.get(i);
            boolean running = task.state().equals("running");
            svg.append("<rect x=\"").append(x + 10).append("\" y=\"").append(ty).append("\" width=\"").append(BOX_WIDTH - 20)
                    .append("\" height=\"").append(TASK_HEIGHT).append("\" rx=\"5\" fill=\"")
                    .append(colours.getOrDefault(task.service(), PALETTE.get(PALETTE.size() - 1)))
                    .append("\" stroke=\"").append(LINE).append("\" stroke-width=\"0.8\"")
                    .append(running ? "" : " stroke-dasharray=\"3,2\" fill-opacity=\"0.5\"").append("/>");
            text(svg, x + 18, ty + 15, "", shorten(task.name(), 18));
            text(svg, x + BOX_WIDTH - 16, ty + 15, "text-anchor=\"end\" font-size=\"10\" fill=\"" + LINE + "\"", task.state());
            ty += TASK_HEIGHT + 4;
        }
    }

    /** One colour per service, in the legend's order, then as services first appear on the nodes. */
    private static Map<String, String> colours(List<Node> nodes, Map<String, String> legend) {
        List<String> services = new ArrayList<>(legend.keySet());
        for (Node node : nodes) {
            for (Task task : node.tasks()) {
                if (!services.contains(task.service())) {
                    services.add(task.service());
                }
            }
        }
        Map<String, String> colours = new LinkedHashMap<>();
        for (int i = 0; i < services.size(); i++) {
            colours.put(services.get(i), PALETTE.get(i % PALETTE.size()));
        }
        return colours;
    }

    private static void text(StringBuilder svg, int x, int y, String attributes, String value) {
        svg.append("<text x=\"").append(x).append("\" y=\"").append(y).append('"')
                .append(attributes.isEmpty() ? "" : " " + attributes).append('>').append(Html.escape(value)).append("</text>");
    }

    private static String shorten(String name, int most) {
        return name.length() > most ? name.substring(0, most - 1) + "…" : name;
    }

    /**
     * The same facts as text, for a front end that shows no SVG and for a reader's copy: one line per
     * node (a star after the leader's hostname, each task's state when it is not running yet), then the legend.
     */
    public static String plainText(List<Node> nodes, String caption, Map<String, String> legend) {
        StringBuilder text = new StringBuilder(caption).append('\n');
        int width = nodes.stream().mapToInt(n -> n.hostname().length()).max().orElse(0) + 2;
        for (Node node : nodes) {
            List<String> tasks = new ArrayList<>();
            for (Task task : node.tasks()) {
                tasks.add(task.state().equals("running") ? task.name() : task.name() + "(" + task.state() + ")");
            }
            text.append(String.format("%-" + width + "s%-7s %-7s %-7s %s", node.hostname() + (node.leader() ? "*" : ""),
                    node.state(), node.availability(), node.leader() ? "leader" : node.role(), String.join(" ", tasks)).stripTrailing()).append('\n');
        }
        for (String line : legend.values()) {
            text.append("  ").append(line).append('\n');
        }
        return text.toString();
    }
}
