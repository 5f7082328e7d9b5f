package io.github.dockerlessons.engine;

import com.github.dockerjava.transport.DockerHttpClient;

import java.io.IOException;

/**
 * docker-java puts a value into a request path with {@code String.replaceAll}, where a {@code $}
 * is a group reference: {@code docker logs 'a$b'} would fail inside the library instead of reaching
 * the engine (which answers "No such container: a$b", as it does for the CLI). {@link
 * EngineGateway#pathSegment} stands a private-use character in for each {@code $}; docker-java's path
 * escaper percent-encodes it, and this client turns that encoding back into {@code %24} before the
 * request leaves, so the engine reads the name exactly as typed.
 */
final class PathEscapingHttpClient implements DockerHttpClient {
    static final char DOLLAR_STAND_IN = '\uE024';
    private static final String ENCODED_STAND_IN = "%EE%80%A4";

    private final DockerHttpClient delegate;

    PathEscapingHttpClient(DockerHttpClient delegate) {
        this.delegate = delegate;
    }

    @Override
    public Response execute(Request request) {
        String path = request.path();
        if (path.contains(ENCODED_STAND_IN)) {
            request = Request.builder().from(request).path(path.replace(ENCODED_STAND_IN, "%24")).build();
        }
        return delegate.execute(request);
    }

    @Override
    public void close() throws IOException {
        delegate.close();
    }
}
