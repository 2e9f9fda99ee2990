package dev.gomod.gotool;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The environment every go invocation gets, built in one place: the inherited environment, then
 * the plugin's settings (GOPROXY, GOPRIVATE, GONOPROXY, GONOSUMDB, GOSUMDB, GOFLAGS), then the
 * plugin's defaults {@code GOWORK=off} and {@code GOTOOLCHAIN=local}, HTTP proxies, and offline
 * rules. Credentials for private proxies go into a netrc file that lives only while go runs, ahead of
 * the user's own netrc, which it carries on. Go up to 1.23 matches a netrc {@code machine} against
 * the host name alone; Go 1.24 and later (GOAUTH) against the URL's host and port; so a host with a
 * port is written both ways. A user's GOAUTH is kept; {@code netrc} is added to it when missing.
 * git, which go runs for direct fetches from a VCS host, reads no {@code NETRC} (its curl reads
 * {@code ~/.netrc} only): its credentials go into a git credential store file in the same private
 * directory, named to git as one more {@code credential.helper} through {@code GIT_CONFIG_COUNT}, after
 * the user's own helpers.
 */
public final class GoEnvironment {
    /** Credentials for one host ({@code name} or {@code name:port}), as netrc {@code machine} entries. */
    public record Credentials(String host, String username, String password) {
        /** The netrc lines: {@code host:port} for Go 1.24+, the bare name for older Go. */
        String netrc() {
            String line = " login " + username + " password " + password + "\n";
            int colon = host.lastIndexOf(':');
            boolean port = colon > 0 && !host.endsWith("]") && host.indexOf(':') == colon;
            return "machine " + host + line + (port ? "machine " + host.substring(0, colon) + line : "");
        }

        @Override
        public String toString() {
            return "Credentials[" + host + ", " + username + ", " + SecretMasker.MASK + "]";
        }
    }

    /** Credentials git sends to an http(s) repository origin ({@code scheme://host[:port]}). */
    public record GitCredentials(String origin, String username, String password) {
        /** The credential store line: the URL with the user and password in it, percent-encoded as git-credential-store reads them. */
        String storeLine() {
            URI o = URI.create(origin);
            return o.getScheme() + "://" + encode(username) + ":" + encode(password) + "@" + o.getRawAuthority() + "\n";
        }

        private static String encode(String s) {
            return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
        }

        @Override
        public String toString() {
            return "GitCredentials[" + origin + ", " + username + ", " + SecretMasker.MASK + "]";
        }
    }

    /** The environment of one run and the private files behind it; closing removes them. */
    public static final class Prepared implements AutoCloseable {
        private final Map<String, String> env;
        private final Path privateDir;

        Prepared(Map<String, String> env, Path privateDir) {
            this.env = Map.copyOf(env);
            this.privateDir = privateDir;
        }

        public Map<String, String> env() {
            return env;
        }

        @Override
        public void close() {
            if (privateDir == null) {
                return;
            }
            try (var walk = Files.walk(privateDir)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("could not remove the credentials directory " + privateDir, e);
            }
        }
    }

    private static final List<String> SHOWN = List.of("GOPROXY", "GOPRIVATE", "GONOPROXY", "GONOSUMDB", "GOSUMDB",
            "GOFLAGS", "GOWORK", "GOTOOLCHAIN", "GOMODCACHE", "GOCACHE", "GOPATH", "GOENV", "GOINSECURE",
            "HTTP_PROXY", "HTTPS_PROXY", "NO_PROXY", "NETRC", "GOAUTH");

    private final Map<String, String> env = new TreeMap<>();
    private final List<Credentials> credentials = new ArrayList<>();
    private final List<GitCredentials> gitCredentials = new ArrayList<>();
    private final SecretMasker masker;
    private boolean offline;

    public GoEnvironment(Map<String, String> inherited, SecretMasker masker) {
        this.masker = masker;
        env.putAll(inherited);
        env.put("GOWORK", "off");
        env.put("GOTOOLCHAIN", "local");
    }

    /** An independent copy, for a run that needs a variable of its own (a private GOMODCACHE, say). */
    public GoEnvironment copy() {
        GoEnvironment c = new GoEnvironment(Map.of(), masker);
        c.env.clear();
        c.env.putAll(env);
        c.credentials.addAll(credentials);
        c.gitCredentials.addAll(gitCredentials);
        c.offline = offline;
        return c;
    }

