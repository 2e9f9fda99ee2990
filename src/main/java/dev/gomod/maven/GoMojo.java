package dev.gomod.maven;

import dev.gomod.Reporter;
import dev.gomod.gotool.DirectFetch;
import dev.gomod.gotool.DirectFetchProbe;
import dev.gomod.gotool.EffectiveGoEnv;
import dev.gomod.gotool.FetchTrace;
import dev.gomod.gotool.GoCommand;
import dev.gomod.gotool.GoEnvironment;
import dev.gomod.gotool.HttpFetch;
import dev.gomod.gotool.GoException;
import dev.gomod.gotool.GitUrlRewrites;
import dev.gomod.gotool.GoProxyList;
import dev.gomod.gotool.ProxyProbe;
import dev.gomod.gotool.SecretMasker;
import dev.gomod.gotool.SumDbProbe;
import dev.gomod.mod.FormatException;
import dev.gomod.mod.GoMod;
import dev.gomod.mod.GoSum;
import dev.gomod.mod.ModuleVersion;
import dev.gomod.gotool.ToolchainSelection;
import dev.gomod.gotool.UnreachableHostException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What every goal that runs go shares: the go executable, its environment from the plugin's
 * properties and Maven's settings (proxies, {@code <server>} credentials, offline mode), timeouts
 * and retries. settings.xml reaches go through {@link GoSettings}.
 */
abstract class GoMojo extends ModuleMojo {
    /**
     * The go executable: a name looked up on the PATH, or a path. Unset: the toolchain gomod.lock pins
     * for this platform when gomod:install-go installed it (in this build or an earlier one), else
     * {@code go} from the PATH.
     *
     * @since 0.1.0
     */
    @Parameter(property = Property.GO)
    protected String go;

    /**
     * GOPROXY for go; a comma or pipe separated list. Unset: inherited from the environment.
     *
     * @since 0.1.0
     */
    @Parameter(property = Property.GOPROXY)
    protected String goproxy;

    /**
     * GOPRIVATE for go.
     *
     * @since 0.1.0
     */
    @Parameter(property = Property.GOPRIVATE)
    protected String goprivate;

    /**
     * GONOPROXY for go.
     *
     * @since 0.1.0
     */
    @Parameter(property = Property.GONOPROXY)
    protected String gonoproxy;

    /**
     * GONOSUMDB for go.
     *
     * @since 0.1.0
     */
    @Parameter(property = Property.GONOSUMDB)
    protected String gonosumdb;

    /**
     * GOINSECURE for go: module path patterns (GOPRIVATE syntax) go may fetch directly over plain
     * {@code git://} or {@code http://}, for an internal git host that speaks nothing else.
     *
     * @since 0.1.0
     */
    @Parameter(property = Property.GOINSECURE)
    protected String goinsecure;

    /**
     * GOSUMDB for go ({@code off}, a name, or {@code name+key url}).
     *
     * @since 0.1.0
     */
    @Parameter(property = Property.GOSUMDB)
    protected String gosumdb;

    /**
     * GOFLAGS for go (space-separated {@code -flag=value}).
     *
     * @since 0.1.0
     */
    @Parameter(property = Property.GOFLAGS)
    protected String goflags;

    /**
     * Seconds per go invocation; then go and every process it started are killed and the error
     * names the command.
     *
     * @since 0.1.0
     */
    @Parameter(property = Property.TIMEOUT, defaultValue = "600")
    protected int timeout;

    /**
     * Retries of a go invocation that failed with a transient network error (connection refused or
     * reset, i/o timeout, TLS handshake timeout, 5xx or 429 from a proxy); anything else fails at
     * once. Before a retry the GOPROXY chain is a circuit: an http(s) entry go's output shows
     * failing (5xx, 429, a time-out) is left out of the retry while another entry remains, and
     * where a {@code ,} after it stopped go's chain (go falls through on {@code ,} only for 404 and
     * 410) the warning says to write {@code A|B} instead.
     *
     * @since 0.1.0
     */
    @Parameter(property = Property.RETRIES, defaultValue = "2")
    protected int retries;

    /**
     * Milliseconds before the first retry; doubled for each further one.
     *
     * @since 0.1.0
     */
    @Parameter(property = Property.RETRY_BACKOFF, defaultValue = "1000")
    protected long retryBackoff;

