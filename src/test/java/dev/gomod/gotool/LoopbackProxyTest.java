package dev.gomod.gotool;

import dev.gomod.Reporter;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.gomod.testkit.LoopbackPorts;
import dev.gomod.testkit.FileGoProxy;
import dev.gomod.testkit.GoMatrix;
import dev.gomod.testkit.GraphFixture;
import dev.gomod.testkit.IsolatedGo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real go against GOPROXY servers on loopback: one that refuses connections, one that accepts
 * and never answers, and a real one that wants a password and is flaky (503) at first; with every
 * Go of the matrix, whose netrc matching changed in 1.24 (GOAUTH).
 */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.gomod.testkit.GoMatrix#all")
class LoopbackProxyTest {
    private static final String PASSWORD = "pr0xy-S3cret-value";
    /** Long enough for a TLS handshake with the loopback server on a loaded 2-core machine; the hanging proxy costs this much. */
    private static final int PROBE_MS = 1500;

    @Parameter
    GoMatrix.Go release;

    @TempDir
    Path tmp;

    private HttpServer server;
    private java.util.concurrent.ExecutorService executor;
    private LoopbackPorts.Silent hanging;
    private final AtomicInteger failFirst = new AtomicInteger();
    private final AtomicInteger unauthorized = new AtomicInteger();
    private final List<String> log = Collections.synchronizedList(new ArrayList<>());
    private Path main;
    private IsolatedGo go;

    @BeforeEach
    void serve() throws IOException {
        release.executable(); // skips (or fails under CI) before any server starts when this Go cannot be had
        GraphFixture.Workspace w = GraphFixture.tidied(tmp);
        FileGoProxy proxy = w.proxy();
        HttpsServer https = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        https.setHttpsConfigurator(new HttpsConfigurator(selfSignedTls()));
        server = https;
        String expected = "Basic " + Base64.getEncoder().encodeToString(("ci:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        server.createContext("/", ex -> {
            try (ex) {
                if (!expected.equals(ex.getRequestHeaders().getFirst("Authorization"))) {
                    if (!ex.getRequestMethod().equals("HEAD")) {
                        unauthorized.incrementAndGet(); // the probe's HEAD carries no credentials, by design
                    }
                    ex.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"go\"");
                    ex.sendResponseHeaders(401, -1);
                    return;
                }
                if (failFirst.getAndDecrement() > 0) {
                    ex.sendResponseHeaders(503, -1);
                    return;
                }
                Path f = proxy.dir().resolve(ex.getRequestURI().getPath().substring(1)).normalize();
                if (!f.startsWith(proxy.dir()) || !Files.isRegularFile(f)) {
                    ex.sendResponseHeaders(404, -1);
                    return;
                }
                byte[] body = Files.readAllBytes(f);
                ex.sendResponseHeaders(200, body.length);
                ex.getResponseBody().write(body);
            }
        });
        executor = java.util.concurrent.Executors.newFixedThreadPool(8);
        server.setExecutor(executor);
        server.start();
        hanging = LoopbackPorts.silent();

