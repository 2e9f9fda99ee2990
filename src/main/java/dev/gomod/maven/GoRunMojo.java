package dev.gomod.maven;

import dev.gomod.bundle.BundleKind;
import dev.gomod.gotool.EnvironmentFiles;
import dev.gomod.gotool.GoCommand;
import dev.gomod.gotool.ToolchainModule;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.codehaus.plexus.util.cli.CommandLineUtils;

import javax.inject.Inject;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs {@code go <gomod.args>} in the module directory with the offline environment: vendor/ only
 * ({@code -mod=vendor}, no proxy), or a restored module cache ({@code GOPROXY=file://…}), never the
 * network; and writes that environment to {@code target/gomod/offline.env} for shells and other tools.
 */
@Mojo(name = "go", threadSafe = true)
public class GoRunMojo extends GoMojo {
    /**
     * Skips this goal only ({@code gomod.skip} skips every goal).
     *
     * @since 0.1.0
     */
    @Parameter(property = Property.SKIP_GO, defaultValue = "false")
    private boolean skipGo;

    @Override
    protected boolean skipGoal() {
        return skipGo;
    }

    /**
     * The go command line after {@code go}, e.g. {@code build ./...} or {@code test -run X ./pkg}, split
     * like a shell (quotes work). Required: the goal fails naming it when it is missing. It is not
     * marked required for Maven, which checks required parameters before a goal can skip, so that
     * {@code gomod.go.skip} and {@code gomod.skip} would fail instead of skipping.
     *
     * @since 0.1.0
     */
    @Parameter(property = Property.ARGS)
    private String args;

    /**
     * {@code vendor}: build from vendor/; {@code modcache}: from the module cache restored into gomod.goproxyDir.
     *
     * @since 0.1.0
     */
    @Parameter(property = Property.KIND, defaultValue = "vendor")
    private String kind;

    /**
     * The restored module cache (GOPROXY layout), for {@code gomod.kind=modcache}.
     *
     * @since 0.1.0
     */
    @Parameter(property = Property.GOPROXY_DIR, defaultValue = "${project.build.directory}/gomod/goproxy")
    private File goproxyDir;

    @Inject
    public GoRunMojo(SettingsDecrypter decrypter) {
        super(decrypter);
        stdoutAtInfo = true;
    }

    @Override
    protected void run() throws Exception {
        if (args == null || args.isBlank()) {
            // checked here, not by Maven, so that gomod.go.skip works without it
            throw new MojoFailureException(Property.ARGS + " is required: the go command line after 'go', e.g. -D"
                    + Property.ARGS + "=\"build ./...\"");
        }
        Path module = moduleDir();
        BundleKind from = KindSetting.parseRestorable(kind, Property.KIND);
        if (from != BundleKind.VENDOR && from != BundleKind.MODCACHE) {
            throw new MojoFailureException(Property.KIND + "=" + kind + ": go builds from vendor or modcache");
        }
        requireKindsForMode(Set.of(from), Property.KIND);
        GoCommand go = goCommand(true);
        Map<String, String> offline = offlineEnvironment(module, from, go.environment().get("GOFLAGS"), go.environment().get("GOTOOLCHAIN"));
        String[] argv;
        try {
            argv = CommandLineUtils.translateCommandline(args);
        } catch (Exception e) {
            throw new MojoFailureException(Property.ARGS + "='" + args + "' is not a valid command line: " + e.getMessage());
        }
        List<String> comments = new ArrayList<>(List.of("the environment gomod:go runs go with: offline.env for shells (. offline.env),"
                + " offline.vars (KEY=value) for docker --env-file, systemd and CI env steps"));
        if (from == BundleKind.MODCACHE) {
            shippedToolchains().forEach(v -> comments.add("this GOPROXY carries golang.org/toolchain@" + v
                    + ": with it as the only GOPROXY entry and GOSUMDB=off, plain go switches to it offline with GOTOOLCHAIN="
                    + ToolchainModule.ofVersion(v).map(ToolchainModule::go).orElseThrow(() -> new IllegalStateException(v + " names no toolchain"))));
        }
        Path envFile = EnvironmentFiles.write(Files.createDirectories(workPath()), "offline", offline, comments).get(0);
        for (Map.Entry<String, String> e : offline.entrySet()) {
            go = go.with(e.getKey(), e.getValue());
        }
        getLog().info("go " + String.join(" ", argv) + " (" + from.id() + ", offline; environment in " + envFile + ")");
        go.run(module, argv);
    }

    /** The toolchain module versions a restored module cache carries (see gomod:package with modcache and toolchain). */
    private List<String> shippedToolchains() throws IOException {
        Path list = goproxyDir.toPath().resolve(ToolchainModule.PATH).resolve("@v").resolve("list");
        return Files.isRegularFile(list) ? Files.readAllLines(list).stream().map(String::strip).filter(l -> !l.isEmpty()).toList() : List.of();
    }

    /** The variables that keep go off the network, by kind. */
    private Map<String, String> offlineEnvironment(Path module, BundleKind from, String userFlags, String toolchain) throws MojoFailureException {
        // keep the user's own GOFLAGS (say -modcacherw), replacing only -mod
        String flags = workspace().withModFile(userFlags == null ? "" : userFlags.replaceAll("(^|\\s)-mod=\\S+", " ").strip());
        Map<String, String> env = new LinkedHashMap<>();
        switch (from) {
            case VENDOR -> {
                if (!Files.isDirectory(module.resolve("vendor"))) {
                    throw new MojoFailureException("no vendor/ in " + module + ": run 'mvn gomod:restore' (or gomod:vendor) first");
                }
                env.put("GOFLAGS", (flags + " -mod=vendor").strip());
                env.put("GOPROXY", "off");
            }
            case MODCACHE -> {
                Path dir = goproxyDir.toPath().toAbsolutePath();
                if (!Files.isDirectory(dir)) {
                    throw new MojoFailureException("no module cache in " + dir + ": run 'mvn gomod:restore -Dgomod.kind=modcache' first");
                }
                env.put("GOFLAGS", (flags + " -mod=readonly").strip());
                env.put("GOPROXY", dir.toUri().toString().replaceAll("/$", ""));
            }
            default -> throw new IllegalStateException(from.id() + " is not a kind go builds from");
        }
        env.put("GONOPROXY", "none.invalid");
        env.put("GOSUMDB", "off");
        env.put("GOTOOLCHAIN", toolchain == null ? "local" : toolchain);
        // go.work's own mode: gomod.dir's go.work, or none, whatever the shell that sources offline.env has
        env.put("GOWORK", workspace().goWorkMode() ? workspace().goWorkFile().toString() : "off");
        return env;
    }
}
