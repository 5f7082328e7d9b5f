package io.github.dockerlessons.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The docker endpoint of a context being created: what {@code --docker host=...,ca=...,cert=...,key=...,
 * skip-tls-verify=...} asks for, with the TLS files already read (the CLI copies them into the store,
 * so the context keeps working when the originals move).
 */
public record ContextEndpointSpec(String host, boolean skipTlsVerify, byte[] ca, byte[] cert, byte[] key) {
    private static final Set<String> KEYS = Set.of("from", "host", "ca", "cert", "key", "skip-tls-verify");

    public boolean hasTlsFiles() {
        return ca != null || cert != null || key != null;
    }

    /**
     * Reads one value of {@code --docker} as pflag's stringToString does: no "=" is an error; one "="
     * is one pair (commas and all, surrounding quotes trimmed); more are comma-separated pairs, double
     * quotes around a pair that holds a comma. The error is pflag's, which the flag parser prefixes
     * with {@code invalid argument "VALUE" for "--docker" flag: }.
     */
    public static Map<String, String> parseOption(String value) throws ContextError {
        long equals = value.chars().filter(c -> c == '=').count();
        if (equals == 0) {
            throw new ContextError(value + " must be formatted as key=value");
        }
        List<String> fields = equals == 1 ? List.of(trimQuotes(value)) : csvFields(value);
        Map<String, String> pairs = new LinkedHashMap<>();
        for (String field : fields) {
            int eq = field.indexOf('=');
            if (eq < 0) {
                throw new ContextError(field + " must be formatted as key=value");
            }
            pairs.put(field.substring(0, eq), field.substring(eq + 1));
        }
        return pairs;
    }

    private static String trimQuotes(String value) {
        int start = 0;
        int end = value.length();
        while (start < end && value.charAt(start) == '"') {
            start++;
        }
        while (end > start && value.charAt(end - 1) == '"') {
            end--;
        }
        return value.substring(start, end);
    }

    private static List<String> csvFields(String value) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"') {
                if (quoted && i + 1 < value.length() && value.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (c == ',' && !quoted) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }

    /**
     * The endpoint the options describe, reading the TLS files; errors are the CLI's. The {@code from}
     * key is the caller's to resolve (it copies another context instead).
     */
    public static ContextEndpointSpec fromOptions(Map<String, String> options) throws ContextError {
        List<String> unknown = new ArrayList<>();
        for (String key : options.keySet()) {
            if (!KEYS.contains(key)) {
                unknown.add("unrecognized config key: " + key);
            }
        }
        if (!unknown.isEmpty()) {
            throw new ContextError(prefix(String.join("\n", unknown)));
        }
        byte[] ca = read(options.get("ca"));
        byte[] cert = read(options.get("cert"));
        byte[] key = read(options.get("key"));
        boolean skip = false;
        String skipValue = options.get("skip-tls-verify");
        if (skipValue != null) {
            skip = switch (skipValue) {
                case "1", "t", "T", "TRUE", "true", "True" -> true;
                case "0", "f", "F", "FALSE", "false", "False" -> false;
                default -> throw new ContextError(prefix("skip-tls-verify: parsing \"" + skipValue + "\": invalid syntax"));
            };
        }
        String host = options.getOrDefault("host", "");
        if (!host.isEmpty() && !host.contains("://")) {
            throw new ContextError(prefix("unable to apply docker endpoint options: unable to parse docker host `"
                    + host + "`"));
        }
        ContextEndpointSpec spec = new ContextEndpointSpec(host, skip, ca, cert, key);
        if (ca != null && !host.startsWith("unix://") && !host.startsWith("npipe://") && !looksLikePem(ca, "CERTIFICATE")) {
            throw new ContextError(prefix("invalid docker endpoint options: failed to retrieve context tls info: ca.pem seems invalid"));
        }
        return spec;
    }

    private static boolean looksLikePem(byte[] bytes, String type) {
        return new String(bytes, StandardCharsets.US_ASCII).contains("-----BEGIN " + type);
    }

    private static String prefix(String error) {
        return "unable to create docker endpoint config: " + error;
    }

    private static byte[] read(String path) throws ContextError {
        if (path == null || path.isEmpty()) {
            return null;
        }
        try {
            return SmallFile.read(Path.of(path));
        } catch (NoSuchFileException e) {
            throw new ContextError(prefix("open " + path + ": no such file or directory"), e);
        } catch (IOException e) {
            throw new ContextError(prefix("open " + path + ": " + e.getMessage()), e);
        }
    }
}
