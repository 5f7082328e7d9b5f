package io.github.dockerlessons.command.compose;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code docker-compose}, Compose v1's own program, which older courses type: a cell line that
 * starts with it runs the same commands as {@code docker compose} (the kernel is Compose v2, so the
 * containers are named project-service-1 where v1 named them project_service_1).
 */
public final class ComposeV1 {
    public static final String PROGRAM = "docker-compose";

    private ComposeV1() {
    }

    /** {@code docker-compose ARGS} as {@code docker compose ARGS}. */
    public static List<String> asDockerCompose(List<String> argv) {
        List<String> words = new ArrayList<>(List.of("docker", "compose"));
        words.addAll(argv.subList(1, argv.size()));
        return words;
    }
}
