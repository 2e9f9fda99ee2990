package dev.gomod.gotool;

import com.sun.net.httpserver.HttpServer;
import dev.gomod.Reporter;
import dev.gomod.testkit.FileGoProxy;
import dev.gomod.testkit.IsolatedGo;
import dev.gomod.testkit.TestModule;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two GOPROXY entries on loopback, the first answering 500 for one module. With {@code ,} go stops
 * at the 500; the retry leaves the failing entry out, goes through the second, and the warning says
 * to write {@code |}. With {@code |} go falls through by itself and nothing is retried.
 */
class ProxyCircuitTest {
    @TempDir
    Path tmp;

    private final List<HttpServer> servers = new ArrayList<>();

    @AfterEach
    void stop() {
        servers.forEach(s -> s.stop(0));
    }

    @Test
    void aMirrorAnswering500IsLeftOutOfTheRetryAndTheCommaIsExplained() throws Exception {
        IsolatedGo.requireGo();
        FileGoProxy proxy = new FileGoProxy(tmp.resolve("proxy")).publish(
                TestModule.of("example.com/good", "v1.0.0").goPackage("", "good"),
                TestModule.of("example.com/broken", "v1.0.0").goPackage("", "broken"));
        List<String> mirrorSaw = Collections.synchronizedList(new ArrayList<>());
        String mirror = serve(proxy.dir(), p -> p.contains("example.com/broken"), mirrorSaw);
        String backup = serve(proxy.dir(), p -> false, Collections.synchronizedList(new ArrayList<>()));
        Path main = Files.createDirectories(tmp.resolve("main"));
        Files.writeString(main.resolve("go.mod"), "module example.com/main\n\ngo 1.21\n\nrequire (\n\texample.com/good v1.0.0\n"
                + "\texample.com/broken v1.0.0\n)\n");

        List<String> log = Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.atomic.AtomicInteger beforeRetry = new java.util.concurrent.atomic.AtomicInteger(-1);
        FetchTrace trace = new FetchTrace(GoProxyList.parse(mirror + "," + backup), new SecretMasker());
        GoCommand go = command(tmp.resolve("comma"), mirror + "," + backup, l -> {
            log.add(l);
            if (l.startsWith("GOPROXY entry")) {
                beforeRetry.set(mirrorSaw.size());
            }
        }).traced(trace);
        go.run(main, "mod", "download", "example.com/good", "example.com/broken");
        // the trace names who served every request, from go's own -x lines, and none of them reached the log
        assertEquals(java.util.Optional.of(mirror), trace.servedZip("example.com/good", "v1.0.0"));
        assertEquals(java.util.Optional.of(backup), trace.servedZip("example.com/broken", "v1.0.0"));
        List<String> summary = trace.summary();
        assertEquals(2, summary.size(), summary.toString());
        assertTrue(summary.get(0).startsWith(mirror + ": " + trace.requests().stream().filter(r -> r.url().startsWith(mirror)).count()
                + " request(s), " + mirrorSaw.stream().filter(p -> p.contains("example.com/broken")).count() + " failed (500 Internal Server Error)"),
                summary.toString());
        assertTrue(summary.get(1).startsWith(backup + ": ") && summary.get(1).contains(" 0 failed"), summary.toString());
        assertTrue(log.stream().noneMatch(l -> l.startsWith("# get ")), "trace lines in the log: " + log);
        Path file = tmp.resolve("fetch-trace.txt");
        trace.write(file);
        assertTrue(Files.readString(file).contains(backup + "\t200 OK\t"), Files.readString(file));
        assertTrue(mirrorSaw.stream().anyMatch(p -> p.contains("example.com/broken")), mirrorSaw.toString());
        assertEquals(beforeRetry.get(), mirrorSaw.size(), "the retry asked the failing mirror again: " + mirrorSaw);
        assertTrue(log.stream().anyMatch(l -> l.startsWith("GOPROXY entry " + mirror + " failed (")
                && l.contains("500 Internal Server Error): the retry leaves it out. After a ',' go falls through to the next entry only on"
                + " 404 and 410, so this stopped the whole fetch; write '" + mirror + "|" + backup + "' to fall through on any error")), log.toString());

        // with '|' go falls through on its own: no retry, no warning
        mirrorSaw.clear();
        List<String> pipeLog = Collections.synchronizedList(new ArrayList<>());
        command(tmp.resolve("pipe"), mirror + "|" + backup, pipeLog::add).run(main, "mod", "download", "example.com/good", "example.com/broken");
        assertTrue(pipeLog.stream().noneMatch(l -> l.contains("retry")), pipeLog.toString());
    }

    private GoCommand command(Path home, String goproxy, java.util.function.Consumer<String> log) throws IOException {
        IsolatedGo go = new IsolatedGo(home, goproxy);
        Map<String, String> env = new java.util.HashMap<>(go.env());
        env.put("GOFLAGS", "-mod=mod -modcacherw");
        return new GoCommand(go.executable(), new GoEnvironment(env, new SecretMasker()), Duration.ofMinutes(2), 1, Duration.ZERO,
                Reporter.of(log));
    }

    /** A GOPROXY over {@code dir} on loopback answering 500 for the paths {@code failing} matches; every path asked is kept. */
    private String serve(Path dir, Predicate<String> failing, List<String> saw) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", ex -> {
            try (ex) {
                String path = ex.getRequestURI().getPath();
                saw.add(path);
                if (failing.test(path)) {
                    ex.sendResponseHeaders(500, -1);
                    return;
                }
                Path f = dir.resolve(path.substring(1)).normalize();
                if (!f.startsWith(dir) || !Files.isRegularFile(f)) {
                    ex.sendResponseHeaders(404, -1);
                    return;
                }
                byte[] body = Files.readAllBytes(f);
                ex.sendResponseHeaders(200, body.length);
                ex.getResponseBody().write(body);
            }
        });
        server.start();
        servers.add(server);
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }
}
