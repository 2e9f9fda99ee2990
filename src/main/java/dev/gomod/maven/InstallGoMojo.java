package dev.gomod.maven;

import dev.gomod.archive.ReproducibleArchive;
import dev.gomod.bundle.Restore;
import dev.gomod.bundle.ToolchainBundle;
import dev.gomod.gotool.ToolchainModule;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.artifact.Artifact;

import javax.inject.Inject;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Installs the Go toolchain this module's gomod.lock pins for the running platform, from the
 * {@code go-toolchain-<os>-<arch>} artifact in a Maven repository, so that an agent needs no Go of
 * its own: resolved through Maven (mirrors, credentials, {@code -o}), its h1 checked against the
 * lock before anything is extracted, extracted into a directory shared by every build on the
 * machine, and run. Every later goal of this build then runs that go, unless {@code gomod.go} is set.
 * Does nothing but hash when the toolchain is already installed.
 */
@Mojo(name = "install-go", defaultPhase = LifecyclePhase.INITIALIZE, threadSafe = true)
public class InstallGoMojo extends BundleMojo {
    /**
     * Skips this goal only ({@code gomod.skip} skips every goal).
     *
     * @since 0.1.0
     */
    @Parameter(property = Property.SKIP_INSTALL_GO, defaultValue = "false")
    private boolean skipInstallGo;

    @Override
    protected boolean skipGoal() {
        return skipInstallGo;
    }

    /** The project property through which later goals learn the installed go (read as gomod.go's default). */
    static final String INSTALLED_GOROOT = "gomod.installedGoroot";

    /**
     * The Go release to install when go.mod names none that has a toolchain module (a go line older than 1.21).
     *
     * @since 0.1.0
     */
    @Parameter(property = Property.TOOLCHAIN_VERSION)
    private String toolchainVersion;

    @Inject
    public InstallGoMojo(RepositorySystem repositorySystem) {
        super(repositorySystem);
    }

    @Override
    protected void run() throws Exception {
        ToolchainModule module = ToolchainModule.of(ToolchainChoice.release(workspace().versionSource(), toolchainVersion), ToolchainModule.runningPlatform());
        ToolchainBundle layout = new ToolchainBundle(module);
        Path goroot = layout.target(restoreDirs(null, null));
        Restore restore = new Restore(workspace(), MavenReporter.of(getLog(), false), new Restore.Options(layout, goroot, limits()));
        Optional<Restore.Unchanged> installed = restore.upToDate();
        if (installed.isPresent()) {
            getLog().info(layout.label() + " already installed in " + goroot + " (matches " + lockPath().getFileName() + ": "
                    + installed.get().describe() + ")");
        } else {
            ReproducibleArchive.Format format = layout.format(ReproducibleArchive.Format.ZIP);
            Artifact coordinates = coordinates(layout.classifier(), format.extension());
            restore.run(resolve(coordinates), format);
        }
        use(goroot, goroot.resolve(module.executable()));
    }

    /** Makes the installed go the one later goals run, unless the user named one. */
    private void use(Path goroot, Path go) {
        String explicit = session.getUserProperties().getProperty(Property.GO,
                session.getSystemProperties().getProperty(Property.GO, project.getProperties().getProperty(Property.GO)));
        if (explicit != null && !explicit.equals(project.getProperties().getProperty(INSTALLED_GOROOT + ".go"))) {
            getLog().info(Property.GO + "=" + explicit + " is set: later goals run it, not the installed " + go);
            return;
        }
        project.getProperties().setProperty(Property.GO, go.toString());
        project.getProperties().setProperty(INSTALLED_GOROOT, goroot.toString());
        project.getProperties().setProperty(INSTALLED_GOROOT + ".go", go.toString());
        getLog().info("later goals of this build run " + go);
    }
}