    /**
     * Milliseconds a server has to answer a probe before go is sent there; {@code 0} turns probing
     * off. An http(s) GOPROXY entry that does not answer a HEAD request in time is dropped with a
     * warning (a refusing or hanging proxy then costs at most this, not a go timeout); a
     * {@code file://} entry whose directory is missing is dropped too. The checksum database is
     * probed whenever go will need it (go.sum lacks a requirement's line outside GONOSUMDB), the
     * way go reaches it (each GOPROXY entry's {@code /sumdb/<name>/supported} in turn, a 404 or 410
     * passing the question on, else the database's own URL), and the hosts of the modules go
     * fetches directly (GOPRIVATE, GONOPROXY) in go's order of protocols, after git's insteadOf
     * rules: a database or host that does not answer in time fails the goal before go needs it,
     * naming it and the ways out. The checksum database is never turned off for you.
     *
     * @since 0.1.0
     */
    @Parameter(property = Property.PROXY_PROBE_TIMEOUT, defaultValue = "3000")
    protected long proxyProbeTimeout;

    /**
     * The settings.xml {@code <server>} whose credentials go sends to the http(s) GOPROXY hosts. Unset: a server whose id is the host name, if any.
     *
     * @since 0.1.0
     */
    @Parameter(property = Property.SERVER_ID)
    protected String serverId;

    /**
     * GOTOOLCHAIN for go. {@code local} (the default, unless the environment or the go env file sets
     * one) runs gomod.go as it is and never downloads a toolchain; {@code auto}, {@code go1.X.Y},
     * {@code go1.X.Y+auto} or {@code +path} let go switch, a download through the same GOPROXY chain,
     * retries and timeouts as any module.
     *
     * @since 0.1.0
     */
    @Parameter(property = Property.GOTOOLCHAIN)
    protected String gotoolchain;

    /**
     * Further environment variables for go, on top of the inherited ones; the gomod.* properties and offline rules still apply.
     *
     * @since 0.1.0
     */
    @Parameter
    protected Map<String, String> environment;

    private final SettingsDecrypter decrypter;

    protected GoMojo(SettingsDecrypter decrypter) {
        this.decrypter = decrypter;
    }

    /** go's words for a direct fetch that found no way to the repository, or no access. */
    private static final java.util.regex.Pattern DIRECT_FETCH_WORDS = java.util.regex.Pattern.compile(
            "no (secure )?protocol found for repository|terminal prompts disabled|unknown revision|unrecognized import path");

    /** The environment go got, to say why a module went direct; null before go is set up. */
    private GoEnvironment directEnv;

    /** Every request go's module commands made in this execution, by GOPROXY entry; null before go is set up. */
    private FetchTrace trace;

    /** Log go's standard output at info level (for goals whose point is go's output) rather than debug. */
    protected boolean stdoutAtInfo;

    /** Where the goal's jobs and go report: Maven's log. */
    protected Reporter reporter() {
        return MavenReporter.of(getLog(), stdoutAtInfo);
    }

    /** The go command for this execution, with its environment built and logged (masked) at debug level. */
    protected GoCommand goCommand() throws MojoFailureException, MojoExecutionException {
        boolean offline = session != null && session.isOffline();
        GoCommand go = goCommand(offline);
        if (offline) {
            getLog().info("Maven is offline: go gets GOPROXY=" + go.environment().masker().mask(go.environment().get("GOPROXY"))
                    + " and no network");
        }
        return go;
    }

