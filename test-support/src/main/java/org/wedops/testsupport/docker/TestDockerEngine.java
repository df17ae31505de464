package org.wedops.testsupport.docker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;

/**
 * The real Docker Engine the Docker tests run against (started by {@code ./wedops test}, reached through
 * DOCKER_HOST), and the images they use, made by {@code docker import} from Debian's static busybox since no
 * image can be pulled here. Without an engine the tests fail with this message, never pass.
 */
public final class TestDockerEngine {

    /** The image every test may share. */
    public static final String IMAGE = "wedops-test/busybox:1";
    private static final List<String> APPLETS = List.of("sh", "sleep", "test", "touch", "rm", "cat", "echo", "true", "false");

    private TestDockerEngine() {
    }

    public static DockerClient connect() {
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

    /** By inspection: the engine ignores the old name filter of the image list and would answer every image. */
    private static boolean exists(DockerClient client, String tag) {
        try {
            client.inspectImageCmd(tag).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    /** Imports the shared busybox image ({@link #IMAGE}) once per engine. */
    public static void ensureImage(DockerClient client) throws IOException, InterruptedException {
        ensureImage(client, IMAGE);
    }

    /** Imports a busybox image under the given tag once per engine; tags differ only in name (versions of a service). */
    public static void ensureImage(DockerClient client, String tag) throws IOException, InterruptedException {
        ensureImage(client, tag, List.of());
    }

    /** As {@link #ensureImage(DockerClient, String)}, with busybox applets beyond the default ones (e.g. "wget", "nc"). */
    public static synchronized void ensureImage(DockerClient client, String tag, List<String> extraApplets)
            throws IOException, InterruptedException {
        if (exists(client, tag)) {
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
        Set<String> applets = new LinkedHashSet<>(APPLETS);
        applets.addAll(extraApplets);
        for (String applet : applets) {
            Files.createSymbolicLink(root.resolve("bin").resolve(applet), Path.of("busybox"));
        }
        Path tar = Files.createTempFile("busybox", ".tar");
        Process process = new ProcessBuilder("tar", "-C", root.toString(), "-cf", tar.toString(), ".").inheritIO().start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("tar failed building the busybox image");
        }
        // docker-java has no import: the CLI talks to the same engine through DOCKER_HOST
        Process importing = new ProcessBuilder("docker", "import", tar.toString(), tag).inheritIO().start();
        if (importing.waitFor() != 0) {
            throw new IllegalStateException("docker import of the busybox image " + tag + " failed");
        }
    }
}
