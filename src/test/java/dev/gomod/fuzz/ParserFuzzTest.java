package dev.gomod.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.gomod.archive.ReproducibleArchive;
import dev.gomod.archive.SafeExtractor;
import dev.gomod.archive.UnsafeArchiveException;
import dev.gomod.bundle.BundleManifest;
import dev.gomod.audit.AuditExceptions;
import dev.gomod.lock.GoModLock;
import dev.gomod.vulndb.OsvEntry;
import dev.gomod.mod.FormatException;
import dev.gomod.mod.GoMod;
import dev.gomod.mod.GoSum;
import dev.gomod.mod.GoWork;
import dev.gomod.mod.ModulePath;
import dev.gomod.mod.ModulesTxt;
import dev.gomod.mod.Semver;
import dev.gomod.sbom.LicenseDeclaration;
import dev.gomod.sbom.LicenseMatcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every parser of input that comes from someone else, fuzzed by Jazzer: dependencies' go.mod files,
 * go.work, go.sum, vendor/modules.txt, module paths and versions, the lock from git, bundle manifests
 * and bundles from a repository, license files. The invariant for each: only the documented
 * exception (a {@link FormatException} naming the file, an {@link UnsafeArchiveException} or an
 * IOException for an archive), no other throwable, and a parse - write - parse round trip where the
 * plugin writes the format. Jazzer's own per-input time-out bounds how long one input may run.
 *
 * <p>{@code mvn verify} replays the committed inputs (src/test/resources/dev/gomod/fuzz/
 * ParserFuzzTestInputs/&lt;target&gt;/: real files as seeds, and every crasher found, kept as a
 * regression); {@code -Pfuzz} fuzzes each target in turn (README: Fuzzing).
 */
class ParserFuzzTest {
    @FuzzTest(maxDuration = "30s")
    void goMod(byte[] data) {
        for (boolean strict : new boolean[]{false, true}) {
            try {
                assertNotNull(GoMod.parse("go.mod", data, strict));
            } catch (FormatException e) {
                named(e, "go.mod");
            }
        }
    }

    @FuzzTest(maxDuration = "30s")
    void goWork(byte[] data) {
        try {
            assertNotNull(GoWork.parse("go.work", data));
        } catch (FormatException e) {
            named(e, "go.work");
        }
    }

    @FuzzTest(maxDuration = "30s")
    void goSum(byte[] data) throws FormatException {
        roundTrip("go.sum", data, GoSum::parse, GoSum::toBytes);
    }

    @FuzzTest(maxDuration = "30s")
    void modulesTxt(byte[] data) {
        assertNotNull(ModulesTxt.parse(data)); // go's own reader is lenient: no line is an error, and neither is ours
    }

    @FuzzTest(maxDuration = "30s")
    void modulePathAndVersion(byte[] data) {
        String[] parts = new String(data, StandardCharsets.UTF_8).split("\n", 2);
        String path = parts[0];
        String version = parts.length > 1 ? parts[1] : "";
        if (ModulePath.checkPath(path) == null) {
            assertEquals(path, ModulePath.unescape(ModulePath.escape(path)), "escaping a valid path is undone");
        }
        if (Semver.isValid(version)) {
            assertEquals(version, ModulePath.unescapeVersion(ModulePath.escapeVersion(version)));
            assertEquals(0, Semver.compare(version, version));
            String canonical = Semver.canonical(version);
            assertTrue(Semver.isValid(canonical), canonical);
            Semver.isPseudo(version);
        }
        int a = Integer.signum(Semver.compare(version, path));
        int b = Integer.signum(Semver.compare(path, version));
        assertEquals(-a, b, "Go's semver order is antisymmetric");
    }

    @FuzzTest(maxDuration = "30s")
    void lock(byte[] data) throws FormatException {
        roundTrip("gomod.lock", data, GoModLock::parse, GoModLock::toBytes);
    }

    @FuzzTest(maxDuration = "30s")
    void manifest(byte[] data) throws FormatException {
        roundTrip(BundleManifest.FILE, data, BundleManifest::parse, BundleManifest::toBytes);
    }

    @FuzzTest(maxDuration = "30s")
    void bundleTarGz(byte[] data) throws IOException {
        extract(data, ReproducibleArchive.Format.TAR_GZ);
    }

    @FuzzTest(maxDuration = "30s")
    void bundleZip(byte[] data) throws IOException {
        extract(data, ReproducibleArchive.Format.ZIP);
    }

    @FuzzTest(maxDuration = "30s")
    void osvEntry(byte[] data) {
        try {
            OsvEntry e = OsvEntry.parse("GO-2026-0001.json", data);
            assertNotNull(e.id());
            e.affected().forEach(OsvEntry::latestFixed);
        } catch (FormatException e) {
            named(e, "GO-2026-0001.json");
        }
    }

    @FuzzTest(maxDuration = "30s")
    void auditExceptions(byte[] data) {
        try {
            assertNotNull(AuditExceptions.parse("gomod-vex.json", data));
        } catch (FormatException e) {
            named(e, "gomod-vex.json");
        }
    }

    @FuzzTest(maxDuration = "30s", maxExecutions = 2_000)
    void licenseFile(byte[] data) {
        String text = new String(data, StandardCharsets.UTF_8);
        LicenseMatcher.Answer a = new LicenseMatcher().match(text); // never throws: a failure is an undetermined answer
        assertNotNull(a.matches());
        for (LicenseDeclaration d : LicenseDeclaration.find(text, "LICENSE")) {
            assertTrue(d.valid() || d.ids().isEmpty());
            assertTrue(d.line() >= 1);
        }
    }

    // The extractor's contract: a hostile archive is refused by name or is an I/O error, and nothing is
    // written outside the destination, whatever the entries say.
    private static void extract(byte[] data, ReproducibleArchive.Format format) throws IOException {
        Path dir = Files.createTempDirectory("gomod-fuzz");
        try {
            Path archive = dir.resolve("bundle." + format.extension());
            Files.write(archive, data);
            Path dest = dir.resolve("out/dest");
            Files.createDirectories(dest.getParent());
            try {
                new SafeExtractor(new SafeExtractor.Limits(16 << 20, 2_000, 200), name -> true).extract(archive, format, dest);
            } catch (UnsafeArchiveException | IOException e) {
                assertNotNull(e.getMessage());
            }
            try (Stream<Path> s = Files.list(dir.resolve("out"))) {
                assertEquals(0, s.filter(p -> !p.equals(dest)).count(), "nothing beside the destination");
            }
            try (Stream<Path> s = Files.list(dir)) {
                assertEquals(2, s.count(), "nothing beside the archive and out/");
            }
        } finally {
            try (Stream<Path> s = Files.walk(dir)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private interface Parser<T> {
        T parse(String file, byte[] data) throws FormatException;
    }

    // A format the plugin writes: the input parses or is refused by name, and what is written parses back to itself.
    private static <T> void roundTrip(String file, byte[] data, Parser<T> parser, java.util.function.Function<T, byte[]> writer)
            throws FormatException {
        T parsed;
        try {
            parsed = parser.parse(file, data);
        } catch (FormatException e) {
            named(e, file);
            return;
        }
        byte[] written = writer.apply(parsed);
        assertArrayEquals(written, writer.apply(parser.parse(file, written)), file + ": what is written parses back to itself");
    }

    private static void named(FormatException e, String file) {
        assertNotNull(e.getMessage());
        assertTrue(e.getMessage().contains(file), "the error names the file: " + e.getMessage());
        assertFalse(e.getMessage().isBlank());
    }
}
