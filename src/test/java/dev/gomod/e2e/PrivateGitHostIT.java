package dev.gomod.e2e;

import dev.gomod.testkit.FileGoProxy;
import dev.gomod.testkit.GitHost;
import dev.gomod.testkit.LoopbackPorts;
import dev.gomod.testkit.GraphFixture;
import dev.gomod.testkit.IsolatedGo;
import dev.gomod.testkit.MavenRun;
import dev.gomod.testkit.TestModule;
import dev.gomod.workspace.DirectorySwap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Private modules from a company's own git host, beside public ones from a (file://) GOPROXY, as the
 * README's "Private modules and internal git hosts" section sets them up: GOPRIVATE sends
 * {@code *.corp.example} to its hosts, {@code git.corp.example} speaks only git:// (git daemon, so
 * GOINSECURE), {@code code.corp.example} is git http-backend behind an HTTP server that wants the
 * password from settings.xml. git's own {@code url.<base>.insteadOf} (in a git config of the test's)
 * points both names at loopback ports, the way users point git at mirrors or ssh. Then the failures:
 * the host down, a host that accepts the connection and never answers, no credentials.
 */
class PrivateGitHostIT {
    private static final String USER = "ci";
    private static final String PASSWORD = "s3cr:t@pw/1";
    private static final String LIB = "git.corp.example/team/lib.git";
    private static final String AUTH = "code.corp.example/team/auth.git";

    private final Path dir = Path.of(System.getProperty("e2e.dir", "target/e2e")).toAbsolutePath().resolve("private-git");
    private final Path localRepo = Path.of(System.getProperty("it.localRepo", "target/local-repo")).toAbsolutePath();
    private GitHost host;
    private Path release;
    private Map<String, String> goEnv;

    @BeforeEach
    void start() throws Exception {
        IsolatedGo.requireGo();
        DirectorySwap.deleteTree(dir);
        Files.createDirectories(dir);
        FileGoProxy proxy = new FileGoProxy(dir.resolve("proxy")).publish(GraphFixture.proxyModules().toArray(TestModule[]::new));
        host = new GitHost(dir.resolve("repos"))
                .publish("team/lib", Map.of("go.mod", "module " + LIB + "\n\ngo 1.19\n",
                        "lib.go", "// Package lib is the team's library.\npackage lib\n\n// Name names it.\nconst Name = \"lib\"\n"), "v1.0.0")
                .publish("team/auth", Map.of("go.mod", "module " + AUTH + "\n\ngo 1.19\n",
                        "auth.go", "// Package auth checks tokens.\npackage auth\n\n// Name names it.\nconst Name = \"auth\"\n"), "v1.0.0")
                .startDaemon()
                .startHttp(USER, PASSWORD);

        release = dir.resolve("release");
        Files.createDirectories(release);
        Files.writeString(release.resolve("go.mod"), "module corp.example/service\n\ngo 1.19\n\nrequire (\n\t" + AUTH + " v1.0.0\n\t"
                + LIB + " v1.0.0\n\tgithub.com/Acme/Core v1.2.0\n)\n");
        Files.writeString(release.resolve("main.go"), "package main\n\nimport (\n\t\"fmt\"\n\n\tauth \"" + AUTH + "\"\n\tlib \"" + LIB
                + "\"\n\tcore \"github.com/Acme/Core\"\n)\n\nfunc main() {\n\tfmt.Println(lib.Name, auth.Name, core.Answer())\n}\n");
        Files.writeString(release.resolve("pom.xml"), """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>com.corp</groupId>
                  <artifactId>service</artifactId>
                  <version>1.0.0</version>
                  <packaging>pom</packaging>
                  <properties>
                    <gomod.goprivate>*.corp.example</gomod.goprivate>
                    <gomod.goinsecure>git.corp.example</gomod.goinsecure>
                    <gomod.proxyProbeTimeout>2000</gomod.proxyProbeTimeout>
                  </properties>
                  <build>
                    <plugins>
                      <plugin>
                        <groupId>dev.gomod</groupId>
                        <artifactId>gomod-maven-plugin</artifactId>
                        <version>%s</version>
                        <executions>
                          <execution>
                            <goals>
                              <goal>vendor</goal>
                              <goal>package</goal>
                            </goals>
                          </execution>
                        </executions>
                      </plugin>
                    </plugins>
                  </build>
                </project>
                """.formatted(System.getProperty("plugin.version", "0.1.0-SNAPSHOT")));
        goEnv = new HashMap<>(Map.of("GOPROXY", proxy.url(), "GOSUMDB", "off", "GOENV", "off", "GOFLAGS", "-modcacherw",
                "GOCACHE", dir.resolve("gocache").toString(), "GOPATH", dir.resolve("gopath").toString(), "GIT_CONFIG_NOSYSTEM", "1"));
    }

