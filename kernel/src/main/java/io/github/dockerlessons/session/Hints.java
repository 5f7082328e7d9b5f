package io.github.dockerlessons.session;

import java.util.List;

/**
 * Picks the short explanation to add after an error the docker CLI printed, from the CLI's own
 * words. The words themselves are never changed; the hint only follows them.
 */
final class Hints {
    private record Rule(String fragment, String key) { }

    private static final List<Rule> RULES = List.of(
            new Rule("No such container", "hint.no.such.container"),
            new Rule("No such image", "hint.no.such.image"),
            new Rule("No such object", "hint.no.such.object"),
            new Rule("is already in use by container", "hint.name.in.use"),
            new Rule("You cannot remove a running container", "hint.remove.running"),
            new Rule("unable to remove repository reference", "hint.image.in.use"),
            new Rule("image is being used by running container", "hint.image.in.use"),
            new Rule("is not running", "hint.not.running"),
            new Rule("This node is not a swarm manager", "hint.swarm.not.manager"),
            new Rule("network is unreachable", "hint.pull.offline"),
            new Rule("executable file not found", "hint.executable.not.found"),
            new Rule("unable to get all container pids", "hint.top.rootless"));

    private Hints() {
    }

    /** The hint key for this CLI text, or null when none fits. */
    static String keyFor(String cliText) {
        for (Rule rule : RULES) {
            if (cliText.contains(rule.fragment())) {
                return rule.key();
            }
        }
        return null;
    }
}
