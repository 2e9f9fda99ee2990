package dev.gomod.bundle;

import dev.gomod.Reporter;
import dev.gomod.archive.ReproducibleArchive;
import dev.gomod.archive.SafeExtractor;
import dev.gomod.gotool.ToolchainModule;
import dev.gomod.workspace.Workspace;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A restore in a process of its own, for tests that kill one or run two at once:
 * {@code moduleDir lockFile workDir archive} restores a vendor bundle into moduleDir/vendor;
 * {@code … archive go1.X.Y platform goroot} installs a toolchain module zip into goroot.
 */
public final class RestoreProcess {
    private RestoreProcess() {
    }

    public static void main(String[] args) throws Exception {
        Workspace workspace = new Workspace(Path.of(args[0]), Path.of(args[1]), Path.of(args[2]));
        boolean toolchain = args.length > 4;
        Restore.Options options = toolchain
                ? new Restore.Options(new ToolchainBundle(ToolchainModule.of(args[4], args[5])), Path.of(args[6]), SafeExtractor.Limits.DEFAULT)
                : new Restore.Options(BundleLayout.VENDOR, Path.of(args[0]).resolve("vendor"), SafeExtractor.Limits.DEFAULT);
        Restore.Outcome o = new Restore(workspace, Reporter.of(System.out::println), options)
                .run(Path.of(args[3]), toolchain ? ReproducibleArchive.Format.ZIP : ReproducibleArchive.Format.TAR_GZ);
        System.out.println(o.skipped() ? "SKIPPED" : "RESTORED");
    }

    /** Waits for two restores of one target started at once: both must succeed, one restoring and one finding it done. */
    static void assertOneRestoredOneSkipped(Process a, Process b) throws Exception {
        String outA = new String(a.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String outB = new String(b.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, a.waitFor(), outA);
        assertEquals(0, b.waitFor(), outB);
        List<String> results = List.of(last(outA), last(outB));
        assertTrue(results.contains("RESTORED") && results.contains("SKIPPED"), results + "\n" + outA + "\n" + outB);
    }

    private static String last(String out) {
        List<String> lines = out.strip().lines().toList();
        return lines.get(lines.size() - 1);
    }
}
