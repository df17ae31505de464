package org.wedops.localstack.ports;

import java.util.LinkedHashMap;
import java.util.Map;

import org.wedops.localstack.StackException;
import org.wedops.localstack.services.WedopsService;

/**
 * Every port the stack listens on, all shifted by one offset so that a second stack (or whatever else holds
 * 8080) can be dodged with a single flag.
 */
public record StackPorts(int offset) {

    static final int KAFKA = 9092;
    static final int KAFKA_CONTROLLER = 9093;
    static final int POSTGRES = 5433;
    static final int SIMULATOR = 8090;

    public StackPorts {
        int highest = Math.max(KAFKA_CONTROLLER, SIMULATOR) + offset;
        int lowest = POSTGRES + offset;
        if (lowest < 1024 || highest > 65535) {
            throw new StackException("--port-offset " + offset + " puts ports outside 1024..65535");
        }
    }

    public int kafka() {
        return KAFKA + offset;
    }

    public int kafkaController() {
        return KAFKA_CONTROLLER + offset;
    }

    public int postgres() {
        return POSTGRES + offset;
    }

    /** Preferred port of the traffic simulator; it takes any free one if this is taken. */
    public int simulator() {
        return SIMULATOR + offset;
    }

    public int of(WedopsService service) {
        return service.basePort() + offset;
    }

    public String kafkaBootstrap() {
        return "127.0.0.1:" + kafka();
    }

    /** What must be free before anything starts, with the name to blame in the message. */
    public Map<Integer, String> required() {
        Map<Integer, String> ports = new LinkedHashMap<>();
        ports.put(kafka(), "Kafka");
        ports.put(kafkaController(), "Kafka controller");
        ports.put(postgres(), "PostgreSQL");
        for (WedopsService service : WedopsService.values()) {
            ports.put(of(service), service.artifactId());
        }
        return ports;
    }
}
