package dev.gomod.maven;

import dev.gomod.WorkspaceException;
import dev.gomod.archive.UnsafeArchiveException;
import dev.gomod.bundle.BundleKind;
import dev.gomod.bundle.InstalledToolchain;
import dev.gomod.bundle.RestoreDirs;
import dev.gomod.gotool.ToolchainModule;
import dev.gomod.gotool.GoException;
import dev.gomod.mod.FormatException;
import dev.gomod.mod.GoMod;
import dev.gomod.workspace.Workspace;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What every goal has in common, done once: the module directory, the lock, skipping
 * ({@code gomod.skip} for all goals, {@code gomod.<goal>.skip} for one), and turning core failures
 * into Maven's two kinds. A goal implements {@link #run()}.
 */
abstract class ModuleMojo extends AbstractMojo {
    /**
     * The directory that holds go.mod.
     *
     * @since 0.1.0
     */
    @Parameter(property = Property.DIR, defaultValue = "${project.basedir}")
    protected File dir;

    /**
     * The lock file; defaults to gomod.lock next to go.mod.
     *
     * @since 0.1.0
     */
    @Parameter(property = Property.LOCK_FILE)
    protected File lockFile;

    /**
     * Workspace mode: {@code auto} (when gomod.dir holds a go.work), {@code true} or {@code false};
     * default {@code auto}. In workspace mode go runs with GOWORK set to that go.work; otherwise GOWORK is off.
     *
     * @since 0.1.0
     */
    @Parameter(property = Property.WORKSPACE)
    protected String workspace;

    /**
     * The element name gomod.workspace had before it took the property's name.
     *
     * @since 0.1.0
     */
    @Deprecated
    @Parameter
    protected String goWork;

    /**
     * The go.mod file go reads, in gomod.dir: {@code go.mod} (the default), or an alternate such as
     * {@code go.prod.mod} (go's {@code -modfile}), whose checksums are in {@code go.prod.sum}. Every
     * goal uses it; the lock records it. Not with a go.work workspace, where go refuses -modfile.
     *
     * @since 0.1.0
     */
    @Parameter(property = Property.MODFILE)
    protected String modfile;

    /**
     * The element name gomod.modfile had before it took the property's name.
     *
     * @since 0.1.0
     */
    @Deprecated
    @Parameter
    protected String modFile;

    /**
     * Where gomod:install-go installs toolchains, one directory per release and platform, and where
     * every goal that runs go looks for the one gomod.lock pins; default {@code gomod/go} beside the
     * local repository.
     *
     * @since 0.1.0
     */
    @Parameter(property = Property.GO_INSTALL_DIRECTORY)
    protected File goInstallDirectory;

    /**
     * Skips every gomod goal.
     *
     * @since 0.1.0
     */
    @Parameter(property = Property.SKIP, defaultValue = "false")
    protected boolean skip;

    /** Scratch files, reports and the workspace lock. */
    @Parameter(defaultValue = "${project.build.directory}/gomod", readonly = true)
    protected File workDir;

    @Parameter(defaultValue = "${session}", readonly = true)
    protected MavenSession session;

    @Parameter(defaultValue = "${project}", readonly = true)
    protected MavenProject project;

