package org.wedops.deploychecks;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;

/**
 * An overlay of k8s/ as kubectl kustomize renders it (bin/k8s-tools installs that kubectl on first use), parsed into
 * fabric8's typed model; custom resources without a model class stay GenericKubernetesResource.
 */
public record Rendered(String overlay, String yaml, List<HasMetadata> items) {

    public static final Path ROOT = findRoot();
    private static final Map<String, Rendered> CACHE = new ConcurrentHashMap<>();

    /** "base", "overlays/local" or "overlays/production". */
    public static Rendered of(String overlay) {
        return CACHE.computeIfAbsent(overlay, Rendered::render);
    }

    private static Rendered render(String overlay) {
        try {
            Path out = Files.createTempFile("k8s-render", ".yaml");
            Path err = Files.createTempFile("k8s-render", ".err");
            Process process = new ProcessBuilder(ROOT.resolve("bin/k8s-tools").toString(), "render", ROOT.resolve("k8s").resolve(overlay).toString())
                    .directory(ROOT.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("bin/k8s-tools render k8s/" + overlay + " failed: " + Files.readString(err));
            }
            String yaml = Files.readString(out);
            try (KubernetesClient offline = new KubernetesClientBuilder().build()) {
                List<HasMetadata> items = offline.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))).items();
                return new Rendered(overlay, yaml, List.copyOf(items));
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public <T extends HasMetadata> List<T> all(Class<T> type) {
        return items.stream().filter(type::isInstance).map(type::cast).toList();
    }

    public List<HasMetadata> ofKind(String kind) {
        return items.stream().filter(i -> kind.equals(i.getKind())).toList();
    }

    public <T extends HasMetadata> Optional<T> find(Class<T> type, String name) {
        return all(type).stream().filter(i -> name.equals(i.getMetadata().getName())).findFirst();
    }

    public Deployment deployment(String name) {
        return find(Deployment.class, name).orElseThrow(() -> new AssertionError(overlay + ": no Deployment " + name));
    }

    public ConfigMap configMap(String name) {
        return find(ConfigMap.class, name).orElseThrow(() -> new AssertionError(overlay + ": no ConfigMap " + name));
    }

    private static Path findRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("k8s"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no k8s/ above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}