    @AfterEach
    void stop() throws Exception {
        if (host != null) {
            host.close();
        }
    }

    /** A git config that sends git.corp.example's git:// to {@code gitBase} and every other way there to a closed port. */
    private Path gitConfig(String name, String gitBase) throws Exception {
        int closed = LoopbackPorts.free();
        Path f = dir.resolve(name + ".gitconfig");
        Files.writeString(f, String.join("\n",
                "[url \"" + gitBase + "\"]", "\tinsteadOf = git://git.corp.example/",
                "[url \"http://127.0.0.1:" + closed + "/\"]", "\tinsteadOf = https://git.corp.example/", "\tinsteadOf = http://git.corp.example/",
                "[url \"ssh://127.0.0.1:" + closed + "/\"]", "\tinsteadOf = git+ssh://git.corp.example/", "\tinsteadOf = ssh://git.corp.example/",
                "[url \"" + host.httpUrl() + "\"]", "\tinsteadOf = https://code.corp.example/", ""));
        return f;
    }

    private Path settings(boolean withServer) throws Exception {
        Path f = dir.resolve(withServer ? "settings.xml" : "settings-no-server.xml");
        Files.writeString(f, "<settings>" + (withServer ? "<servers><server><id>code.corp.example</id><username>" + USER
                + "</username><password>" + PASSWORD.replace("&", "&amp;") + "</password></server></servers>" : "") + "</settings>");
        return f;
    }

    private MavenRun.Result mvn(Path cwd, String log, Path gitConfig, Path modcache, Path settings, String... args) throws Exception {
        Map<String, String> env = new HashMap<>(goEnv);
        env.put("GIT_CONFIG_GLOBAL", gitConfig.toString());
        env.put("GOMODCACHE", modcache.toString());
        List<String> all = new ArrayList<>(List.of("-s", settings.toString(), "-Dmaven.repo.local=" + localRepo));
        all.addAll(List.of(args));
        return MavenRun.run(cwd, dir.resolve("logs/" + log + ".log"), all, env);
    }

    private static void assertNoSecret(MavenRun.Result r) {
        assertFalse(r.output().contains(PASSWORD) || r.output().contains("s3cr%3At%40pw"), "the git host's password reached the log");
    }

