package dev.gomod.e2e;

import com.sun.net.httpserver.HttpServer;
import dev.gomod.testkit.LoopbackPorts;
import dev.gomod.testkit.FileGoProxy;
import dev.gomod.testkit.GraphFixture;
import dev.gomod.testkit.IsolatedGo;
import dev.gomod.testkit.MavenRun;
import dev.gomod.testkit.TestModule;
import dev.gomod.workspace.DirectorySwap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * settings.xml's {@code <proxy>} against a real forward proxy: Debian's squid on loopback, wanting a
 * password that holds {@code @ : /}. The Go module proxy answers on loopback under a made-up name
 * ({@code goproxy.gomod.test}) that only squid can resolve (its own hosts file), because go never
 * sends localhost or loopback addresses through a proxy. gomod:vendor's downloads must show up in
 * squid's access log under the proxy user; with the name in {@code nonProxyHosts}, none may.
 */
class ForwardProxyIT {
    private static final String HOST = "goproxy.gomod.test";
    private static final String USER = "ci";
    private static final String PASSWORD = "p@ss:w/rd";

    private final Path dir = Path.of(System.getProperty("e2e.dir", "target/e2e")).toAbsolutePath().resolve("forward-proxy");
    private final List<String> served = Collections.synchronizedList(new ArrayList<>());
    private HttpServer goproxy;
    private Process squid;
    private int squidPort;
    private Path main;

    @BeforeEach
    void start() throws Exception {
        IsolatedGo.requireGo();
        if (!Files.isExecutable(Path.of("/usr/sbin/squid"))) {
            String why = "squid is not installed (apt-get install -y squid)";
            if (System.getenv("CI") != null) {
                Assertions.fail(why + "; CI must have it");
            }
            Assumptions.abort(why);
        }
        DirectorySwap.deleteTree(dir);
        Files.createDirectories(dir);
        FileGoProxy files = new FileGoProxy(dir.resolve("proxy")).publish(GraphFixture.proxyModules().toArray(TestModule[]::new));
        goproxy = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        goproxy.createContext("/", ex -> {
            try (ex) {
                served.add(ex.getRequestMethod() + " " + ex.getRequestURI().getPath());
                Path f = files.dir().resolve(ex.getRequestURI().getPath().substring(1)).normalize();
                if (!f.startsWith(files.dir()) || !Files.isRegularFile(f)) {
                    ex.sendResponseHeaders(404, -1);
                    return;
                }
                byte[] body = Files.readAllBytes(f);
                ex.sendResponseHeaders(200, ex.getRequestMethod().equals("HEAD") ? -1 : body.length);
                if (!ex.getRequestMethod().equals("HEAD")) {
                    ex.getResponseBody().write(body);
                }
            }
        });
        goproxy.start();
        startSquid();

        // the developer's checkout: go.mod and go.sum tidied against a file:// copy of the same modules
        main = dir.resolve("main");
        GraphFixture.writeMain(main);
        new IsolatedGo(dir.resolve("tidy"), files.url()).run(main, "mod", "tidy").ok();
        Files.writeString(main.resolve("pom.xml"), """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>dev.gomod.e2e</groupId>
                  <artifactId>forward-proxy</artifactId>
                  <version>1.0.0</version>
                  <packaging>pom</packaging>
                  <properties>
                    <gomod.goproxy>http://%s:%d</gomod.goproxy>
                  </properties>
                  <build>
                    <plugins>
                      <plugin>
                        <groupId>dev.gomod</groupId>
                        <artifactId>gomod-maven-plugin</artifactId>
                        <version>%s</version>
                        <configuration>
                          <environment>
                            <GOMODCACHE>${gomodcache}</GOMODCACHE>
                            <GOCACHE>%s</GOCACHE>
                            <GOPATH>%s</GOPATH>
                            <GOFLAGS>-modcacherw</GOFLAGS>
                            <GOSUMDB>off</GOSUMDB>
                            <GOENV>off</GOENV>
                          </environment>
                        </configuration>
                      </plugin>
                    </plugins>
                  </build>
                </project>
                """.formatted(HOST, goproxy.getAddress().getPort(), System.getProperty("plugin.version", "0.1.0-SNAPSHOT"),
                dir.resolve("gocache"), dir.resolve("gopath")));
    }

