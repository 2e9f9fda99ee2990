package dev.gomod.testkit;

import com.sun.net.httpserver.BasicAuthenticator;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A private git host on loopback, as a company runs one: bare repositories served by git's own
 * {@code git daemon} (git://, no authentication) and by {@code git http-backend} behind a real HTTP
 * server (the JDK's) that wants basic authentication. Module versions are git tags. Requests to the
 * HTTP side are recorded with whether they carried credentials.
 */
public final class GitHost implements AutoCloseable {
    private final Path repos;
    private Process daemon;
    private int daemonPort;
    private HttpServer http;
    private final List<String> httpRequests = Collections.synchronizedList(new ArrayList<>());

    public GitHost(Path repos) throws IOException {
        this.repos = Files.createDirectories(repos);
    }

    /** A bare repository at {@code repos/<repo>} holding these files in one commit, tagged with each of {@code tags}. */
    public GitHost publish(String repo, Map<String, String> files, String... tags) throws IOException, InterruptedException {
        Path work = Files.createTempDirectory(repos.getParent(), "work");
        for (Map.Entry<String, String> f : files.entrySet()) {
            Files.createDirectories(work.resolve(f.getKey()).getParent());
            Files.writeString(work.resolve(f.getKey()), f.getValue());
        }
        git(work, "init", "-q", "-b", "main");
        git(work, "add", "-A");
        git(work, "-c", "user.name=ci", "-c", "user.email=ci@corp.example", "commit", "-q", "-m", "v1");
        for (String t : tags) {
            git(work, "tag", t);
        }
        Path bare = repos.resolve(repo);
        Files.createDirectories(bare.getParent());
        git(repos, "clone", "-q", "--bare", work.toString(), bare.toString());
        return this;
    }

    /** Starts {@code git daemon} on a free loopback port; the git:// base is {@link #gitUrl()}. */
    public GitHost startDaemon() throws IOException, InterruptedException {
        daemonPort = LoopbackPorts.free();
        daemon = new ProcessBuilder("git", "daemon", "--reuseaddr", "--listen=127.0.0.1", "--port=" + daemonPort, "--base-path=" + repos,
                "--export-all", "--informative-errors", repos.toString())
                .redirectErrorStream(true).redirectOutput(repos.resolveSibling("git-daemon.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (true) {
            try (Socket ignored = new Socket(InetAddress.getLoopbackAddress(), daemonPort)) {
                return this;
            } catch (IOException notYet) {
                if (!daemon.isAlive() || System.nanoTime() > deadline) {
                    throw new AssertionError("git daemon did not start: " + Files.readString(repos.resolveSibling("git-daemon.log")));
                }
                Thread.sleep(50);
            }
        }
    }

    /** Starts an HTTP server that runs {@code git http-backend} for users who give this name and password. */
    public GitHost startHttp(String user, String password) throws IOException {
        http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        var context = http.createContext("/", this::backend);
        context.setAuthenticator(new BasicAuthenticator("corp git") {
            @Override
            public boolean checkCredentials(String u, String p) {
                return user.equals(u) && password.equals(p);
            }
        });
        http.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        http.start();
        return this;
    }

    public String gitUrl() {
        return "git://127.0.0.1:" + daemonPort + "/";
    }

    public String httpUrl() {
        return "http://127.0.0.1:" + http.getAddress().getPort() + "/";
    }

    /** Every HTTP request: method, path and query, {@code auth} or {@code anonymous}. */
    public List<String> httpRequests() {
        return List.copyOf(httpRequests);
    }

    /** Stops the git daemon: its port then refuses connections. */
    public void stopDaemon() throws InterruptedException {
        if (daemon != null) {
            daemon.descendants().forEach(ProcessHandle::destroy);
            daemon.destroy();
            if (!daemon.waitFor(10, TimeUnit.SECONDS)) {
                daemon.destroyForcibly();
            }
            daemon.descendants().forEach(ProcessHandle::destroyForcibly);
        }
    }

    @Override
    public void close() throws InterruptedException {
        stopDaemon();
        if (http != null) {
            http.stop(0);
        }
    }

    /** CGI, as RFC 3875 and git-http-backend(1) describe it: the request in variables and stdin, the answer's headers first on stdout. */
    private void backend(HttpExchange ex) throws IOException {
        try (ex) {
            String query = ex.getRequestURI().getRawQuery();
            httpRequests.add(ex.getRequestMethod() + " " + ex.getRequestURI().getPath() + (query == null ? "" : "?" + query) + " "
                    + (ex.getPrincipal() == null ? "anonymous" : "auth"));
            ProcessBuilder pb = new ProcessBuilder("git", "http-backend");
            Map<String, String> env = pb.environment();
            env.put("GIT_PROJECT_ROOT", repos.toString());
            env.put("GIT_HTTP_EXPORT_ALL", "1");
            env.put("REQUEST_METHOD", ex.getRequestMethod());
            env.put("PATH_INFO", ex.getRequestURI().getPath());
            env.put("QUERY_STRING", query == null ? "" : query);
            env.put("REMOTE_ADDR", "127.0.0.1");
            if (ex.getPrincipal() != null) {
                env.put("REMOTE_USER", ex.getPrincipal().getUsername());
            }
            String type = ex.getRequestHeaders().getFirst("Content-Type");
            if (type != null) {
                env.put("CONTENT_TYPE", type);
            }
            String encoding = ex.getRequestHeaders().getFirst("Content-Encoding");
            if (encoding != null) {
                env.put("HTTP_CONTENT_ENCODING", encoding);
            }
            String protocol = ex.getRequestHeaders().getFirst("Git-Protocol");
            if (protocol != null) {
                env.put("GIT_PROTOCOL", protocol);
            }
            byte[] body = ex.getRequestBody().readAllBytes();
            env.put("CONTENT_LENGTH", String.valueOf(body.length));
            Process p = pb.redirectError(ProcessBuilder.Redirect.DISCARD).start();
            Thread feed = new Thread(() -> {
                try (OutputStream in = p.getOutputStream()) {
                    in.write(body);
                } catch (IOException ignored) {
                    // the backend stopped reading: its answer says why
                }
            });
            feed.start();
            byte[] out;
            try (InputStream o = p.getInputStream()) {
                out = o.readAllBytes();
            }
            int split = headerEnd(out);
            String head = new String(out, 0, Math.max(split, 0), StandardCharsets.ISO_8859_1);
            int status = 200;
            for (String line : head.split("\r?\n")) {
                int colon = line.indexOf(':');
                if (colon <= 0) {
                    continue;
                }
                String name = line.substring(0, colon).strip();
                String value = line.substring(colon + 1).strip();
                if (name.equalsIgnoreCase("Status")) {
                    status = Integer.parseInt(value.split(" ")[0]);
                } else {
                    ex.getResponseHeaders().add(name, value);
                }
            }
            int start = split < 0 ? 0 : split + (out[split] == '\r' ? 4 : 2);
            ByteArrayOutputStream rest = new ByteArrayOutputStream();
            rest.write(out, start, out.length - start);
            ex.sendResponseHeaders(status, rest.size() == 0 ? -1 : rest.size());
            if (rest.size() > 0) {
                ex.getResponseBody().write(rest.toByteArray());
            }
        }
    }

    /** Where the blank line after the CGI headers starts: at its CR or LF. */
    private static int headerEnd(byte[] b) {
        for (int i = 0; i + 1 < b.length; i++) {
            if (b[i] == '\n' && b[i + 1] == '\n') {
                return i;
            }
            if (i + 3 < b.length && b[i] == '\r' && b[i + 1] == '\n' && b[i + 2] == '\r' && b[i + 3] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static void git(Path dir, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("git"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().put("GIT_CONFIG_NOSYSTEM", "1");
        pb.environment().put("GIT_CONFIG_GLOBAL", "/dev/null");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new AssertionError("git " + String.join(" ", args) + " failed: " + out);
        }
    }
}
