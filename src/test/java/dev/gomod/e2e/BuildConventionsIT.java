package dev.gomod.e2e;

import dev.gomod.testkit.MavenRun;
import dev.gomod.workspace.DirectorySwap;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The plugin's own build keeps Maven's conventions, run on a copy of this project with a fresh
 * {@code mvn -o}: {@code -Dmaven.test.skip=true} builds without compiling or running any test, and
 * {@code -DskipTests} runs none either: no invoker IT under any Maven, no Nexus, no downloads for them.
 */
class BuildConventionsIT {
    private final Path dir = Path.of(System.getProperty("e2e.dir", "target/e2e")).toAbsolutePath().resolve("conventions");
    private final Path project = Path.of(System.getProperty("plugin.pom", "pom.xml")).toAbsolutePath().getParent();

    private Path copy(String name) throws IOException {
        Path to = dir.resolve(name);
        DirectorySwap.deleteTree(to);
        Files.createDirectories(to);
        Files.copy(project.resolve("pom.xml"), to.resolve("pom.xml"));
        try (Stream<Path> walk = Files.walk(project.resolve("src"))) {
            for (Path p : walk.toList()) {
                Path d = to.resolve(project.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(d);
                } else {
                    Files.copy(p, d, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        return to;
    }

    @Test
    void skippingTestCompilationBuildsThePluginAndRunsNothingThatNeedsTests() throws Exception {
        Path p = copy("maven-test-skip");
        long start = System.nanoTime();
        MavenRun.Result r = MavenRun.run(p, dir.resolve("maven-test-skip.log"), List.of("-o", "verify", "-Dmaven.test.skip=true"));
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;
        assertEquals(0, r.exit(), r.output());
        assertTrue(Files.isRegularFile(p.resolve("target/gomod-maven-plugin-0.1.0-SNAPSHOT.jar")), r.output());
        assertFalse(Files.exists(p.resolve("target/test-classes/dev")), "test classes were compiled");
        assertNothingTestLikeRan(p, r.output());
        System.out.println("mvn -o verify -Dmaven.test.skip=true: " + seconds + " s");
    }

    @Test
    void skipTestsSkipsEveryTestItsAndTheirDownloads() throws Exception {
        Path p = copy("skip-tests");
        long start = System.nanoTime();
        MavenRun.Result r = MavenRun.run(p, dir.resolve("skip-tests.log"), List.of("-o", "verify", "-DskipTests"));
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;
        assertEquals(0, r.exit(), r.output());
        assertTrue(Files.isDirectory(p.resolve("target/test-classes/dev/gomod")), "-DskipTests still compiles the tests");
        assertNothingTestLikeRan(p, r.output());
        System.out.println("mvn -o verify -DskipTests: " + seconds + " s");
    }

    private static void assertNothingTestLikeRan(Path p, String log) {
        assertFalse(log.contains("Running dev.gomod."), "a JUnit or failsafe test ran:\n" + log);
        assertFalse(log.contains("Building: "), "an invoker IT ran:\n" + log);
        assertFalse(log.contains("GraphFixture"), "the IT fixtures were generated:\n" + log);
        for (String absent : List.of("target/it", "target/it-maven-3.9", "target/it-maven-4", "target/maven-3.9.11",
                "target/maven-4.0.0-rc-4", "target/e2e/dist", "target/it-fixtures", "target/local-repo")) {
            assertFalse(Files.exists(p.resolve(absent)), absent + " exists:\n" + log);
        }
    }
}
