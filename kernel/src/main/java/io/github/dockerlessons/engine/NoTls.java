package io.github.dockerlessons.engine;

import com.github.dockerjava.transport.SSLConfig;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.KeyManager;
import javax.net.ssl.TrustManager;
import java.security.SecureRandom;

/**
 * The TLS setting of a unix socket or named pipe, which speaks no TLS. Given no SSL
 * context, docker-java's httpclient5 transport builds the system default one, which reads and
 * parses the JDK's whole CA store: 3 MiB of heap held for good and tens of milliseconds of the first
 * engine call, for an https scheme a socket never uses. This context is not the JDK's: asking the JDK
 * for an uninitialised one still loaded its TLS provider (about 180 classes and their cipher-suite
 * tables, held for good; issue 22's idle memory). Any use of this one fails at once instead of
 * trusting anything. Never for tcp://: there docker-java takes any SSL setting to mean https, and a
 * plain engine (dockerd -H tcp://0.0.0.0:2375) would be spoken to in TLS through this context and fail.
 */
final class NoTls {
    static final SSLConfig CONFIG = unusedContext();

    private NoTls() {
    }

    private static SSLConfig unusedContext() {
        SSLContext context = new SSLContext(new Unusable(), null, "TLS") { };
        return () -> context;
    }

    /** Every use fails: a socket that speaks no TLS never gets here. */
    private static final class Unusable extends SSLContextSpi {
        private static IllegalStateException unused() {
            return new IllegalStateException("this engine's socket speaks no TLS");
        }

        @Override
        protected void engineInit(KeyManager[] km, TrustManager[] tm, SecureRandom random) {
            throw unused();
        }

        @Override
        protected SSLSocketFactory engineGetSocketFactory() {
            throw unused();
        }

        @Override
        protected SSLServerSocketFactory engineGetServerSocketFactory() {
            throw unused();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine() {
            throw unused();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine(String host, int port) {
            throw unused();
        }

        @Override
        protected SSLSessionContext engineGetServerSessionContext() {
            throw unused();
        }

        @Override
        protected SSLSessionContext engineGetClientSessionContext() {
            throw unused();
        }
    }
}
