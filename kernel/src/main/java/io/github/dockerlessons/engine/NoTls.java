package io.github.dockerlessons.engine;

import com.github.dockerjava.transport.SSLConfig;

import javax.net.ssl.SSLContext;
import java.security.NoSuchAlgorithmException;

/**
 * The TLS setting of an endpoint that speaks no TLS (a unix socket, plain tcp). Given no SSL
 * context, docker-java's httpclient5 transport builds the system default one, which reads and
 * parses the JDK's whole CA store: 3 MiB of heap held for good and tens of milliseconds of the first
 * engine call, for an https scheme a plain endpoint never uses. This context is never initialised:
 * were it used, it would fail at once instead of trusting anything.
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
