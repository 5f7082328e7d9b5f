package io.github.dockerlessons.render;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** %cluster's picture and its text form, drawn from the same nodes (both live in render/, as every format does). */
class ClusterPictureTest {
    private static final List<ClusterPicture.Node> NODES = List.of(
            new ClusterPicture.Node("manager1", "ready", "active", "manager", true,
                    List.of(new ClusterPicture.Task("web.1", "web", "running"),
                            new ClusterPicture.Task("web.2", "web", "preparing"))),
            new ClusterPicture.Node("w2", "down", "drain", "worker", false, List.of()));
    private static final Map<String, String> LEGEND = new LinkedHashMap<>(Map.of("web", "web · nginx · 1/2"));

    @Test
    void theTextFormHasOneLinePerNodeThenTheLegend() {
        assertEquals("""
                swarm
                manager1* ready   active  leader  web.1 web.2(preparing)
                w2        down    drain   worker
                  web · nginx · 1/2
                """, ClusterPicture.plainText(NODES, "swarm", LEGEND));
    }

    @Test
    void thePictureIsPlainSvgWithEveryNodeAndTask() {
        String svg = ClusterPicture.svg(NODES, "swarm", LEGEND);
        assertTrue(svg.startsWith("<svg ") && svg.endsWith("</svg>"), svg);
        assertTrue(svg.contains("manager1") && svg.contains("w2") && svg.contains("web.2") && !svg.contains("<script"), svg);
    }
}
