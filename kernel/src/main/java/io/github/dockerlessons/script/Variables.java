package io.github.dockerlessons.script;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The session's shell variables. They live as long as the kernel, like a terminal's, and fall back to
 * the kernel's environment (HOME, USER, ...) the way a shell inherits it. {@code PWD} is the
 * notebook's folder, as a terminal opened there has it: the environment's {@code PWD} is the folder
 * the Jupyter server started in, which is not the notebook's.
 */
public final class Variables {
    private final Map<String, String> values = new HashMap<>();
    private final Map<String, String> environment;
    private final String folder;
    private int lastStatus;

    /** Variables for a kernel whose working folder (where Jupyter started it) is the notebook's. */
    public Variables(Map<String, String> environment) {
        this(environment, Path.of("").toAbsolutePath().toString());
    }

    /** @param folder the notebook's folder: what {@code $PWD} and {@code $(pwd)} give */
    public Variables(Map<String, String> environment, String folder) {
        this.environment = Map.copyOf(environment);
        this.folder = folder;
    }

    public void set(String name, String value) {
        values.put(name, value);
    }

    public Optional<String> get(String name) {
        if (name.equals("?")) {
            return Optional.of(Integer.toString(lastStatus));
        }
        String value = values.get(name);
        if (value == null && name.equals("PWD")) {
            value = folder;
        }
        return Optional.ofNullable(value != null ? value : environment.get(name));
    }

    /** The notebook's folder, which the {@code pwd} builtin prints whatever {@code PWD} was set to. */
    public String folder() {
        return folder;
    }

    /** {@code $?}: the docker exit status of the last command run. */
    public void setLastStatus(int status) {
        lastStatus = status;
    }
}
