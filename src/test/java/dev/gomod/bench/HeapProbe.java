package dev.gomod.bench;

import dev.gomod.Reporter;
import dev.gomod.archive.ReproducibleArchive;
import dev.gomod.archive.SafeExtractor;
import dev.gomod.bundle.BundleLayout;
import dev.gomod.bundle.Pack;
import dev.gomod.bundle.Restore;
import dev.gomod.workspace.Workspace;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.time.Instant;

/**
 * One pack or restore in a JVM of its own, printing the peak heap it used: {@code pack <ws> <out>}
 * or {@code restore <ws> <archive>}. Run with a fixed heap and the serial collector so that the
 * number reflects what the operation keeps, not how a collector sizes itself.
 */
public final class HeapProbe {
    private HeapProbe() {
    }

    public static void main(String[] args) throws Exception {
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            p.resetPeakUsage();
        }
        Path ws = Path.of(args[1]);
        Path file = Path.of(args[2]);
        if (args[0].equals("pack")) {
            new Pack(new Workspace(ws, ws.resolve("gomod.lock"), ws.resolve("target/gomod")), Reporter.SILENT, new Pack.Options(BundleLayout.VENDOR, ReproducibleArchive.Format.TAR_GZ, Instant.EPOCH)).run(ws.resolve("vendor"), file);
        } else {
            new Restore(Workspace.of(ws), Reporter.SILENT, new Restore.Options(BundleLayout.VENDOR, ws.resolve("vendor"), SafeExtractor.Limits.DEFAULT))
                    .run(file, ReproducibleArchive.Format.TAR_GZ);
        }
        long peak = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                peak += p.getPeakUsage().getUsed();
            }
        }
        System.out.println("PEAK " + peak);
    }
}
