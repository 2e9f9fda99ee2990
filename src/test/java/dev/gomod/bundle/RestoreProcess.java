package dev.gomod.bundle;

import dev.gomod.Reporter;
import dev.gomod.workspace.Workspace;
import dev.gomod.archive.ReproducibleArchive;
import dev.gomod.archive.SafeExtractor;

import java.nio.file.Path;

/** A restore in a process of its own, for tests that kill one or run two at once: {@code moduleDir lockFile workDir archive}. */
public final class RestoreProcess {
    private RestoreProcess() {
    }

    public static void main(String[] args) throws Exception {
        Restore.Outcome o = new Restore(new Workspace(Path.of(args[0]), Path.of(args[1]), Path.of(args[2])), Reporter.of(System.out::println),
                new Restore.Options(BundleLayout.VENDOR, Path.of(args[0]).resolve("vendor"), SafeExtractor.Limits.DEFAULT)).run(Path.of(args[3]), ReproducibleArchive.Format.TAR_GZ);
        System.out.println(o.skipped() ? "SKIPPED" : "RESTORED");
    }
}
