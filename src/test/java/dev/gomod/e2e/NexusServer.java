package dev.gomod.e2e;

import dev.gomod.testkit.LoopbackPorts;

import dev.gomod.workspace.DirectorySwap;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Sonatype Nexus Repository OSS on a free loopback port, with a scratch home and data
 * directory: unpacked from the distribution Maven fetched from Central, started as {@code bin/nexus
 * server}, ready when its status endpoint answers, stopped (with every process it started) on close.
 */
final class NexusServer implements AutoCloseable {
    static final String USER = "admin";
    static final String PASSWORD = "admin123";

    private final Path base;
    private final Path work;
    private final int port;
    private Process process;

    private NexusServer(Path base, Path work, int port) {
        this.base = base;
        this.work = work;
        this.port = port;
    }

    /** Unpacks {@code distribution} below {@code dir} (once) and prepares fresh data for a server on a free port. */
    static NexusServer prepare(Path distribution, Path dir) throws IOException {
        Path base;
        try (ZipFile zip = ZipFile.builder().setPath(distribution).get()) {
            String top = Collections.list(zip.getEntries()).get(0).getName().split("/")[0];
            base = dir.resolve(top);
            if (!Files.isRegularFile(base.resolve("bin/nexus"))) {
                for (ZipArchiveEntry e : Collections.list(zip.getEntries())) {
                    Path target = dir.resolve(e.getName()).normalize();
                    if (!target.startsWith(dir)) {
                        throw new IOException("unexpected entry " + e.getName());
                    }
                    if (e.isDirectory()) {
                        Files.createDirectories(target);
                        continue;
                    }
                    Files.createDirectories(target.getParent());
                    try (InputStream in = zip.getInputStream(e)) {
                        Files.copy(in, target);
                    }
                    if ((e.getUnixMode() & 0100) != 0 || e.getName().contains("/bin/")) {
                        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
                    }
                }
            }
        }
        // Karaf opens a shutdown socket on a random port while Nexus starts; it once took the port chosen
        // below before Jetty bound it ("Address already in use"). Nexus is stopped by signal, so it is off.
        Path karaf = base.resolve("etc/karaf/config.properties");
        String noShutdownPort = "\nkaraf.shutdown.port=-1\n";
        if (!Files.readString(karaf, StandardCharsets.UTF_8).contains(noShutdownPort)) {
            Files.writeString(karaf, noShutdownPort, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        }
        // Nexus keeps its data in <base>/../sonatype-work: a fresh one per run.
        Path work = dir.resolve("sonatype-work");
        DirectorySwap.deleteTree(work);
        int port = LoopbackPorts.free();
        Files.createDirectories(work.resolve("nexus3/etc"));
        Files.writeString(work.resolve("nexus3/etc/nexus.properties"), "application-host=127.0.0.1\napplication-port=" + port
                + "\nnexus.security.randompassword=false\nnexus.onboarding.enabled=false\nnexus.scripts.allowCreation=false\n");
        return new NexusServer(base, work, port);
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Starts Nexus and waits until it answers; fails with the end of its log when it does not. */
    void start(Duration timeout) throws IOException, InterruptedException {
        Path home = Files.createDirectories(work.resolve("home"));
        ProcessBuilder pb = new ProcessBuilder(base.resolve("bin/nexus").toString(), "server").directory(base.toFile());
        pb.environment().put("HOME", home.toString());
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().put("JAVA_MIN_MEM", "256m");
        pb.environment().put("JAVA_MAX_MEM", "1200m");
        pb.environment().put("EXTRA_JAVA_OPTS", "-Duser.home=" + home + " -Djava.util.prefs.userRoot=" + home.resolve("prefs"));
        pb.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        pb.redirectErrorStream(true).redirectOutput(work.resolve("nexus.out").toFile());
        process = pb.start();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("Nexus exited with " + process.exitValue() + ":\n" + tail());
            }
            if (status("GET", "/service/rest/v1/status", null, false) == 200) {
                return;
            }
            Thread.sleep(500);
        }
        throw new IOException("Nexus did not answer within " + timeout.toSeconds() + " s:\n" + tail());
    }

    /** Anonymous users may no longer read: every client needs credentials, as in a company's Nexus. */
    void disableAnonymousAccess() throws IOException {
        int code = status("PUT", "/service/rest/v1/security/anonymous",
                "{\"enabled\":false,\"userId\":\"anonymous\",\"realmName\":\"NexusAuthorizingRealm\"}", true);
        if (code != 200) {
            throw new IOException("could not switch anonymous access off: HTTP " + code);
        }
    }

    /** The HTTP status of a request, as admin when {@code auth}; -1 when nothing answers. */
    int status(String method, String path, String json, boolean auth) {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create(url() + path).toURL().openConnection();
            c.setRequestMethod(method);
            c.setConnectTimeout(2000);
            c.setReadTimeout(10000);
            if (auth) {
                c.setRequestProperty("Authorization", "Basic "
                        + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
            }
            if (json != null) {
                c.setDoOutput(true);
                c.setRequestProperty("Content-Type", "application/json");
                c.getOutputStream().write(json.getBytes(StandardCharsets.UTF_8));
            }
            int code = c.getResponseCode();
            c.disconnect();
            return code;
        } catch (IOException e) {
            return -1;
        }
    }

    /** The body of a GET as admin. */
    byte[] get(String path) throws IOException {
        HttpURLConnection c = (HttpURLConnection) URI.create(url() + path).toURL().openConnection();
        c.setRequestProperty("Authorization", "Basic "
                + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
        try (InputStream in = c.getInputStream()) {
            return in.readAllBytes();
        } finally {
            c.disconnect();
        }
    }

    boolean running() {
        return process != null && process.isAlive();
    }

    /** Stops Nexus and everything it started; waits until the port is free. */
    @Override
    public void close() throws InterruptedException {
        if (process == null) {
            return;
        }
        List<ProcessHandle> tree = process.descendants().toList();
        tree.forEach(ProcessHandle::destroy);
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            tree.forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        for (ProcessHandle h : tree) {
            if (!h.onExit().completeOnTimeout(h, 30, TimeUnit.SECONDS).join().isAlive()) {
                continue;
            }
            h.destroyForcibly();
        }
        process = null;
    }

    private String tail() throws IOException {
        List<String> lines = Files.readAllLines(work.resolve("nexus.out"));
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }
}
