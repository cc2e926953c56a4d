package io.ucmkit.driver;

import io.netty.handler.ssl.NotSslRecordException;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLException;

/**
 * TLS for the AMI session. Without {@code tlsTrustCertificate} the JDK's trust store decides, as for any TLS
 * client; a UCM usually presents a self-signed certificate, which no trust store holds, so the operator gives
 * that certificate (or the CA that signed it) as a PEM file and only it is trusted. Host name verification
 * (Netty's default, HTTPS rules) stays on either way: the certificate must name the address the driver dials.
 */
final class AmiTls {

    private AmiTls() {}

    /** Why the trust file cannot be used, naming it; null when it holds at least one X.509 certificate. */
    static String trustProblem(Path file) {
        try {
            readCertificates(file);
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    /**
     * The client context for {@code config}. The file is read again on every connect, so a replaced certificate
     * (the UCM's was renewed) is picked up by the next reconnect without restarting the driver.
     */
    static SslContext clientContext(DriverConfig config) {
        try {
            SslContextBuilder b = SslContextBuilder.forClient();
            if (config.tlsTrustCertificate() != null) {
                b.trustManager(readCertificates(config.tlsTrustCertificate()).toArray(X509Certificate[]::new));
            }
            return b.build();
        } catch (IllegalArgumentException | SSLException e) {
            throw new DriverException(DriverException.Kind.NOT_CONNECTED, "TLS setup failed: " + e.getMessage());
        }
    }

    /** The No Communication reason for a failed handshake: the innermost cause (the JDK's own words) and what to do. */
    static String handshakeFailure(Throwable cause, DriverConfig config) {
        if (causeOfType(cause, NotSslRecordException.class)) {
            return "TLS handshake failed: the PBX answered in plain text; is port " + config.port()
                    + " its TLS AMI port (UCM: 5039), or should tls be off?";
        }
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String why = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        String hint;
        if (!causeOfType(cause, CertificateException.class)) {
            // not about trust (no common protocol version or cipher, a reset mid-handshake): a certificate would not
            // help
            hint = "check the PBX's TLS settings (protocol versions, ciphers) against a Java 17 client";
        } else if (config.tlsTrustCertificate() == null) {
            hint = "give the PBX's certificate with tlsTrustCertificate";
        } else {
            hint = "is " + config.tlsTrustCertificate() + " the PBX's certificate or its CA, and does it name "
                    + config.address() + "?";
        }
        return "TLS handshake failed: " + why + "; " + hint;
    }

    /** Whether {@code t} is a TLS failure (as opposed to a plain I/O error on an established session). */
    static boolean isTlsFailure(Throwable t) {
        return causeOfType(t, SSLException.class) || causeOfType(t, NotSslRecordException.class);
    }

    private static boolean causeOfType(Throwable t, Class<? extends Throwable> type) {
        for (Throwable cur = t; cur != null; cur = cur.getCause() == cur ? null : cur.getCause()) {
            if (type.isInstance(cur)) {
                return true;
            }
        }
        return false;
    }

    private static List<X509Certificate> readCertificates(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("tlsTrustCertificate " + file + " cannot be read: no such file");
        } catch (AccessDeniedException e) {
            throw new IllegalArgumentException("tlsTrustCertificate " + file + " cannot be read: permission denied");
        } catch (IOException e) {
            throw new IllegalArgumentException("tlsTrustCertificate " + file + " cannot be read: " + e.getMessage());
        }
        try {
            List<X509Certificate> certs =
                    CertificateFactory.getInstance("X.509")
                            .generateCertificates(new ByteArrayInputStream(bytes))
                            .stream()
                            .map(X509Certificate.class::cast)
                            .toList();
            if (certs.isEmpty()) {
                throw new IllegalArgumentException("tlsTrustCertificate " + file + " holds no certificate");
            }
            return certs;
        } catch (CertificateException e) {
            throw new IllegalArgumentException("tlsTrustCertificate " + file
                    + " is not a PEM certificate (-----BEGIN CERTIFICATE-----): " + e.getMessage());
        }
    }
}