    /** As {@link #goCommand()}; with {@code offline}, no network is touched whatever Maven's mode. */
    protected GoCommand goCommand(boolean offline) throws MojoFailureException, MojoExecutionException {
        SecretMasker masker = new SecretMasker();
        Map<String, String> base = inheritedEnvironment();
        ChosenGo chosen = chooseGo(go);
        chosen.log(getLog());
        String exe = chosen.executable();
        if (chosen.goroot() != null) {
            // an installed toolchain is its own GOROOT, whatever GOROOT the agent's environment names
            base.put("GOROOT", chosen.goroot().toString());
        }
        GoEnvironment env = new GoEnvironment(base, masker)
                .set("GOPROXY", goproxy)
                .set("GOPRIVATE", goprivate)
                .set("GONOPROXY", gonoproxy)
                .set("GONOSUMDB", gonosumdb)
                .set("GOINSECURE", goinsecure)
                .set("GOSUMDB", gosumdb)
                .set("GOFLAGS", goflags)
                .set("GOTOOLCHAIN", gotoolchain);
        Map<String, String> given = given(base);
        if (gotoolchain == null && given.containsKey("GOTOOLCHAIN")) {
            env.set("GOTOOLCHAIN", base.get("GOTOOLCHAIN")); // the environment's, over the plugin's default
        }
        List<EffectiveGoEnv.Setting> settings;
        try {
            // the user's go env file and $GOROOT/go.env, as their go reads them, for what nothing here sets
            settings = EffectiveGoEnv.apply(env, new GoCommand(exe, env, Duration.ofSeconds(60), 0, Duration.ZERO, Reporter.SILENT),
                    moduleDir(), given);
        } catch (GoException e) {
            rethrow(e); // no go there, or a broken one: the same words and remedy as any go that cannot run
            return null; // not reached: rethrow always throws
        } catch (IOException e) {
            throw new MojoExecutionException("cannot read what " + exe + " said of its settings (go env -json): " + e.getMessage(), e);
        }
        if (getLog().isDebugEnabled()) {
            settings.forEach(s -> getLog().debug("go setting: " + s.name() + "=" + env.masker().mask(s.value()) + " (" + s.source() + ")"));
        }
        // before anything touches the network: a Go too old for go.mod fails here, in milliseconds
        requireToolchain(new GoCommand(exe, env, Duration.ofSeconds(Math.min(timeout, 60)), 0, Duration.ZERO, Reporter.SILENT));
        warnAboutPasswordsInGoproxy();
        applyProxies(env);
        if (offline) {
            env.offline(true);
        } else if (proxyProbeTimeout > 0) {
            GoProxyList list = env.goproxy();
            if (list.entries().stream().filter(e -> e.isHttp() || e.isFile()).count() > 0) {
                GoProxyList probed = new ProxyProbe(Duration.ofMillis(proxyProbeTimeout), masker, reporter()).probe(list, env::httpProxyFor);
                if (probed.entries().size() < list.entries().size()) {
                    getLog().info(Remedies.probeSkipped(proxyProbeTimeout));
                }
                env.goproxy(probed);
            }
        }
        applyCredentials(env);
        GoCommand.Preflight directHosts = offline ? null : prepareDirectFetches(env);
        if (!offline && proxyProbeTimeout > 0) {
            requireChecksumDatabase(env);
        }
        if (getLog().isDebugEnabled()) {
            env.describe().forEach(l -> getLog().debug("go env: " + l));
        }
        trace = new FetchTrace(env.goproxy(), env.masker());
        directEnv = env;
        GoCommand go = new GoCommand(exe, env, Duration.ofSeconds(timeout), retries, Duration.ofMillis(retryBackoff), reporter()).traced(trace);
        // the hosts are asked only when go is about to need them: a goal with nothing to fetch is not failed by one
        return directHosts == null ? go : go.preflight(directHosts);
    }

    /** Writes target/gomod/fetch-trace.txt and one summary line per GOPROXY entry, when go fetched anything. */
    @Override
    protected void finish() {
        if (trace == null || trace.requests().isEmpty()) {
            return;
        }
        Path file = workPath().resolve("fetch-trace.txt");
        try {
            java.nio.file.Files.createDirectories(file.getParent());
            trace.write(file);
        } catch (IOException e) {
            getLog().warn("could not write " + file + ": " + e.getMessage());
        }
        trace.summary().forEach(l -> getLog().info("fetched from " + l));
        getLog().info("every request go made, and who answered it: " + file);
    }

