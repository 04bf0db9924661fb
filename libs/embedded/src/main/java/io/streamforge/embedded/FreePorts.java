package io.streamforge.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Picks free TCP ports on the loopback interface. */
final class FreePorts {
    private FreePorts() {}

    /**
     * A port that was free a moment ago. There is a small race until the server binds it; callers
     * retry on "address in use".
     */
    static int pick() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free local port", e);
        }
    }

    /** Whether {@code e} (or a cause) says that an address was already in use. */
    static boolean isBindFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BindException) {
                return true;
            }
            String m = t.getMessage();
            if (m != null
                    && (m.contains("Address already in use") || m.contains("could not bind"))) {
                return true;
            }
        }
        return false;
    }
}
