package io.github.dockerlessons.compose;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** A Compose file written into a test's folder (lesson/compose.yaml, so the project is "lesson") and loaded. */
public final class ComposeFixture {
    private ComposeFixture() {
    }

    public static ComposeProject project(Path dir, String yaml, Map<String, String> env, List<String> profiles)
            throws ComposeFileError, java.io.IOException {
        Path folder = Files.createDirectories(dir.resolve("lesson"));
        Files.writeString(folder.resolve("compose.yaml"), yaml);
        return ProjectLoader.load(new ProjectLoader.Options(List.of(), null, null, List.of(), folder, env)
                .withProfiles(profiles)).project();
    }

    public static ComposeProject project(Path dir, String yaml) throws ComposeFileError, java.io.IOException {
        return project(dir, yaml, Map.of(), List.of());
    }
}
