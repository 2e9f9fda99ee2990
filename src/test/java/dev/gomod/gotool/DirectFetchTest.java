package dev.gomod.gotool;

import com.sun.net.httpserver.HttpServer;
import dev.gomod.testkit.GitHost;
import dev.gomod.testkit.LoopbackPorts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * go's ways to a module's own repository (cmd/go/internal/vcs), git's insteadOf rules read from a
 * real git config by the real git, and the probe of those ways against servers on loopback: git's
 * own daemon, an HTTP server, a refused port, and one that accepts and never answers.
 */
class DirectFetchTest {
    @TempDir
    Path tmp;

    private static List<String> urls(List<DirectFetch.Attempt> attempts) {
        return attempts.stream().map(DirectFetch.Attempt::connectsTo).toList();
    }

    @Test
    void aRepositoryNamedWithItsVcsIsTriedInGosOrderAndGoinsecureAddsThePlainSchemes() {
        assertEquals(List.of("https://git.corp.example/team/lib", "git+ssh://git.corp.example/team/lib", "ssh://git.corp.example/team/lib"),
                urls(DirectFetch.attempts("git.corp.example/team/lib.git/v2", false, GitUrlRewrites.NONE)));
        assertEquals(List.of("git://git.corp.example/team/lib", "https://git.corp.example/team/lib", "http://git.corp.example/team/lib",
                "git+ssh://git.corp.example/team/lib", "ssh://git.corp.example/team/lib"),
                urls(DirectFetch.attempts("git.corp.example/team/lib.git", true, GitUrlRewrites.NONE)));
        assertEquals(List.of("https://hg.corp.example/x", "ssh://hg.corp.example/x"),
                urls(DirectFetch.attempts("hg.corp.example/x.hg", false, GitUrlRewrites.NONE)));
        // a known hosting site: git over https, nothing else; any other path: go's own go-get request first
        assertEquals(List.of("https://github.com/corp/lib"), urls(DirectFetch.attempts("github.com/corp/lib/sub/v3", true, GitUrlRewrites.NONE)));
        List<DirectFetch.Attempt> goGet = DirectFetch.attempts("corp.example/team/lib", true, GitUrlRewrites.NONE);
        assertEquals(List.of("https://corp.example/team/lib?go-get=1", "http://corp.example/team/lib?go-get=1"), urls(goGet));
        assertTrue(goGet.stream().noneMatch(DirectFetch.Attempt::byVcs));
    }

    @Test
    void gitsInsteadOfRulesAreReadFromTheUsersGitConfigAndTheLongestPrefixWins() throws Exception {
        Path config = tmp.resolve("gitconfig");
        Files.writeString(config, String.join("\n",
                "[url \"ssh://git@git.corp.example:2222/\"]", "\tinsteadOf = https://git.corp.example/",
                "[url \"https://Mirror.corp.example/Team/\"]", "\tinsteadOf = https://git.corp.example/team/",
                "[url \"git@scp.corp.example:\"]", "\tinsteadOf = https://scp.corp.example/", ""));
        GitUrlRewrites rules = GitUrlRewrites.read(Map.of("PATH", System.getenv("PATH"), "GIT_CONFIG_GLOBAL", config.toString(),
                "GIT_CONFIG_NOSYSTEM", "1", "HOME", tmp.toString()), 10_000);
        assertEquals("https://Mirror.corp.example/Team/lib", rules.rewrite("https://git.corp.example/team/lib"));
        assertEquals("ssh://git@git.corp.example:2222/other/lib", rules.rewrite("https://git.corp.example/other/lib"));
        assertEquals("git://elsewhere.example/x", rules.rewrite("git://elsewhere.example/x"));

        List<DirectFetch.Attempt> ways = DirectFetch.attempts("git.corp.example/other/lib.git", false, rules);
        assertEquals("https://git.corp.example/other/lib (ssh://git@git.corp.example:2222/other/lib after git's insteadOf)", ways.get(0).described());
        assertEquals(Optional.of(new DirectFetch.Endpoint("ssh", "git.corp.example", 2222)), DirectFetch.endpoint(ways.get(0).connectsTo()));
        assertEquals(Optional.of(new DirectFetch.Endpoint("ssh", "scp.corp.example", 22)),
                DirectFetch.endpoint(rules.rewrite("https://scp.corp.example/team/lib")));
        assertEquals(Optional.empty(), DirectFetch.endpoint("file:///srv/git/lib"));
        assertTrue(GitUrlRewrites.read(Map.of("PATH", "/nonexistent"), 10_000).isEmpty(), "no git: no rules");
    }

