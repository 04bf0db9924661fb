package io.streamforge.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** shellcheck on every script we own; the cert script's openssl part against a throwaway CA. */
class ScriptsTest {
    private static final Path CERT_SCRIPT =
            Tools.repoRoot().resolve("platform/base/cert/script.sh");
    @TempDir Path tmp;

    @BeforeEach
    void tools() {
        Tools.require("openssl");
    }

    @Test
    void shellcheckIsCleanOnEveryOwnedScript() throws IOException {
        Tools.require("shellcheck");
        List<Path> scripts = new ArrayList<>();
        for (String dir : List.of("deploy", "platform", ".gitlab")) {
            try (Stream<Path> s = Files.walk(Tools.repoRoot().resolve(dir))) {
                s.filter(p -> p.toString().endsWith(".sh") && !p.toString().contains("/target/"))
                        .forEach(scripts::add);
            }
        }
        scripts.add(Tools.repoRoot().resolve("streamforge")); // the launcher
        scripts.add(Tools.repoRoot().resolve(".ci/run"));
        assertThat(scripts)
                .contains(
                        CERT_SCRIPT,
                        Tools.deployDir().resolve("ci-deps.sh"),
                        Tools.deployDir().resolve("gpu-check.sh"));
        List<String> cmd =
                new ArrayList<>(List.of("shellcheck", "--severity=style", "--shell=bash"));
        scripts.forEach(p -> cmd.add(p.toString()));
        Tools.Result r = Tools.run(Tools.repoRoot(), null, cmd);
        assertThat(r.exitCode()).as(r.all()).isZero();
    }

    @Test
    void localModeIssuesAVerifiedCertWithDomainAndIpSans() {
        Path[] ca = throwawayCa();
        Tools.Result r =
                cert(
                        "local",
                        "--name",
                        "kafka-ui",
                        "--domain",
                        "kafka-ui.dmz.home",
                        "--ip",
                        "192.0.2.10",
                        "--ca-cert",
                        ca[0].toString(),
                        "--ca-key",
                        ca[1].toString(),
                        "--out",
                        tmp.resolve("out").toString());
        assertThat(r.exitCode()).as(r.all()).isZero();
        assertThat(r.stdout()).contains("ok: key matches certificate");
        Path crt = tmp.resolve("out/kafka-ui.crt");
        Tools.Result text =
                Tools.run(tmp, "openssl", "x509", "-in", crt.toString(), "-noout", "-text");
        assertThat(text.stdout())
                .contains(
                        "DNS:kafka-ui.dmz.home",
                        "IP Address:192.0.2.10",
                        "TLS Web Server Authentication");
        Tools.Result verify =
                Tools.run(tmp, "openssl", "verify", "-CAfile", ca[0].toString(), crt.toString());
        assertThat(verify.exitCode()).as(verify.all()).isZero();
        assertThat(tmp.resolve("out/kafka-ui.key").toFile().canRead()).isTrue();
    }

    @Test
    void verifyDetectsAKeyThatDoesNotBelongToTheCertificate() {
        Path[] ca = throwawayCa();
        Path out = tmp.resolve("out");
        assertThat(
                        cert(
                                        "local",
                                        "--name",
                                        "a",
                                        "--domain",
                                        "a.dmz.home",
                                        "--ip",
                                        "10.0.0.1",
                                        "--ca-cert",
                                        ca[0].toString(),
                                        "--ca-key",
                                        ca[1].toString(),
                                        "--out",
                                        out.toString())
                                .exitCode())
                .isZero();
        Tools.Result wrong =
                cert(
                        "verify",
                        "--key",
                        ca[1].toString(),
                        "--cert",
                        out.resolve("a.crt").toString());
        assertThat(wrong.exitCode()).isNotZero();
        assertThat(wrong.stderr()).contains("does not match certificate");
        Tools.Result right =
                cert(
                        "verify",
                        "--key",
                        out.resolve("a.key").toString(),
                        "--cert",
                        out.resolve("a.crt").toString(),
                        "--ca-cert",
                        ca[0].toString());
        assertThat(right.exitCode()).as(right.all()).isZero();
    }

