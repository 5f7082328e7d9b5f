package io.github.dockerlessons.command.compose;

import io.github.dockerlessons.api.ContainerSummary;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Which containers a scale keeps, as Compose v2's convergence sorts them: the up-to-date ones by
 * number, lowest first, then the changed ones (so a scale down removes changed containers first,
 * then the highest numbers); and which services --wait waits to complete rather than to run.
 */
class ServiceConvergenceTest {

    private static ContainerSummary numbered(String name, String number) throws Exception {
        return ContainerSummary.parse("""
                {"Id":"%s","Names":["/%s"],"Labels":{"com.docker.compose.container-number":"%s"}}"""
                .formatted(name, name, number));
    }

    private static List<String> order(List<ContainerSummary> containers, Set<String> changed) {
        return ServiceConvergence.keptFirst(containers, c -> changed.contains(c.getId())).stream()
                .map(ContainerSummary::getId).toList();
    }

    @Test
    void upToDateContainersAreKeptLowestNumberFirstAndNumbersCompareAsNumbers() throws Exception {
        List<ContainerSummary> found = List.of(numbered("p-web-10", "10"), numbered("p-web-2", "2"), numbered("p-web-1", "1"));
        assertEquals(List.of("p-web-1", "p-web-2", "p-web-10"), order(found, Set.of()));
    }

    @Test
    void changedContainersComeLastSoAScaleDownRemovesThemFirst() throws Exception {
        List<ContainerSummary> found = List.of(numbered("p-web-1", "1"), numbered("p-web-2", "2"), numbered("p-web-3", "3"));
        assertEquals(List.of("p-web-2", "p-web-3", "p-web-1"), order(found, Set.of("p-web-1")));
    }

    @Test
    void aContainerWithoutANumberCountsAsZero() throws Exception {
        assertEquals(0, ServiceConvergence.number(numbered("odd", "x")));
        assertEquals(7, ServiceConvergence.number(numbered("p-web-7", "7")));
    }
}
