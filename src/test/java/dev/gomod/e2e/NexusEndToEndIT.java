package dev.gomod.e2e;

import dev.gomod.gotool.ToolchainModule;
import dev.gomod.testkit.ToolchainZips;
import dev.gomod.workspace.DirectorySwap;
import dev.gomod.testkit.Checkout;
import dev.gomod.testkit.MavenRun;
import dev.gomod.testkit.FileGoProxy;
import dev.gomod.testkit.GraphFixture;
import dev.gomod.testkit.IsolatedGo;
import dev.gomod.testkit.TestModule;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole story against a real Nexus on loopback, all through mvn with settings.xml files written
 * here: the release pipeline freezes and deploys both bundles with credentials from a {@code <server>};
 * a fresh agent (empty local repository, a {@code *} mirror to Nexus with credentials) restores and
 * builds with no Go proxy; a wrong password fails clearly; a released version cannot be redeployed;
 * with Nexus stopped the agent restores again with {@code -o}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NexusEndToEndIT {
    private static final String GAV_PATH = "com/example/hello-service/1.0.0/hello-service-1.0.0";
    /** Not the PATH go (1.26 here): the agent must build with the Go the release shipped. */
    private static final ToolchainModule TOOLCHAIN = ToolchainModule.of("go1.25.14", ToolchainModule.runningPlatform());

    private final Path dir = Path.of(System.getProperty("e2e.dir", "target/e2e")).toAbsolutePath();
    private NexusServer nexus;
    private Path release;
    private Path agentRepo;

    @BeforeAll
    void startNexusAndPrepareTheRelease() throws Exception {
        IsolatedGo.requireGo();
        DirectorySwap.deleteTree(dir.resolve("work"));
        Path work = Files.createDirectories(dir.resolve("work"));
        nexus = NexusServer.prepare(Path.of(System.getProperty("nexus.distribution")), Files.createDirectories(dir.resolve("nexus")));
        nexus.start(Duration.ofMinutes(4));
        nexus.disableAnonymousAccess();

        FileGoProxy proxy = new FileGoProxy(work.resolve("goproxy")).publish(GraphFixture.proxyModules().toArray(TestModule[]::new));
        // the release ships the Go the agent builds with: a real toolchain from the Go module proxy, served here from the file:// proxy
        ToolchainZips.publish(ToolchainZips.real(TOOLCHAIN.go()), TOOLCHAIN, proxy.dir());
        release = work.resolve("release");
        GraphFixture.writeMain(release);
        new IsolatedGo(work.resolve("tidy"), proxy.url()).run(release, "mod", "tidy").ok();
        Files.writeString(release.resolve("pom.xml"), pom(), StandardCharsets.UTF_8);
        settings("release.xml", NexusServer.PASSWORD);
        settings("agent.xml", NexusServer.PASSWORD);
        settings("wrong-password.xml", "not-the-password");
    }

    @AfterAll
    void stopNexus() throws Exception {
        if (nexus != null) {
            nexus.close();
        }
    }

    @Test
    @Order(1)
    void theReleasePipelineFreezesAndDeploysBothBundles() throws Exception {
        // the plugin itself comes from the company's repository, like every other plugin
        Run plugin = mvn(dir, "deploy-plugin", "release.xml", dir.resolve("work/release-repo"), "deploy:deploy-file",
                "-Dfile=" + System.getProperty("plugin.jar"), "-DpomFile=" + System.getProperty("plugin.pom"),
                "-DrepositoryId=nexus", "-Durl=" + nexus.url() + "/repository/maven-snapshots/");
        assertEquals(0, plugin.exit, plugin.output);

        String goproxy = "-Dgomod.goproxy=" + dir.resolve("work/goproxy").toUri().toString().replaceAll("/$", "");
        String cache = "-Dgocache=" + dir.resolve("work/release-gocache");
        Run freeze = mvn(release, "freeze", "release.xml", dir.resolve("work/release-repo"), "gomod:freeze", goproxy, cache);
        assertEquals(0, freeze.exit, freeze.output);
        assertTrue(freeze.output.contains("gomod.lock written: example.com/hello, 15 modules"), freeze.output);
        assertTrue(freeze.output.contains("pinned " + TOOLCHAIN + " h1:"), freeze.output);
        assertTrue(Files.readString(release.resolve("gomod.lock")).contains("golang.org/toolchain " + TOOLCHAIN.version() + " h1:"));

        Run deploy = mvn(release, "deploy", "release.xml", dir.resolve("work/release-repo"), "deploy", goproxy, cache);
        assertEquals(0, deploy.exit, deploy.output);
        for (String suffix : List.of("-go-vendor.tar.gz", "-go-modcache.tar.gz", "-go-toolchain-" + TOOLCHAIN.platform() + ".zip")) {
            assertEquals(200, nexus.status("GET", "/repository/maven-releases/" + GAV_PATH + suffix, null, true), suffix);
            assertEquals(401, nexus.status("GET", "/repository/maven-releases/" + GAV_PATH + suffix, null, false), "anonymous access is off");
        }
    }

    @Test
    @Order(2)
    void aFreshAgentRestoresFromNexusAndBuildsWithoutAGoProxy() throws Exception {
        Path agent = checkout("agent");
        agentRepo = dir.resolve("work/agent-repo");
        Run r = mvn(agent, "agent-restore", "agent.xml", agentRepo, "gomod:restore", "gomod:go", "-Dgomod.args=build -o hello .",
                "-Dgocache=" + agent.resolve("gocache"));
        assertEquals(0, r.exit, r.output);
        assertTrue(r.output.contains("vendor/ restored from hello-service-1.0.0-go-vendor.tar.gz"), r.output);
        assertTrue(r.output.contains(", matches gomod.lock"), r.output);
        assertEquals("42 true local 2 fork\n", runBinary(agent.resolve("hello")));
        assertFalse(Files.exists(agent.resolve("gocache/mod/cache/download")), "go downloaded modules");

        Run mc = mvn(agent, "agent-modcache", "agent.xml", agentRepo, "gomod:restore", "gomod:go", "-Dgomod.kind=modcache",
                "-Dgomod.args=build -o hello-mc .", "-Dgocache=" + agent.resolve("gocache-mc"));
        assertEquals(0, mc.exit, mc.output);
        assertTrue(mc.output.contains("module cache restored from hello-service-1.0.0-go-modcache.tar.gz"), mc.output);
        assertEquals("42 true local 2 fork\n", runBinary(agent.resolve("hello-mc")));
        // the module cache also carries the toolchain: plain go switches to it with no network, as offline.env says
        Path proxyDir = agent.resolve("target/gomod/goproxy");
        assertTrue(Files.readString(agent.resolve("target/gomod/offline.env")).contains("GOTOOLCHAIN=" + TOOLCHAIN.go()));
        IsolatedGo plain = new IsolatedGo(dir.resolve("work/plain-go-switch"), proxyDir.toUri().toString().replaceAll("/$", ""));
        plain.set("GOTOOLCHAIN", TOOLCHAIN.go()).set("HTTPS_PROXY", "http://127.0.0.1:9").set("HTTP_PROXY", "http://127.0.0.1:9");
        assertTrue(plain.run(agent, "version").ok().stdout().startsWith(TOOLCHAIN.versionLine()));
    }

    @Test
    @Order(2)
    void anAgentWithNoGoInstallsTheShippedToolchainRestoresAndBuilds() throws Exception {
        Path agent = checkout("agent-no-go");
        Path repo = dir.resolve("work/agent-no-go-repo");
        String path = ToolchainZips.pathWithoutGo();
        for (String d : path.split(java.io.File.pathSeparator)) {
            assertFalse(Files.exists(Path.of(d, "go")), "go on the agent's PATH: " + d);
        }
        List<String> goals = List.of("gomod:install-go", "gomod:restore", "gomod:go", "-Dgomod.args=build -o hello .",
                "-Dgocache=" + agent.resolve("gocache"));
        long start = System.nanoTime();
        MavenRun.Result cold = MavenRun.run(agent, dir.resolve("logs/agent-no-go.log"), args("agent.xml", repo, goals), Map.of("PATH", path));
        long coldMillis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(0, cold.exit(), cold.output());
        Path goroot = dir.resolve("work/gomod/go/" + TOOLCHAIN.go() + "." + TOOLCHAIN.platform()); // beside the local repository
        assertTrue(cold.output().contains("Go toolchain " + TOOLCHAIN.go() + " " + TOOLCHAIN.platform() + " restored from hello-service-1.0.0-go-toolchain-"
                + TOOLCHAIN.platform() + ".zip") && cold.output().contains("matches gomod.lock, '" + TOOLCHAIN.versionLine() + "'"), cold.output());
        assertTrue(cold.output().contains("later goals of this build run " + goroot.resolve("bin/go")), cold.output());
        assertTrue(cold.output().contains("vendor/ restored from hello-service-1.0.0-go-vendor.tar.gz"), cold.output());
        assertEquals("42 true local 2 fork\n", runBinary(agent.resolve("hello")));
        assertTrue(runBinaryOutput(goroot.resolve("bin/go"), "version", agent.resolve("hello").toString()).contains(TOOLCHAIN.go()),
                "the binary was not built by the shipped toolchain");

        start = System.nanoTime();
        MavenRun.Result again = MavenRun.run(agent, dir.resolve("logs/agent-no-go-again.log"), args("agent.xml", repo,
                List.of("-o", "gomod:install-go")), Map.of("PATH", path));
        long noOpMillis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(0, again.exit(), again.output());
        assertTrue(again.output().contains("Go toolchain " + TOOLCHAIN.go() + " " + TOOLCHAIN.platform() + " already installed in " + goroot), again.output());
        // a later build that does not install: the goals find the toolchain the lock pins where install-go put it
        Files.delete(agent.resolve("hello"));
        MavenRun.Result later = MavenRun.run(agent, dir.resolve("logs/agent-no-go-later.log"), args("agent.xml", repo,
                List.of("-o", "gomod:go", "-Dgomod.args=build -o hello .", "-Dgocache=" + agent.resolve("gocache"))), Map.of("PATH", path));
        assertEquals(0, later.exit(), later.output());
        assertTrue(later.output().contains("runs " + goroot.resolve("bin/go") + ": the toolchain gomod.lock pins (" + TOOLCHAIN.go() + " "
                + TOOLCHAIN.platform() + "), installed in " + goroot + " by gomod:install-go"), later.output());
        assertTrue(runBinaryOutput(goroot.resolve("bin/go"), "version", agent.resolve("hello").toString()).contains(TOOLCHAIN.go()),
                "the later build did not run the installed toolchain");
        Path artifact = repo.resolve(GAV_PATH + "-go-toolchain-" + TOOLCHAIN.platform() + ".zip");
        Files.writeString(dir.resolve("logs/install-go-times.txt"), "artifact " + Files.size(artifact) + " bytes\n"
                + "cold: mvn gomod:install-go gomod:restore gomod:go (build) " + coldMillis + " ms\n"
                + "no-op: mvn -o gomod:install-go " + noOpMillis + " ms\n");
    }

    @Test
    @Order(3)
    void aWrongPasswordFailsClearlyAndLeavesVendorAlone() throws Exception {
        Path agent = checkout("agent-wrong-password");
        Files.createDirectories(agent.resolve("vendor"));
        Files.writeString(agent.resolve("vendor/marker.txt"), "old tree\n");
        // the agent already has the plugin, but not the bundle: only the bundle needs Nexus
        Path repo = dir.resolve("work/agent-repo-wrong-password");
        copyTree(agentRepo, repo);
        DirectorySwap.deleteTree(repo.resolve("com/example"));
        Run r = mvn(agent, "wrong-password", "wrong-password.xml", repo, "gomod:restore", "-Dgocache=" + agent.resolve("gocache"));
        assertNotEquals(0, r.exit, r.output);
        assertTrue(r.output.contains("could not resolve com.example:hello-service:tar.gz:go-vendor:1.0.0"), r.output);
        assertTrue(r.output.contains("401"), r.output);
        assertTrue(r.output.contains("<server> credentials"), r.output);
        assertFalse(r.output.contains("not-the-password"), "the password reached the log");
        assertFalse(r.output.contains("\tat dev.gomod"), "a stack trace for a configuration mistake");
        assertEquals("old tree\n", Files.readString(agent.resolve("vendor/marker.txt")));
    }

    @Test
    @Order(4)
    void redeployingAReleaseIsRefusedByNexus() throws Exception {
        Run r = mvn(release, "redeploy", "release.xml", dir.resolve("work/release-repo"), "deploy",
                "-Dgomod.goproxy=" + dir.resolve("work/goproxy").toUri().toString().replaceAll("/$", ""),
                "-Dgocache=" + dir.resolve("work/release-gocache"));
        assertNotEquals(0, r.exit, r.output);
        assertTrue(r.output.contains("status: 400") && r.output.contains("hello-service-1.0.0.pom cannot be updated"), r.output);
        // the rebuild packed the same bytes Nexus holds: a release can be checked against its rebuild
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("go-vendor bundle \\S+: \\d+ entries, \\d+ bytes, sha256 ([0-9a-f]{64})")
                .matcher(r.output);
        assertTrue(m.find(), r.output);
        assertEquals(m.group(1), dev.gomod.hash.Sha256.hex(nexus.get("/repository/maven-releases/" + GAV_PATH + "-go-vendor.tar.gz")));
    }

    @Test
    @Order(5)
    void withNexusDownTheAgentRestoresOfflineFromItsLocalRepository() throws Exception {
        nexus.close();
        assertFalse(nexus.running());
        assertEquals(-1, nexus.status("GET", "/service/rest/v1/status", null, false), "Nexus still answers");
        Path agent = checkout("agent-offline");
        Run r = mvn(agent, "agent-offline", "agent.xml", agentRepo, "-o", "gomod:restore", "gomod:go", "-Dgomod.args=build -o hello .",
                "-Dgocache=" + agent.resolve("gocache"));
        assertEquals(0, r.exit, r.output);
        assertEquals("42 true local 2 fork\n", runBinary(agent.resolve("hello")));
    }

    // ---- the project, settings and checkouts ----

    private String pom() {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>com.example</groupId>
                  <artifactId>hello-service</artifactId>
                  <version>1.0.0</version>
                  <packaging>pom</packaging>
                  <properties>
                    <gomod.bundles>vendor,modcache,toolchain</gomod.bundles>
                    <!-- go.mod says go 1.19, which has no toolchain module: ship this release -->
                    <gomod.toolchainVersion>%s</gomod.toolchainVersion>
                    <gomod.allowDirectoryReplace>true</gomod.allowDirectoryReplace>
                    <project.build.outputTimestamp>2026-01-01T00:00:00Z</project.build.outputTimestamp>
                  </properties>
                  <distributionManagement>
                    <repository>
                      <id>nexus</id>
                      <url>%s/repository/maven-releases/</url>
                    </repository>
                  </distributionManagement>
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
                        <configuration>
                          <environment>
                            <GOMODCACHE>${gocache}/mod</GOMODCACHE>
                            <GOCACHE>${gocache}/build</GOCACHE>
                            <GOPATH>${gocache}/path</GOPATH>
                            <GOFLAGS>-modcacherw</GOFLAGS>
                            <GOSUMDB>off</GOSUMDB>
                            <GOENV>off</GOENV>
                          </environment>
                        </configuration>
                      </plugin>
                    </plugins>
                  </build>
                </project>
                """.formatted(TOOLCHAIN.go(), nexus.url(), System.getProperty("plugin.version"));
    }

    /** A company's settings.xml: everything through Nexus, credentials from a server entry, snapshots on. */
    private void settings(String name, String password) throws IOException {
        String repo = """
                        <id>central</id>
                        <url>http://central</url>
                        <releases><enabled>true</enabled></releases>
                        <snapshots><enabled>true</enabled></snapshots>
                """;
        Files.writeString(dir.resolve("work").resolve(name), """
                <settings>
                  <mirrors>
                    <mirror>
                      <id>nexus</id>
                      <mirrorOf>*</mirrorOf>
                      <url>%s/repository/maven-public/</url>
                    </mirror>
                  </mirrors>
                  <servers>
                    <server>
                      <id>nexus</id>
                      <username>%s</username>
                      <password>%s</password>
                    </server>
                  </servers>
                  <profiles>
                    <profile>
                      <id>nexus</id>
                      <repositories><repository>%s</repository></repositories>
                      <pluginRepositories><pluginRepository>%s</pluginRepository></pluginRepositories>
                    </profile>
                  </profiles>
                  <activeProfiles><activeProfile>nexus</activeProfile></activeProfiles>
                </settings>
                """.formatted(nexus.url(), NexusServer.USER, password, repo, repo), StandardCharsets.UTF_8);
    }

    /** What a fresh checkout of the release commit holds: no vendor/, no target/. */
    private Path checkout(String name) throws IOException {
        Path agent = dir.resolve("work").resolve(name);
        DirectorySwap.deleteTree(agent);
        for (String f : List.of("pom.xml", "go.mod", "go.sum", "gomod.lock", "main.go", "local/go.mod", "local/local.go")) {
            Files.createDirectories(agent.resolve(f).getParent());
            Files.copy(release.resolve(f), agent.resolve(f));
        }
        return agent;
    }

    // ---- running mvn ----

    private record Run(int exit, String output) {
    }

    private Run mvn(Path cwd, String step, String settings, Path localRepo, String... args) throws IOException, InterruptedException {
        MavenRun.Result r = MavenRun.run(cwd, dir.resolve("logs").resolve(step + ".log"), args(settings, localRepo, List.of(args)));
        return new Run(r.exit(), r.output());
    }

    private List<String> args(String settings, Path localRepo, List<String> args) {
        List<String> all = new ArrayList<>(List.of("-s", dir.resolve("work").resolve(settings).toString(), "-Dmaven.repo.local=" + localRepo));
        all.addAll(args);
        return all;
    }

    private static String runBinaryOutput(Path exe, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(exe.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        return out;
    }

    private static String runBinary(Path exe) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(exe.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        return out;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        DirectorySwap.deleteTree(to);
        Checkout.copy(from, to, rel -> false);
    }
}
