package org.wedops.localstack.kafka;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.wedops.localstack.StackException;

/**
 * A certificate authority of the stack's own and the broker's key pair signed by it, made with the JDK's keytool (the
 * one JDK the stack needs anyway), as Strimzi's cluster CA is in a cluster: clients trust the CA, not one broker
 * certificate. The broker's certificate names 127.0.0.1 and localhost, so clients verify the host as in production.
 */
final class LocalCertificates {

    static final String CA_CERTIFICATE = "ca.crt";
    static final String BROKER_KEYSTORE = "broker.p12";
    private static final String CA_KEYSTORE = "ca.p12";
    private static final String VALIDITY_DAYS = "3650";

    private LocalCertificates() {
    }

    /** Makes {@code ca.crt} (PEM, for clients) and {@code broker.p12} (the broker's key and chain) unless both exist. */
    static void createIfMissing(Path directory, String password) {
        Path ca = directory.resolve(CA_CERTIFICATE);
        Path broker = directory.resolve(BROKER_KEYSTORE);
        if (Files.isRegularFile(ca) && Files.isRegularFile(broker)) {
            return;
        }
        Path caKeystore = directory.resolve(CA_KEYSTORE);
        Path request = directory.resolve("broker.csr");
        Path signed = directory.resolve("broker.crt");
        try {
            for (Path stale : List.of(ca, broker, caKeystore, request, signed)) {
                Files.deleteIfExists(stale);
            }
            keytool(directory, "-genkeypair", "-alias", "ca", "-dname", "CN=WedOps local Kafka CA", "-ext", "bc:c",
                    "-keyalg", "EC", "-groupname", "secp256r1", "-validity", VALIDITY_DAYS,
                    "-keystore", caKeystore.toString(), "-storetype", "PKCS12", "-storepass", password);
            keytool(directory, "-exportcert", "-rfc", "-alias", "ca", "-keystore", caKeystore.toString(), "-storepass", password,
                    "-file", ca.toString());
            keytool(directory, "-genkeypair", "-alias", "broker", "-dname", "CN=localhost",
                    "-keyalg", "EC", "-groupname", "secp256r1", "-validity", VALIDITY_DAYS,
                    "-keystore", broker.toString(), "-storetype", "PKCS12", "-storepass", password);
            keytool(directory, "-certreq", "-alias", "broker", "-keystore", broker.toString(), "-storepass", password,
                    "-file", request.toString());
            keytool(directory, "-gencert", "-alias", "ca", "-keystore", caKeystore.toString(), "-storepass", password,
                    "-infile", request.toString(), "-outfile", signed.toString(), "-rfc", "-validity", VALIDITY_DAYS,
                    "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-ext", "EKU=serverAuth,clientAuth");
            keytool(directory, "-importcert", "-noprompt", "-alias", "ca", "-file", ca.toString(),
                    "-keystore", broker.toString(), "-storepass", password);
            keytool(directory, "-importcert", "-alias", "broker", "-file", signed.toString(),
                    "-keystore", broker.toString(), "-storepass", password);
            Files.delete(request);
            Files.delete(signed);
        } catch (IOException e) {
            throw new StackException("cannot make the Kafka TLS files in " + directory + ": " + e.getMessage(), e);
        }
    }

    private static void keytool(Path directory, String... arguments) throws IOException {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        List<String> command = new ArrayList<>();
        command.add(keytool.toString());
        // seven keytool JVMs in a row: C1 only and the serial collector start each in a fraction of the default's time
        // (about 0.5 s instead of 2 to 3 s on a busy two-core machine); what keytool writes is the same
        command.addAll(List.of("-J-XX:TieredStopAtLevel=1", "-J-XX:+UseSerialGC"));
        command.addAll(List.of(arguments));
        Path output = directory.resolve("keytool.out");
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile()).start();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new StackException("keytool " + arguments[0] + " did not finish in 60 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new StackException("interrupted while making the Kafka TLS files");
        }
        String said = Files.readString(output).strip();
        Files.delete(output);
        if (process.exitValue() != 0) {
            throw new StackException("keytool " + arguments[0] + " failed (exit " + process.exitValue() + "): " + said);
        }
    }
}
