package dev.gomod.testkit;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/**
 * Loopback ports for the tests of what happens when nobody answers: a port nobody listens on (a
 * connection is refused, or a server started later takes it), and a server that accepts connections
 * and never says a word, as a hung host or a silent firewall rule does.
 */
public final class LoopbackPorts {
    private LoopbackPorts() {
    }

    /** A loopback port nobody listens on now. */
    public static int free() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** Accepts every connection and never answers; closing it closes the connections it holds too. */
    public static Silent silent() throws IOException {
        return new Silent(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
    }

    /** A silent server on loopback. */
    public static final class Silent implements AutoCloseable {
        private final ServerSocket server;
        private final List<Socket> held = new ArrayList<>();

        private Silent(ServerSocket server) {
            this.server = server;
            Thread t = new Thread(() -> {
                while (!server.isClosed()) {
                    try {
                        Socket s = server.accept();
                        synchronized (held) {
                            held.add(s);
                        }
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
            t.setDaemon(true);
            t.start();
        }

        public int port() {
            return server.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            server.close();
            synchronized (held) {
                for (Socket s : held) {
                    s.close();
                }
            }
        }
    }
}
