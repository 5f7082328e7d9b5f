package io.github.dockerlessons.command.flags;

import java.util.List;

/**
 * One flag of a command, as the command declares it once (docker/cli binds the same to a fresh
 * options struct per run): its long name, an optional one-letter shorthand, the type of its value,
 * its default, and what completion offers for its value. The description is found in the message
 * bundles under {@code opt.<command path>.<long name>}.
 *
 * @param <T> the value the command reads back from an {@link Invocation}
 */
public final class Flag<T> {
    private final String name;
    private final char shorthand;
    private final FlagType<T> type;
    private final T defaultValue;
    private final String defaultShown;
    private final String typeName;
    private final boolean hidden;
    private final ValueCompletion completion;

    private Flag(String name, char shorthand, FlagType<T> type, T defaultValue, String defaultShown, String typeName,
                 boolean hidden, ValueCompletion completion) {
        this.name = name;
        this.shorthand = shorthand;
        this.type = type;
        this.defaultValue = defaultValue;
        this.defaultShown = defaultShown;
        this.typeName = typeName;
        this.hidden = hidden;
        this.completion = completion;
    }

    /** A flag with a long name and a one-letter shorthand (0 for none). */
    public static <T> Flag<T> of(char shorthand, String name, FlagType<T> type, T defaultValue) {
        return new Flag<>(name, shorthand, type, defaultValue, null, type.helpName(), false, ValueCompletion.NONE);
    }

    public static Flag<Boolean> bool(char shorthand, String name) {
        return of(shorthand, name, FlagType.BOOL, false);
    }

    public static Flag<Boolean> bool(String name) {
        return bool((char) 0, name);
    }

    public static Flag<String> string(char shorthand, String name) {
        return of(shorthand, name, FlagType.STRING, null);
    }

    public static Flag<String> string(String name) {
        return string((char) 0, name);
    }

    public static Flag<Integer> integer(char shorthand, String name, Integer defaultValue) {
        return of(shorthand, name, FlagType.INT, defaultValue);
    }

    public static Flag<List<String>> list(char shorthand, String name) {
        return of(shorthand, name, FlagType.LIST, List.of());
    }

    public static Flag<List<String>> list(String name) {
        return list((char) 0, name);
    }

    /** The same flag with another type name in help ("filter", "ulimit", ...). */
    public Flag<T> shownAs(String helpTypeName) {
        return new Flag<>(name, shorthand, type, defaultValue, defaultShown, helpTypeName, hidden, completion);
    }

    /** The same flag, with its default said in help as the CLI says it ("(default 10)"). */
    public Flag<T> defaultShownAs(String text) {
        return new Flag<>(name, shorthand, type, defaultValue, text, typeName, hidden, completion);
    }

    /** The same flag, left out of help (as the CLI hides some). */
    public Flag<T> hidden() {
        return new Flag<>(name, shorthand, type, defaultValue, defaultShown, typeName, true, completion);
    }

    /** The same flag, whose value completion offers these candidates. */
    public Flag<T> completes(ValueCompletion valueCompletion) {
        return new Flag<>(name, shorthand, type, defaultValue, defaultShown, typeName, hidden, valueCompletion);
    }

    public String name() {
        return name;
    }

    /** The shorthand letter, or 0. */
    public char shorthand() {
        return shorthand;
    }

    public boolean hasShorthand() {
        return shorthand != 0;
    }

    public FlagType<T> type() {
        return type;
    }

    public T defaultValue() {
        return defaultValue;
    }

    /** How help states the default, or null when it says nothing. */
    public String defaultShown() {
        return defaultShown;
    }

    /** The value's name in help, empty for a bool. */
    public String typeName() {
        return type.isBool() ? "" : typeName;
    }

    public boolean isHidden() {
        return hidden;
    }

    public ValueCompletion completion() {
        return completion;
    }

    /** pflag's "-n, --last" as it names a flag in its messages. */
    public String displayNames() {
        return (hasShorthand() ? "-" + shorthand + ", " : "") + "--" + name;
    }

    @Override
    public String toString() {
        return "--" + name;
    }
}
