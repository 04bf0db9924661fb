package io.streamforge.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the certificates of {@link ThrowawayCa} contain, parsed back with the JDK. */
class ThrowawayCaTest {
    @TempDir Path dir;

    private static X509Certificate parse(String pem) throws Exception {
        return (X509Certificate)
                CertificateFactory.getInstance("X.509")
                        .generateCertificate(
                                new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void aServerCertificateIsSignedByTheCaAndNamesEveryDnsNameAndAddress() throws Exception {
        ThrowawayCa ca = ThrowawayCa.create(dir.resolve("ca"));
        ThrowawayCa.ServerCert sc =
                ca.issueServer(
                        "db", List.of("db.example.test", "db"), List.of("127.0.0.1", "10.0.0.7"));
        X509Certificate cert = parse(sc.certPem());
        cert.verify(ca.caCertificate().getPublicKey());
        assertThat(cert.getSubjectX500Principal().getName()).isEqualTo("CN=db.example.test");
        assertThat(cert.getIssuerX500Principal())
                .isEqualTo(ca.caCertificate().getSubjectX500Principal());
        assertThat(cert.getSubjectAlternativeNames())
                .extracting(san -> san.get(0) + "=" + san.get(1))
                .containsExactly("2=db.example.test", "2=db", "7=127.0.0.1", "7=10.0.0.7");
        assertThat(cert.getBasicConstraints()).isEqualTo(-1);
        assertThat(cert.getExtendedKeyUsage())
                .containsExactly("1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2");
        Duration validity =
                Duration.between(cert.getNotBefore().toInstant(), cert.getNotAfter().toInstant());
        assertThat(validity).isEqualTo(Duration.ofDays(2).plusMinutes(5));
        assertThat(cert.getNotBefore().toInstant()).isBefore(Instant.now());
        assertThat(Files.readString(sc.certFile())).isEqualTo(sc.certPem());
        assertThat(Files.readString(sc.keyFile())).isEqualTo(sc.keyPem()).contains("PRIVATE KEY");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(sc.keyFile())))
                .isEqualTo("rw-------");
        assertThat(sc.toString()).doesNotContain(sc.keyPem()).contains("key=***");
    }

    @Test
    void theCaIsACaAndItsFileHoldsItsCertificate() throws Exception {
        ThrowawayCa ca = ThrowawayCa.create(dir.resolve("ca"));
        X509Certificate fromFile = parse(Files.readString(ca.caFile()));
        assertThat(fromFile).isEqualTo(ca.caCertificate());
        assertThat(fromFile.getBasicConstraints()).isZero();
        fromFile.verify(fromFile.getPublicKey());
        assertThat(ca.caFile()).isEqualTo(dir.resolve("ca").resolve("ca.crt"));
    }

    @Test
    void reissuingANameReplacesItsFilesAndAnotherCaDoesNotVerifyIt() throws Exception {
        ThrowawayCa ca = ThrowawayCa.create(dir.resolve("ca"));
        ThrowawayCa.ServerCert first = ca.issueLocalhost("kafka");
        ThrowawayCa.ServerCert second = ca.issueLocalhost("kafka");
        assertThat(second.keyPem()).isNotEqualTo(first.keyPem());
        assertThat(Files.readString(second.keyFile())).isEqualTo(second.keyPem());
        X509Certificate cert = parse(second.certPem());
        assertThat(cert.getSerialNumber()).isNotEqualTo(parse(first.certPem()).getSerialNumber());
        ThrowawayCa other = ThrowawayCa.create(dir.resolve("other"));
        assertThatThrownBy(() -> cert.verify(other.caCertificate().getPublicKey()))
                .isInstanceOf(java.security.SignatureException.class);
    }

    @Test
    void badNamesAndMissingDnsNamesAreRefused() {
        ThrowawayCa ca = ThrowawayCa.create(dir.resolve("ca"));
        assertThatThrownBy(() -> ca.issueServer("Kafka", List.of("x"), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("name: expected [a-z0-9-]+, got 'Kafka'");
        assertThatThrownBy(() -> ca.issueServer("../up", List.of("x"), List.of()))
                .hasMessageContaining("'../up'");
        assertThatThrownBy(() -> ca.issueServer("db", List.of(), List.of("127.0.0.1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("dnsNames: at least one name is needed");
        assertThat(dir.resolve("ca").resolve("db.crt")).doesNotExist();
    }
}