    private void startSquid() throws Exception {
        Path sq = Files.createDirectories(dir.resolve("squid"));
        Files.setPosixFilePermissions(sq, PosixFilePermissions.fromString("rwxrwxrwx")); // squid drops to its own user
        squidPort = LoopbackPorts.free();
        Files.writeString(sq.resolve("hosts"), "127.0.0.1 " + HOST + "\n");
        Process hash = new ProcessBuilder("openssl", "passwd", "-apr1", PASSWORD).redirectErrorStream(true).start();
        String apr1 = new String(hash.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, hash.waitFor(), apr1);
        Files.writeString(sq.resolve("passwd"), USER + ":" + apr1 + "\n");
        Files.writeString(sq.resolve("squid.conf"), String.join("\n",
                "http_port 127.0.0.1:" + squidPort,
                "hosts_file " + sq.resolve("hosts"),
                "pid_filename " + sq.resolve("squid.pid"),
                "access_log stdio:" + sq.resolve("access.log"),
                "cache_log " + sq.resolve("cache.log"),
                "cache deny all",
                "cache_mem 8 MB",
                "coredump_dir " + sq,
                "auth_param basic program /usr/lib/squid/basic_ncsa_auth " + sq.resolve("passwd"),
                "acl authed proxy_auth REQUIRED",
                "http_access allow localhost authed",
                "http_access deny all",
                "shutdown_lifetime 1 seconds",
                ""));
        for (String f : List.of("hosts", "passwd", "squid.conf")) {
            Files.setPosixFilePermissions(sq.resolve(f), PosixFilePermissions.fromString("rw-r--r--"));
        }
        squid = new ProcessBuilder("/usr/sbin/squid", "-N", "-f", sq.resolve("squid.conf").toString())
                .redirectErrorStream(true).redirectOutput(sq.resolve("squid.out").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try (Socket ignored = new Socket(InetAddress.getLoopbackAddress(), squidPort)) {
                return;
            } catch (IOException notYet) {
                if (!squid.isAlive() || System.nanoTime() > deadline) {
                    throw new AssertionError("squid did not start: " + Files.readString(sq.resolve("squid.out"))
                            + (Files.exists(sq.resolve("cache.log")) ? Files.readString(sq.resolve("cache.log")) : ""));
                }
                Thread.sleep(100);
            }
        }
    }

    @AfterEach
    void stop() throws Exception {
        if (squid != null) {
            squid.destroy();
            if (!squid.waitFor(10, TimeUnit.SECONDS)) {
                squid.descendants().forEach(ProcessHandle::destroyForcibly);
                squid.destroyForcibly();
            }
            squid.descendants().forEach(ProcessHandle::destroyForcibly);
        }
        if (goproxy != null) {
            goproxy.stop(0);
        }
    }

    private Path settings(String nonProxyHosts) throws IOException {
        Path f = dir.resolve("settings-" + Math.abs(nonProxyHosts.hashCode()) + ".xml");
        Files.writeString(f, """
                <settings>
                  <proxies>
                    <proxy>
                      <id>corp-proxy</id>
                      <active>true</active>
                      <protocol>http</protocol>
                      <host>127.0.0.1</host>
                      <port>%d</port>
                      <username>%s</username>
                      <password>%s</password>
                      <nonProxyHosts>%s</nonProxyHosts>
                    </proxy>
                  </proxies>
                </settings>
                """.formatted(squidPort, USER, PASSWORD, nonProxyHosts));
        return f;
    }

    private MavenRun.Result vendor(String step, Path settings) throws Exception {
        DirectorySwap.deleteTree(main.resolve("vendor"));
        return MavenRun.run(main, dir.resolve("logs/" + step + ".log"), List.of("-s", settings.toString(),
                "-Dmaven.repo.local=" + System.getProperty("it.localRepo", "target/local-repo"),
                "-Dgomodcache=" + dir.resolve("empty-cache-" + step),
                "dev.gomod:gomod-maven-plugin:" + System.getProperty("plugin.version", "0.1.0-SNAPSHOT") + ":vendor"));
    }

    private List<String> accessLog() throws IOException {
        Path log = dir.resolve("squid/access.log");
        return Files.exists(log) ? Files.readAllLines(log).stream().filter(l -> l.contains(HOST)).toList() : List.of();
    }

    @Test
    void goDownloadsThroughTheProxyWithItsCredentialsAndNonProxyHostsGoDirect() throws Exception {
        // Maven's own traffic to Central is no business of this test: it goes direct
        MavenRun.Result through = vendor("through-proxy", settings("repo.maven.apache.org|repo1.maven.org"));
        assertEquals(0, through.exit(), through.output());
        assertTrue(Files.isRegularFile(main.resolve("vendor/modules.txt")), through.output());
        List<String> proxied = accessLog();
        assertTrue(proxied.stream().anyMatch(l -> l.contains("TCP_MISS/200 ") && l.contains(" GET http://" + HOST + ":"
                + goproxy.getAddress().getPort() + "/github.com/%21acme/%21core/@v/v1.2.0.zip " + USER + " ")), String.join("\n", proxied));
        List<String> gets = proxied.stream().filter(l -> l.contains(" GET ")).toList();
        assertTrue(gets.size() >= 28, "14 modules, a .mod and a .zip each:\n" + String.join("\n", proxied));
        assertTrue(gets.stream().allMatch(l -> l.contains("TCP_MISS/200 ") && l.contains(" " + USER + " ")),
                "every download of go's carried the credentials:\n" + String.join("\n", gets));
        // the plugin's own liveness probe (a HEAD without credentials) may meet the proxy's 407: that counts as alive
        assertTrue(served.stream().anyMatch(l -> l.endsWith(".zip")), served.toString());
        assertFalse(through.output().contains(PASSWORD) || through.output().contains("p%40ss"), "the proxy password reached the log");

        int before = accessLog().size();
        served.clear();
        MavenRun.Result direct = vendor("non-proxy-host", settings("repo.maven.apache.org|repo1.maven.org|*.gomod.test"));
        assertNotEquals(0, direct.exit(), "only squid knows " + HOST + ": going direct must fail\n" + direct.output());
        assertEquals(before, accessLog().size(), "a nonProxyHosts host went through the proxy:\n" + accessLog());
        assertTrue(served.isEmpty(), served.toString());
        assertTrue(direct.output().contains(HOST), direct.output());
    }
}
