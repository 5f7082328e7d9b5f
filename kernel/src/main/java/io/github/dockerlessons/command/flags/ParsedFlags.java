package io.github.dockerlessons.command.flags;

import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The flags of one run, read fresh from the words typed: values are immutable, and a flag not given
 * reads as its default. Nothing survives from one run to the next.
 */
public final class ParsedFlags {
    private final Map<Flag<?>, Object> values;
    private final boolean helpRequested;
    private final boolean deprecatedHelpShorthand;

    ParsedFlags(Map<Flag<?>, Object> values, boolean helpRequested, boolean deprecatedHelpShorthand) {
        this.values = Collections.unmodifiableMap(values);
        this.helpRequested = helpRequested;
        this.deprecatedHelpShorthand = deprecatedHelpShorthand;
    }

    @SuppressWarnings("unchecked")
    public <T> T get(Flag<T> flag) {
        Object value = values.get(flag);
        return value == null ? flag.defaultValue() : (T) value;
    }

    /** Whether the flag was given at all (docker distinguishes "-t 0" from no -t). */
    public boolean isSet(Flag<?> flag) {
        return values.containsKey(flag);
    }

    /** {@code --help} was among the flags: the command shows its help instead of running. */
    public boolean helpRequested() {
        return helpRequested;
    }

    /** Help was asked with {@code -h}, which docker still takes but calls deprecated. */
    public boolean deprecatedHelpShorthand() {
        return deprecatedHelpShorthand;
    }

    /** The flags that were given, for completion (which values were already typed). */
    public List<Flag<?>> given() {
        return List.copyOf(values.keySet());
    }
}