    @Test
    void manifestIsACertManagerRequestCarryingTheCsr() throws IOException {
        Path[] ca = throwawayCa();
        Path out = tmp.resolve("out");
        cert(
                "local",
                "--name",
                "web",
                "--domain",
                "web.dmz.home",
                "--ip",
                "10.0.0.2",
                "--ca-cert",
                ca[0].toString(),
                "--ca-key",
                ca[1].toString(),
                "--out",
                out.toString());
        Tools.Result r =
                cert(
                        "manifest",
                        "--name",
                        "web",
                        "--csr",
                        out.resolve("web.csr").toString(),
                        "--namespace",
                        "certs");
        assertThat(r.exitCode()).as(r.all()).isZero();
        var cr = (GenericKubernetesResource) Serialization.unmarshal(r.stdout());
        assertThat(cr.getKind()).isEqualTo("CertificateRequest");
        assertThat(cr.getMetadata().getNamespace()).isEqualTo("certs");
        assertThat(cr.get("spec", "issuerRef", "name").toString()).isEqualTo("homelab-ca-issuer");
        assertThat(cr.get("spec", "issuerRef", "kind").toString()).isEqualTo("ClusterIssuer");
        String csr = new String(Base64.getDecoder().decode(cr.get("spec", "request").toString()));
        assertThat(csr).isEqualTo(Files.readString(out.resolve("web.csr")));
    }

    @Test
    void badInputIsRejectedWithAMessageNamingTheOption() {
        Tools.Result missing = cert("local", "--name", "x", "--ip", "10.0.0.1");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.stderr())
                .contains("missing required option(s): --domain --ca-cert --ca-key");
        Tools.Result badIp =
                cert(
                        "local",
                        "--name",
                        "x",
                        "--domain",
                        "x.dmz.home",
                        "--ip",
                        "10.0.0.256",
                        "--ca-cert",
                        "c",
                        "--ca-key",
                        "k");
        assertThat(badIp.stderr()).contains("--ip is not a valid IPv4 address: '10.0.0.256'");
        Tools.Result badDomain =
                cert(
                        "local",
                        "--name",
                        "x",
                        "--domain",
                        "-bad-.home",
                        "--ip",
                        "10.0.0.1",
                        "--ca-cert",
                        "c",
                        "--ca-key",
                        "k");
        assertThat(badDomain.stderr()).contains("--domain is not a valid DNS name");
        Tools.Result badName = cert("manifest", "--name", "Bad_Name", "--csr", "x");
        assertThat(badName.stderr()).contains("--name must be a DNS-1123 label");
        assertThat(cert("bogus").stderr()).contains("unknown mode 'bogus'");
        assertThat(cert("local", "--frobnicate", "1").stderr())
                .contains("unknown option '--frobnicate'");
    }

    private Tools.Result cert(String... args) {
        List<String> cmd = new ArrayList<>(List.of("bash", CERT_SCRIPT.toString()));
        cmd.addAll(List.of(args));
        return Tools.run(tmp, null, cmd);
    }

    private Path[] throwawayCa() {
        Path crt = tmp.resolve("ca.crt");
        Path key = tmp.resolve("ca.key");
        Tools.Result r =
                Tools.run(
                        tmp,
                        "openssl",
                        "req",
                        "-x509",
                        "-newkey",
                        "ec",
                        "-pkeyopt",
                        "ec_paramgen_curve:P-256",
                        "-nodes",
                        "-keyout",
                        key.toString(),
                        "-out",
                        crt.toString(),
                        "-subj",
                        "/CN=StreamForge throwaway test CA",
                        "-days",
                        "1");
        assertThat(r.exitCode()).as(r.all()).isZero();
        return new Path[] {crt, key};
    }
}
