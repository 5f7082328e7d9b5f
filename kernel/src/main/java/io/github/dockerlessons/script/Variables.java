package io.github.dockerlessons.script;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The session's shell variables. They live as long as the kernel, like a terminal's, and fall back to
 * the kernel's environment (HOME, USER, ...) the way a shell inherits it.
 */
public final class Variables {
    private final Map<String, String> values = new HashMap<>();
    private final Map<String, String> environment;
    private int lastStatus;

    public Variables(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    public void set(String name, String value) {
        values.put(name, value);
    }

    public Optional<String> get(String name) {
        if (name.equals("?")) {
            return Optional.of(Integer.toString(lastStatus));
        }
        String value = values.get(name);
        return Optional.ofNullable(value != null ? value : environment.get(name));
    }

    /** {@code $?}: the docker exit status of the last command run. */
    public void setLastStatus(int status) {
        lastStatus = status;
    }
}
