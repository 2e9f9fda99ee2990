package dev.gomod.proxy;

import dev.gomod.hash.DirHash;
import dev.gomod.mod.GoSum;
import dev.gomod.mod.ModuleVersion;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Checks a GOPROXY-layout directory against go.sum: every module zip and .mod that go.sum names is
 * hashed and compared with its {@code h1:} line, and each zip also with the {@code .ziphash} beside
 * it (the value {@code go} trusts in place of re-hashing). Files go.sum names but the directory lacks
 * are listed, not skipped: an offline build would stop on them.
 */
public final class ModuleSumCheck {
    /** What kind of file a finding is about. */
    public enum FileKind { ZIP, GO_MOD, ZIPHASH }

    /** A file whose hash differs from what go.sum (or .ziphash) says. */
    public record Mismatch(ModuleVersion module, FileKind kind, Path file, String expected, String actual) {
        @Override
        public String toString() {
            String what = switch (kind) {
                case ZIP -> "zip";
                case GO_MOD -> "go.mod";
                case ZIPHASH -> ".ziphash";
            };
            return module + " " + what + " (" + file + "): go.sum has " + expected + ", found " + actual;
        }
    }

    /** A file go.sum names that is not in the directory. */
    public record Missing(ModuleVersion module, FileKind kind, Path file) {
        @Override
        public String toString() {
            return module + (kind == FileKind.GO_MOD ? "/go.mod" : "") + ": missing " + file;
        }
    }

    /** The outcome of one check. */
    public record Report(int zipsChecked, int modsChecked, List<Mismatch> mismatches, List<Missing> missing,
                         List<String> invalid) {
        public boolean clean() {
            return mismatches.isEmpty() && missing.isEmpty() && invalid.isEmpty();
        }
    }

    private ModuleSumCheck() {
    }

    /** What checking one go.sum line of {@code kind} found: the file was missing, or these hashes differed. */
    private record Finding(FileKind kind, Missing missing, List<Mismatch> mismatches) {
    }

    public static Report check(ProxyLayout layout, GoSum sum, int threads) throws IOException {
        List<Future<Finding>> results = new ArrayList<>();
        List<String> invalid = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, "gomod-sumcheck");
            t.setDaemon(true);
            return t;
        });
        try {
            for (GoSum.Entry e : sum.entries()) {
                if (!e.hash().startsWith(DirHash.PREFIX)) {
                    continue; // h1 is the only algorithm Go has defined; others are for future use
                }
                Path file;
                try {
                    file = e.goMod() ? layout.mod(e.module()) : layout.zip(e.module());
                } catch (IllegalArgumentException ex) {
                    invalid.add(e.module() + ": " + ex.getMessage());
                    continue;
                }
                results.add(pool.submit(() -> checkOne(e, file, layout)));
            }
            int zips = 0;
            int mods = 0;
            List<Mismatch> mismatches = new ArrayList<>();
            List<Missing> missing = new ArrayList<>();
            for (Future<Finding> f : results) {
                Finding r = f.get();
                if (r.missing() != null) {
                    missing.add(r.missing());
                    continue;
                }
                mismatches.addAll(r.mismatches());
                if (r.kind() == FileKind.GO_MOD) {
                    mods++;
                } else {
                    zips++;
                }
            }
            return new Report(zips, mods, mismatches, missing, invalid);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while checking " + layout.root(), e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static Finding checkOne(GoSum.Entry e, Path file, ProxyLayout layout) throws IOException {
        FileKind kind = e.goMod() ? FileKind.GO_MOD : FileKind.ZIP;
        if (!Files.isRegularFile(file)) {
            return new Finding(kind, new Missing(e.module(), kind, file), List.of());
        }
        List<Mismatch> found = new ArrayList<>();
        String actual = e.goMod() ? DirHash.hashGoMod(Files.readAllBytes(file)) : DirHash.hashZip(file);
        if (!actual.equals(e.hash())) {
            found.add(new Mismatch(e.module(), kind, file, e.hash(), actual));
        }
        if (!e.goMod()) {
            Path ziphash = layout.ziphash(e.module());
            if (Files.isRegularFile(ziphash)) {
                String recorded = Files.readString(ziphash, StandardCharsets.UTF_8).strip();
                if (!recorded.equals(actual)) {
                    found.add(new Mismatch(e.module(), FileKind.ZIPHASH, ziphash, actual, recorded));
                }
            }
        }
        return new Finding(kind, null, found);
    }
}
