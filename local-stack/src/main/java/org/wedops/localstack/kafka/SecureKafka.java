package org.wedops.localstack.kafka;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.SslConfigs;
import org.wedops.events.KafkaAccess;
import org.wedops.localstack.StackException;

/**
 * The local broker closed as production's is ({@code --secure-kafka}): SASL/SCRAM-SHA-512 over TLS for every client,
 * one principal per service and emitter with exactly the ACLs of {@link KafkaAccess}, and nothing allowed that is not
 * granted. What it needs lives in one owner-only folder, made on first use and kept between runs: the CA and the
 * broker's key, and a random password per principal. The broker's data lives there too, apart from the plain stack's,
 * because SCRAM users are written when the log directory is formatted.
 */
public final class SecureKafka {

    /** The launcher's principal, a super user: it creates the topics, users and ACLs. Also the inter-broker user. */
    public static final String ADMIN = "admin";
    public static final String MECHANISM = "SCRAM-SHA-512";
    /** KRaft cannot check SCRAM on the controller listener (the credentials live in the metadata it serves). */
    static final String CONTROLLER = "controller";
    static final String LISTENER = "SASL_SSL";
    private static final String KEYSTORE = "keystore";

    private final Path home;
    private final Map<String, String> passwords;

    private SecureKafka(Path home, Map<String, String> passwords) {
        this.home = home;
        this.passwords = passwords;
    }

    /** The folder's certificates and passwords, made where missing (a principal added to KafkaAccess gets one too). */
    public static SecureKafka loadOrCreate(Path home) {
        try {
            ownerOnlyDirectory(home);
            ownerOnlyDirectory(home.resolve("tls"));
            Path file = home.resolve("passwords.properties");
            Properties stored = new Properties();
            if (Files.exists(file)) {
                try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    stored.load(reader);
                }
            }
            List<String> names = new ArrayList<>(List.of(ADMIN, CONTROLLER, KEYSTORE));
            KafkaAccess.ALL.forEach(principal -> names.add(principal.name()));
            Map<String, String> passwords = new LinkedHashMap<>();
            boolean changed = false;
            for (String name : names) {
                String password = stored.getProperty(name);
                if (password == null) {
                    password = randomPassword();
                    stored.setProperty(name, password);
                    changed = true;
                }
                passwords.put(name, password);
            }
            if (changed) {
                Path written = ownerOnlyFile(home.resolve("passwords.properties.new"));
                try (Writer writer = Files.newBufferedWriter(written, StandardCharsets.UTF_8)) {
                    stored.store(writer, "SCRAM passwords of the local broker's principals; delete the folder to start afresh");
                }
                Files.move(written, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            LocalCertificates.createIfMissing(home.resolve("tls"), passwords.get(KEYSTORE));
            return new SecureKafka(home, passwords);
        } catch (IOException e) {
            throw new StackException("cannot prepare the secured Kafka's files in " + home + ": " + e.getMessage(), e);
        }
    }

    public Path home() {
        return home;
    }

    /** The CA that clients trust, PEM: {@code spring.kafka.ssl.trust-store-location} with type PEM, or kcat's {@code ssl.ca.location}. */
    public Path caCertificate() {
        return home.resolve("tls").resolve(LocalCertificates.CA_CERTIFICATE);
    }

    String password(String principal) {
        String password = passwords.get(principal);
        if (password == null) {
            throw new IllegalArgumentException("no Kafka principal " + principal);
        }
        return password;
    }

    /** What the broker adds to the plain stack's properties: listeners, TLS, SASL and the authorizer. */
    Map<String, String> brokerProperties(int brokerPort, int controllerPort) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("listeners", LISTENER + "://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
        properties.put("advertised.listeners", LISTENER + "://127.0.0.1:" + brokerPort);
        properties.put("listener.security.protocol.map", LISTENER + ":SASL_SSL,CONTROLLER:SASL_SSL");
        properties.put("inter.broker.listener.name", LISTENER);
        properties.put("sasl.mechanism.inter.broker.protocol", MECHANISM);
        properties.put("listener.name.sasl_ssl.sasl.enabled.mechanisms", MECHANISM);
        properties.put("listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config", scramLogin(ADMIN));
        properties.put("sasl.mechanism.controller.protocol", "PLAIN");
        properties.put("listener.name.controller.sasl.enabled.mechanisms", "PLAIN");
        properties.put("listener.name.controller.plain.sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required"
                + " username=\"" + CONTROLLER + "\" password=\"" + password(CONTROLLER) + "\" user_" + CONTROLLER + "=\"" + password(CONTROLLER) + "\";");
        properties.put("ssl.keystore.location", home.resolve("tls").resolve(LocalCertificates.BROKER_KEYSTORE).toAbsolutePath().toString());
        properties.put("ssl.keystore.type", "PKCS12");
        properties.put("ssl.keystore.password", password(KEYSTORE));
        properties.put("ssl.key.password", password(KEYSTORE));
        properties.put("ssl.truststore.location", caCertificate().toAbsolutePath().toString());
        properties.put("ssl.truststore.type", "PEM");
        properties.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        properties.put("super.users", "User:" + ADMIN + ";User:" + CONTROLLER);
        properties.put("allow.everyone.if.no.acl.found", "false");
        // the launcher creates every topic; a typo in a client must not create one
        properties.put("auto.create.topics.enable", "false");
        return properties;
    }

    /** Kafka's storage tool arguments that write every principal's SCRAM credential into the fresh log directory. */
    List<String> scramArguments() {
        List<String> arguments = new ArrayList<>();
        for (String principal : principals()) {
            arguments.add("--add-scram");
            arguments.add(MECHANISM + "=[name=" + principal + ",password=" + password(principal) + "]");
        }
        return arguments;
    }

    /** Every SCRAM user: the launcher and the principals of KafkaAccess. */
    List<String> principals() {
        List<String> principals = new ArrayList<>(List.of(ADMIN));
        KafkaAccess.ALL.forEach(principal -> principals.add(principal.name()));
        return principals;
    }

    /** The settings of a plain Kafka client that authenticates as {@code principal}. */
    public Map<String, Object> clientProperties(String principal) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_SSL");
        properties.put(SaslConfigs.SASL_MECHANISM, MECHANISM);
        properties.put(SaslConfigs.SASL_JAAS_CONFIG, scramLogin(principal));
        properties.put(SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG, caCertificate().toAbsolutePath().toString());
        properties.put(SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG, "PEM");
        return properties;
    }

