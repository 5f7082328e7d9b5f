package io.github.dockerlessons.engine;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The SSLContext for an endpoint's TLS settings, built as the docker CLI builds its tls.Config: trust
 * exactly the given CA (or the system's when there is none), present the client certificate when both
 * cert.pem and key.pem are there, and skip the certificate check only when asked to. The PEM files are
 * read by {@link PemFiles} as Go's crypto/tls reads them, with the JDK's own key factories.
 */
final class TlsContextFactory {
    private TlsContextFactory() {
    }

    static SSLContext create(EngineEndpoint.Tls tls) throws ContextError {
        try {
            KeyManager[] keys = null;
            if (tls.cert() != null && tls.key() != null) {
                PrivateKey key;
                List<Certificate> chain;
                try {
                    key = PemFiles.privateKey(read(tls.key()));
                    if (key == null) {
                        throw new ContextError("unable to resolve docker endpoint: no valid private key found in " + tls.key());
                    }
                    chain = PemFiles.clientCertificates(read(tls.cert()));
                    PemFiles.checkPair(key, chain.get(0));
                } catch (PemFiles.Unreadable e) {
                    throw new ContextError("unable to resolve docker endpoint: failed to retrieve context tls info: "
                            + e.getMessage(), e);
                }
                KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
                store.load(null);
                store.setKeyEntry("docker", key, new char[0], chain.toArray(new Certificate[0]));
                KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                factory.init(store, new char[0]);
                keys = factory.getKeyManagers();
            }
            TrustManager[] trust;
            if (!tls.verify()) {
                trust = new TrustManager[]{new TrustingEveryCertificate()};
            } else {
                TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                if (tls.ca() != null) {
                    KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
                    store.load(null);
                    int i = 0;
                    for (Certificate ca : PemFiles.caCertificates(read(tls.ca()))) {
                        store.setCertificateEntry("ca" + i++, ca);
                    }
                    if (i == 0) {
                        throw new ContextError("unable to resolve docker endpoint: failed to retrieve context tls info: "
                                + tls.ca().getFileName() + " seems invalid");
                    }
                    factory.init(store);
                } else {
                    factory.init((KeyStore) null);
                }
                trust = factory.getTrustManagers();
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys, trust, null);
            return context;
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            throw new ContextError("unable to resolve docker endpoint: could not load the TLS files: "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
        }
    }

    /**
     * What a TLS connection to the endpoint fails with, or null when it answers: a handshake and a
     * GET /_ping, each bounded by {@link SocketProbe#CONNECT_TIMEOUT_MS}. The kernel asks this before it
     * uses a TLS endpoint, because docker-java's transport waits without limit for a handshake that a
     * plain-HTTP port never answers; and after a failure, because with TLS 1.3 an engine that refuses
     * the client's certificate says so in an alert after the handshake, which a client that only writes
     * sees as a broken pipe.
     */
    static IOException pingFailure(EngineEndpoint endpoint, SSLContext context) {
        URI uri = URI.create(endpoint.host());
        try (Socket plain = new Socket()) {
            plain.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), SocketProbe.CONNECT_TIMEOUT_MS);
            plain.setSoTimeout(SocketProbe.CONNECT_TIMEOUT_MS);
            try (SSLSocket socket = (SSLSocket) context.getSocketFactory()
                    .createSocket(plain, uri.getHost(), uri.getPort(), true)) {
                try {
                    socket.startHandshake();
                } catch (SocketTimeoutException e) {
                    throw new SSLHandshakeException("no answer to the TLS handshake");
                }
                socket.getOutputStream().write("GET /_ping HTTP/1.1\r\nHost: docker\r\nConnection: close\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
                socket.getInputStream().read();
                return null;
            }
        } catch (IOException e) {
            return e;
        }
    }

    /** The file's text; the CLI's "read FILE: is a directory" for a folder, and the same for a device or pipe. */
    private static String read(Path file) throws IOException, ContextError {
        try {
            return new String(SmallFile.read(file), StandardCharsets.US_ASCII);
        } catch (NoSuchFileException e) {
            throw e;
        } catch (IOException e) {
            throw new ContextError("unable to resolve docker endpoint: read " + file + ": " + ContextStore.reason(e), e);
        }
    }

    /**
     * SkipTLSVerify / DOCKER_TLS without verification: any server certificate is accepted, as Go's
     * InsecureSkipVerify does. (docker-java's transport still checks that the certificate names the host.)
     */
    private static final class TrustingEveryCertificate extends X509ExtendedTrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
