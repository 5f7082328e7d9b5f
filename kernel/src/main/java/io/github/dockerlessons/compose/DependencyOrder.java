package io.github.dockerlessons.compose;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The order depends_on gives: a service starts after the services it depends on and stops before
 * them. Cycles are refused in compose-go's words, found in the same (name) order it searches.
 */
public final class DependencyOrder {
    private DependencyOrder() {
    }

    static void checkCycles(ComposeProject project) throws ComposeFileError {
        for (String name : new TreeSet<>(project.services().keySet())) {
            List<String> path = new ArrayList<>();
            path.add(name);
            search(project, path);
        }
    }

    private static void search(ComposeProject project, List<String> path) throws ComposeFileError {
        ComposeProject.Service service = project.services().get(path.get(path.size() - 1));
        if (service == null) {
            return;
        }
        for (String child : new TreeSet<>(service.dependsOn().keySet())) {
            int at = path.indexOf(child);
            if (at >= 0) {
                throw new ComposeFileError("dependency cycle detected: " + String.join(" -> ", path.subList(at, path.size()))
                        + " -> " + child);
            }
            path.add(child);
            search(project, path);
            path.remove(path.size() - 1);
        }
    }

    /**
     * The services to bring up for {@code chosen}, dependencies first (with {@code withDependencies},
     * the services they depend on too, as {@code up web} starts what web needs).
     */
    public static List<ComposeProject.Service> startOrder(ComposeProject project, List<ComposeProject.Service> chosen,
                                                          boolean withDependencies) {
        Set<String> wanted = new LinkedHashSet<>();
        for (ComposeProject.Service s : chosen) {
            wanted.add(s.name());
        }
        Set<String> placed = new LinkedHashSet<>();
        for (ComposeProject.Service s : project.services().values()) {
            if (wanted.contains(s.name())) {
                place(project, s.name(), wanted, withDependencies, placed);
            }
        }
        List<ComposeProject.Service> order = new ArrayList<>();
        for (String name : placed) {
            order.add(project.services().get(name));
        }
        return order;
    }

    private static void place(ComposeProject project, String name, Set<String> wanted, boolean withDependencies,
                              Set<String> placed) {
        if (placed.contains(name) || !project.services().containsKey(name)) {
            return;
        }
        for (String dependency : project.services().get(name).dependsOn().keySet()) {
            if (withDependencies || wanted.contains(dependency)) {
                place(project, dependency, wanted, withDependencies, placed);
            }
        }
        placed.add(name);
    }

    /** The reverse: dependants stop before what they depend on. */
    public static List<ComposeProject.Service> stopOrder(ComposeProject project, List<ComposeProject.Service> chosen) {
        List<ComposeProject.Service> order = new ArrayList<>(startOrder(project, chosen, false));
        Collections.reverse(order);
        return order;
    }
}
