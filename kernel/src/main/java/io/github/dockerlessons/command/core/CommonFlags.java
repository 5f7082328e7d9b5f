package io.github.dockerlessons.command.core;

import io.github.dockerlessons.command.flags.Flag;
import io.github.dockerlessons.command.flags.ValueCompletion;

import java.util.ArrayList;
import java.util.List;

/** Flags many commands declare the same way, with what completion offers for their values. */
public final class CommonFlags {
    private CommonFlags() {
    }

    /** {@code --format}: "table", "json" or a template over {@code fields}. */
    public static Flag<String> format(String... fields) {
        List<String> words = new ArrayList<>(List.of("table", "json"));
        for (String field : fields) {
            words.add("{{." + field + "}}");
        }
        return Flag.string("format").completes(new ValueCompletion(words, null));
    }

    /** {@code -f, --filter}: repeated {@code key=value} conditions; completion offers the keys. */
    public static Flag<List<String>> filter(String... keys) {
        List<String> words = new ArrayList<>();
        for (String key : keys) {
            words.add(key + "=");
        }
        return Flag.list('f', "filter").shownAs("filter").completes(new ValueCompletion(words, null));
    }

    /** The signals completion offers for {@code kill -s} and {@code --stop-signal}. */
    public static final ValueCompletion SIGNALS = ValueCompletion.words("SIGHUP", "SIGINT", "SIGKILL", "SIGQUIT",
            "SIGSTOP", "SIGCONT", "SIGTERM", "SIGUSR1", "SIGUSR2", "SIGWINCH");
}
