package dev.gomod.maven;

import dev.gomod.gotool.SecretMasker;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.repository.RepositoryPolicy;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Resolves a bundle through Maven's own resolver, so that settings.xml mirrors, server credentials,
 * proxies and offline mode all apply, but with the checksum policy {@code fail} whatever the
 * repositories say: a checksum that does not match is a damaged or tampered download, never a warning.
 */
final class BundleResolver {
    private final RepositorySystem system;
    private final RepositorySystemSession session;
    private final List<RemoteRepository> repositories;

    BundleResolver(RepositorySystem system, RepositorySystemSession session, List<RemoteRepository> repositories) {
        this.system = system;
        DefaultRepositorySystemSession strict = new DefaultRepositorySystemSession(session);
        strict.setChecksumPolicy(RepositoryPolicy.CHECKSUM_POLICY_FAIL); // overrides each repository's own policy
        this.session = strict;
        this.repositories = List.copyOf(repositories);
    }

    /** The artifact's file in the local repository, downloaded first when it is not there. */
    Path resolve(Artifact artifact) throws MojoExecutionException {
        return resolve(artifact, Property.ARTIFACT);
    }

    /** As above, for coordinates given by {@code property}. */
    Path resolve(Artifact artifact, String property) throws MojoExecutionException {
        try {
            return system.resolveArtifact(session, new ArtifactRequest(artifact, repositories, null)).getArtifact().getFile().toPath();
        } catch (ArtifactResolutionException e) {
            throw new MojoExecutionException("could not resolve " + artifact + " from [" + repositories() + "]: "
                    + new SecretMasker().mask(e.getMessage()) + "\n" + remedy(property));
        }
    }

    /**
     * The artifact at the highest version its version range (say {@code [0,)}) has in the
     * repositories (in the local repository only, offline); a plain version is itself.
     */
    Artifact newest(Artifact ranged, String property) throws MojoExecutionException, MojoFailureException {
        org.eclipse.aether.resolution.VersionRangeResult r;
        try {
            r = system.resolveVersionRange(session, new org.eclipse.aether.resolution.VersionRangeRequest(ranged, repositories, null));
        } catch (org.eclipse.aether.resolution.VersionRangeResolutionException e) {
            throw new MojoFailureException(property + ": " + new SecretMasker().mask(e.getMessage()));
        }
        if (r.getHighestVersion() == null) {
            throw new MojoFailureException(property + ": no version of " + ranged.getGroupId() + ":" + ranged.getArtifactId() + " in "
                    + ranged.getVersion() + (session.isOffline() ? " in the local repository (Maven is offline)" : " in [" + repositories() + "]")
                    + "\n" + remedy(property));
        }
        return ranged.setVersion(r.getHighestVersion().toString());
    }

    /** The repositories asked, as an error names them: no password. */
    private String repositories() {
        SecretMasker masker = new SecretMasker();
        return repositories.stream().map(RemoteRepository::toString).map(masker::mask).collect(Collectors.joining(", "));
    }

    private String remedy(String property) {
        return Remedies.unresolved(session.isOffline(), repositories.stream().anyMatch(r -> "file".equals(r.getProtocol())), property);
    }

    /**
     * Maven's {@code g:a[:type[:classifier]]:v}, as a user names a bundle; without a spec, the
     * project's own coordinates. The type defaults to {@code type}, the classifier to {@code classifier}.
     *
     * @param property the parameter the spec came from, for the error
     */
    private static final String FORMS = "use groupId:artifactId:version, groupId:artifactId:type:version or"
            + " groupId:artifactId:type:classifier:version";

    static Artifact coordinates(String spec, String property, Artifact project, String classifier, String type) throws MojoFailureException {
        if (spec == null || spec.isBlank()) {
            return new DefaultArtifact(project.getGroupId(), project.getArtifactId(), classifier, type, project.getVersion());
        }
        String[] p = spec.strip().split(":", -1);
        for (String part : p) {
            if (part.isBlank()) {
                throw new MojoFailureException(property + "=" + spec + ": an empty part; " + FORMS);
            }
        }
        return switch (p.length) {
            case 3 -> new DefaultArtifact(p[0], p[1], classifier, type, p[2]);
            case 4 -> new DefaultArtifact(p[0], p[1], classifier, p[2], p[3]);
            case 5 -> new DefaultArtifact(p[0], p[1], p[3], p[2], p[4]);
            default -> throw new MojoFailureException(property + "=" + spec + ": " + FORMS);
        };
    }
}
