package io.github.dockerlessons.i18n;

import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;

/**
 * The words the kernel says to people, in Korean or English, from the resource bundles
 * {@code messages_ko} and {@code messages_en}. The docker CLI's own words are never here: they are
 * printed as the CLI prints them, and these messages only add hints after them.
 */
public final class Messages {
    public static final Locale KOREAN = Locale.KOREAN;
    public static final Locale ENGLISH = Locale.ENGLISH;

    private volatile Locale locale;
    private volatile ResourceBundle bundle;

    public Messages(Locale locale) {
        use(locale);
    }

    /** LC_ALL, then LC_MESSAGES, then LANG; Korean unless one of them asks for English. */
    public static Locale fromEnvironment(Map<String, String> env) {
        String pinned = env.get("DOCKER_KERNEL_LANG");
        if (pinned != null && !pinned.isBlank()) {
            return parse(pinned).orElse(KOREAN);
        }
        for (String name : new String[]{"LC_ALL", "LC_MESSAGES", "LANG"}) {
            String value = env.get(name);
            if (value != null && !value.isBlank() && !value.equals("C") && !value.startsWith("C.")
                    && !value.equals("POSIX")) {
                return parse(value).orElse(KOREAN);
            }
        }
        return KOREAN;
    }

    /** "ko", "ko_KR.UTF-8", "en", "en_US.UTF-8": the language part decides. */
    public static Optional<Locale> parse(String value) {
        String lang = value.trim().toLowerCase(Locale.ROOT);
        if (lang.startsWith("ko")) {
            return Optional.of(KOREAN);
        }
        if (lang.startsWith("en")) {
            return Optional.of(ENGLISH);
        }
        return Optional.empty();
    }

    public void use(Locale newLocale) {
        Locale chosen = newLocale.getLanguage().equals("en") ? ENGLISH : KOREAN;
        bundle = ResourceBundle.getBundle("io.github.dockerlessons.i18n.messages", chosen,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        locale = chosen;
    }

    public Locale locale() {
        return locale;
    }

    /** The message for {@code key}, with {@code %s}-style arguments filled in. */
    public String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        return args.length == 0 ? pattern : String.format(locale, pattern, args);
    }
}
