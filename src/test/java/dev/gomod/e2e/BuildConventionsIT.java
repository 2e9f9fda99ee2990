package dev.gomod.e2e;

import dev.gomod.testkit.Checkout;
import dev.gomod.testkit.MavenRun;
import dev.gomod.workspace.DirectorySwap;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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

    private record Build(Path project, MavenRun.Result result) {
    }

    /** {@code mvn -o verify <flag>} on a fresh copy of this project (pom.xml and src/), timed. */
    private Build verify(String name, String flag) throws Exception {
        Path to = dir.resolve(name);
        DirectorySwap.deleteTree(to);
        Files.createDirectories(to);
        Files.copy(project.resolve("pom.xml"), to.resolve("pom.xml"));
        Checkout.copy(project.resolve("src"), to.resolve("src"), rel -> false);
        long start = System.nanoTime();
        MavenRun.Result r = MavenRun.run(to, dir.resolve(name + ".log"), List.of("-o", "verify", flag));
        System.out.println("mvn -o verify " + flag + ": " + (System.nanoTime() - start) / 1_000_000_000L + " s");
        assertEquals(0, r.exit(), r.output());
        assertNothingTestLikeRan(to, r.output());
        return new Build(to, r);
    }

    @Test
    void skippingTestCompilationBuildsThePluginAndRunsNothingThatNeedsTests() throws Exception {
        Build b = verify("maven-test-skip", "-Dmaven.test.skip=true");
        assertTrue(Files.isRegularFile(b.project().resolve("target/gomod-maven-plugin-0.1.0-SNAPSHOT.jar")), b.result().output());
        assertFalse(Files.exists(b.project().resolve("target/test-classes/dev")), "test classes were compiled");
    }

    @Test
    void skipTestsSkipsEveryTestItsAndTheirDownloads() throws Exception {
        Build b = verify("skip-tests", "-DskipTests");
        assertTrue(Files.isDirectory(b.project().resolve("target/test-classes/dev/gomod")), "-DskipTests still compiles the tests");
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
