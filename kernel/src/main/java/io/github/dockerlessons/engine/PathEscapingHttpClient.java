package io.github.dockerlessons.engine;

import com.github.dockerjava.transport.DockerHttpClient;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names as the user typed them, into request paths. docker-java puts a name into a path in one of
 * two ways depending on the command: through a template ({@code String.replaceAll}, where {@code $}
 * is a group reference, so {@code docker logs 'a$b'} failed inside the library) or by plain
 * concatenation (where a space, a backslash or a {@code %} makes the path unparseable). Either way
 * the engine never heard the name, while the CLI's answer is the engine's "No such container: a$b".
 *
 * <p>{@link EngineGateway#pathSegment} therefore replaces every ASCII character that is not plainly
 * safe in a path segment with a private-use stand-in (U+E000 plus its code), which both of
 * docker-java's ways carry through untouched (as the character, or percent-encoded once); this
 * client turns each stand-in back into the percent-encoded original before the request leaves, so
 * the engine reads the name exactly as typed.
 */
final class PathEscapingHttpClient implements DockerHttpClient {
    private static final char STAND_IN_BASE = '\uE000';
    /** The characters a path segment takes as they are (RFC 3986 pchar, less '$' for docker-java). */
    private static final String SAFE = "-._~!&'()*+,;=:@";
    /** A stand-in percent-encoded by docker-java's escaper: UTF-8 EE 80 80..EE 81 BF. */
    private static final Pattern ENCODED = Pattern.compile("%EE%8([01])%([89AB][0-9A-F])", Pattern.CASE_INSENSITIVE);

    private final DockerHttpClient delegate;

    PathEscapingHttpClient(DockerHttpClient delegate) {
        this.delegate = delegate;
    }

    /** The name with each unsafe ASCII character replaced by its stand-in. */
    static String standIns(String value) {
        StringBuilder out = null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean safe = c >= 0x80 || Character.isLetterOrDigit(c) || SAFE.indexOf(c) >= 0;
            if (!safe) {
                if (out == null) {
                    out = new StringBuilder(value.length() + 8).append(value, 0, i);
                }
                out.append((char) (STAND_IN_BASE + c));
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? value : out.toString();
    }

    /** The path with every stand-in, raw or percent-encoded, made the percent-encoded original. */
    static String restore(String path) {
        StringBuilder out = null;
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c >= STAND_IN_BASE && c < STAND_IN_BASE + 0x80) {
                if (out == null) {
                    out = new StringBuilder(path.length() + 8).append(path, 0, i);
                }
                out.append(percent(c - STAND_IN_BASE));
            } else if (out != null) {
                out.append(c);
            }
        }
        String raw = out == null ? path : out.toString();
        if (raw.indexOf('%') < 0) {
            return raw;
        }
        Matcher m = ENCODED.matcher(raw);
        StringBuilder decoded = new StringBuilder();
        while (m.find()) {
            // EE 80 80 is U+E000: the low six bits of the last byte and one bit of the middle one.
            int code = ((m.group(1).equals("1") ? 1 : 0) << 6) | (Integer.parseInt(m.group(2), 16) & 0x3F);
            m.appendReplacement(decoded, Matcher.quoteReplacement(percent(code)));
        }
        m.appendTail(decoded);
        return decoded.toString();
    }

    private static String percent(int ascii) {
        return String.format("%%%02X", ascii);
    }

    @Override
    public Response execute(Request request) {
        String path = request.path();
        String restored = restore(path);
        if (!restored.equals(path)) {
            request = Request.builder().from(request).path(restored).build();
        }
        return delegate.execute(request);
    }

    @Override
    public void close() throws IOException {
        delegate.close();
    }
}
