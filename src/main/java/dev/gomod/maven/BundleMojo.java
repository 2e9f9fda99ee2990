package dev.gomod.maven;

import dev.gomod.archive.SafeExtractor;
import org.apache.maven.plugins.annotations.Parameter;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.DefaultArtifact;

import java.nio.file.Path;

/**
 * What the goals that take a bundle from a Maven repository share: the coordinates, the strict
 * resolver, and the limits every archive is extracted under.
 */
abstract class BundleMojo extends ModuleMojo {
    /**
     * The bundle's coordinates in Maven's form, {@code g:a:v}, {@code g:a:type:v} or
     * {@code g:a:type:classifier:v}; default: this project's. The type defaults to
     * {@code gomod.format} (a zip for the kinds that are always zips), the classifier to the
     * kind's: {@code go-vendor}, {@code go-modcache} or {@code go-vulndb} by {@code gomod.kind}.
     *
     * @since 0.1.0
     */
    @Parameter(property = Property.ARTIFACT)
    private String artifact;

    /**
     * Extraction limit: total bytes.
     *
     * @since 0.1.0
     */
    @Parameter(property = Property.MAX_BYTES, defaultValue = "4294967296")
    private long maxBytes;

    /**
     * Extraction limit: number of entries.
     *
     * @since 0.1.0
     */
    @Parameter(property = Property.MAX_ENTRIES, defaultValue = "500000")
    private int maxEntries;

    /**
     * Extraction limit: how many times its own size an archive may inflate.
     *
     * @since 0.1.0
     */
    @Parameter(property = Property.MAX_RATIO, defaultValue = "200")
    private int maxRatio;

    private final RepositorySystem repositorySystem;

    protected BundleMojo(RepositorySystem repositorySystem) {
        this.repositorySystem = repositorySystem;
    }

    protected SafeExtractor.Limits limits() {
        return new SafeExtractor.Limits(maxBytes, maxEntries, maxRatio);
    }

    /** The coordinates of the bundle with this classifier and type: gomod.artifact's, else this project's. */
    protected Artifact coordinates(String classifier, String type) throws org.apache.maven.plugin.MojoFailureException {
        return BundleResolver.coordinates(artifact, Property.ARTIFACT,
                new DefaultArtifact(project.getGroupId(), project.getArtifactId(), "", "pom", project.getVersion()), classifier, type);
    }

    /** Resolves through Maven (mirrors, credentials, proxies, offline mode) with checksums enforced. */
    protected Path resolve(Artifact coordinates) throws Exception {
        Path file = new BundleResolver(repositorySystem, session.getRepositorySession(), project.getRemoteProjectRepositories())
                .resolve(coordinates);
        getLog().info("resolved " + coordinates + " to " + file);
        return file;
    }
}
