package dev.gomod.bundle;

import dev.gomod.Reporter;
import dev.gomod.archive.ReproducibleArchive;
import dev.gomod.archive.SafeExtractor;
import dev.gomod.gotool.ToolchainModule;
import dev.gomod.workspace.Workspace;

import java.nio.file.Path;

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
}
