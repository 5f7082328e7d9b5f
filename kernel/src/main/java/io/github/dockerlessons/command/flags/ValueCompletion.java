package io.github.dockerlessons.command.flags;

import java.util.List;

/**
 * What completion offers for a flag's value: fixed words (the {@code --format} keywords, signal
 * names, {@code --filter} keys) or names from the engine (networks for {@code --network}).
 *
 * @param words fixed candidates
 * @param names a kind of engine object whose names are candidates, or null
 */
public record ValueCompletion(List<String> words, NameKind names) {
    public static final ValueCompletion NONE = new ValueCompletion(List.of(), null);

    public ValueCompletion {
        words = List.copyOf(words);
    }

    public static ValueCompletion words(String... words) {
        return new ValueCompletion(List.of(words), null);
    }

    public static ValueCompletion names(NameKind kind) {
        return new ValueCompletion(List.of(), kind);
    }
}
