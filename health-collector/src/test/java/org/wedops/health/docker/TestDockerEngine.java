package org.wedops.health.docker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;

/**
 * The real Docker Engine the Docker tests run against (started by {@code ./wedops test}, reached through
 * DOCKER_HOST), and the one image they use, made by {@code docker import} from Debian's static busybox since no
 * image can be pulled here. Without an engine the tests fail with this message, never pass.
 */
final class TestDockerEngine {

    static final String IMAGE = "wedops-test/busybox:1";
    private static final List<String> APPLETS = List.of("sh", "sleep", "test", "touch", "rm", "cat", "echo", "true", "false");

    private TestDockerEngine() {
    }

    static DockerClient connect() {
        var config = DefaultDockerClientConfig.createDefaultConfigBuilder().build();
        DockerClient client = DockerClientImpl.getInstance(config, new ApacheDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost()).connectionTimeout(Duration.ofSeconds(3)).responseTimeout(Duration.ofSeconds(60)).build());
        try {
            client.pingCmd().exec();
        } catch (RuntimeException e) {
            throw new IllegalStateException("No Docker Engine at " + config.getDockerHost() + " (" + e.getMessage() + "). Run the tests with "
                    + "./wedops test, which installs docker.io and starts dockerd, or set DOCKER_HOST to a running engine.", e);
        }
        return client;
    }

    /** Imports the busybox image once per engine. */
    static synchronized void ensureImage(DockerClient client) throws IOException, InterruptedException {
        if (!client.listImagesCmd().withImageNameFilter(IMAGE).exec().isEmpty()) {
            return;
        }
        Path busybox = Path.of("/bin/busybox");
        if (!Files.isExecutable(busybox)) {
            busybox = Path.of("/usr/bin/busybox");
        }
        if (!Files.isExecutable(busybox)) {
            throw new IllegalStateException("busybox-static is not installed; ./wedops test installs it");
        }
        Path root = Files.createTempDirectory("busybox-rootfs");
        Files.createDirectories(root.resolve("bin"));
        Files.createDirectories(root.resolve("tmp"));
        Files.copy(busybox, root.resolve("bin/busybox"));
        for (String applet : APPLETS) {
            Files.createSymbolicLink(root.resolve("bin").resolve(applet), Path.of("busybox"));
        }
        Path tar = Files.createTempFile("busybox", ".tar");
        Process process = new ProcessBuilder("tar", "-C", root.toString(), "-cf", tar.toString(), ".").inheritIO().start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("tar failed building the busybox image");
        }
        // docker-java has no import: the CLI talks to the same engine through DOCKER_HOST
        Process importing = new ProcessBuilder("docker", "import", tar.toString(), IMAGE).inheritIO().start();
        if (importing.waitFor() != 0) {
            throw new IllegalStateException("docker import of the busybox image failed");
        }
    }
}
