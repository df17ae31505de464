package org.wedops.deploychecks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertyState;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.type.filter.AnnotationTypeFilter;

/**
 * Every property name one service really has: its own and the shared modules' {@code @ConfigurationProperties}
 * records, read by reflection, and Spring Boot's (and its libraries') documented keys from the
 * {@code META-INF/spring-configuration-metadata.json} files on the classpath. Names are matched the way Spring Boot
 * binds them, through its own {@link SystemEnvironmentPropertySource} mapping for environment variables.
 */
public final class ServiceProperties {

    private static final List<ConfigurationPropertyName> SPRING_LEAVES = new ArrayList<>();
    private static final List<ConfigurationPropertyName> SPRING_PREFIXES = new ArrayList<>();

    static {
        loadMetadata("META-INF/spring-configuration-metadata.json");
        loadMetadata("META-INF/additional-spring-configuration-metadata.json");
    }

    private final String service;
    private final Set<ConfigurationPropertyName> leaves = new HashSet<>();
    /** Maps and lists: any name below them binds. */
    private final Set<ConfigurationPropertyName> prefixes = new HashSet<>();

    private ServiceProperties(String service, List<String> packages) {
        this.service = service;
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
        int found = 0;
        for (String pkg : packages) {
            for (var candidate : scanner.findCandidateComponents(pkg)) {
                try {
                    Class<?> type = Class.forName(candidate.getBeanClassName());
                    ConfigurationProperties annotation = type.getAnnotation(ConfigurationProperties.class);
                    String prefix = annotation.prefix().isEmpty() ? annotation.value() : annotation.prefix();
                    walk(prefix, type);
                    found++;
                } catch (ClassNotFoundException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        if (found == 0) {
            throw new IllegalStateException("no @ConfigurationProperties in " + packages);
        }
    }

    /** The properties of a service module (by its name in k8s/), with the shared modules it uses. */
    public static ServiceProperties of(String service) {
        List<String> packages = switch (service) {
            case "gateway" -> List.of("org.wedops.gateway", "org.wedops.security");
            case "health-collector" -> shared("org.wedops.health");
            case "deployment-orchestrator" -> shared("org.wedops.deploy");
            case "scaling-planner" -> shared("org.wedops.planner");
            case "apm-ingest" -> shared("org.wedops.apm");
            case "alert-router" -> shared("org.wedops.alert");
            default -> throw new IllegalArgumentException("unknown service " + service);
        };
        return new ServiceProperties(service, packages);
    }

    private static List<String> shared(String own) {
        return List.of(own, "org.wedops.support", "org.wedops.security");
    }

    /** Whether the environment variable binds to a property of the service. */
    public boolean bindsEnvironmentVariable(String variable) {
        PropertySource<?> env = new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of(variable, "x"));
        ConfigurationPropertySource source = ConfigurationPropertySource.from(env);
        return anyLeaf(name -> source.getConfigurationProperty(name) != null)
                || anyPrefix(name -> source.containsDescendantOf(name) == ConfigurationPropertyState.PRESENT);
    }

    /** Whether a property name, as written in a YAML or properties file, binds to a property of the service. */
    public boolean bindsName(String name) {
        if (!ConfigurationPropertyName.isValid(name)) {
            return false;
        }
        ConfigurationPropertyName property = ConfigurationPropertyName.of(name);
        return anyLeaf(property::equals) || anyPrefix(prefix -> prefix.isAncestorOf(property));
    }

    public String service() {
        return service;
    }

    public Set<ConfigurationPropertyName> ownLeaves() {
        return Collections.unmodifiableSet(leaves);
    }

    private boolean anyLeaf(java.util.function.Predicate<ConfigurationPropertyName> test) {
        return leaves.stream().anyMatch(test) || SPRING_LEAVES.stream().anyMatch(test);
    }

    private boolean anyPrefix(java.util.function.Predicate<ConfigurationPropertyName> test) {
        return prefixes.stream().anyMatch(test) || SPRING_PREFIXES.stream().anyMatch(test);
    }

    private void walk(String prefix, Class<?> type) {
        if (!type.isRecord()) {
            // a JavaBean-style group: every name below it
            prefixes.add(ConfigurationPropertyName.of(prefix));
            return;
        }
        for (RecordComponent component : type.getRecordComponents()) {
            String name = prefix + "." + kebab(component.getName());
            Class<?> raw = component.getType();
            Type generic = component.getGenericType();
            if (Map.class.isAssignableFrom(raw) || Collection.class.isAssignableFrom(raw) || raw.isArray()) {
                prefixes.add(ConfigurationPropertyName.of(name));
                leaves.add(ConfigurationPropertyName.of(name));
            } else if (raw.isRecord()) {
                walk(name, raw);
            } else if (isGroup(raw, generic)) {
                prefixes.add(ConfigurationPropertyName.of(name));
            } else {
                leaves.add(ConfigurationPropertyName.of(name));
            }
        }
    }

    /**
     * A nested class of the project's own holds further properties, unless it is a value type: an enum, or a class
     * Spring converts from one string through a static {@code of}, {@code valueOf} or {@code from} (such as the
     * alert-router's {@code SecretUrl}).
     */
    private static boolean isGroup(Class<?> raw, Type generic) {
        return !(generic instanceof ParameterizedType) && raw.getName().startsWith("org.wedops.") && !raw.isEnum()
                && !convertsFromString(raw);
    }

    private static boolean convertsFromString(Class<?> raw) {
        for (String factory : List.of("of", "valueOf", "from")) {
            try {
                java.lang.reflect.Method method = raw.getMethod(factory, String.class);
                if (java.lang.reflect.Modifier.isStatic(method.getModifiers()) && raw.isAssignableFrom(method.getReturnType())) {
                    return true;
                }
            } catch (NoSuchMethodException notThisOne) {
                // try the next name
            }
        }
        return false;
    }

    static String kebab(String camel) {
        StringBuilder out = new StringBuilder();
        for (char c : camel.toCharArray()) {
            if (Character.isUpperCase(c)) {
                out.append('-').append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static void loadMetadata(String resource) {
        ObjectMapper json = new ObjectMapper();
        try {
            Enumeration<URL> urls = ServiceProperties.class.getClassLoader().getResources(resource);
            while (urls.hasMoreElements()) {
                try (InputStream in = urls.nextElement().openStream()) {
                    JsonNode properties = json.readTree(in).path("properties");
                    for (JsonNode property : properties) {
                        String name = property.path("name").asText();
                        String type = property.path("type").asText("");
                        if (!ConfigurationPropertyName.isValid(name)) {
                            continue;
                        }
                        ConfigurationPropertyName parsed = ConfigurationPropertyName.of(name);
                        SPRING_LEAVES.add(parsed);
                        if (type.startsWith("java.util.Map") || type.startsWith("java.util.List") || type.startsWith("java.util.Set")
                                || type.endsWith("[]")) {
                            SPRING_PREFIXES.add(parsed);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (SPRING_LEAVES.isEmpty()) {
            throw new IllegalStateException("no Spring configuration metadata on the classpath");
        }
    }
}
