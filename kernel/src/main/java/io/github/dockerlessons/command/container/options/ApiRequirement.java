package io.github.dockerlessons.command.container.options;

import java.util.List;

/**
 * A flag or feature that needs a newer engine API than the lessons' engine has, checked against the
 * engine's own version when it is used, with the CLI's words:
 * {@code "--annotation" requires API version 1.43, but the Docker daemon API version is 1.41}.
 *
 * @param feature what needs it ("--annotation", or "specify mac-address per network")
 * @param flag    a flag, which the CLI refuses before anything else (status 1, no help line)
 */
public record ApiRequirement(String feature, String version, boolean flag) {

    /** The CLI's refusal when the engine's API is older than this requires, or null. */
    public InvalidOptions check(String engineVersion) {
        if (compare(engineVersion, version) >= 0) {
            return null;
        }
        String text = "\"" + feature + "\" requires API version " + version + ", but the Docker daemon API version is "
                + engineVersion;
        return flag ? InvalidOptions.unsupported(text) : new InvalidOptions(text);
    }

    /** Compares API versions ("1.41" and "1.44") part by part. */
    static int compare(String a, String b) {
        List<String> left = List.of(a.split("\\."));
        List<String> right = List.of(b.split("\\."));
        for (int i = 0; i < Math.max(left.size(), right.size()); i++) {
            int l = i < left.size() ? parse(left.get(i)) : 0;
            int r = i < right.size() ? parse(right.get(i)) : 0;
            if (l != r) {
                return Integer.compare(l, r);
            }
        }
        return 0;
    }

    private static int parse(String part) {
        try {
            return Integer.parseInt(part);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
