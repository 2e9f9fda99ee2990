package dev.gomod.maven;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.repository.internal.MavenRepositorySystemUtils;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.connector.basic.BasicRepositoryConnectorFactory;
import org.eclipse.aether.impl.DefaultServiceLocator;
import org.eclipse.aether.repository.LocalRepository;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.repository.RepositoryPolicy;
import org.eclipse.aether.spi.connector.RepositoryConnectorFactory;
import org.eclipse.aether.spi.connector.transport.TransporterFactory;
import org.eclipse.aether.transport.file.FileTransporterFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The strict resolver against Maven's real resolver and a file:// repository whose policy says to
 * ignore checksums: a bundle with a wrong .sha1 is refused all the same, and never lands in the local repository.
 */
class BundleResolverTest {
    @TempDir
    Path tmp;

    @SuppressWarnings("deprecation") // the service locator is how resolver 1.6 is wired outside a container
    private static RepositorySystem system() {
        DefaultServiceLocator locator = MavenRepositorySystemUtils.newServiceLocator();
        locator.addService(RepositoryConnectorFactory.class, BasicRepositoryConnectorFactory.class);
        locator.addService(TransporterFactory.class, FileTransporterFactory.class);
        return locator.getService(RepositorySystem.class);
    }

    private Path publish(Path repo, String version, byte[] content, boolean honestChecksum) throws Exception {
        Path dir = repo.resolve("com/example/hello/" + version);
        Files.createDirectories(dir);
        Path file = dir.resolve("hello-" + version + "-go-vendor.tar.gz");
        Files.write(file, content);
        byte[] sha1 = MessageDigest.getInstance("SHA-1").digest(honestChecksum ? content : new byte[] {1});
        Files.writeString(dir.resolve(file.getFileName() + ".sha1"), HexFormat.of().formatHex(sha1));
        return file;
    }

    @Test
    void aWrongChecksumFailsWhateverTheRepositorySays() throws Exception {
        RepositorySystem system = system();
        DefaultRepositorySystemSession session = MavenRepositorySystemUtils.newSession();
        session.setLocalRepositoryManager(system.newLocalRepositoryManager(session, new LocalRepository(tmp.resolve("local").toFile())));
        Path repo = tmp.resolve("remote");
        RemoteRepository lenient = new RemoteRepository.Builder("internal", "default", repo.toUri().toString())
                .setPolicy(new RepositoryPolicy(true, RepositoryPolicy.UPDATE_POLICY_ALWAYS, RepositoryPolicy.CHECKSUM_POLICY_IGNORE)).build();
        BundleResolver resolver = new BundleResolver(system, session, List.of(lenient));

        byte[] content = "a bundle".getBytes();
        publish(repo, "1.0.0", content, true);
        Path got = resolver.resolve(new DefaultArtifact("com.example", "hello", "go-vendor", "tar.gz", "1.0.0"));
        assertArrayEquals(content, Files.readAllBytes(got));

        publish(repo, "1.0.1", content, false);
        MojoExecutionException e = assertThrows(MojoExecutionException.class,
                () -> resolver.resolve(new DefaultArtifact("com.example", "hello", "go-vendor", "tar.gz", "1.0.1")));
        assertTrue(e.getMessage().contains("hecksum"), e.getMessage());
        assertTrue(e.getMessage().contains("Check the coordinates (gomod.artifact)"), e.getMessage());
        assertFalse(Files.exists(tmp.resolve("local/com/example/hello/1.0.1/hello-1.0.1-go-vendor.tar.gz")), "a refused download was kept");

        // and the same session, unwrapped, would have taken it: the strictness is the resolver's own
        system.resolveArtifact(session, new org.eclipse.aether.resolution.ArtifactRequest(
                new DefaultArtifact("com.example", "hello", "go-vendor", "tar.gz", "1.0.1"), List.of(lenient), null));
    }

    @Test
    void coordinatesAsUsersWriteThem() throws Exception {
        Artifact project = new DefaultArtifact("com.example", "svc", "", "pom", "2.0.0");
        assertEquals("com.example:svc:tar.gz:go-vendor:2.0.0", BundleResolver.coordinates(null, "gomod.artifact", project, "go-vendor", "tar.gz").toString());
        assertEquals("g:a:zip:go-modcache:1", BundleResolver.coordinates("g:a:1", "gomod.artifact", project, "go-modcache", "zip").toString());
        assertEquals("g:a:zip:go-modcache:1", BundleResolver.coordinates("g:a:zip:1", "gomod.artifact", project, "go-modcache", "tar.gz").toString());
        assertEquals("g:a:zip:custom:1", BundleResolver.coordinates("g:a:zip:custom:1", "gomod.artifact", project, "go-vendor", "tar.gz").toString());
        MojoFailureException e = assertThrows(MojoFailureException.class,
                () -> BundleResolver.coordinates("g::1", "gomod.artifact", project, "go-vendor", "tar.gz"));
        assertTrue(e.getMessage().startsWith("gomod.artifact=g::1: an empty part"), e.getMessage());
        assertThrows(MojoFailureException.class, () -> BundleResolver.coordinates("g:a", "gomod.artifact", project, "go-vendor", "tar.gz"));
    }

    @Test
    void offlineAFileRepositoryIsNotReadAndTheRemedySaysHowToAllowIt() throws Exception {
        RepositorySystem system = system();
        DefaultRepositorySystemSession session = MavenRepositorySystemUtils.newSession();
        session.setLocalRepositoryManager(system.newLocalRepositoryManager(session, new LocalRepository(tmp.resolve("local").toFile())));
        session.setOffline(true);
        Path repo = tmp.resolve("remote");
        publish(repo, "1.0.0", "a bundle".getBytes(), true);
        RemoteRepository file = new RemoteRepository.Builder("internal", "default", repo.toUri().toString()).build();
        MojoExecutionException e = assertThrows(MojoExecutionException.class, () -> new BundleResolver(system, session, List.of(file))
                .resolve(new DefaultArtifact("com.example", "hello", "go-vendor", "tar.gz", "1.0.0")));
        assertTrue(e.getMessage().contains("offline mode"), e.getMessage());
        assertTrue(e.getMessage().contains("A file:// repository is local too, but Maven offline reads it only when told:"
                + " add -Daether.offline.protocols=file."), e.getMessage());

        session.setConfigProperty("aether.offline.protocols", "file");
        Path got = new BundleResolver(system, session, List.of(file)).resolve(new DefaultArtifact("com.example", "hello", "go-vendor", "tar.gz", "1.0.0"));
        assertTrue(Files.isRegularFile(got), "as the remedy says, the file:// repository is read offline");
    }
}