    @Test
    void privateModulesFromGitDaemonAndAnAuthenticatedHttpHostThenAnAgentBuildsOffline() throws Exception {
        Path gitConfig = gitConfig("working", host.gitUrl());
        Path cache = dir.resolve("modcache");
        MavenRun.Result freeze = mvn(release, "1-freeze", gitConfig, cache, settings(true), "gomod:freeze", "-Dgomod.tidy=true");
        assertEquals(0, freeze.exit(), freeze.output());
        assertNoSecret(freeze);
        String sums = Files.readString(release.resolve("go.sum"));
        assertTrue(sums.contains(LIB + " v1.0.0 h1:") && sums.contains(AUTH + " v1.0.0 h1:"), sums);
        assertTrue(host.httpRequests().stream().anyMatch(r -> r.startsWith("GET /team/auth/info/refs") && r.endsWith(" auth")),
                "git sent the settings.xml credentials: " + host.httpRequests());

        // the release: vendor and package, with an empty module cache so that both hosts are asked again
        MavenRun.Result install = mvn(release, "2-install", gitConfig, dir.resolve("modcache-release"), settings(true), "install");
        assertEquals(0, install.exit(), install.output());
        assertNoSecret(install);
        assertTrue(Files.isRegularFile(release.resolve("vendor/" + LIB + "/lib.go")), install.output());

        // the agent: the checkout, no git host, no Go module proxy, Maven offline
        host.close();
        Path agent = dir.resolve("agent");
        Files.createDirectories(agent);
        for (String f : List.of("pom.xml", "go.mod", "go.sum", "main.go", "gomod.lock")) {
            Files.copy(release.resolve(f), agent.resolve(f));
        }
        goEnv.put("GOPROXY", "https://proxy.invalid");
        MavenRun.Result restore = mvn(agent, "3-agent", gitConfig, dir.resolve("agent-modcache"), settings(false), "-o",
                "gomod:restore", "gomod:go", "-Dgomod.args=build -o hello .");
        assertEquals(0, restore.exit(), restore.output());
        Process hello = new ProcessBuilder(agent.resolve("hello").toString()).redirectErrorStream(true).start();
        assertEquals("lib auth 42", new String(hello.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip());
    }

    @Test
    void aHostThatIsDownFailsInSecondsAndASilentOneWithinTheProbeTime() throws Exception {
        // go.sum as the developer committed it: the freeze above is not this test's business
        Path gitConfig = gitConfig("working", host.gitUrl());
        MavenRun.Result tidy = mvn(release, "0-tidy", gitConfig, dir.resolve("modcache-tidy"), settings(true), "gomod:freeze", "-Dgomod.tidy=true");
        assertEquals(0, tidy.exit(), tidy.output());

        // vendor/ as the lock pins it, and an empty module cache: the no-op asks no host, so a dead one does not fail it
        MavenRun.Result vendored = mvn(release, "0-vendor", gitConfig, dir.resolve("modcache-vendor"), settings(true), "gomod:vendor");
        assertEquals(0, vendored.exit(), vendored.output());
        host.stopDaemon();
        MavenRun.Result noop = mvn(release, "0-noop", gitConfig, dir.resolve("modcache-noop"), settings(true), "gomod:vendor");
        assertEquals(0, noop.exit(), "vendor/ matches the lock: nothing to fetch, no host asked\n" + noop.output());
        DirectorySwap.deleteTree(release.resolve("vendor"));

        long t0 = System.nanoTime();
        MavenRun.Result down = mvn(release, "1-down", gitConfig, dir.resolve("modcache-down"), settings(true), "gomod:vendor");
        long downMillis = (System.nanoTime() - t0) / 1_000_000;
        assertNotEquals(0, down.exit(), down.output());
        assertTrue(downMillis < 10_000 + 8_000, "the failure took " + downMillis + " ms, Maven's start included");
        assertTrue(down.output().contains(LIB + ": none of the ways go tries to its repository answers"), down.output());
        assertTrue(down.output().contains("git://git.corp.example/team/lib (" + host.gitUrl() + "team/lib after git's insteadOf): connection refused"),
                down.output());
        assertTrue(down.output().contains("go fetches it directly because GOPRIVATE pattern '*.corp.example' matches it (set by gomod.goprivate)"),
                down.output());
        assertTrue(down.output().contains("gomod.goinsecure"), down.output());

        try (LoopbackPorts.Silent silent = LoopbackPorts.silent()) {
            Path hung = gitConfig("silent", "git://127.0.0.1:" + silent.port() + "/");
            long t1 = System.nanoTime();
            MavenRun.Result stalls = mvn(release, "2-silent", hung, dir.resolve("modcache-silent"), settings(true), "gomod:vendor");
            long silentMillis = (System.nanoTime() - t1) / 1_000_000;
            assertNotEquals(0, stalls.exit(), stalls.output());
            assertTrue(stalls.output().contains("accepted the connection and did not answer within 2000 ms"), stalls.output());
            // the same goal, Maven and all, as the run that failed at once: the difference is what the probe waited
            assertTrue(silentMillis - downMillis < 2000 + 2000, "silent " + silentMillis + " ms, down " + downMillis + " ms");
        }
    }

    @Test
    void withoutTheServerCredentialsGitCannotReadTheHttpHostAndTheAdviceSaysWhere() throws Exception {
        Path gitConfig = gitConfig("working", host.gitUrl());
        MavenRun.Result tidy = mvn(release, "0-tidy", gitConfig, dir.resolve("modcache-tidy"), settings(true), "gomod:freeze", "-Dgomod.tidy=true");
        assertEquals(0, tidy.exit(), tidy.output());
        int before = host.httpRequests().size();

        MavenRun.Result refused = mvn(release, "1-no-server", gitConfig, dir.resolve("modcache-no-server"), settings(false), "gomod:vendor");
        assertNotEquals(0, refused.exit(), refused.output());
        assertTrue(host.httpRequests().subList(before, host.httpRequests().size()).stream().noneMatch(r -> r.endsWith(" auth")),
                host.httpRequests().toString());
        assertTrue(refused.output().contains(AUTH + " is fetched straight from its host: GOPRIVATE pattern '*.corp.example' matches it"),
                refused.output());
        assertTrue(refused.output().contains("settings.xml <server> whose id is the host name"), refused.output());
    }
}
