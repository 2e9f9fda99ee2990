package dev.gomod.maven;

import dev.gomod.Reporter;
import dev.gomod.gotool.GoCommand;
import dev.gomod.gotool.GoEnvironment;
import dev.gomod.gotool.GoException;
import dev.gomod.gotool.SecretMasker;
import dev.gomod.gotool.ToolchainSelection;
import dev.gomod.mod.FormatException;
import dev.gomod.mod.GoVersion;
import dev.gomod.verify.WorkspaceCheck;
import dev.gomod.verify.WorkspaceCheck.Category;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.List;

/**
 * Checks, without running Go, that vendor/modules.txt agrees with go.mod, that a module cache or
 * GOPROXY directory agrees with go.sum, and that go.mod, go.sum and vendor/ agree with gomod.lock.
 */
@Mojo(name = "verify", defaultPhase = LifecyclePhase.VALIDATE, threadSafe = true, requiresProject = false)
public class VerifyMojo extends ModuleMojo {
    /**
     * Skips this goal only ({@code gomod.skip} skips every goal).
     *
     * @since 0.1.0
     */
    @Parameter(property = Property.SKIP_VERIFY, defaultValue = "false")
    private boolean skipVerify;

    @Override
    protected boolean skipGoal() {
        return skipVerify;
    }

    /**
     * A GOMODCACHE or GOPROXY-layout directory whose module zips and .mod files are checked against go.sum.
     *
     * @since 0.1.0
     */
    @Parameter(property = Property.MODCACHE)
    private File modcache;

    /**
     * List files go.sum names but the module cache lacks as warnings instead of failing.
     *
     * @since 0.1.0
     */
    @Parameter(property = Property.ALLOW_MISSING, defaultValue = "false")
    private boolean allowMissing;

    /**
     * The go that will build: when it is there, verify applies its rules: from Go 1.21, that go.mod and
     * every vendored module's {@code ## go} line be no newer than it; the godebug settings it removed
     * (Go 1.27 refuses a removed setting at its old value). verify itself never needs Go.
     *
     * @since 0.1.0
     */
    @Parameter(property = Property.GO)
    private String go;

    /**
     * GOTOOLCHAIN the build will run with; decides, with gomod.go, which Go that is.
     *
     * @since 0.1.0
     */
    @Parameter(property = Property.GOTOOLCHAIN, defaultValue = "local")
    private String gotoolchain;

    @Override
    protected void run() throws MojoExecutionException, MojoFailureException {
        Path module = moduleDir();
        Path lock = lockPath();
        WorkspaceCheck.Report report;
        try {
            report = new WorkspaceCheck(workspace(), MavenReporter.of(getLog(), false), new WorkspaceCheck.Options(
                    modcache == null ? null : modcache.toPath().toAbsolutePath(), allowMissing, builder(module))).run();
        } catch (FormatException e) {
            throw new MojoFailureException(e.getMessage());
        } catch (IOException e) {
            throw new MojoExecutionException("gomod:verify could not read " + module + ": " + e.getMessage(), e);
        }
        if (!report.clean()) {
            throw new MojoFailureException(failure(report, module, lock));
        }
        getLog().info(report.summary());
    }

    /** The release of the Go that will build, or null when there is no go here to ask (then the rules are skipped). */
    private GoVersion builder(Path module) throws MojoFailureException {
        ChosenGo chosen = chooseGo(go);
        chosen.log(getLog());
        GoEnvironment env = new GoEnvironment(System.getenv(), new SecretMasker()).set("GOTOOLCHAIN", gotoolchain);
        if (chosen.goroot() != null) {
            env.set("GOROOT", chosen.goroot().toString());
        }
        GoCommand probe = new GoCommand(chosen.executable(), env, Duration.ofSeconds(30), 0, Duration.ZERO, Reporter.SILENT);
        try {
            Optional<ToolchainSelection.Decision> d = ToolchainSelection.probe(probe, module, workspace().versionSource());
            if (d.isEmpty()) {
                return null;
            }
            GoVersion wouldRun = d.get().wouldRun();
            getLog().debug("the Go that will build: go" + wouldRun + " (" + chosen.executable() + ", GOTOOLCHAIN=" + gotoolchain + ")");
            return wouldRun;
        } catch (GoException e) {
            getLog().info("no Go to ask (" + chosen.executable() + "): the Go-version rules of modules.txt and go.mod were not applied");
            return null;
        } catch (FormatException e) {
            throw new MojoFailureException(e.getMessage());
        } catch (IOException e) {
            return null; // go.mod is read again, and reported, by the check itself
        }
    }

    private String failure(WorkspaceCheck.Report report, Path module, Path lock) {
        StringBuilder b = new StringBuilder("gomod:verify found ").append(report.findings().size())
                .append(" problem(s) in ").append(module).append('\n');
        section(b, report.of(Category.VENDOR_CONSISTENCY), "vendor/modules.txt is inconsistent with go.mod",
                "run 'mvn gomod:vendor' (or 'go mod vendor') to sync vendor/ with go.mod");
        section(b, report.of(Category.GO_TOO_OLD), "the Go that will build is older than the module needs",
                "build with a newer Go (gomod.go), or let go switch with gomod.gotoolchain=auto (online)");
        section(b, report.of(Category.GODEBUG_REMOVED), "the Go that will build removed these godebug settings",
                "delete the line, or give the setting its new value (the page go links to says which)");
        section(b, report.of(Category.MODULE_SUM), "module files do not match go.sum (damaged or tampered)",
                "delete the named files from " + modcache + " and download them again; never edit go.sum to match");
        section(b, report.of(Category.MODULE_MISSING), "files named by go.sum are missing from " + modcache,
                "fill it with 'GOMODCACHE=<dir> go mod download', or pass -Dgomod.allowMissing=true");
        section(b, report.of(Category.LOCK_DRIFT), lock.getFileName() + " does not match the workspace",
                "if the change is intended run 'mvn gomod:freeze' and commit " + lock.getFileName()
                        + "; otherwise restore the file from git or run 'mvn gomod:restore' for vendor/");
        b.append(report.summary());
        return b.toString();
    }

    private static void section(StringBuilder b, List<WorkspaceCheck.Finding> findings, String title, String fix) {
        if (findings.isEmpty()) {
            return;
        }
        b.append("  ").append(title).append(":\n");
        for (WorkspaceCheck.Finding f : findings) {
            b.append("    ").append(f.message()).append('\n');
        }
        b.append("    fix: ").append(fix).append('\n');
    }
}
