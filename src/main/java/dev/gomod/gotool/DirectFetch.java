package dev.gomod.gotool;

import dev.gomod.mod.GoMod;
import dev.gomod.mod.ModulePath;
import dev.gomod.mod.ModuleVersion;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How go reaches a module's own repository when it fetches it directly (a GOPRIVATE or GONOPROXY
 * path, or a GOPROXY of {@code direct}), after cmd/go/internal/vcs, written here because no Java
 * library knows go's rules:
 * <ul>
 * <li>a path on a hosting site go knows (github.com, bitbucket.org): git over https, no question asked;</li>
 * <li>a path whose repository is named with its VCS ({@code git.corp.example/team/lib.git}): go tries
 * the VCS's schemes in its order ({@code git}, {@code https}, {@code http}, {@code git+ssh},
 * {@code ssh} for git), pinging each ({@code git ls-remote <scheme>://<repo>}) and taking the first
 * that works; {@code git} and {@code http} only where GOINSECURE matches the path;</li>
 * <li>any other path: go asks {@code https://<path>?go-get=1} for a go-import meta tag (then
 * {@code http://} too where GOINSECURE matches), and the tag names the repository.</li>
 * </ul>
 * A VCS URL is git's to connect, after the user's {@code url.<base>.insteadOf} rules; the go-get
 * request is go's own.
 */
public final class DirectFetch {
    /** One way go tries to reach a repository: the URL go names, and where the connection goes. */
    public record Attempt(String scheme, String url, String connectsTo, boolean byVcs) {
        /** The URL with where it really goes, when a git rule rewrote it. */
        public String described() {
            return url.equals(connectsTo) ? url : url + " (" + connectsTo + " after git's insteadOf)";
        }
    }

    // go's general pattern for any server, the last of its vcsPaths
    private static final Pattern QUALIFIED = Pattern.compile(
            "^(?<repo>([a-z0-9.\\-]+\\.)+[a-z0-9.\\-]+(:[0-9]+)?(/~?[\\w.\\-]+)+?)\\.(?<vcs>bzr|fossil|git|hg|svn)(/~?[\\w.\\-]+)*$");
    private static final Pattern HOSTED = Pattern.compile("^(?<repo>(github\\.com|bitbucket\\.org)/[\\w.\\-]+/[\\w.\\-]+)(/.*)?$");

    private DirectFetch() {
    }

    /** A module go will fetch from its own host, the ways it will try, and whether the module cache already has its zip. */
    public record Planned(ModuleVersion module, List<Attempt> ways, boolean cached) {
    }

    /** Why go goes to a module's own host: the variable and its pattern that matched ({@code GOPROXY}, {@code direct} for all). */
    public record Route(String variable, String pattern) {
        @Override
        public String toString() {
            return variable.equals("GOPROXY") ? "GOPROXY starts with direct" : variable + " pattern '" + pattern + "' matches it";
        }
    }

    /**
     * Which variable sends {@code module} to its host under {@code env}: a GOPROXY that starts with
     * {@code direct} sends every module; else GONOPROXY, which go defaults to GOPRIVATE (and then
     * reports with GOPRIVATE's value, so an equal value is GOPRIVATE's doing). None: a proxy serves it.
     */
    public static Optional<Route> route(GoEnvironment env, String module) {
        List<GoProxyList.Entry> chain = env.goproxy().entries();
        if (!chain.isEmpty() && chain.get(0).value().equals("direct")) {
            return Optional.of(new Route("GOPROXY", "direct"));
        }
        String noProxy = env.get("GONOPROXY");
        String goprivate = env.get("GOPRIVATE");
        boolean own = noProxy != null && !noProxy.isBlank() && !noProxy.equals(goprivate);
        String variable = own ? "GONOPROXY" : "GOPRIVATE";
        return ModulePath.matchingPattern(own ? noProxy : goprivate, module).map(p -> new Route(variable, p));
    }

    /**
     * The modules of go.mod's requirements that go fetches from their own hosts under {@code env},
     * with go's ways to each; none when GOPROXY is off. {@code rewrites} is asked only when some
     * module goes direct (reading them runs git).
     */
    public static List<Planned> plan(GoMod goMod, GoEnvironment env, java.util.function.Supplier<GitUrlRewrites> rewrites) {
        List<GoProxyList.Entry> chain = env.goproxy().entries();
        if (chain.isEmpty() || chain.get(0).value().equals("off")) {
            return List.of();
        }
        String cache = env.get("GOMODCACHE");
        List<Planned> out = new ArrayList<>();
        GitUrlRewrites rules = null;
        for (ModuleVersion m : goMod.fetched()) {
            if (route(env, m.path()).isEmpty()) {
                continue;
            }
            if (rules == null) {
                rules = rewrites.get();
            }
            boolean cached = cache != null && java.nio.file.Files.isRegularFile(java.nio.file.Path.of(cache, "cache", "download",
                    ModulePath.escape(m.path()), "@v", ModulePath.escape(m.version()) + ".zip"));
            out.add(new Planned(m, attempts(m.path(), ModulePath.matchesPrefixPatterns(env.get("GOINSECURE"), m.path()), rules), cached));
        }
        return out;
    }

    /** go's ways to the repository of {@code modulePath}, in the order it tries them. */
    public static List<Attempt> attempts(String modulePath, boolean insecure, GitUrlRewrites rewrites) {
        List<Attempt> out = new ArrayList<>();
        Matcher hosted = HOSTED.matcher(modulePath);
        if (hosted.matches()) {
            String url = "https://" + hosted.group("repo");
            out.add(new Attempt("https", url, rewrites.rewrite(url), true));
            return out;
        }
        Matcher q = QUALIFIED.matcher(modulePath);
        if (q.matches()) {
            String vcs = q.group("vcs");
            for (String scheme : schemes(vcs)) {
                if (!insecure && !secure(scheme)) {
                    continue;
                }
                String url = scheme + "://" + q.group("repo");
                out.add(new Attempt(scheme, url, vcs.equals("git") ? rewrites.rewrite(url) : url, true));
                if (vcs.equals("fossil")) {
                    break; // no ping for fossil: go takes the first scheme allowed
                }
            }
            return out;
        }
        String url = "https://" + modulePath + "?go-get=1";
        out.add(new Attempt("https", url, url, false));
        if (insecure) {
            out.add(new Attempt("http", "http://" + modulePath + "?go-get=1", "http://" + modulePath + "?go-get=1", false));
        }
        return out;
    }

    private static List<String> schemes(String vcs) {
        return switch (vcs) {
            case "git" -> List.of("git", "https", "http", "git+ssh", "ssh");
            case "hg" -> List.of("https", "http", "ssh");
            case "svn" -> List.of("https", "http", "svn", "svn+ssh");
            case "bzr" -> List.of("https", "http", "bzr", "bzr+ssh");
            default -> List.of("https", "http");
        };
    }

    private static boolean secure(String scheme) {
        return scheme.equals("https") || scheme.endsWith("ssh");
    }

    /**
     * Where a connection for {@code url} goes: scheme, host and port, with the scheme's default port;
     * git's scp-like {@code user@host:path} is ssh. Empty for a local path or file URL.
     */
    public static Optional<Endpoint> endpoint(String url) {
        if (!url.contains("://")) {
            Matcher scp = Pattern.compile("^(?:[^@/]+@)?([^:/]+):.*$").matcher(url);
            return scp.matches() ? Optional.of(new Endpoint("ssh", scp.group(1), 22)) : Optional.empty();
        }
        URI u;
        try {
            u = URI.create(url);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        String scheme = u.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("file") || u.getHost() == null) {
            return Optional.empty();
        }
        int port = u.getPort() > 0 ? u.getPort() : switch (scheme) {
            case "https" -> 443;
            case "http" -> 80;
            case "git" -> 9418;
            case "svn" -> 3690;
            case "bzr" -> 4155;
            default -> 22;
        };
        return Optional.of(new Endpoint(scheme, u.getHost(), port));
    }

    /** A server go or git would talk to. */
    public record Endpoint(String scheme, String host, int port) {
        public boolean speaksHttp() {
            return scheme.equals("http") || scheme.equals("https");
        }

        @Override
        public String toString() {
            return scheme + "://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
        }
    }
}
