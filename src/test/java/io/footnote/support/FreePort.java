package io.footnote.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/** Loopback ports for tests that start servers (or need one that nothing listens on). */
public final class FreePort {

    private FreePort() {
    }

    /**
     * A port the operating system just handed out and that nothing holds now: free for a process to bind, and,
     * until something does, one where a connection is refused.
     */
    public static int pick() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
