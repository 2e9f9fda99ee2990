package dev.gomod.maven;

import dev.gomod.archive.ReproducibleArchive;
import dev.gomod.archive.SafeExtractor;
import dev.gomod.bundle.Restore;
import dev.gomod.gotool.SecretMasker;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.repository.RepositoryPolicy;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;

import javax.inject.Inject;
import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Resolves a go-vendor (or go-modcache) bundle through Maven's own resolver, so settings.xml mirrors,
 * server credentials, proxies and offline mode all apply; verifies it against gomod.lock and the
 * workspace; and swaps vendor/ in atomically. Does nothing but hash when vendor/ already matches the lock.
 */
@Mojo(name = "restore", defaultPhase = LifecyclePhase.INITIALIZE, threadSafe = true)
public class RestoreMojo extends ModuleMojo {
    /** The bundle's coordinates, {@code g:a:v} or {@code g:a:type:classifier:v}; default: this project's. */
    @Parameter(property = Property.ARTIFACT)
    private String artifact;

    /** What to restore: {@code vendor} (into vendor/) or {@code modcache} (into gomod.goproxyDir). */
    @Parameter(property = Property.KIND, defaultValue = "vendor")
    private String kind;

    /** The bundle's format when the coordinates do not say: {@code tar.gz} or {@code zip}. */
    @Parameter(property = Property.FORMAT, defaultValue = "tar.gz")
    private String format;

    /** Where a module-cache bundle is restored (a directory to use as {@code GOPROXY=file://…}). */
    @Parameter(property = Property.GOPROXY_DIR, defaultValue = "${project.build.directory}/gomod/goproxy")
    private File goproxyDir;

    /** Also copy a restored module cache into this GOMODCACHE. */
    @Parameter(property = Property.GOMODCACHE)
    private File gomodcache;

    /** Extraction limit: total bytes. */
    @Parameter(property = Property.MAX_BYTES, defaultValue = "4294967296")
    private long maxBytes;

    /** Extraction limit: number of entries. */
    @Parameter(property = Property.MAX_ENTRIES, defaultValue = "500000")
    private int maxEntries;

    /** Extraction limit: how many times its own size an archive may inflate. */
    @Parameter(property = Property.MAX_RATIO, defaultValue = "200")
    private int maxRatio;

    /** Skips this goal only. */
    @Parameter(property = "gomod.restore.skip", defaultValue = "false")
    private boolean skipRestore;

    @Parameter(defaultValue = "${project}", readonly = true)
    private MavenProject project;

    private final RepositorySystem repositorySystem;

    @Inject
    public RestoreMojo(RepositorySystem repositorySystem) {
        this.repositorySystem = repositorySystem;
    }

    @Override
    protected boolean skipGoal() {
        return skipRestore;
    }

    @Override
    protected void run() throws Exception {
        BundleKind what = BundleKind.parse(kind, Property.KIND);
        Restore restore = new Restore(workspace(), new MavenReporter(getLog(), false),
                new Restore.Options(new SafeExtractor.Limits(maxBytes, maxEntries, maxRatio)));
        if (what == BundleKind.VENDOR) {
            Optional<String> upToDate = restore.vendorUpToDate();
            if (upToDate.isPresent()) {
                getLog().info("vendor/ already matches " + lockPath().getFileName() + " (" + upToDate.get() + "): nothing to restore");
                return;
            }
        }
        Artifact coordinates = coordinates(what);
        Path file = resolve(coordinates);
        ReproducibleArchive.Format fmt = ReproducibleArchive.Format.of(coordinates.getExtension());
        switch (what) {
            case VENDOR -> restore.vendor(file, fmt);
            case MODCACHE -> restore.modcache(file, fmt, goproxyDir.toPath().toAbsolutePath(),
                    gomodcache == null ? null : gomodcache.toPath().toAbsolutePath());
        }
    }

    /** Maven's {@code g:a[:type[:classifier]]:v}; the type defaults to gomod.format, the classifier to the kind's. */
    Artifact coordinates(BundleKind what) throws MojoFailureException {
        String classifier = what.classifier();
        if (artifact == null || artifact.isBlank()) {
            return new DefaultArtifact(project.getGroupId(), project.getArtifactId(), classifier, format, project.getVersion());
        }
        String[] p = artifact.strip().split(":");
        return switch (p.length) {
            case 3 -> new DefaultArtifact(p[0], p[1], classifier, format, p[2]);
            case 4 -> new DefaultArtifact(p[0], p[1], classifier, p[2], p[3]);
            case 5 -> new DefaultArtifact(p[0], p[1], p[3], p[2], p[4]);
            default -> throw new MojoFailureException(Property.ARTIFACT + "=" + artifact + ": use groupId:artifactId:version or groupId:artifactId:type:classifier:version");
        };
    }

    private Path resolve(Artifact a) throws MojoExecutionException {
        // Checksums from the repository must match: a mismatch is a damaged or tampered download, never a warning.
        DefaultRepositorySystemSession strict = new DefaultRepositorySystemSession(session.getRepositorySession());
        strict.setChecksumPolicy(RepositoryPolicy.CHECKSUM_POLICY_FAIL);
        try {
            Path file = repositorySystem.resolveArtifact(strict, new ArtifactRequest(a, project.getRemoteProjectRepositories(), null))
                    .getArtifact().getFile().toPath();
            getLog().info("resolved " + a + " to " + file);
            return file;
        } catch (ArtifactResolutionException e) {
            SecretMasker masker = new SecretMasker();
            String repos = project.getRemoteProjectRepositories().stream()
                    .map(RemoteRepository::toString).map(masker::mask).collect(Collectors.joining(", "));
            String hint = session.isOffline()
                    ? "\nMaven is offline: the bundle must already be in the local repository, fetched through the same repository id "
                    + "(see _remote.repositories there; or use -llr). Resolve it once online, or install it."
                    : "\nCheck the coordinates (gomod.artifact), the repository, and the <server> credentials for it in settings.xml.";
            throw new MojoExecutionException("could not resolve " + a + " from [" + repos + "]: " + masker.mask(e.getMessage()) + hint);
        }
    }
}