    @Parameter(defaultValue = "${mojoExecution}", readonly = true)
    protected MojoExecution mojoExecution;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip || skipGoal()) {
            getLog().info("gomod:" + goal() + " skipped (" + (skip ? Property.SKIP : Property.skip(goal())) + ")");
            return;
        }
        try {
            run();
        } catch (MojoExecutionException | MojoFailureException e) {
            throw e;
        } catch (Exception e) {
            rethrow(e);
        } finally {
            finish();
        }
    }

    /** After the goal's work, done or failed: what it leaves behind for the user (a trace, say). */
    protected void finish() {
    }

    /** The goal's own work; core exceptions are mapped by {@link #rethrow}. */
    protected abstract void run() throws Exception;

    /** The goal's own skip parameter, {@code gomod.<goal>.skip}: each goal declares it, so that help and its page show it. */
    protected abstract boolean skipGoal();

    /** The goal's name, as the user invoked it. */
    protected String goal() {
        return mojoExecution != null ? mojoExecution.getGoal() : getClass().getSimpleName();
    }

    protected Path workPath() {
        return workDir.toPath().toAbsolutePath().normalize();
    }

    /** Whether a project with no go.mod is this goal's business too (see {@link #allowNoModule}). */
    private boolean moduleOptional;

    /**
     * From here on, a gomod.dir with no go.mod is a project of no module rather than a mistake: for a
     * goal that only ships what serves any module (a vulnerability database published alone).
     */
    protected void allowNoModule() {
        moduleOptional = true;
    }

    /** Whether gomod.dir holds the module (go.mod, or go.work in workspace mode). */
    protected boolean hasModule() throws MojoFailureException {
        Path d = dir.toPath().toAbsolutePath().normalize();
        return goWorkMode(d) || Files.isRegularFile(d.resolve(modFileName()));
    }

    /** The module directory; fails, as the user's mistake, when it holds no go.mod (nor, in workspace mode, go.work). */
    protected Path moduleDir() throws MojoFailureException {
        Path d = dir.toPath().toAbsolutePath().normalize();
        if (goWorkMode(d)) {
            return d;
        }
        String name = modFileName();
        if (!Files.isRegularFile(d.resolve(name)) && !moduleOptional) {
            throw new MojoFailureException("no " + name + " in " + d + ": set " + Property.DIR + " to the directory that holds " + name
                    + (name.equals(GoMod.FILE) ? "" : ", or " + Property.MODFILE + " to the go.mod file's name"));
        }
        return d;
    }

    protected Path lockPath() throws MojoFailureException {
        return lockFile != null ? lockFile.toPath().toAbsolutePath().normalize() : moduleDir().resolve("gomod.lock");
    }

    private Workspace resolved;
    private final java.util.Set<String> warnedOldNames = new java.util.HashSet<>();

    /**
     * A setting's value, or the value given under its old name (an element name, or a property name
     * with dots) with a warning naming the new one; null when neither is set.
     */
    protected String setting(String value, String property, String oldValue, String oldName) {
        if (value != null) {
            return value;
        }
        String old = oldValue;
        if (old == null && oldName.startsWith("gomod.")) {
            old = session == null ? null : session.getUserProperties().getProperty(oldName);
            if (old == null && project != null) {
                old = project.getProperties().getProperty(oldName);
            }
        }
        if (old != null && warnedOldNames.add(oldName)) {
            String element = property.substring("gomod.".length());
            getLog().warn((oldName.startsWith("gomod.") ? oldName : "<" + oldName + ">") + " is deprecated: use " + property
                    + (element.contains(".") ? "" : " (<" + element + "> in <configuration>)"));
        }
        return old;
    }

    /** Whether this execution works in workspace mode, from gomod.workspace and the directory. */
    private boolean goWorkMode(Path d) throws MojoFailureException {
        String given = setting(workspace, Property.WORKSPACE, goWork, "goWork");
        String mode = given == null ? "auto" : given.strip().toLowerCase(java.util.Locale.ROOT);
        boolean present = Files.isRegularFile(d.resolve("go.work"));
        boolean on = switch (mode) {
            case "auto", "" -> present;
            case "true" -> {
                if (!present) {
                    throw new MojoFailureException(Property.WORKSPACE + "=true but there is no go.work in " + d
                            + ": create it with go work init, or set " + Property.DIR + " to the directory that holds it");
                }
                yield true;
            }
            case "false" -> false;
            default -> throw new MojoFailureException(Property.WORKSPACE + " must be auto, true or false, not '" + given + "'");
        };
        return on;
    }

    /**
     * Refuses module-cache bundles in workspace mode, by name, rather than make them wrong: the
     * module cache of a workspace (every module's go.sum and go.work.sum) is not built yet.
     */
    protected void requireKindsForMode(java.util.Collection<BundleKind> kinds, String property) throws MojoFailureException {
        if (!workspace().goWorkMode()) {
            return;
        }
        for (BundleKind k : kinds) {
            if (!k.inWorkspaceMode()) {
                throw new MojoFailureException(property + "=" + k.id() + " with a go.work workspace ("
                        + workspace().goWorkFile() + ") is not supported yet: the workspace ships as its vendor tree. Use "
                        + BundleKind.VENDOR.id() + ", or set -D" + Property.WORKSPACE + "=false to work on the module in " + Property.DIR + " alone");
            }
        }
    }

    /** gomod.modfile, checked as go checks -modfile (a .mod name), and to lie beside go.mod. */
    private String modFileName() throws MojoFailureException {
        String given = setting(modfile, Property.MODFILE, modFile, "modFile");
        String name = given == null || given.isBlank() ? GoMod.FILE : given.strip();
        try {
            GoMod.sumFileFor(name);
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException(Property.MODFILE + ": " + e.getMessage());
        }
        return name;
    }

    /** The directory of every toolchain gomod:install-go installs, one GOROOT per release and platform. */
    protected Path toolchainsDir() {
        if (goInstallDirectory != null) {
            return goInstallDirectory.toPath().toAbsolutePath().normalize();
        }
        return Path.of(session.getLocalRepository().getBasedir()).toAbsolutePath().normalize().resolveSibling("gomod").resolve("go");
    }

    /** Where each layout restores in this build: vendor/ of the workspace, {@code goproxy}, the toolchains' directory, {@code vulndb}. */
    protected RestoreDirs restoreDirs(Path goproxy, Path vulndb) throws MojoFailureException {
        return new RestoreDirs(workspace().vendorDir(), goproxy, toolchainsDir(), vulndb);
    }

    /**
     * The go a goal runs: its path, the GOROOT it is (null: its own business), and why this one, for
     * the log; {@code notable} when the why is worth an info line rather than a debug one.
     */
    protected record ChosenGo(String executable, Path goroot, String why, boolean notable) {
        void log(org.apache.maven.plugin.logging.Log log) {
            if (notable) {
                log.info("runs " + executable + ": " + why);
            } else {
                log.debug("runs " + executable + ": " + why);
            }
        }
    }

    /**
     * Which go runs, when gomod.go names none: the toolchain gomod.lock pins for this platform if
     * gomod:install-go installed it ({@link InstalledToolchain}), else {@code go} from the PATH.
     *
     * @param configured gomod.go as the user (or gomod:install-go earlier in this build) set it; null when unset
     */
    protected ChosenGo chooseGo(String configured) throws MojoFailureException {
        if (configured != null && !configured.isBlank()) {
            String installed = project == null ? null : project.getProperties().getProperty(InstallGoMojo.INSTALLED_GOROOT + ".go");
            if (configured.equals(installed)) {
                return new ChosenGo(configured, Path.of(project.getProperties().getProperty(InstallGoMojo.INSTALLED_GOROOT)),
                        "installed by gomod:install-go earlier in this build", false);
            }
            return new ChosenGo(configured, null, Property.GO + "=" + configured, false);
        }
        Path base = toolchainsDir();
        InstalledToolchain installed = InstalledToolchain.find(workspace(), base, ToolchainModule.running());
        if (installed.executable().isPresent()) {
            return new ChosenGo(installed.executable().get().toString(), installed.goroot(), installed.why() + " by gomod:install-go", true);
        }
        return new ChosenGo("go", null, "go from the PATH: " + installed.why()
                + (installed.pinned() ? "; mvn gomod:install-go installs it" : ""), installed.pinned());
    }

    /** The module directory, its lock and scratch directory, as the jobs take them: one per execution, so go.mod is read once. */
    protected Workspace workspace() throws MojoFailureException {
        if (resolved == null) {
            Path d = moduleDir();
            boolean goWorkMode = goWorkMode(d);
            String name = modFileName();
            if (goWorkMode && !name.equals(GoMod.FILE)) {
                throw new MojoFailureException(Property.MODFILE + "=" + name + " cannot be used with the go.work workspace in " + d
                        + " (go refuses -modfile in workspace mode): set -D" + Property.WORKSPACE + "=false to build the module from " + name);
            }
            resolved = new Workspace(d, lockPath(), workPath(), goWorkMode, name);
        }
        return resolved;
    }

    /**
     * Core failures as Maven's two kinds: the user's problem (bad input, drift, a refused artifact,
     * go failing on the module), or a broken environment; each with its remedy from {@link Remedies}.
     */
    protected void rethrow(Exception e) throws MojoFailureException, MojoExecutionException {
        if (e instanceof MojoFailureException f) {
            throw f;
        }
        if (e instanceof MojoExecutionException x) {
            throw x;
        }
        String explained = Remedies.explain(e, session != null && session.isOffline());
        if (e instanceof GoException g) {
            // go failed on the module (the user's), or could not run, timed out, lost the network (the environment's)
            if (g.environmental()) {
                throw new MojoExecutionException(explained);
            }
            throw new MojoFailureException(explained);
        }
        if (e instanceof FormatException || e instanceof WorkspaceException || e instanceof UnsafeArchiveException
                || e instanceof IllegalArgumentException) {
            throw new MojoFailureException(explained);
        }
        throw new MojoExecutionException(explained, e);
    }
}