    @Test
    void theProbeFindsTheWayThatAnswersAndCatchesARefusedOrSilentHostWithinItsTime() throws Exception {
        int refused = LoopbackPorts.free();
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        http.createContext("/", ex -> {
            ex.sendResponseHeaders(401, -1); // wants credentials: alive all the same
            ex.close();
        });
        http.start();
        Path repos = tmp.resolve("repos");
        try (GitHost daemon = new GitHost(repos).publish("team/lib", Map.of("go.mod", "module git.corp.example/team/lib.git\n"), "v1.0.0")
                .startDaemon(); LoopbackPorts.Silent silent = LoopbackPorts.silent()) {
            String d = daemon.gitUrl();
            GitUrlRewrites rules = GitUrlRewrites.parse(String.join("\n",
                    "url." + d + ".insteadof git://up.corp.example/",
                    "url.http://127.0.0.1:" + refused + "/.insteadof https://down.corp.example/",
                    "url.ssh://127.0.0.1:" + refused + "/.insteadof git+ssh://down.corp.example/",
                    "url.ssh://127.0.0.1:" + refused + "/.insteadof ssh://down.corp.example/",
                    "url.git://127.0.0.1:" + refused + "/.insteadof git://down.corp.example/",
                    "url.git://127.0.0.1:" + silent.port() + "/.insteadof git://hung.corp.example/",
                    "url.http://127.0.0.1:" + http.getAddress().getPort() + "/.insteadof https://auth.corp.example/"));
            DirectFetchProbe probe = new DirectFetchProbe(Duration.ofMillis(1500), new SecretMasker(), u -> Optional.empty());

            Map<String, List<DirectFetch.Attempt>> fine = new LinkedHashMap<>();
            fine.put("up.corp.example/team/lib.git", DirectFetch.attempts("up.corp.example/team/lib.git", true, rules));
            fine.put("auth.corp.example/team/x.git", DirectFetch.attempts("auth.corp.example/team/x.git", false, rules));
            assertEquals(Optional.empty(), probe.problem(fine));

            Map<String, List<DirectFetch.Attempt>> down = new LinkedHashMap<>();
            for (String m : List.of("down.corp.example/a.git", "down.corp.example/a.git/sub")) {
                down.put(m, DirectFetch.attempts(m, false, rules));
            }
            String said = probe.problem(down).orElseThrow();
            assertTrue(said.startsWith("down.corp.example/a.git (and 1 more module from the same place): none of the ways go tries"), said);
            assertTrue(said.contains("https://down.corp.example/a (http://127.0.0.1:" + refused + "/a after git's insteadOf): connection refused"), said);
            assertEquals(1, said.lines().count(), said);

            long start = System.nanoTime();
            String hung = probe.problem(Map.of("hung.corp.example/lib.git", DirectFetch.attempts("hung.corp.example/lib.git", true, rules)))
                    .orElseThrow();
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertTrue(hung.contains("accepted the connection and did not answer within 1500 ms; go (through git) would wait there"), hung);
            assertTrue(ms >= 1400 && ms < 1500 + 2000, ms + " ms");
        } finally {
            http.stop(0);
        }
    }

    @Test
    void thePlanHoldsTheRequirementsGoFetchesFromTheirHostsAndNamesWhatSentEach() throws Exception {
        dev.gomod.mod.GoMod goMod = dev.gomod.mod.GoMod.parse("go.mod", String.join("\n", "module corp.example/service", "go 1.21",
                "require (", "\tgit.corp.example/team/lib.git v1.0.0", "\tgit.corp.example/team/old.git v1.0.0",
                "\tgit.corp.example/team/local.git v1.0.0", "\tgithub.com/public/x v1.2.0", ")",
                "replace git.corp.example/team/old.git => git.corp.example/team/new.git v1.1.0",
                "replace git.corp.example/team/local.git => ./local", "").getBytes(java.nio.charset.StandardCharsets.UTF_8), true);
        Path cache = tmp.resolve("modcache");
        Files.createDirectories(cache.resolve("cache/download/git.corp.example/team/lib.git/@v"));
        Files.writeString(cache.resolve("cache/download/git.corp.example/team/lib.git/@v/v1.0.0.zip"), "zip");
        // GOPRIVATE, which go env also reports as GONOPROXY: GOPRIVATE's doing
        GoEnvironment env = new GoEnvironment(Map.of("GOPROXY", "https://proxy.corp.example", "GOPRIVATE", "*.corp.example",
                "GONOPROXY", "*.corp.example", "GOMODCACHE", cache.toString()), new SecretMasker());
        List<DirectFetch.Planned> plan = DirectFetch.plan(goMod, env, () -> GitUrlRewrites.NONE);
        assertEquals(List.of("git.corp.example/team/lib.git@v1.0.0 cached", "git.corp.example/team/new.git@v1.1.0 to fetch"),
                plan.stream().map(p -> p.module() + (p.cached() ? " cached" : " to fetch")).toList(), "the replacement, not the directory");
        assertEquals("GOPRIVATE pattern '*.corp.example' matches it", DirectFetch.route(env, "git.corp.example/a.git").orElseThrow().toString());
        assertEquals(Optional.empty(), DirectFetch.route(env, "github.com/public/x"));

        GoEnvironment own = env.copy().set("GONOPROXY", "git.corp.example/team/*");
        assertEquals("GONOPROXY pattern 'git.corp.example/team/*' matches it", DirectFetch.route(own, "git.corp.example/team/a.git").orElseThrow().toString());
        GoEnvironment direct = env.copy().set("GOPROXY", "direct").remove("GOPRIVATE").remove("GONOPROXY");
        assertEquals(3, DirectFetch.plan(goMod, direct, () -> GitUrlRewrites.NONE).size(), "GOPROXY=direct: every fetched module");
        assertEquals("GOPROXY starts with direct", DirectFetch.route(direct, "github.com/public/x").orElseThrow().toString());
        assertEquals(List.of(), DirectFetch.plan(goMod, env.copy().set("GOPROXY", "off"), () -> GitUrlRewrites.NONE));
    }
}
