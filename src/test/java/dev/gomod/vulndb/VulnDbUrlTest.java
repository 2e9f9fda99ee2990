package dev.gomod.vulndb;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.gomod.gotool.GoEnvironment;
import dev.gomod.gotool.HttpFetch;
import dev.gomod.gotool.SecretMasker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The URL source against a real HTTP server on loopback serving a database in vuln.go.dev's layout:
 * the .gz files govulncheck reads over HTTP, a plain static copy, a bulk zip, a server that wants
 * credentials, and a forward proxy in between; each read gives the entries the database holds.
 */
class VulnDbUrlTest {
    @TempDir
    Path tmp;
    private Path db;
    private HttpServer server;
    /** What the server serves: .json.gz files made from the plain ones, the plain ones, or both. */
    private volatile boolean gz = true;
    private volatile boolean plain = true;
    private volatile String wantedAuth;
    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());

    /** A fetch with no proxy and no credentials, as a test with no network wants it. */
    static HttpFetch direct(URI url) {
        return new HttpFetch(new GoEnvironment(Map.of(), new SecretMasker()), Duration.ofSeconds(10));
    }

    @BeforeEach
    void serve() throws Exception {
        Path osv = Files.createDirectories(tmp.resolve("osv"));
        for (int i = 1; i <= 30; i++) {
            String id = "GO-2026-%04d".formatted(i);
            Files.writeString(osv.resolve(id + ".json"), VulnDbTest.entry(id, "2026-03-%02dT10:00:00Z".formatted(i % 28 + 1),
                    "example.com/m" + i % 7, "introduced", "0", "fixed", "1." + i + ".0"));
        }
        db = tmp.resolve("db");
        VulnDb.write(new VulnDbSource.Local(osv).read(null, tmp), db);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::answer);
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void answer(HttpExchange x) throws IOException {
        requests.add(x.getRequestURI().toString());
        String path = x.getRequestURI().getPath();
        if (wantedAuth != null && !wantedAuth.equals(x.getRequestHeaders().getFirst("Authorization"))) {
            x.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"vulndb\"");
            send(x, 401, new byte[0]);
            return;
        }
        String rel = path.replaceFirst("^/mirror/", "");
        Path file = db.resolve(rel.endsWith(".gz") ? rel.substring(0, rel.length() - 3) : rel).normalize();
        if (path.endsWith("/vulndb.zip")) {
            send(x, 200, zipOf(db));
        } else if (!file.startsWith(db) || !Files.isRegularFile(file) || (rel.endsWith(".gz") ? !gz : !plain)) {
            send(x, 404, "not found".getBytes(StandardCharsets.UTF_8));
        } else if (rel.endsWith(".gz")) {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            try (GZIPOutputStream g = new GZIPOutputStream(b)) {
                g.write(Files.readAllBytes(file));
            }
            send(x, 200, b.toByteArray());
        } else {
            send(x, 200, Files.readAllBytes(file));
        }
    }

    private static void send(HttpExchange x, int status, byte[] body) throws IOException {
        x.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(body);
        }
    }

    private static byte[] zipOf(Path dir) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(b); Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                z.putNextEntry(new ZipEntry("vulndb/" + dir.relativize(f).toString().replace('\\', '/')));
                z.write(Files.readAllBytes(f));
                z.closeEntry();
            }
        }
        return b.toByteArray();
    }

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/mirror";
    }

    /** What the source yields, written as the bundle writes it: the files must equal the served database's. */
    private VulnDbSource.Entries readAndCompare(VulnDbSource source) throws Exception {
        VulnDbSource.Entries e = source.read(null, Files.createDirectories(tmp.resolve("scratch")));
        Path ours = tmp.resolve("ours-" + requests.size());
        VulnDb.write(e, ours);
        for (String f : List.of(VulnDbIndex.DB, VulnDbIndex.MODULES, VulnDbIndex.VULNS, "ID/GO-2026-0017.json")) {
            assertEquals(Files.readString(db.resolve(f)), Files.readString(ours.resolve(f)), f);
        }
        return e;
    }

    @Test
    void readsTheGzipFilesAsGovulncheckDoesOverHttp() throws Exception {
        VulnDbSource.Entries e = readAndCompare(VulnDbSource.parse(base(), tmp, VulnDbUrlTest::direct));
        assertEquals(30, e.entries().size());
        assertEquals(Optional.of(Instant.parse("2026-03-28T10:00:00Z")), e.time());
        assertTrue(requests.contains("/mirror/index/db.json.gz") && requests.contains("/mirror/ID/GO-2026-0030.json.gz"), requests.toString());
        assertFalse(requests.stream().anyMatch(r -> r.endsWith(".json")), "no plain file is asked for where the .gz ones are served");
    }

    @Test
    void readsAPlainStaticCopyAndABulkZip() throws Exception {
        gz = false;
        assertEquals(30, readAndCompare(VulnDbSource.parse(base() + "/", tmp, VulnDbUrlTest::direct)).entries().size());
        assertTrue(requests.contains("/mirror/ID/GO-2026-0001.json"), requests.toString());
        requests.clear();
        VulnDbSource.Entries zip = readAndCompare(VulnDbSource.parse(base() + "/vulndb.zip", tmp, VulnDbUrlTest::direct));
        assertEquals(30, zip.entries().size());
        assertEquals(List.of("/mirror/vulndb.zip"), requests);
        assertFalse(Files.exists(tmp.resolve("scratch/vulndb-download.zip")), "the download is not left behind");
    }

    @Test
    void credentialsGoToTheHostThatAsksAndNeverIntoAMessage() throws Exception {
        wantedAuth = "Basic " + Base64.getEncoder().encodeToString("reader:s3cret-pw".getBytes(StandardCharsets.UTF_8));
        IOException refused = assertThrows(IOException.class, () -> VulnDbSource.parse(base(), tmp, VulnDbUrlTest::direct).read(null, tmp));
        assertTrue(refused.getMessage().contains("HTTP 401") && refused.getMessage().contains("settings.xml <server>"), refused.getMessage());

        GoEnvironment env = new GoEnvironment(Map.of(), new SecretMasker())
                .credentials(new GoEnvironment.Credentials("127.0.0.1:" + server.getAddress().getPort(), "reader", "s3cret-pw"));
        assertEquals(30, readAndCompare(VulnDbSource.parse(base(), tmp, u -> new HttpFetch(env, Duration.ofSeconds(10)))).entries().size());

        // in the URL: used on the challenge, and masked wherever the URL is named
        String withPassword = base().replace("http://", "http://reader:s3cret-pw@");
        VulnDbSource inUrl = VulnDbSource.parse(withPassword, tmp, VulnDbUrlTest::direct);
        assertEquals(30, readAndCompare(inUrl).entries().size());
        assertFalse(inUrl.toString().contains("s3cret-pw"), inUrl.toString());
        VulnDbSource wrong = VulnDbSource.parse(withPassword.replace("s3cret-pw", "wrong-pw") + "/nothing-here", tmp, VulnDbUrlTest::direct);
        IOException e = assertThrows(IOException.class, () -> wrong.read(null, tmp));
        assertFalse(e.getMessage().contains("wrong-pw"), e.getMessage());
    }

    @Test
    void goesThroughTheProxyGosRulesPick() throws Exception {
        // the server answers as a forward proxy would: a request for a host that does not resolve can only have come through it
        GoEnvironment env = new GoEnvironment(Map.of("HTTP_PROXY", "http://127.0.0.1:" + server.getAddress().getPort()), new SecretMasker());
        VulnDbSource source = VulnDbSource.parse("http://vulndb.example.invalid/mirror", tmp, u -> new HttpFetch(env, Duration.ofSeconds(10)));
        assertEquals(30, readAndCompare(source).entries().size());
        assertTrue(requests.contains("http://vulndb.example.invalid/mirror/index/db.json.gz"), requests.toString());
    }

    @Test
    void whatIsNotADatabaseOrIsMissingAnEntryIsNamed() throws Exception {
        IOException none = assertThrows(IOException.class, () -> VulnDbSource.parse(base() + "/ID", tmp, VulnDbUrlTest::direct).read(null, tmp));
        assertTrue(none.getMessage().contains("is not a Go vulnerability database: it serves no index/db.json(.gz)"), none.getMessage());
        Files.delete(db.resolve("ID/GO-2026-0012.json"));
        IOException missing = assertThrows(IOException.class, () -> VulnDbSource.parse(base(), tmp, VulnDbUrlTest::direct).read(null, tmp));
        assertTrue(missing.getMessage().contains("/mirror/ID/GO-2026-0012.json.gz: not found (404), though index/vulns.json.gz lists GO-2026-0012"),
                missing.getMessage());
        IOException refused = assertThrows(IOException.class, () -> VulnDbSource.parse("http://127.0.0.1:1/", tmp, VulnDbUrlTest::direct).read(null, tmp));
        assertTrue(refused.getMessage().contains("connection refused"), refused.getMessage());
    }
}
