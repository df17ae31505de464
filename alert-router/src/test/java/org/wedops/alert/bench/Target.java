package org.wedops.alert.bench;

import java.util.List;
import java.util.Map;

import org.wedops.alert.bench.AlertStream.Ev;

/** The system under test as the load sees it: Alertmanager's HTTP API, or the router's Kafka topic. */
interface Target extends AutoCloseable {

    /** Sends a batch; records each event's send time (and later its acceptance) in the recording. */
    void send(List<Ev> batch) throws Exception;

    /** Nothing accepted is still waiting to be processed. */
    boolean backlogEmpty() throws Exception;

    String progress() throws Exception;

    void flush() throws Exception;

    /** Adds what only this system can tell (WedOps: its database, its consumer lag) to the results. */
    void finish(Map<String, Object> out, Analysis analysis) throws Exception;
}
