package io.genesis.docker.engine;

import io.genesis.core.target.TargetException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The TLS files the {@code docker} command reads from {@code DOCKER_CERT_PATH}: {@code ca.pem} (the
 * engine's CA), {@code cert.pem} and {@code key.pem} (this client's certificate and key, PKCS#8 or
 * PKCS#1 RSA). The key is read into memory only, never logged or stored; only the folder's path is.
 */
final class TlsFiles {

    private TlsFiles() {}

    static SSLContext context(Path folder) {
        try {
            CertificateFactory x509 = CertificateFactory.getInstance("X.509");
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            int i = 0;
            for (Certificate ca : certificates(x509, folder.resolve("ca.pem"))) {
                trust.setCertificateEntry("ca-" + i++, ca);
            }
            char[] password = new char[0];
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(null, null);
            List<Certificate> chain = certificates(x509, folder.resolve("cert.pem"));
            keys.setKeyEntry("client", key(folder.resolve("key.pem")), password, chain.toArray(new Certificate[0]));
            KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keyManagers.init(keys, password);
            TrustManagerFactory trustManagers =
                    TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trustManagers.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers.getKeyManagers(), trustManagers.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new TargetException(
                    "cannot use the TLS files in " + folder + " (ca.pem, cert.pem, key.pem, as"
                            + " DOCKER_CERT_PATH holds them for the docker command): "
                            + e.getClass().getSimpleName(),
                    e);
        }
    }

    private static List<Certificate> certificates(CertificateFactory x509, Path file)
            throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(file)) {
            List<Certificate> certificates = List.copyOf(x509.generateCertificates(in));
            if (certificates.isEmpty()) {
                throw new GeneralSecurityException("no certificate in " + file);
            }
            return certificates;
        }
    }

    private static PrivateKey key(Path file) throws IOException, GeneralSecurityException {
        String text = Files.readString(file, StandardCharsets.US_ASCII);
        byte[] der;
        if (text.contains("-----BEGIN PRIVATE KEY-----")) {
            der = pem(text, "PRIVATE KEY");
        } else if (text.contains("-----BEGIN RSA PRIVATE KEY-----")) {
            der = pkcs8OfRsa(pem(text, "RSA PRIVATE KEY"));
        } else {
            throw new GeneralSecurityException(file + " holds no PKCS#8 or RSA key; convert it with 'openssl pkcs8"
                    + " -topk8 -nocrypt -in key.pem -out key.pem'");
        }
        for (String algorithm : new String[] {"RSA", "EC"}) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException e) {
                // Try the next algorithm.
            }
        }
        throw new GeneralSecurityException(file + " holds a key that is neither RSA nor EC");
    }

    private static byte[] pem(String text, String type) {
        String begin = "-----BEGIN " + type + "-----";
        int start = text.indexOf(begin) + begin.length();
        int end = text.indexOf("-----END " + type + "-----", start);
        return Base64.getMimeDecoder().decode(text.substring(start, end));
    }

    /** Wraps a PKCS#1 RSA key in the PKCS#8 structure the JDK reads. */
    private static byte[] pkcs8OfRsa(byte[] pkcs1) {
        byte[] algorithm = {
            0x30,
            0x0d,
            0x06,
            0x09,
            0x2a,
            (byte) 0x86,
            0x48,
            (byte) 0x86,
            (byte) 0xf7,
            0x0d,
            0x01,
            0x01,
            0x01,
            0x05,
            0x00
        };
        byte[] version = {0x02, 0x01, 0x00};
        byte[] octets = concat(header(0x04, pkcs1.length), pkcs1);
        byte[] body = concat(version, concat(algorithm, octets));
        return concat(header(0x30, body.length), body);
    }

    private static byte[] header(int tag, int length) {
        if (length < 0x80) {
            return new byte[] {(byte) tag, (byte) length};
        }
        if (length < 0x100) {
            return new byte[] {(byte) tag, (byte) 0x81, (byte) length};
        }
        if (length < 0x10000) {
            return new byte[] {(byte) tag, (byte) 0x82, (byte) (length >> 8), (byte) length};
        }
        return new byte[] {(byte) tag, (byte) 0x83, (byte) (length >> 16), (byte) (length >> 8), (byte) length};
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = new byte[a.length + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
