package io.github.dockerlessons.render;

import java.util.List;
import java.util.Map;

/**
 * The container state machine as a picture: created, running, paused, exited and removed, the
 * commands that move a container between them, the notebook's containers written in the state they
 * are in, and the last move highlighted. Plain SVG with no script, so it shows the same in
 * JupyterLab, Notebook and the HTML and PDF handouts.
 */
public final class LifecycleDiagram {
    private static final int WIDTH = 720;
    private static final int HEIGHT = 300;
    private static final String HIGHLIGHT = "#d9480f";
    private static final String LINE = "#57606a";

    /** A state's box: its name, where it stands, its colour. */
    private record State(String name, int x, int y, String fill) { }

    /** An arrow between two states, drawn as a straight line and labelled with its commands. */
    private record Move(String from, String to, String label, List<String> commands, int bend) { }

    private static final List<State> STATES = List.of(
            new State("created", 40, 40, "#ddf4ff"),
            new State("running", 290, 40, "#dafbe1"),
            new State("paused", 540, 40, "#fff8c5"),
            new State("exited", 290, 190, "#ffebe9"),
            new State("removed", 40, 190, "#eaeef2"));

    private static final List<Move> MOVES = List.of(
            new Move("created", "running", "start", List.of("start", "run"), 0),
            new Move("running", "paused", "pause", List.of("pause"), -12),
            new Move("paused", "running", "unpause", List.of("unpause"), 12),
            new Move("running", "exited", "stop · kill", List.of("stop", "kill"), -30),
            new Move("exited", "running", "start · restart", List.of("start", "restart"), 30),
            new Move("exited", "removed", "rm", List.of("rm"), 0),
            new Move("created", "removed", "rm", List.of("rm"), 0));

    private LifecycleDiagram() {
    }

    /**
     * @param containers the names of the notebook's containers by state ("created", "running", ...)
     * @param lastMove   the last command that moved a container ("start", "stop", "rm", ...), or null
     * @param lastTarget the container it moved, or null
     * @param caption    a line under the picture (in the reader's language)
     */
    public static String svg(Map<String, List<String>> containers, String lastMove, String lastTarget, String caption) {
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"")
                .append(HEIGHT).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" font-family=\"'Nanum Gothic','Noto Sans CJK KR',sans-serif\" font-size=\"13\">")
                .append("<defs>")
                .append(marker("arrow", LINE)).append(marker("arrow-hot", HIGHLIGHT))
                .append("</defs>");
        boolean created = "create".equals(lastMove) || "run".equals(lastMove);
        svg.append("<text x=\"40\" y=\"24\" font-size=\"12\" fill=\"").append(created ? HIGHLIGHT : LINE)
                .append(created ? "\" font-weight=\"bold" : "").append("\">docker create · run ▸</text>");
        for (Move move : MOVES) {
            boolean hot = lastMove != null && move.commands().contains(lastMove);
            arrow(svg, state(move.from()), state(move.to()), move.label(), move.bend(), hot);
        }
        for (State state : STATES) {
            List<String> names = containers.getOrDefault(state.name(), List.of());
            boolean holdsTarget = lastTarget != null && names.contains(lastTarget);
            svg.append("<rect x=\"").append(state.x()).append("\" y=\"").append(state.y())
                    .append("\" width=\"150\" height=\"70\" rx=\"10\" fill=\"").append(state.fill())
                    .append("\" stroke=\"").append(holdsTarget ? HIGHLIGHT : LINE).append("\" stroke-width=\"")
                    .append(holdsTarget ? 3 : 1.2).append('"')
                    .append(state.name().equals("removed") ? " stroke-dasharray=\"5,4\"" : "").append("/>");
            svg.append("<text x=\"").append(state.x() + 75).append("\" y=\"").append(state.y() + 20)
                    .append("\" text-anchor=\"middle\" font-weight=\"bold\">").append(state.name()).append("</text>");
            int line = 0;
            for (String name : names) {
                if (line == 3) {
                    svg.append("<text x=\"").append(state.x() + 75).append("\" y=\"").append(state.y() + 38 + 14 * line)
                            .append("\" text-anchor=\"middle\" font-size=\"11\">+").append(names.size() - 3)
                            .append("</text>");
                    break;
                }
                svg.append("<text x=\"").append(state.x() + 75).append("\" y=\"").append(state.y() + 38 + 14 * line)
                        .append("\" text-anchor=\"middle\" font-size=\"11\"")
                        .append(name.equals(lastTarget) ? " fill=\"" + HIGHLIGHT + "\" font-weight=\"bold\"" : "")
                        .append('>').append(Html.escape(shorten(name))).append("</text>");
                line++;
            }
        }
        svg.append("<text x=\"40\" y=\"").append(HEIGHT - 12).append("\" font-size=\"12\" fill=\"").append(LINE)
                .append("\">").append(Html.escape(caption)).append("</text>");
        return svg.append("</svg>").toString();
    }

    private static State state(String name) {
        return STATES.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    private static void arrow(StringBuilder svg, State from, State to, String label, int bend, boolean hot) {
        double fx = from.x() + 75;
        double fy = from.y() + 35;
        double tx = to.x() + 75;
        double ty = to.y() + 35;
        // From edge to edge of the boxes, offset sideways by the bend so that two-way moves do not overlap.
        double dx = tx - fx;
        double dy = ty - fy;
        double length = Math.hypot(dx, dy);
        double ux = dx / length;
        double uy = dy / length;
        double ox = -uy * bend;
        double oy = ux * bend;
        double startCut = edge(ux, uy);
        double endCut = edge(ux, uy) + 4;
        double x1 = fx + ux * startCut + ox;
        double y1 = fy + uy * startCut + oy;
        double x2 = tx - ux * endCut + ox;
        double y2 = ty - uy * endCut + oy;
        String colour = hot ? HIGHLIGHT : LINE;
        svg.append("<line x1=\"").append(round(x1)).append("\" y1=\"").append(round(y1)).append("\" x2=\"")
                .append(round(x2)).append("\" y2=\"").append(round(y2)).append("\" stroke=\"").append(colour)
                .append("\" stroke-width=\"").append(hot ? 3 : 1.4).append("\" marker-end=\"url(#")
                .append(hot ? "arrow-hot" : "arrow").append(")\"/>");
        double lx = (x1 + x2) / 2 + ox * 0.6 + (Math.abs(uy) > 0.9 ? 8 : 0);
        double ly = (y1 + y2) / 2 + oy * 0.6 - 4;
        svg.append("<text x=\"").append(round(lx)).append("\" y=\"").append(round(ly)).append("\" font-size=\"11\"")
                .append(Math.abs(uy) > 0.9 ? "" : " text-anchor=\"middle\"").append(" fill=\"").append(colour)
                .append('"').append(hot ? " font-weight=\"bold\"" : "").append('>').append(Html.escape(label))
                .append("</text>");
    }

    /** How far from a box's centre its edge is, along a direction (boxes are 150 by 70). */
    private static double edge(double ux, double uy) {
        double byX = Math.abs(ux) < 1e-9 ? Double.MAX_VALUE : 75 / Math.abs(ux);
        double byY = Math.abs(uy) < 1e-9 ? Double.MAX_VALUE : 35 / Math.abs(uy);
        return Math.min(byX, byY);
    }

    private static String marker(String id, String colour) {
        return "<marker id=\"" + id + "\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\""
                + " orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"" + colour + "\"/></marker>";
    }

    private static String shorten(String name) {
        return name.length() > 20 ? name.substring(0, 19) + "…" : name;
    }

    private static String round(double value) {
        return Long.toString(Math.round(value));
    }
}
