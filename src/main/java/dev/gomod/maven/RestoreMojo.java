package dev.gomod.maven;

import dev.gomod.archive.ReproducibleArchive;
import dev.gomod.bundle.BundleKind;
import dev.gomod.bundle.BundleLayout;
import dev.gomod.bundle.LayoutChoices;
import dev.gomod.bundle.ModcacheBundle;
import dev.gomod.bundle.Restore;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.artifact.Artifact;

import javax.inject.Inject;
import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/**
 * Resolves a go-vendor (or go-modcache) bundle through Maven's own resolver, so settings.xml mirrors,
 * server credentials, proxies and offline mode all apply; verifies it against gomod.lock and the
 * workspace; and swaps vendor/ in atomically. Does nothing but hash when vendor/ already matches the lock.
 */
@Mojo(name = "restore", defaultPhase = LifecyclePhase.INITIALIZE, threadSafe = true)
public class RestoreMojo extends BundleMojo {
    /**
     * Skips this goal only ({@code gomod.skip} skips every goal).
     *
     * @since 0.1.0
     */
    @Parameter(property = Property.SKIP_RESTORE, defaultValue = "false")
    private boolean skipRestore;

    @Override
    protected boolean skipGoal() {
        return skipRestore;
    }

    /**
     * What to restore: {@code vendor} (into vendor/), {@code modcache} (into gomod.goproxyDir) or {@code vulndb} (into gomod.vulndbDir).
     *
     * @since 0.1.0
     */
    @Parameter(property = Property.KIND, defaultValue = "vendor")
    private String kind;

    /**
     * The bundle's format when the coordinates do not say: {@code tar.gz} or {@code zip}.
     *
     * @since 0.1.0
     */
    @Parameter(property = Property.FORMAT, defaultValue = "tar.gz")
    private String format;

    /**
     * Where a module-cache bundle is restored (a directory to use as {@code GOPROXY=file://…}).
     *
     * @since 0.1.0
     */
    @Parameter(property = Property.GOPROXY_DIR, defaultValue = "${project.build.directory}/gomod/goproxy")
    private File goproxyDir;

    /**
     * Where a vulnerability database is restored (a directory to give govulncheck as {@code -db file://…}).
     *
     * @since 0.1.0
     */
    @Parameter(property = Property.VULNDB_DIR, defaultValue = "${project.build.directory}/gomod/vulndb")
    private File vulndbDir;

    /**
     * Also copy a restored module cache into this GOMODCACHE.
     *
     * @since 0.1.0
     */
    @Parameter(property = Property.GOMODCACHE)
    private File gomodcache;

    @Inject
    public RestoreMojo(RepositorySystem repositorySystem) {
        super(repositorySystem);
    }

    @Override
    protected void run() throws Exception {
        BundleKind what = KindSetting.parseRestorable(kind, Property.KIND);
        requireKindsForMode(Set.of(what), Property.KIND);
        BundleLayout layout = what.layouts(LayoutChoices.NONE).get(0);
        Path target = layout.target(restoreDirs(goproxyDir.toPath().toAbsolutePath().normalize(), vulndbDir.toPath().toAbsolutePath().normalize()));
        Restore restore = new Restore(workspace(), MavenReporter.of(getLog(), false), new Restore.Options(layout, target, limits()));
        Optional<Restore.Unchanged> upToDate = restore.upToDate();
        if (upToDate.isPresent()) {
            getLog().info(layout.label() + " already matches " + lockPath().getFileName() + " (" + upToDate.get().describe() + "): nothing to restore");
        } else {
            ReproducibleArchive.Format asked;
            try {
                asked = ReproducibleArchive.Format.of(format);
            } catch (IllegalArgumentException e) {
                throw new MojoFailureException(e.getMessage() + " (" + Property.FORMAT + ")");
            }
            Artifact coordinates = coordinates(layout.classifier(), layout.format(asked).extension());
            Path file = resolve(coordinates);
            restore.run(file, ReproducibleArchive.Format.of(coordinates.getExtension()));
        }
        if (layout == BundleLayout.MODCACHE && gomodcache != null) {
            ModcacheBundle.copyInto(target, gomodcache.toPath().toAbsolutePath());
            getLog().info("also copied into " + gomodcache);
        }
    }
}
