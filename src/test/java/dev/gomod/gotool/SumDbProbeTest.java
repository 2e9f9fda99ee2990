package dev.gomod.gotool;

import dev.gomod.testkit.LoopbackPorts;

import com.sun.net.httpserver.HttpServer;
import dev.gomod.mod.GoMod;
import dev.gomod.mod.GoSum;
import dev.gomod.mod.ModuleVersion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The checksum database asked as go asks it, against loopback servers: proxied by a GOPROXY entry,
 * passed on by one that answers 404, refused by one that answers 503, and a database that accepts the
 * connection and never answers, caught within the probe time.
 */
class SumDbProbeTest {
    @TempDir
    Path tmp;

    private final List<HttpServer> servers = new ArrayList<>();
    private LoopbackPorts.Silent silent;

    @AfterEach
    void stop() throws IOException {
        servers.forEach(s -> s.stop(0));
        if (silent != null) {
            silent.close();
        }
    }

    @Test
    void goSumsNameAndKeyAndUrlFormsAreRead() {
        assertEquals(Optional.of(new SumDbProbe.SumDb("sum.golang.org", "https://sum.golang.org")), SumDbProbe.SumDb.of(null));
        assertEquals(Optional.empty(), SumDbProbe.SumDb.of("off"));
        assertEquals(Optional.of(new SumDbProbe.SumDb("sum.golang.google.cn", "https://sum.golang.google.cn")),
                SumDbProbe.SumDb.of("sum.golang.google.cn"));
        assertEquals(Optional.of(new SumDbProbe.SumDb("sum.corp.example", "https://mirror.corp.example/sumdb")),
                SumDbProbe.SumDb.of("sum.corp.example+033de0ae+Ac4zctda0e5eza+HJyk9SxEdh+s3Ux18htTTAD8OuAn8 https://mirror.corp.example/sumdb/"));
    }

    @Test
    void aDatabaseThatNeverAnswersIsCaughtWithinTheProbeTime() throws Exception {
        SumDbProbe probe = new SumDbProbe(Duration.ofMillis(800), new SecretMasker());
        String silentUrl = silentServer();
        SumDbProbe.SumDb db = SumDbProbe.SumDb.of("sum.corp.example+key " + silentUrl).orElseThrow();
        String passesOn = server(404);
        long start = System.nanoTime();
        Optional<String> problem = probe.problem(db, GoProxyList.parse(passesOn + ",direct"), u -> Optional.empty());
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(Optional.of("no GOPROXY entry serves it, and " + silentUrl + " itself did not answer within 800 ms"), problem);
        assertTrue(millis < 5_000, millis + " ms");

        // a proxy that serves the database: go never asks the database itself
        assertEquals(Optional.empty(), probe.problem(db, GoProxyList.parse(passesOn + "," + server(200) + ",direct"), u -> Optional.empty()));
        // one that fails otherwise stops go there
        String failing = server(503);
        assertEquals(Optional.of("GOPROXY entry " + failing + " was asked for it (" + failing + "/sumdb/sum.corp.example/supported) and"
                + " answered 503; go fails there too"), probe.problem(db, GoProxyList.parse(failing + "," + server(200)), u -> Optional.empty()));
        // a file:// proxy that carries the database's supported file serves it
        Path dir = Files.createDirectories(tmp.resolve("proxy/sumdb/sum.corp.example"));
        Files.writeString(dir.resolve("supported"), "");
        assertEquals(Optional.empty(), probe.problem(db, GoProxyList.parse(tmp.resolve("proxy").toUri().toString()), u -> Optional.empty()));
    }

    @Test
    void onlyRequirementsGoSumLacksOutsideGonosumdbNeedTheDatabase() throws Exception {
        GoMod goMod = GoMod.parse("go.mod", ("module example.com/m\n\ngo 1.21\n\nrequire (\n\texample.com/a v1.0.0\n\texample.com/b v1.0.0\n"
                + "\tcorp.example/private v1.0.0\n\texample.com/local v0.0.0\n\texample.com/old v1.0.0\n)\n\nreplace example.com/local => ./local\n\n"
                + "replace example.com/old => example.com/fork v1.0.1\n").getBytes(StandardCharsets.UTF_8), true);
        GoSum sums = GoSum.parse("go.sum", ("example.com/a v1.0.0/go.mod h1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n")
                .getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of(new ModuleVersion("example.com/b", "v1.0.0"), new ModuleVersion("example.com/fork", "v1.0.1")),
                sums.lacking(goMod, "corp.example"));
    }

    private String server(int status) throws IOException {
        HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        s.createContext("/", ex -> {
            try (ex) {
                ex.sendResponseHeaders(status, -1);
            }
        });
        s.start();
        servers.add(s);
        return "http://127.0.0.1:" + s.getAddress().getPort();
    }

    /** Accepts connections and never answers, as a blocked host behind a silent firewall rule can. */
    private String silentServer() throws IOException {
        silent = LoopbackPorts.silent();
        return "http://127.0.0.1:" + silent.port();
    }
}