        // Tidied from the file:// proxy; the runs below start from an empty module cache.
        main = w.main();
        go = new IsolatedGo(tmp.resolve("go-" + release.minor()), proxy.url(), release);
    }

    /** Go sends netrc credentials over https only: a throwaway certificate for 127.0.0.1, trusted by go via SSL_CERT_FILE. */
    private SSLContext selfSignedTls() throws IOException {
        Path ks = tmp.resolve("tls.p12");
        keytool("-genkeypair", "-alias", "proxy", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-keystore", ks.toString(), "-storetype", "PKCS12",
                "-storepass", "changeit", "-keypass", "changeit");
        keytool("-exportcert", "-rfc", "-alias", "proxy", "-keystore", ks.toString(), "-storepass", "changeit",
                "-file", tmp.resolve("cert.pem").toString());
        try (InputStream in = Files.newInputStream(ks)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, "changeit".toCharArray());
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(store, "changeit".toCharArray());
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf.getKeyManagers(), null, null);
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new IOException(e);
        }
    }

    private static void keytool(String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        try {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, p.waitFor(), out);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    @AfterEach
    void stop() throws IOException {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
        }
        if (hanging != null) {
            hanging.close();
        }
    }

    private GoCommand command(int retries) throws IOException {
        return command(retries, true, Map.of());
    }

    private GoCommand command(int retries, boolean withCredentials, Map<String, String> extra) throws IOException {
        int refusing = LoopbackPorts.free();
        Map<String, String> env = new HashMap<>(go.env());
        env.put("GOMODCACHE", tmp.resolve("fresh-cache").toString());
        env.put("GOFLAGS", "-modcacherw -mod=mod");
        env.putAll(extra);
        SecretMasker masker = new SecretMasker();
        GoEnvironment e = new GoEnvironment(env, masker)
                .set("GOPROXY", "http://127.0.0.1:" + refusing + ",http://127.0.0.1:" + hanging.port()
                        + ",https://127.0.0.1:" + server.getAddress().getPort())
                .set("SSL_CERT_FILE", tmp.resolve("cert.pem").toString());
        if (withCredentials) {
            e.credentials(new GoEnvironment.Credentials("127.0.0.1:" + server.getAddress().getPort(), "ci", PASSWORD));
        }
        e.goproxy(new ProxyProbe(Duration.ofMillis(PROBE_MS), masker, Reporter.of(log::add)).probe(e.goproxy(), e::httpProxyFor));
        log.addAll(e.describe());
        return new GoCommand(go.executable(), e, Duration.ofSeconds(60), retries, Duration.ofMillis(50), Reporter.of(log::add));
    }

    @Test
    void deadProxiesAreSkippedFlakyOnesRetriedAndThePasswordNeverLogged() throws Exception {
        failFirst.set(2);
        command(3).run(main, "mod", "download");
        assertTrue(Files.isDirectory(tmp.resolve("fresh-cache/cache/download/github.com/!acme/!core/@v")), "downloaded through the good proxy");
        String all = String.join("\n", log);
        assertTrue(all.contains("skipped: connection refused"), all);
        assertTrue(all.contains("skipped: no answer within " + PROBE_MS + " ms"), all);
        assertTrue(all.contains("GOPROXY=https://127.0.0.1:" + server.getAddress().getPort() + "\n"), all);
        assertTrue(all.contains("hit a transient network error (attempt 1 of 4)"), all);
        assertTrue(all.contains("503 Service Unavailable"), all);
        assertEquals(0, unauthorized.get(), "go sent the netrc credentials with every request");
        assertFalse(all.contains(PASSWORD), "the password reached the log");
    }

    @Test
    void aProxyThatStaysDownFailsAfterTheRetriesWithoutThePassword() throws Exception {
        failFirst.set(1000);
        GoException e = assertThrows(GoException.class, () -> command(1).run(main, "mod", "download"));
        assertEquals(GoException.Kind.TRANSIENT, e.kind(), () -> e.getMessage() + "\n" + String.join("\n", log));
        assertTrue(e.getMessage().contains("gave up after 2 attempts"), e.getMessage());
        assertFalse((e.getMessage() + e.output() + String.join("\n", log)).contains(PASSWORD));
    }

    /** Go 1.24+: a user's own GOAUTH command is kept, and the netrc with our credentials is added after it. */
    @Test
    void aUsersGoauthCommandIsKept() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(release.minor() >= 24, "GOAUTH arrived in Go 1.24");
        Path script = tmp.resolve("goauth.sh");
        String header = "Authorization: Basic " + Base64.getEncoder().encodeToString(("ci:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        Files.writeString(script, "#!/bin/sh\nprintf 'https://127.0.0.1:" + server.getAddress().getPort() + "\\n\\n" + header + "\\n\\n'\n");
        Files.setPosixFilePermissions(script, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        command(0, false, Map.of("GOAUTH", script.toString())).run(main, "mod", "download");
        assertEquals(0, unauthorized.get(), "the GOAUTH command's header went with every request");

        // with <server> credentials as well, GOAUTH keeps the user's command first and gains netrc
        GoCommand both = command(0, true, Map.of("GOAUTH", script.toString(), "GOMODCACHE", tmp.resolve("fresh-cache-2").toString()));
        try (GoEnvironment.Prepared p = both.environment().prepare()) {
            assertEquals(script + ";netrc", p.env().get("GOAUTH"));
        }
        both.run(main, "mod", "download");
        assertTrue(Files.isDirectory(tmp.resolve("fresh-cache-2/cache/download/github.com/!acme/!core/@v")));
        assertEquals(0, unauthorized.get());
    }
}
