package io.github.dockerlessons.engine;

import com.github.dockerjava.transport.SSLConfig;

import javax.net.ssl.SSLContext;
import java.security.NoSuchAlgorithmException;

/**
 * The TLS setting of a unix socket or named pipe, which speaks no TLS. Given no SSL
 * context, docker-java's httpclient5 transport builds the system default one, which reads and
 * parses the JDK's whole CA store: 3 MiB of heap held for good and tens of milliseconds of the first
 * engine call, for an https scheme a socket never uses. This context is never initialised: were it
 * used, it would fail at once instead of trusting anything. Never for tcp://: there docker-java takes
 * any SSL setting to mean https, and a plain engine (dockerd -H tcp://0.0.0.0:2375) would be
 * spoken to in TLS through this context and fail.
 */
final class NoTls {
    /** Null (docker-java's own default) on a JVM without TLS at all. */
    static final SSLConfig CONFIG = unusedContext();

    private NoTls() {
    }

    private static SSLConfig unusedContext() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            return () -> context;
        } catch (NoSuchAlgorithmException e) {
            return null;
        }
    }
}
