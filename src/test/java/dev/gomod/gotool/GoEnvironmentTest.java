package dev.gomod.gotool;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GoEnvironmentTest {
    @Test
    void pluginSettingsOverrideTheInheritedEnvironment() throws Exception {
        GoEnvironment env = new GoEnvironment(Map.of("GOPROXY", "https://inherited", "GOWORK", "/w/go.work", "HOME", "/h"), new SecretMasker())
                .set("GOPROXY", "file:///p").set("GOFLAGS", null);
        try (GoEnvironment.Prepared p = env.prepare()) {
            assertEquals("file:///p", p.env().get("GOPROXY"));
            assertEquals("off", p.env().get("GOWORK"));
            assertEquals("local", p.env().get("GOTOOLCHAIN"));
            assertEquals("/h", p.env().get("HOME"));
            assertNull(p.env().get("GOFLAGS"));
            assertNull(p.env().get("NETRC"));
        }
    }

    @Test
    void offlineKeepsOnlyFileProxies() {
        GoEnvironment env = new GoEnvironment(Map.of(), new SecretMasker())
                .set("GOPROXY", "https://proxy.corp.example|file:///mirror,direct").set("GOPRIVATE", "corp.example").offline(true);
        assertEquals("file:///mirror", env.get("GOPROXY"));
        assertEquals("off", env.get("GOSUMDB"));
        assertEquals("none.invalid", env.get("GONOPROXY"));
        assertEquals("off", new GoEnvironment(Map.of(), new SecretMasker()).set("GOPROXY", "https://x").offline(true).get("GOPROXY"));
    }

    @Test
    void proxyListsKeepTheirSeparators() {
        GoProxyList l = GoProxyList.parse("https://a|https://b,file:///c,direct");
        assertEquals(4, l.entries().size());
        assertEquals("https://a|file:///c,direct", l.filter(e -> !e.value().equals("https://b")).toString());
        assertEquals("off", GoProxyList.parse("").toString());
    }

    @Test
    void credentialsLiveInAPrivateNetrcOnlyWhileGoRuns() throws Exception {
        SecretMasker masker = new SecretMasker();
        GoEnvironment env = new GoEnvironment(Map.of(), masker)
                .httpProxies("http://proxyuser:proxy-pw@proxy:3128", "http://proxyuser:proxy-pw@proxy:3128", ".corp.example")
                .credentials(new GoEnvironment.Credentials("nexus.corp.example", "ci", "n3xus-pw"));
        Path netrc;
        try (GoEnvironment.Prepared p = env.prepare()) {
            netrc = Path.of(p.env().get("NETRC"));
            assertEquals("machine nexus.corp.example login ci password n3xus-pw\n", Files.readString(netrc));
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(netrc)));
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(netrc.getParent())));
        }
        assertFalse(Files.exists(netrc.getParent()));
        List<String> shown = env.describe();
        assertTrue(shown.contains("HTTPS_PROXY=http://proxyuser:****@proxy:3128"), shown.toString());
        assertFalse(String.join("\n", shown).contains("pw"), shown.toString());
        assertFalse(env.credentials(new GoEnvironment.Credentials("h", "u", "xyz-secret")).toString().contains("xyz-secret"));
    }

    @Test
    void maskerHidesRegisteredSecretsAndUrlPasswords() {
        SecretMasker m = new SecretMasker().add("tok-123").add("ab");
        assertEquals("GOPROXY=https://u:****@h/p ****, ab", m.mask("GOPROXY=https://u:pw@h/p tok-123, ab"));
        assertEquals("https://h/p", m.mask("https://h/p"));
    }

    @Test
    void aHostWithAPortIsWrittenForOldAndNewGoAndTheUsersNetrcIsKept() throws Exception {
        Path home = Files.createTempDirectory("home");
        Files.writeString(home.resolve(".netrc"), "machine github.com login me password gh-token\n");
        GoEnvironment env = new GoEnvironment(Map.of("HOME", home.toString()), new SecretMasker())
                .credentials(new GoEnvironment.Credentials("nexus.corp.example:8443", "ci", "n3xus-pw"));
        try (GoEnvironment.Prepared p = env.prepare()) {
            assertEquals("machine nexus.corp.example:8443 login ci password n3xus-pw\n"
                    + "machine nexus.corp.example login ci password n3xus-pw\n"
                    + "\nmachine github.com login me password gh-token\n", Files.readString(Path.of(p.env().get("NETRC"))));
            assertNull(p.env().get("GOAUTH"), "go's default GOAUTH is netrc");
        }
        assertEquals("machine github.com login me password gh-token\n", Files.readString(home.resolve(".netrc")), "untouched");
    }

    @Test
    void aUsersGoauthIsKeptAndGainsNetrcOnlyWhenItLacksIt() throws Exception {
        GoEnvironment.Credentials c = new GoEnvironment.Credentials("h", "u", "p");
        for (String[] in : new String[][] {{"git /src", "git /src;netrc"}, {"netrc; /bin/auth", "netrc; /bin/auth"}, {"off", "off"}}) {
            GoEnvironment env = new GoEnvironment(Map.of("GOAUTH", in[0]), new SecretMasker()).credentials(c);
            try (GoEnvironment.Prepared p = env.prepare()) {
                assertEquals(in[1], p.env().get("GOAUTH"));
            }
            assertEquals(in[0].equals("off"), env.credentialsNote() != null);
        }
        assertTrue(new GoEnvironment(Map.of("GOAUTH", "off"), new SecretMasker()).credentials(c).credentialsNote()
                .startsWith("GOAUTH=off: Go 1.24 and later will not send the <server> credentials for h"));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new GoEnvironment(Map.of(), new SecretMasker()).credentials(new GoEnvironment.Credentials("h", "u", "a b")));
    }

    @Test
    void theProxyForAUrlFollowsGosRules() {
        GoEnvironment env = new GoEnvironment(Map.of("HTTP_PROXY", "http://p:3128", "HTTPS_PROXY", "http://ps:3129",
                "NO_PROXY", ".corp.example,nexus.internal,git.example:8443"), new SecretMasker());
        assertEquals(java.util.Optional.of(java.net.URI.create("http://ps:3129")), env.httpProxyFor(java.net.URI.create("https://proxy.golang.org/x")));
        assertEquals(java.util.Optional.of(java.net.URI.create("http://p:3128")), env.httpProxyFor(java.net.URI.create("http://goproxy.example:8081/")));
        for (String direct : new String[] {"https://a.corp.example/", "https://nexus.internal/", "https://sub.nexus.internal/",
                "https://git.example:8443/", "http://localhost:8081/", "http://127.0.0.1:8081/", "http://[::1]:8081/"}) {
            assertTrue(env.httpProxyFor(java.net.URI.create(direct)).isEmpty(), direct);
        }
        assertTrue(env.httpProxyFor(java.net.URI.create("https://corp.example/")).isPresent(), ".corp.example is for subdomains only");
        assertTrue(env.httpProxyFor(java.net.URI.create("https://git.example:9443/")).isPresent(), "another port");
        assertTrue(new GoEnvironment(Map.of("https_proxy", "ps:1", "no_proxy", "*"), new SecretMasker())
                .httpProxyFor(java.net.URI.create("https://x/")).isEmpty());
        assertEquals(java.util.Optional.of(java.net.URI.create("http://ps:1")), new GoEnvironment(Map.of("https_proxy", "ps:1"), new SecretMasker())
                .httpProxyFor(java.net.URI.create("https://x/")));
    }

    /**
     * git reads no NETRC (its curl reads ~/.netrc only), so a netrc of the plugin's cannot authenticate
     * go's direct fetches: the credential store can, after a helper the user passes the same way.
     * Proved with the real git against git http-backend behind basic authentication.
     */
    @org.junit.jupiter.api.Test
    void gitGetsItsCredentialsFromTheStoreAndNotFromTheNetrc(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        String password = "p@ss:w/rd 1";
        try (dev.gomod.testkit.GitHost host = new dev.gomod.testkit.GitHost(tmp.resolve("repos"))
                .publish("team/lib", Map.of("go.mod", "module git.corp.example/team/lib.git\n"), "v1.0.0").startHttp("ci", password)) {
            String origin = host.httpUrl().replaceAll("/$", "");
            Map<String, String> base = Map.of("PATH", System.getenv("PATH"), "HOME", tmp.toString(), "GIT_CONFIG_NOSYSTEM", "1",
                    "GIT_CONFIG_GLOBAL", "/dev/null", "GIT_TERMINAL_PROMPT", "0",
                    "GIT_CONFIG_COUNT", "1", "GIT_CONFIG_KEY_0", "core.quotePath", "GIT_CONFIG_VALUE_0", "false");
            String port = origin.substring(origin.lastIndexOf(':') + 1);

            GoEnvironment netrcOnly = new GoEnvironment(base, new SecretMasker())
                    .credentials(new GoEnvironment.Credentials("127.0.0.1:" + port, "ci", password.replace(" ", "_")));
            GoEnvironment store = new GoEnvironment(base, new SecretMasker())
                    .gitCredentials(new GoEnvironment.GitCredentials(origin, "ci", password));
            try (GoEnvironment.Prepared p = netrcOnly.prepare()) {
                assertTrue(Files.readString(Path.of(p.env().get("NETRC"))).contains("machine 127.0.0.1"));
                String out = lsRemote(p.env(), origin + "/team/lib");
                assertTrue(out.contains("terminal prompts disabled"), out);
            }
            try (GoEnvironment.Prepared p = store.prepare()) {
                assertEquals("2", p.env().get("GIT_CONFIG_COUNT"), "after the user's own entry");
                assertEquals("core.quotePath", p.env().get("GIT_CONFIG_KEY_0"));
                assertEquals("credential.helper", p.env().get("GIT_CONFIG_KEY_1"));
                Path file = Path.of(p.env().get("GIT_CONFIG_VALUE_1").replaceAll("^store --file='|'$", ""));
                assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
                String out = lsRemote(p.env(), origin + "/team/lib");
                assertTrue(out.contains("refs/tags/v1.0.0"), out);
            }
            assertTrue(host.httpRequests().stream().anyMatch(r -> r.endsWith(" auth")), host.httpRequests().toString());
        }
    }

    private static String lsRemote(Map<String, String> env, String url) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("git", "ls-remote", url).redirectErrorStream(true);
        pb.environment().clear();
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }
}
