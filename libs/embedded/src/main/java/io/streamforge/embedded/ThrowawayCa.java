package io.streamforge.embedded;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A certificate authority that lives for one run: an EC P-256 root made in memory, written as
 * {@code ca.crt} into a folder, and server certificates signed by it (for the TLS listeners of
 * {@link EmbeddedKafkaBroker} and {@link EmbeddedPostgresServer}). The CA key never leaves memory;
 * server keys are written as unencrypted PKCS#8 PEM files readable by the owner only. For local
 * mode and tests, never for a real deployment (where cert-manager / Strimzi issue the
 * certificates).
 */
public final class ThrowawayCa {
    private static final Duration VALIDITY = Duration.ofDays(2);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path dir;
    private final KeyPair caKeys;
    private final X509Certificate caCert;
    private final Path caFile;

    private ThrowawayCa(Path dir, KeyPair caKeys, X509Certificate caCert, Path caFile) {
        this.dir = dir;
        this.caKeys = caKeys;
        this.caCert = caCert;
        this.caFile = caFile;
    }

    /** A server certificate and its key, as PEM text and as files (key file mode 0600). */
    public record ServerCert(String certPem, String keyPem, Path certFile, Path keyFile) {
        @Override
        public String toString() {
            return "ServerCert[certFile=" + certFile + ", keyFile=" + keyFile + ", key=***]";
        }
    }

    /** Creates a new root CA and writes its certificate to {@code dir/ca.crt}. */
    public static ThrowawayCa create(Path dir) {
        Objects.requireNonNull(dir, "dir");
        try {
            Files.createDirectories(dir);
            KeyPair keys = newKeyPair();
            X500Name name = new X500Name("CN=StreamForge throwaway CA " + Instant.now());
            Instant now = Instant.now();
            JcaX509v3CertificateBuilder b =
                    new JcaX509v3CertificateBuilder(
                            name,
                            serial(),
                            Date.from(now.minus(Duration.ofMinutes(5))),
                            Date.from(now.plus(VALIDITY)),
                            name,
                            keys.getPublic());
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
            b.addExtension(
                    Extension.keyUsage,
                    true,
                    new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            b.addExtension(
                    Extension.subjectKeyIdentifier,
                    false,
                    ext.createSubjectKeyIdentifier(keys.getPublic()));
            X509Certificate cert = sign(b, keys.getPrivate());
            Path caFile = dir.resolve("ca.crt");
            Files.writeString(caFile, pem(cert));
            return new ThrowawayCa(dir, keys, cert, caFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the CA to " + dir, e);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("cannot create a CA: " + e.getMessage(), e);
        }
    }

    /** The CA certificate file clients trust ({@code KAFKA_SSL_CA_FILE}, {@code sslrootcert}). */
    public Path caFile() {
        return caFile;
    }

    public X509Certificate caCertificate() {
        return caCert;
    }

    /**
     * Issues a server certificate for {@code dnsNames} and {@code ipAddresses} (subject alternative
     * names; the first DNS name is also the CN), written as {@code <name>.crt} / {@code
     * <name>.key}.
     */
    public ServerCert issueServer(String name, List<String> dnsNames, List<String> ipAddresses) {
        if (name == null || !name.matches("[a-z0-9-]+")) {
            throw new IllegalArgumentException("name: expected [a-z0-9-]+, got '" + name + "'");
        }
        if (dnsNames.isEmpty()) {
            throw new IllegalArgumentException("dnsNames: at least one name is needed");
        }
        try {
            KeyPair keys = newKeyPair();
            Instant now = Instant.now();
            JcaX509v3CertificateBuilder b =
                    new JcaX509v3CertificateBuilder(
                            new X509CertificateHolder(caCert.getEncoded()).getSubject(),
                            serial(),
                            Date.from(now.minus(Duration.ofMinutes(5))),
                            Date.from(now.plus(VALIDITY)),
                            new X500Name("CN=" + dnsNames.get(0)),
                            keys.getPublic());
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            b.addExtension(
                    Extension.keyUsage,
                    true,
                    new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyAgreement));
            b.addExtension(
                    Extension.extendedKeyUsage,
                    false,
                    new ExtendedKeyUsage(
                            new KeyPurposeId[] {
                                KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth
                            }));
            b.addExtension(
                    Extension.authorityKeyIdentifier,
                    false,
                    ext.createAuthorityKeyIdentifier(caCert));
            b.addExtension(Extension.subjectAlternativeName, false, sans(dnsNames, ipAddresses));
            X509Certificate cert = sign(b, caKeys.getPrivate());
            String certPem = pem(cert);
            String keyPem = pkcs8Pem(keys.getPrivate());
            Path certFile = dir.resolve(name + ".crt");
            Path keyFile = dir.resolve(name + ".key");
            Files.writeString(certFile, certPem);
            Files.deleteIfExists(keyFile);
            Files.createFile(
                    keyFile,
                    PosixFilePermissions.asFileAttribute(
                            PosixFilePermissions.fromString("rw-------")));
            Files.writeString(keyFile, keyPem);
            return new ServerCert(certPem, keyPem, certFile, keyFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the certificate " + name, e);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("cannot issue a certificate: " + e.getMessage(), e);
        }
    }

    /** A certificate for a server on this machine: {@code localhost} and {@code 127.0.0.1}. */
    public ServerCert issueLocalhost(String name) {
        return issueServer(name, List.of("localhost"), List.of("127.0.0.1"));
    }

    private static GeneralNames sans(List<String> dnsNames, List<String> ips) {
        List<GeneralName> names = new ArrayList<>();
        dnsNames.forEach(d -> names.add(new GeneralName(GeneralName.dNSName, d)));
        ips.forEach(ip -> names.add(new GeneralName(GeneralName.iPAddress, ip)));
        return new GeneralNames(names.toArray(GeneralName[]::new));
    }

    private static KeyPair newKeyPair() throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
        return g.generateKeyPair();
    }

    private static BigInteger serial() {
        return new BigInteger(64, RANDOM).abs().add(BigInteger.ONE);
    }

    private static X509Certificate sign(JcaX509v3CertificateBuilder b, PrivateKey key)
            throws OperatorCreationException, GeneralSecurityException {
        ContentSigner signer = new JcaContentSignerBuilder("SHA256withECDSA").build(key);
        return new JcaX509CertificateConverter().getCertificate(b.build(signer));
    }

    private static String pem(Object o) throws IOException {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(out)) {
            w.writeObject(o);
        }
        return out.toString();
    }

    private static String pkcs8Pem(PrivateKey key) throws IOException {
        return pem(new JcaPKCS8Generator(key, null).generate());
    }

    @Override
    public String toString() {
        return "ThrowawayCa[caFile=" + caFile + "]";
    }
}
