package io.github.dockerlessons.engine;

import com.github.dockerjava.transport.DockerHttpClient;
import org.apache.hc.core5.http.io.EofSensorInputStream;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Bounds what is read from the engine for an answer that is held whole: a listing, an inspection,
 * an error's text. docker-java and the raw requests read such an answer to its end before anything
 * is shown, so an engine that announces 10 GiB and streams JSON would fill the kernel's heap; here
 * such an answer ends after {@link #MAX_ANSWER_BYTES} (or {@link #MAX_ANSWER_OBJECTS} JSON objects,
 * each of which becomes a Java object of docker-java's model or a Gson tree) with {@link AnswerTooLarge}. Answers that
 * are streams (container, service and task logs, attach, events, pull and push progress, build, save,
 * export, copies, stats) stay streams and are not bounded.
 *
 * <p>It also remembers, per engine-call thread, the answers that thread has open (so that the stop
 * button can close them: a read blocked on a slow engine then ends) and the beginning of the last
 * one (so that an answer that is not JSON can be described in Go's words, see {@link GoJsonSyntax}).
 */
final class BoundedAnswerHttpClient implements DockerHttpClient {
    static final long MAX_ANSWER_BYTES = 32L * 1024 * 1024;
    /**
     * '{' bytes: an upper bound of the JSON objects, each of which docker-java (or Gson's tree) makes a
     * Java object of some hundred bytes with its fields (a listing of 200,000 empty objects needed over 256 MiB).
     */
    static final long MAX_ANSWER_OBJECTS = 50_000;
    /** How much of an answer's beginning is kept to describe bad JSON. */
    private static final int HEAD_BYTES = 64 * 1024;
    /**
     * The answers that are streams. A swarm service's or task's logs are one too: bounded, a `docker
     * service logs -f` of a service that floods its output ended after 32 MiB with "larger than the
     * kernel reads whole" (47 s on a loaded 2-core machine, under 6 s in CI), where the CLI follows on.
     */
    private static final Pattern STREAMS = Pattern.compile("^(/v[0-9.]+)?/(containers/[^/]+/(logs|attach|attach/ws"
            + "|export|archive|stats)|(services|tasks)/[^/]+/logs|exec/[^/]+/start|events|build|session|grpc"
            + "|images/create|images/load|images/get|images/.+/(push|get))(\\?.*)?$");

    /** What one engine call has open, and the beginning of its last answer. */
    static final class CallScope {
        private final List<Response> open = new ArrayList<>();
        private volatile LimitedBody last;
        private boolean closed;

        synchronized void add(Response response) {
            if (closed) {
                closeQuietly(response);
            } else {
                open.add(response);
            }
        }

        synchronized void remove(Response response) {
            open.remove(response);
        }

        /** The stop button: every answer this call has open is closed, which ends a blocked read. */
        void closeAll() {
            List<Response> toClose;
            synchronized (this) {
                closed = true;
                toClose = new ArrayList<>(open);
                open.clear();
            }
            for (Response response : toClose) {
                abort(response);
                closeQuietly(response);
            }
        }

        /** The beginning of the last answer read in this call, or null. */
        Answer last() {
            LimitedBody body = last;
            return body == null ? null : body.answer();
        }
    }

    /** The beginning of an answer: the request it answers and its first bytes. */
    record Answer(String request, byte[] head, int length, boolean whole) { }

    /** An answer longer than the kernel reads whole. */
    static final class AnswerTooLarge extends IOException {
        private final String request;

        AnswerTooLarge(String request) {
            super("the engine's answer to " + request + " is larger than the kernel reads", null);
            this.request = request;
        }

        String request() {
            return request;
        }
    }

    private static final ThreadLocal<CallScope> SCOPE = new ThreadLocal<>();

    private final DockerHttpClient delegate;

    BoundedAnswerHttpClient(DockerHttpClient delegate) {
        this.delegate = delegate;
    }

    /** Runs {@code body} with its answers recorded in {@code scope} (on the engine call's thread). */
    static void within(CallScope scope, Runnable body) {
        SCOPE.set(scope);
        try {
            body.run();
        } finally {
            SCOPE.remove();
        }
    }

    static boolean isStream(Request request) {
        return STREAMS.matcher(request.path()).matches();
    }

    @Override
    public Response execute(Request request) {
        Response response = delegate.execute(request);
        CallScope scope = SCOPE.get();
        boolean stream = isStream(request) && response.getStatusCode() < 400;
        Response answer = stream ? response : new Bounded(response, request.method() + " " + request.path(), scope);
        if (scope != null) {
            scope.add(answer);
        }
        return answer;
    }

    @Override
    public void close() throws IOException {
        delegate.close();
    }

    /**
     * Drops an answer's connection without reading the rest, which closing would do (a stream's rest
     * can be an image's whole tar). The transport's body stream knows how: httpclient5's EofSensorInputStream.
     */
    private static void abort(Response response) {
        try {
            if (response instanceof Bounded bounded) {
                bounded.abort();
            } else if (response.getBody() instanceof EofSensorInputStream sensor) {
                sensor.abort();
            }
        } catch (IOException | RuntimeException ignored) {
            // gone already
        }
    }

    private static void closeQuietly(Response response) {
        try {
            response.close();
        } catch (RuntimeException ignored) {
            // closed already: either way nothing reads it any more
        }
    }

    /** An answer whose body is read at most to the limits. */
    private static final class Bounded implements Response {
        private final Response response;
        private final String request;
        private final CallScope scope;
        private InputStream body;

        Bounded(Response response, String request, CallScope scope) {
            this.response = response;
            this.request = request;
            this.scope = scope;
        }

        @Override
        public int getStatusCode() {
            return response.getStatusCode();
        }

        @Override
        public Map<String, List<String>> getHeaders() {
            return response.getHeaders();
        }

        @Override
        public String getHeader(String name) {
            return response.getHeader(name);
        }

        @Override
        public synchronized InputStream getBody() {
            if (body == null) {
                InputStream raw = response.getBody();
                body = raw == null ? null : new LimitedBody(raw, request, scope);
            }
            return body;
        }

        /**
         * Lets go of the connection without reading the rest: httpclient5 reads an answer to its end
         * on close (to reuse the connection), which for a 10 GiB answer or one that trickles never
         * ends.
         */
        synchronized void abort() {
            if (body instanceof LimitedBody limited) {
                limited.abort();
            }
        }

        @Override
        public void close() {
            if (scope != null) {
                scope.remove(this);
            }
            if (body instanceof LimitedBody limited && limited.leftLarge(response.getHeader("Content-Length"))) {
                limited.abort();
            }
            response.close();
        }
    }

    /** Counts bytes and '{'s, keeps the beginning, and ends the answer at the limits. */
    private static final class LimitedBody extends FilterInputStream {
        private final String request;
        private final CallScope scope;
        private final byte[] head = new byte[HEAD_BYTES];
        private int headLength;
        private long bytes;
        private long objects;
        private boolean ended;
        private volatile boolean tooLarge;

        LimitedBody(InputStream in, String request, CallScope scope) {
            super(in);
            this.request = request;
            this.scope = scope;
            if (scope != null) {
                scope.last = this;
            }
        }

        /** Discards the connection, so that closing does not read the rest of the answer. */
        void abort() {
            try {
                if (in instanceof EofSensorInputStream sensor) {
                    sensor.abort();
                } else {
                    in.close();
                }
            } catch (IOException ignored) {
                // the connection is gone either way
            }
        }

        /** Whether closing would read much more: past a limit, or more than a little is left unread. */
        synchronized boolean leftLarge(String contentLength) {
            if (tooLarge) {
                return true;
            }
            if (ended || contentLength == null) {
                return false;
            }
            try {
                return Long.parseLong(contentLength.trim()) - bytes > HEAD_BYTES;
            } catch (NumberFormatException e) {
                return false;
            }
        }

        synchronized Answer answer() {
            return new Answer(request, Arrays.copyOf(head, headLength), headLength, ended);
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n < 0) {
                synchronized (this) {
                    ended = true;
                }
                return n;
            }
            if (headLength < HEAD_BYTES) {
                synchronized (this) {
                    int keep = Math.min(n, HEAD_BYTES - headLength);
                    System.arraycopy(b, off, head, headLength, keep);
                    headLength += keep;
                }
            }
            bytes += n;
            for (int i = off; i < off + n; i++) {
                if (b[i] == '{') {
                    objects++;
                }
            }
            if (bytes > MAX_ANSWER_BYTES || objects > MAX_ANSWER_OBJECTS) {
                tooLarge = true;
                abort();
                throw new AnswerTooLarge(request);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            byte[] buffer = new byte[(int) Math.min(8192, Math.max(n, 1))];
            long skipped = 0;
            while (skipped < n) {
                int r = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
                if (r < 0) {
                    break;
                }
                skipped += r;
            }
            return skipped;
        }
    }
}
