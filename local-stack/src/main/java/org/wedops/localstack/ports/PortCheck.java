package org.wedops.localstack.ports;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Map;

import org.wedops.localstack.StackException;

/** Fails fast, with one line naming the port, instead of letting a service die half-way through startup. */
public final class PortCheck {

    private PortCheck() {
    }

    public static void requireFree(Map<Integer, String> ports) {
        ports.forEach((port, owner) -> {
            if (!isFree(port)) {
                throw new StackException("port " + port + " (" + owner + ") is already in use — stop what holds it "
                        + "or pass --port-offset N");
            }
        });
    }

    /**
     * Binds the wildcard address: the services listen on every interface, and on Linux that bind also fails when
     * something listens on 127.0.0.1 only. SO_REUSEADDR keeps sockets of a stack stopped seconds ago (TIME_WAIT)
     * from counting as taken.
     */
    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