    /**
     * A Spring Boot config tree (one file per property, as a Kubernetes Secret is mounted) that holds the service's
     * SASL login: the password stays out of the command line, which every local user can read.
     */
    public Path serviceLogin(String principal) {
        Path directory = home.resolve("logins").resolve(principal);
        try {
            ownerOnlyDirectory(home.resolve("logins"));
            ownerOnlyDirectory(directory);
            writeOwnerOnly(directory.resolve("spring.kafka.properties.sasl.jaas.config"), scramLogin(principal));
            return directory;
        } catch (IOException e) {
            throw new StackException("cannot write the Kafka login of " + principal + " in " + directory + ": " + e.getMessage(), e);
        }
    }

    /**
     * The login of {@code principal} for tools outside the stack, owner-only: {@code <principal>.client.properties}
     * for Kafka's own (Java) tools ({@code --command-config}, {@code --producer.config}) and
     * {@code <principal>.kcat.conf} for kcat ({@code -F}; SCRAM with a Kafka 4 broker needs librdkafka 2.6.1 or later).
     *
     * @return the Java client properties file
     */
    public Path toolLogins(String principal) {
        Path java = home.resolve(principal + ".client.properties");
        writeOwnerOnly(java, String.join("\n",
                "security.protocol=SASL_SSL",
                "sasl.mechanism=" + MECHANISM,
                "sasl.jaas.config=" + scramLogin(principal),
                "ssl.truststore.type=PEM",
                "ssl.truststore.location=" + caCertificate().toAbsolutePath()) + "\n");
        writeOwnerOnly(home.resolve(principal + ".kcat.conf"), String.join("\n",
                "security.protocol=SASL_SSL",
                "sasl.mechanisms=" + MECHANISM,
                "sasl.username=" + principal,
                "sasl.password=" + password(principal),
                "ssl.ca.location=" + caCertificate().toAbsolutePath()) + "\n");
        return java;
    }

    private static void writeOwnerOnly(Path file, String text) {
        try {
            Path written = ownerOnlyFile(file.resolveSibling(file.getFileName() + ".new"));
            Files.writeString(written, text, StandardCharsets.UTF_8);
            Files.move(written, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new StackException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private String scramLogin(String principal) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + principal
                + "\" password=\"" + password(principal) + "\";";
    }

    /** Hex: nothing that a JAAS line, a properties file or the storage tool's bracket syntax would take apart. */
    private static String randomPassword() {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    private static void ownerOnlyDirectory(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            Files.createDirectories(directory.toAbsolutePath().getParent());
            try {
                Files.createDirectory(directory, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } catch (FileAlreadyExistsException raced) {
                // made meanwhile; its permissions are set below
            } catch (UnsupportedOperationException notPosix) {
                Files.createDirectories(directory);
            }
        }
        try {
            Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
        } catch (UnsupportedOperationException notPosix) {
            // not a POSIX file system: the folder is as private as the user's home
        }
    }

    /** A new empty file readable by its owner only from the moment it exists. */
    static Path ownerOnlyFile(Path file) throws IOException {
        Files.deleteIfExists(file);
        try {
            return Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            return Files.createFile(file);
        }
    }
}