    /** Sets a variable when {@code value} is given; null leaves the inherited value. */
    public GoEnvironment set(String key, String value) {
        if (value != null) {
            env.put(key, value);
        }
        return this;
    }

    /** Removes a variable, inherited or set. */
    public GoEnvironment remove(String key) {
        env.remove(key);
        return this;
    }

    public String get(String key) {
        return env.get(key);
    }

    /** Every variable as go gets it, without the credential files (for a tool the plugin runs beside go, such as git). */
    public Map<String, String> variables() {
        return Map.copyOf(env);
    }

    /** Proxy URLs from Maven's settings; their passwords are registered as secrets. */
    public GoEnvironment httpProxies(String httpProxy, String httpsProxy, String noProxy) {
        for (String url : new String[] {httpProxy, httpsProxy}) {
            if (url != null) {
                String userInfo = URI.create(url).getRawUserInfo();
                if (userInfo != null && userInfo.contains(":")) {
                    masker.add(userInfo.substring(userInfo.indexOf(':') + 1));
                }
            }
        }
        set("HTTP_PROXY", httpProxy);
        set("HTTPS_PROXY", httpsProxy);
        set("NO_PROXY", noProxy);
        return this;
    }

    public GoEnvironment credentials(Credentials c) {
        if (c.password().chars().anyMatch(Character::isWhitespace) || c.username().chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("the credentials for " + c.host() + " contain white space, which a netrc file cannot carry");
        }
        masker.add(c.password());
        credentials.add(c);
        return this;
    }

    /** The credentials given for {@code host:port} (or the host alone), if any: for a request the plugin makes itself, beside go. */
    public Optional<Credentials> credentialsFor(String host, int port) {
        return credentials.stream().filter(c -> c.host().equalsIgnoreCase(host + ":" + port)).findFirst()
                .or(() -> credentials.stream().filter(c -> c.host().equalsIgnoreCase(host)).findFirst());
    }

    /** Credentials for git's requests to an http(s) repository; the password is registered as a secret. */
    public GoEnvironment gitCredentials(GitCredentials c) {
        masker.add(c.password());
        if (!gitCredentials.contains(c)) {
            gitCredentials.add(c);
        }
        return this;
    }

    /**
     * Why credentials would not reach go, or null: a user's {@code GOAUTH=off} (Go 1.24+) turns
     * netrc off, and off cannot be combined with other methods, so it is kept and reported.
     */
    public String credentialsNote() {
        return !credentials.isEmpty() && "off".equals(strip(env.get("GOAUTH")))
                ? "GOAUTH=off: Go 1.24 and later will not send the <server> credentials for "
                + String.join(", ", credentials.stream().map(Credentials::host).toList()) + "; unset GOAUTH or add netrc to it"
                : null;
    }

    private static String strip(String s) {
        return s == null ? null : s.strip();
    }

    /**
     * Offline: only file:// proxies and the module cache; no checksum database; no direct VCS
     * fetches for private modules (GOPRIVATE would otherwise bypass GOPROXY=off).
     */
    public GoEnvironment offline(boolean on) {
        this.offline = on;
        if (on) {
            GoProxyList files = GoProxyList.parse(env.getOrDefault("GOPROXY", "")).filter(GoProxyList.Entry::isFile);
            env.put("GOPROXY", files.toString());
            env.put("GOSUMDB", "off");
            env.put("GONOPROXY", "none.invalid");
        }
        return this;
    }

    public boolean isOffline() {
        return offline;
    }

