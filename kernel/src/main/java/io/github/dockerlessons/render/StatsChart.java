package io.github.dockerlessons.render;

import io.github.dockerlessons.golang.GoText;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A small picture of live {@code docker stats}: CPU % and memory use of each container over the
 * last samples, one line per container, drawn as inline SVG under the table and redrawn with it.
 */
public final class StatsChart {
    private static final String[] COLOURS = {"#0969da", "#d9480f", "#1a7f37", "#8250df", "#bf8700", "#cf222e"};
    private static final int PLOT_WIDTH = 300;
    private static final int PLOT_HEIGHT = 90;

    /** One container's samples, oldest first. */
    public record Series(List<Double> cpuPercent, List<Double> memoryBytes) { }

    private StatsChart() {
    }

    public static String svg(Map<String, Series> byContainer, String cpuTitle, String memoryTitle) {
        int width = 2 * (PLOT_WIDTH + 60) + 20;
        int legendRows = (byContainer.size() + 3) / 4;
        int height = PLOT_HEIGHT + 50 + 16 * legendRows;
        StringBuilder svg = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width)
                .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(width).append(' ')
                .append(height).append("\" font-family=\"sans-serif\" font-size=\"11\">");
        double cpuMax = Math.max(1, byContainer.values().stream().flatMap(s -> s.cpuPercent().stream())
                .mapToDouble(Double::doubleValue).max().orElse(1));
        double memMax = Math.max(1, byContainer.values().stream().flatMap(s -> s.memoryBytes().stream())
                .mapToDouble(Double::doubleValue).max().orElse(1));
        plot(svg, 40, cpuTitle + " (max " + String.format(Locale.ROOT, "%.1f%%", cpuMax) + ")",
                byContainer, true, cpuMax);
        plot(svg, 40 + PLOT_WIDTH + 60, memoryTitle + " (max " + GoText.binarySize(memMax) + ")",
                byContainer, false, memMax);
        int i = 0;
        for (String name : byContainer.keySet()) {
            int x = 40 + (i % 4) * 170;
            int y = PLOT_HEIGHT + 44 + 16 * (i / 4);
            String colour = COLOURS[i % COLOURS.length];
            svg.append("<rect x=\"").append(x).append("\" y=\"").append(y - 9).append("\" width=\"10\" height=\"10\" fill=\"")
                    .append(colour).append("\"/><text x=\"").append(x + 14).append("\" y=\"").append(y).append("\">")
                    .append(Html.escape(name.length() > 22 ? name.substring(0, 21) + "…" : name)).append("</text>");
            i++;
        }
        return svg.append("</svg>").toString();
    }

    private static void plot(StringBuilder svg, int left, String title, Map<String, Series> byContainer, boolean cpu,
                             double max) {
        int top = 18;
        svg.append("<text x=\"").append(left).append("\" y=\"12\" font-weight=\"bold\">").append(Html.escape(title))
                .append("</text>");
        svg.append("<rect x=\"").append(left).append("\" y=\"").append(top).append("\" width=\"").append(PLOT_WIDTH)
                .append("\" height=\"").append(PLOT_HEIGHT).append("\" fill=\"#f6f8fa\" stroke=\"#d0d7de\"/>");
        int i = 0;
        for (Series series : byContainer.values()) {
            List<Double> values = cpu ? series.cpuPercent() : series.memoryBytes();
            if (values.size() >= 1) {
                StringBuilder points = new StringBuilder();
                int n = values.size();
                for (int k = 0; k < n; k++) {
                    double x = left + (n == 1 ? PLOT_WIDTH : (double) PLOT_WIDTH * k / (n - 1));
                    double y = top + PLOT_HEIGHT - PLOT_HEIGHT * Math.min(1, values.get(k) / max);
                    points.append(Math.round(x)).append(',').append(Math.round(y)).append(' ');
                }
                svg.append("<polyline fill=\"none\" stroke-width=\"1.6\" stroke=\"").append(COLOURS[i % COLOURS.length])
                        .append("\" points=\"").append(points.toString().strip()).append("\"/>");
            }
            i++;
        }
    }
}
