package dev.gomod.e2e;

import dev.gomod.workspace.DirectorySwap;
import dev.gomod.testkit.IsolatedGo;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The README's example command, run on a copy of examples/hello-service with the plugin this build made. */
class ExampleIT {
    @Test
    void theExampleRunsFromReleaseToAgent() throws Exception {
        IsolatedGo.requireGo();
        Path source = Path.of(System.getProperty("example.dir", "examples/hello-service")).toAbsolutePath();
        Path copy = Path.of(System.getProperty("e2e.dir", "target/e2e")).toAbsolutePath().resolve("example/hello-service");
        DirectorySwap.deleteTree(copy);
        try (Stream<Path> walk = Files.walk(source)) {
            for (Path p : walk.toList()) {
                String rel = source.relativize(p).toString();
                if (rel.startsWith("target")) {
                    continue;
                }
                Path d = copy.resolve(rel);
                if (Files.isDirectory(p)) {
                    Files.createDirectories(d);
                } else {
                    Files.copy(p, d, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        Path log = copy.resolveSibling("run.log");
        ProcessBuilder pb = new ProcessBuilder(copy.resolve("run.sh").toString()).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("GOMOD_EXAMPLE_SKIP_PLUGIN_INSTALL", "1");
        pb.environment().put("GOMOD_EXAMPLE_MAVEN_ARGS", "-Dmaven.repo.local=" + System.getProperty("it.localRepo"));
        pb.environment().remove("MAVEN_OPTS");
        Process p = pb.start();
        assertTrue(p.waitFor(10, TimeUnit.MINUTES), "run.sh did not finish");
        String out = Files.readString(log, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("Downloaded from example: file://"), "the agent did not fetch the bundle from the repository:\n" + out);
        assertTrue(out.contains(", matches gomod.lock"), out);
        String page = Files.readString(copy.resolve("target/gomod/report/index.html"), StandardCharsets.UTF_8);
        for (String m : new String[] {"example.com/hello-service", "example.com/greeting", "example.com/banner", "example.com/shout"}) {
            assertTrue(page.contains("<g id=\"node-" + m + "\""), "the release's page has no node for " + m);
        }
        assertTrue(out.endsWith("+--------------------------+\n| HELLO, AIR-GAPPED AGENT! |\n+--------------------------+\n"), out);
    }
}