    /**
     * The HTTP proxy go would use for {@code target}, by Go's rules (net/http's ProxyFromEnvironment):
     * HTTPS_PROXY for https and HTTP_PROXY for http URLs, none for localhost and loopback addresses,
     * none for hosts NO_PROXY names ({@code *}, a host and its subdomains, {@code .domain} for
     * subdomains only, with or without a port). Lowercase variables count too, as in Go.
     */
    public Optional<URI> httpProxyFor(URI target) {
        String host = target.getHost();
        if (host == null) {
            return Optional.empty();
        }
        String h = host.toLowerCase(java.util.Locale.ROOT).replaceAll("^\\[|\\]$", "");
        if (h.equals("localhost") || isLoopbackLiteral(h)) {
            return Optional.empty();
        }
        String noProxy = variable("NO_PROXY");
        if (noProxy != null) {
            int port = target.getPort();
            for (String raw : noProxy.split(",")) {
                String e = raw.strip().toLowerCase(java.util.Locale.ROOT);
                if (e.isEmpty()) {
                    continue;
                }
                if (e.equals("*")) {
                    return Optional.empty();
                }
                int colon = e.lastIndexOf(':');
                if (colon > 0 && !e.endsWith("]") && e.indexOf(':') == colon) {
                    if (port > 0 && !e.substring(colon + 1).equals(String.valueOf(port))) {
                        continue;
                    }
                    e = e.substring(0, colon);
                }
                boolean match = e.startsWith(".") ? h.endsWith(e) : h.equals(e) || h.endsWith("." + e);
                if (match) {
                    return Optional.empty();
                }
            }
        }
        String proxy = variable("https".equalsIgnoreCase(target.getScheme()) ? "HTTPS_PROXY" : "HTTP_PROXY");
        if (proxy == null || proxy.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(URI.create(proxy.contains("://") ? proxy : "http://" + proxy));
    }

    private String variable(String upper) {
        String v = env.get(upper);
        return v != null && !v.isEmpty() ? v : env.get(upper.toLowerCase(java.util.Locale.ROOT));
    }

    private static boolean isLoopbackLiteral(String host) {
        return host.equals("::1") || host.matches("127(\\.\\d{1,3}){3}");
    }

    public GoProxyList goproxy() {
        return GoProxyList.parse(env.getOrDefault("GOPROXY", "https://proxy.golang.org,direct"));
    }

    public GoEnvironment goproxy(GoProxyList list) {
        env.put("GOPROXY", list.toString());
        return this;
    }

    public SecretMasker masker() {
        return masker;
    }

    /** The go-relevant variables, one {@code KEY=value} per line, every secret masked: safe for a debug log. */
    public List<String> describe() {
        List<String> lines = new ArrayList<>();
        for (String k : SHOWN) {
            if (env.containsKey(k)) {
                lines.add(k + "=" + masker.mask(env.get(k)));
            }
        }
        return lines;
    }

    /**
     * The variables for one run; writes the netrc file and git's credential store (mode 0600, in a
     * private directory) when there are credentials.
     */
    public Prepared prepare() throws IOException {
        Map<String, String> out = new LinkedHashMap<>(env);
        if (credentials.isEmpty() && gitCredentials.isEmpty()) {
            return new Prepared(out, null);
        }
        Path dir = Files.createTempDirectory("gomod-auth", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        if (!credentials.isEmpty()) {
            StringBuilder b = new StringBuilder();
            for (Credentials c : credentials) {
                b.append(c.netrc());
            }
            // go reads one netrc: keep the user's entries (for direct VCS fetches, say) after ours, which win
            Path users = usersNetrc();
            if (users != null && Files.isReadable(users)) {
                b.append('\n').append(Files.readString(users, StandardCharsets.UTF_8));
            }
            Path netrc = privateFile(dir.resolve("netrc"), b.toString());
            out.put("NETRC", netrc.toString());
            String goauth = strip(env.get("GOAUTH"));
            if (goauth != null && !goauth.isEmpty() && !goauth.equals("off")
                    && java.util.Arrays.stream(goauth.split(";")).noneMatch(m -> m.strip().equals("netrc"))) {
                out.put("GOAUTH", goauth + ";netrc"); // the user's methods first: they win for the hosts they cover
            }
        }
        if (!gitCredentials.isEmpty()) {
            StringBuilder b = new StringBuilder();
            gitCredentials.forEach(c -> b.append(c.storeLine()));
            Path store = privateFile(dir.resolve("git-credentials"), b.toString());
            // one more config entry on top of any the user passes this way (git 2.31 and later read them)
            int n;
            try {
                n = Integer.parseInt(env.getOrDefault("GIT_CONFIG_COUNT", "0").strip());
            } catch (NumberFormatException e) {
                n = 0;
            }
            out.put("GIT_CONFIG_KEY_" + n, "credential.helper");
            out.put("GIT_CONFIG_VALUE_" + n, "store --file='" + store.toString().replace("'", "'\\''") + "'");
            out.put("GIT_CONFIG_COUNT", String.valueOf(n + 1));
        }
        return new Prepared(out, dir);
    }

    private static Path privateFile(Path file, String content) throws IOException {
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    /** The netrc go would read: $NETRC, else ~/.netrc. */
    private Path usersNetrc() {
        String netrc = env.get("NETRC");
        if (netrc != null && !netrc.isBlank()) {
            return Path.of(netrc);
        }
        String home = env.get("HOME");
        return home == null || home.isBlank() ? null : Path.of(home, ".netrc");
    }
}
