package dev.gomod.gotool;

import dev.gomod.Reporter;
import dev.gomod.testkit.LoopbackPorts;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Probing GOPROXY entries served on loopback: a refusing port, a server that never answers, a live one. */
class ProxyProbeTest {
    @TempDir
    Path tmp;

    @Test
    void skipsRefusingAndHangingProxiesWithinTheProbeTime() throws Exception {
        int refusing = LoopbackPorts.free();
        HttpServer live = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        live.createContext("/", ex -> {
            ex.sendResponseHeaders(404, -1);
            ex.close();
        });
        live.start();
        try (LoopbackPorts.Silent hanging = LoopbackPorts.silent()) {
            String list = "http://127.0.0.1:" + refusing + "|http://127.0.0.1:" + hanging.port() + "/,http://127.0.0.1:"
                    + live.getAddress().getPort() + "," + tmp.toUri().toString().replaceAll("/$", "") + ",file:///no/such/dir,direct";
            List<String> warnings = new ArrayList<>();
            long start = System.nanoTime();
            GoProxyList kept = new ProxyProbe(Duration.ofMillis(800), new SecretMasker(), Reporter.of(warnings::add)).probe(GoProxyList.parse(list), u -> java.util.Optional.empty());
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertEquals("http://127.0.0.1:" + live.getAddress().getPort() + "," + tmp.toUri().toString().replaceAll("/$", "") + ",direct", kept.toString());
            assertEquals(3, warnings.size(), warnings.toString());
            assertTrue(warnings.get(0).endsWith("skipped: connection refused"), warnings.get(0));
            assertTrue(warnings.get(1).endsWith("skipped: no answer within 800 ms"), warnings.get(1));
            assertTrue(warnings.get(2).contains("does not exist"), warnings.get(2));
            assertTrue(ms < 5_000, "probing took " + ms + " ms");
        } finally {
            live.stop(0);
        }
    }
}