    /** As every goal, and where go found bytes that do not match go.sum, which GOPROXY entry served them. */
    @Override
    protected void rethrow(Exception e) throws MojoFailureException, MojoExecutionException {
        if (e instanceof UnreachableHostException u) {
            throw new MojoExecutionException(u.getMessage() + "\ngo was not started (the probe waited " + proxyProbeTimeout
                    + " ms for each server).\n" + Remedies.directHostUnreachable(whyDirect(directEnv, u.module()).orElse("")));
        }
        if (e instanceof GoException g && directEnv != null && DIRECT_FETCH_WORDS.matcher(g.output()).find()) {
            // go's words do not say why it went to the host itself: name the pattern that sent it there
            java.util.regex.Matcher mv = java.util.regex.Pattern.compile("([a-z0-9.\\-]+\\.[a-z0-9.\\-]+(?:/[\\w.~\\-]+)*)(?:@v|: )").matcher(g.output());
            while (mv.find()) {
                Optional<String> why = whyDirect(directEnv, mv.group(1));
                if (why.isPresent()) {
                    e = new GoException(g.kind(), g.getMessage() + "\n" + mv.group(1) + " is fetched straight from its host: " + why.get(),
                            g.exitCode(), g.output());
                    break;
                }
            }
        }
        if (e instanceof GoException g && trace != null) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("verifying (\\S+)@(v\\S+?)(?:/go\\.mod)?: checksum mismatch").matcher(g.output());
            if (m.find()) {
                Optional<String> by = trace.servedZip(dev.gomod.mod.ModulePath.escape(m.group(1)), m.group(2));
                if (by.isPresent()) {
                    super.rethrow(new GoException(g.kind(), g.getMessage() + "\n" + m.group(1) + "@" + m.group(2) + "'s bytes came from "
                            + by.get() + " (every request: " + workPath().resolve("fetch-trace.txt") + ")", g.exitCode(), g.output()));
                    return;
                }
            }
        }
        super.rethrow(e);
    }

    /**
     * Refuses, before go starts, a go.mod (go.work in workspace mode) whose go or toolchain line asks
     * for a newer Go than the one GOTOOLCHAIN lets run; reports a switch the user allowed. Asks only the installed go its version
     * (with GOTOOLCHAIN=local, so that nothing is downloaded to answer).
     */
    private void requireToolchain(GoCommand probe) throws MojoFailureException, MojoExecutionException {
        if (!hasModule()) {
            return; // a project of no module (allowNoModule) asks for no Go
        }
        Path goModFile = workspace().goWorkMode() ? workspace().goWorkFile() : workspace().goModFile();
        ToolchainSelection.Decision d;
        try {
            Optional<ToolchainSelection.Decision> decision = ToolchainSelection.probe(probe, moduleDir(), workspace().versionSource());
            if (decision.isEmpty()) {
                getLog().warn("cannot tell the release of " + probe.executable() + " (a devel build?): toolchain rules not checked");
                return;
            }
            d = decision.get();
        } catch (IOException e) {
            throw new MojoExecutionException("cannot read " + goModFile + ": " + e.getMessage(), e);
        } catch (Exception e) {
            rethrow(e);
            return; // not reached: rethrow always throws
        }
        if (d.refused().isPresent()) {
            String at = d.requirement().map(r -> goModFile + ":" + r.line() + ": " + r).orElse(goModFile.toString());
            throw new MojoFailureException(at + "\n" + d.refused().get() + ". go was not started.\n" + Remedies.toolchainRefused(d));
        }
        d.switchTo().ifPresent(t -> getLog().info("GOTOOLCHAIN=" + d.gotoolchain() + ": go runs " + t + " instead of the installed go"
                + d.local() + d.requirement().map(r -> " (" + goModFile.getFileName() + ":" + r.line() + ": " + r + ")").orElse("")
                + "; fetched through GOPROXY unless it is cached or on the PATH"));
    }

    /**
     * Before go needs it, that the checksum database answers: go asks it for every requirement
     * go.sum lacks (outside GONOSUMDB), and a blocked one shows only after go's own time-outs. Asked
     * as go asks (through the GOPROXY entries that proxy it, else directly), within the probe time.
     * Never turned off here: that is the user's decision.
     */
    private void requireChecksumDatabase(GoEnvironment env) throws MojoExecutionException, MojoFailureException {
        Optional<SumDbProbe.SumDb> db = SumDbProbe.SumDb.of(env.get("GOSUMDB"));
        if (db.isEmpty() || workspace().goWorkMode()) {
            return;
        }
        List<ModuleVersion> lacking;
        try {
            GoMod goMod = workspace().goMod();
            Path sumFile = workspace().goSumFile();
            GoSum sums = Files.isRegularFile(sumFile) ? GoSum.parse(sumFile.toString(), Files.readAllBytes(sumFile)) : GoSum.of(List.of());
            lacking = sums.lacking(goMod, env.get("GONOSUMDB"));
        } catch (IOException | FormatException e) {
            return; // go reads them too, and says what is wrong in its words
        }
        if (lacking.isEmpty()) {
            return;
        }
        Optional<String> problem = new SumDbProbe(Duration.ofMillis(proxyProbeTimeout), env.masker())
                .problem(db.get(), env.goproxy(), env::httpProxyFor);
        if (problem.isPresent()) {
            throw new MojoExecutionException(Remedies.checksumDatabaseUnreachable(db.get().name(), problem.get(), lacking.size(),
                    lacking.get(0).toString(), workspace().goSumFile().getFileName().toString()));
        }
    }

    /**
     * For the requirements go fetches straight from their hosts (GONOPROXY, which defaults to
     * GOPRIVATE, or a GOPROXY of {@code direct}): the settings.xml {@code <server>} credentials of each
     * host, for git (a credential store) and for go's own go-get requests (the netrc); and, for those
     * not in the module cache, a probe of the ways go will try, returned as the go command's
     * preflight, so that a host that is down or silent fails the build in seconds, naming host and
     * module, instead of after gomod.timeout; null when there is nothing to probe.
     */
    private GoCommand.Preflight prepareDirectFetches(GoEnvironment env) throws MojoExecutionException, MojoFailureException {
        GoMod goMod;
        try {
            goMod = workspace().goMod();
        } catch (IOException | FormatException | RuntimeException e) {
            return null; // go reads go.mod too, and says what is wrong in its words
        }
        List<DirectFetch.Planned> plan = DirectFetch.plan(goMod, env, () -> GitUrlRewrites.read(env.variables(), 10_000));
        if (plan.isEmpty()) {
            return null;
        }
        GoSettings settings = settings();
        Map<String, List<DirectFetch.Attempt>> uncached = new java.util.LinkedHashMap<>();
        for (DirectFetch.Planned p : plan) {
            for (DirectFetch.Attempt a : p.ways()) {
                gitHostCredentials(settings, env, a);
            }
            if (!p.cached()) {
                uncached.putIfAbsent(p.module().path(), p.ways());
            }
        }
        if (uncached.isEmpty() || proxyProbeTimeout <= 0) {
            return null;
        }
        DirectFetchProbe probe = new DirectFetchProbe(Duration.ofMillis(proxyProbeTimeout), env.masker(), env::httpProxyFor);
        return () -> {
            Optional<String> problem = probe.problem(uncached);
            if (problem.isPresent()) {
                throw new UnreachableHostException(problem.get().substring(0, problem.get().indexOf(':')).split(" ")[0], problem.get());
            }
        };
    }

    /** Why go fetches {@code module} from its host, naming the pattern and where it is set, for a message. */
    private Optional<String> whyDirect(GoEnvironment env, String module) {
        return DirectFetch.route(env, module).map(r -> switch (r.variable()) {
            case "GONOPROXY" -> r + " (set by " + (gonoproxy != null ? Property.GONOPROXY
                    : "the environment or go env file; " + Property.GONOPROXY + " overrides it") + ")";
            case "GOPRIVATE" -> r + " (set by " + (goprivate != null ? Property.GOPRIVATE
                    : "the environment or go env file; " + Property.GOPRIVATE + " overrides it") + ")";
            default -> r + " (" + (goproxy != null ? Property.GOPROXY : "GOPROXY") + ")";
        });
    }

    /**
     * The {@code <server>} whose id is the repository's host name (as go names it, or as git's
     * insteadOf rewrote it) gives git its credentials for an http(s) repository, and go its netrc
     * entry for the go-get request.
     */
    private static void gitHostCredentials(GoSettings settings, GoEnvironment env, DirectFetch.Attempt a) throws MojoFailureException {
        Optional<DirectFetch.Endpoint> at = DirectFetch.endpoint(a.connectsTo());
        if (at.isEmpty() || !at.get().speaksHttp()) {
            return;
        }
        URI named = URI.create(a.url());
        URI actual = URI.create(a.connectsTo());
        Optional<GoEnvironment.Credentials> c = settings.serverCredentials(actual.getHost(), authority(actual));
        if (c.isEmpty()) {
            c = settings.serverCredentials(named.getHost(), authority(actual));
        }
        if (c.isEmpty()) {
            return;
        }
        if (a.byVcs()) {
            env.gitCredentials(new GoEnvironment.GitCredentials(actual.getScheme() + "://" + actual.getRawAuthority().replaceFirst("^.*@", ""),
                    c.get().username(), c.get().password()));
        } else {
            env.credentials(c.get());
        }
    }

    private static String authority(URI u) {
        return u.getPort() > 0 ? u.getHost() + ":" + u.getPort() : u.getHost();
    }

    /** The go settings given explicitly, each with where: a property, {@code <environment>}, the process environment. */
    private Map<String, String> given(Map<String, String> base) {
        Map<String, String> props = new java.util.LinkedHashMap<>();
        props.put("GOPROXY", goproxy == null ? null : Property.GOPROXY);
        props.put("GOPRIVATE", goprivate == null ? null : Property.GOPRIVATE);
        props.put("GONOPROXY", gonoproxy == null ? null : Property.GONOPROXY);
        props.put("GONOSUMDB", gonosumdb == null ? null : Property.GONOSUMDB);
        props.put("GOINSECURE", goinsecure == null ? null : Property.GOINSECURE);
        props.put("GOSUMDB", gosumdb == null ? null : Property.GOSUMDB);
        props.put("GOFLAGS", goflags == null ? null : Property.GOFLAGS);
        props.put("GOTOOLCHAIN", gotoolchain == null ? null : Property.GOTOOLCHAIN);
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (String n : EffectiveGoEnv.NAMES) {
            String property = props.get(n);
            if (property != null) {
                out.put(n, "property " + property);
            } else if (environment != null && environment.containsKey(n)) {
                out.put(n, "<environment> in the plugin's configuration");
            } else if (base.containsKey(n)) {
                out.put(n, "environment");
            }
        }
        return out;
    }

    /**
     * A client for a URL the plugin reads itself, beside go: through settings.xml's proxy (or the
     * environment's HTTPS_PROXY, by Go's rules), with the credentials of the settings.xml
     * {@code <server>} whose id is the URL's host.
     */
    protected HttpFetch httpFetch(URI url) {
        GoEnvironment env = new GoEnvironment(inheritedEnvironment(), new SecretMasker());
        try {
            applyProxies(env);
            settings().credentials(null, url).ifPresent(env::credentials);
        } catch (MojoFailureException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        return new HttpFetch(env, Duration.ofSeconds(60));
    }

    /** The process's environment as {@code <environment>} extends it: the properties, offline rules and probing still apply over it. */
    private Map<String, String> inheritedEnvironment() {
        Map<String, String> base = new java.util.HashMap<>(System.getenv());
        if (environment != null) {
            environment.forEach((k, v) -> base.put(k, v == null ? "" : v));
        }
        return base;
    }

    private void applyProxies(GoEnvironment env) throws MojoFailureException {
        Optional<GoSettings.HttpProxy> proxy = settings().proxy();
        if (proxy.isPresent()) {
            GoSettings.HttpProxy p = proxy.get();
            if (p.password() != null) {
                env.masker().add(p.password());
            }
            env.httpProxies(p.url(), p.url(), p.noProxy());
        }
    }

    private void applyCredentials(GoEnvironment env) throws MojoFailureException {
        GoSettings settings = settings();
        for (GoProxyList.Entry e : env.goproxy().entries()) {
            if (e.isHttp()) {
                Optional<GoEnvironment.Credentials> c = settings.credentials(serverId, URI.create(e.value()));
                if (c.isPresent()) {
                    env.credentials(c.get());
                }
            }
        }
        String note = env.credentialsNote();
        if (note != null) {
            getLog().warn(note);
        }
    }

    private GoSettings settings() {
        return new GoSettings(session == null ? null : session.getSettings(), decrypter);
    }

    /**
     * At -X Maven prints every mojo parameter, so a password in gomod.goproxy lands in the build log
     * whatever the plugin masks: say so, and where credentials belong.
     */
    private void warnAboutPasswordsInGoproxy() {
        for (String entry : GoSettings.entriesWithPasswords(goproxy)) {
            getLog().warn(Property.GOPROXY + " carries a password in " + entry + ": Maven prints every parameter's value at -X,"
                    + " so it can reach build logs. Put the credentials in a settings.xml <server> whose id is the host name"
                    + " (or name it with " + Property.SERVER_ID + ")");
        }
    }

}
