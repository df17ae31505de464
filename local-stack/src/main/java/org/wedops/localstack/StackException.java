package org.wedops.localstack;

/**
 * An expected failure (a port in use, a jar not built, a service that would not start) whose message is all the
 * user needs: the launcher prints it as one line and exits 1, without a stack trace.
 */
public class StackException extends RuntimeException {

    public StackException(String message) {
        super(message);
    }

    public StackException(String message, Throwable cause) {
        super(message, cause);
    }
}
