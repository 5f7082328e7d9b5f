package io.github.dockerlessons.engine;

import javax.net.ssl.SSLException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.util.Locale;
import java.util.Optional;

/**
 * A failed TLS connection, named by its cause in the docker CLI's words (Go's crypto/tls and x509
 * messages), from what Java's TLS stack threw.
 */
record TlsFailure(Cause cause, String words) {

    enum Cause {
        /** The engine's certificate is not signed by the CA we trust. */
        UNKNOWN_AUTHORITY,
        /** The engine wants a client certificate that we did not present or that it does not trust. */
        CLIENT_CERTIFICATE,
        /** The port speaks plain HTTP: TLS was asked for, and the kernel never falls back. */
        PLAIN_HTTP,
        /** The certificate is for another name or address. */
        NAME_MISMATCH,
        EXPIRED,
        OTHER
    }

    static Optional<TlsFailure> of(Throwable failure) {
        SSLException ssl = null;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof CertificateExpiredException || t instanceof CertificateNotYetValidException) {
                return Optional.of(new TlsFailure(Cause.EXPIRED,
                        "tls: failed to verify certificate: x509: certificate has expired or is not yet valid"));
            }
            if (t instanceof SSLException e && ssl == null) {
                ssl = e;
            }
        }
        if (ssl == null) {
            return Optional.empty();
        }
        String all = messages(failure);
        String lower = all.toLowerCase(Locale.ROOT);
        if (lower.contains("unable to find valid certification path") || lower.contains("pkix path")) {
            return Optional.of(new TlsFailure(Cause.UNKNOWN_AUTHORITY,
                    "tls: failed to verify certificate: x509: certificate signed by unknown authority"));
        }
        if (lower.contains("bad_certificate") || lower.contains("certificate_required")
                || lower.contains("unknown_ca") || lower.contains("certificate_unknown")) {
            String alert = lower.contains("certificate_required") ? "certificate required"
                    : lower.contains("unknown_ca") ? "unknown certificate authority" : "bad certificate";
            return Optional.of(new TlsFailure(Cause.CLIENT_CERTIFICATE, "remote error: tls: " + alert));
        }
        if (lower.contains("no answer to the tls handshake")) {
            return Optional.of(new TlsFailure(Cause.PLAIN_HTTP, "tls: handshake timed out: the port does not answer in TLS"));
        }
        if (lower.contains("unsupported or unrecognized ssl message") || lower.contains("plaintext connection")) {
            return Optional.of(new TlsFailure(Cause.PLAIN_HTTP, "http: server gave HTTP response to HTTPS client"));
        }
        if (lower.contains("doesn't match any of the subject alternative names") || lower.contains("no subject alternative")
                || lower.contains("no name matching")) {
            return Optional.of(new TlsFailure(Cause.NAME_MISMATCH,
                    "tls: failed to verify certificate: x509: certificate is not valid for this host"));
        }
        if (lower.contains("validity check failed")) {
            return Optional.of(new TlsFailure(Cause.EXPIRED,
                    "tls: failed to verify certificate: x509: certificate has expired or is not yet valid"));
        }
        String message = ssl.getMessage() == null ? "handshake failed" : ssl.getMessage();
        return Optional.of(new TlsFailure(Cause.OTHER, "tls: " + message));
    }

    private static String messages(Throwable failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }
}
