package org.wedops.health.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The collector against a real Docker Engine that demands TLS with client certificates ({@code dockerd --tlsverify}),
 * started here beside the tests' usual engine with its own data root, exec root and port, and certificates made
 * here with openssl: the collector's certificate gets in, a certificate from another CA and plaintext do not.
 */
class DockerEngineTlsIT {

    private static Path dir;
    private static Path execRoot;
    private static Process dockerd;
    private static int port;

    @BeforeAll
    static void startEngineDemandingClientCertificates() throws Exception {
        dir = Files.createTempDirectory(Path.of("target"), "docker-tls").toAbsolutePath();
        Path engine = Files.createDirectories(dir.resolve("engine"));
        Path client = Files.createDirectories(dir.resolve("client"));
        Path stranger = Files.createDirectories(dir.resolve("stranger"));
        authority(engine.resolve("ca-key.pem"), engine.resolve("ca.pem"), "wedops-test-ca");
        signed(engine, "server", "/CN=127.0.0.1", "subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth\n",
                engine.resolve("server-key.pem"), engine.resolve("server-cert.pem"));
        signed(engine, "client", "/CN=health-collector", "extendedKeyUsage=clientAuth\n", client.resolve("key.pem"), client.resolve("cert.pem"));
        Files.copy(engine.resolve("ca.pem"), client.resolve("ca.pem"));
        // a client certificate of another authority, as a stolen-looking but unsigned identity would be
        authority(stranger.resolve("other-ca-key.pem"), stranger.resolve("other-ca.pem"), "someone-else");
        signed(stranger, "other", "/CN=intruder", "extendedKeyUsage=clientAuth\n", stranger.resolve("key.pem"), stranger.resolve("cert.pem"),
                stranger.resolve("other-ca.pem"), stranger.resolve("other-ca-key.pem"));
        Files.copy(engine.resolve("ca.pem"), stranger.resolve("ca.pem"));

        // containerd's socket lives in the exec root, and a unix socket path must stay under 108 bytes: /tmp, not target/
        execRoot = Files.createTempDirectory(Path.of("/tmp"), "wedops-dtls"); // the JVM temp dir is under target/ in tests
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        dockerd = new ProcessBuilder("dockerd", "--storage-driver=vfs", "--iptables=false", "--bridge=none",
                "--data-root", dir.resolve("data").toString(), "--exec-root", execRoot.resolve("exec").toString(),
                "--pidfile", dir.resolve("dockerd.pid").toString(),
                "--tlsverify", "--tlscacert", engine.resolve("ca.pem").toString(),
                "--tlscert", engine.resolve("server-cert.pem").toString(), "--tlskey", engine.resolve("server-key.pem").toString(),
                "-H", "tcp://127.0.0.1:" + port)
                .redirectErrorStream(true).redirectOutput(dir.resolve("dockerd.log").toFile()).start();
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() -> {
            assertThat(dockerd.isAlive()).as("dockerd is running; see " + dir.resolve("dockerd.log")).isTrue();
            try (DockerEngine collector = engine(true, client)) {
                assertThat(collector.client().versionCmd().exec().getVersion()).isNotBlank();
            }
        });
    }

    @AfterAll
    static void stopEngine() throws Exception {
        if (dockerd != null) {
            dockerd.destroy();
            if (!dockerd.waitFor(20, TimeUnit.SECONDS)) {
                dockerd.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        if (execRoot != null) {
            try (var files = Files.walk(execRoot)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    @Test
    void theCollectorWithItsClientCertificateIsServed() throws Exception {
        try (DockerEngine collector = engine(true, dir.resolve("client"))) {
            assertThat(collector.client().listContainersCmd().withShowAll(true).exec()).isEmpty();
        }
    }

    @Test
    void aClientWithACertificateOfAnotherAuthorityIsRefused() throws Exception {
        try (DockerEngine intruder = engine(true, dir.resolve("stranger"))) {
            assertThatThrownBy(() -> intruder.client().listContainersCmd().exec()).isInstanceOf(RuntimeException.class);
        }
    }

    @Test
    void aClientSpeakingPlaintextIsRefused() throws Exception {
        try (DockerEngine plaintext = engine(false, null)) {
            assertThatThrownBy(() -> plaintext.client().listContainersCmd().exec())
                    .hasMessageContaining("Client sent an HTTP request to an HTTPS server");
        }
    }

    @Test
    void tlsWithoutTheCertificateFilesIsRefusedAtStartNamingTheProperty() {
        assertThatThrownBy(() -> settings(true, dir.resolve("engine")))
                .hasMessage("wedops.health.docker.cert-path: " + dir.resolve("engine").resolve("cert.pem") + " cannot be read");
        assertThatThrownBy(() -> settings(true, null)).hasMessageContaining("wedops.health.docker.cert-path is required");
    }

    private static DockerEngine engine(boolean tls, Path certPath) {
        return new DockerEngine(settings(tls, certPath));
    }

    private static DockerProperties settings(boolean tls, Path certPath) {
        return new DockerProperties(true, "tcp://127.0.0.1:" + port, Map.of(), Duration.ofSeconds(15), 4, 4, tls, certPath);
    }

    private static void authority(Path key, Path certificate, String name) throws Exception {
        openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key.toString(), "-out", certificate.toString(),
                "-days", "1", "-subj", "/CN=" + name);
    }

    private static void signed(Path workDir, String name, String subject, String extensions, Path key, Path certificate) throws Exception {
        signed(workDir, name, subject, extensions, key, certificate, workDir.resolve("ca.pem"), workDir.resolve("ca-key.pem"));
    }

    private static void signed(Path workDir, String name, String subject, String extensions, Path key, Path certificate,
                               Path ca, Path caKey) throws Exception {
        Path request = workDir.resolve(name + ".csr");
        Path extFile = Files.writeString(workDir.resolve(name + ".ext"), extensions);
        openssl("req", "-newkey", "rsa:2048", "-nodes", "-keyout", key.toString(), "-out", request.toString(), "-subj", subject);
        openssl("x509", "-req", "-in", request.toString(), "-CA", ca.toString(), "-CAkey", caKey.toString(), "-CAcreateserial",
                "-out", certificate.toString(), "-days", "1", "-extfile", extFile.toString());
    }

    private static void openssl(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("openssl " + String.join(" ", arguments) + " failed: " + output);
        }
    }
}
