package dev.gomod.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gomod.Reporter;
import dev.gomod.WorkspaceException;
import dev.gomod.WorkspaceException.Reason;
import dev.gomod.archive.ReproducibleArchive;
import dev.gomod.gotool.GoException;
import dev.gomod.hash.DirHash;
import dev.gomod.lock.PinKey;
import dev.gomod.mod.FormatException;
import dev.gomod.vulndb.VulnDb;
import dev.gomod.vulndb.VulnDbIndex;
import dev.gomod.vulndb.VulnDbSource;
import dev.gomod.workspace.DirectorySwap;
import dev.gomod.workspace.Workspace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The vulnerability-database bundle ({@code go-vulndb}, always a zip): the Go vulnerability database
 * in the layout govulncheck reads with {@code -db file://<dir>} ({@link dev.gomod.vulndb}), under
 * {@code vulndb/}, made from the source it was chosen with ({@link LayoutChoices}). Its tree hash covers
 * every file; gomod.lock pins it with the time the database states. It carries no workspace
 * files: one database serves any module, and may be published on coordinates of its own.
 */
public final class VulndbBundle extends BundleLayout {
    /** The manifest kind. */
    public static final String KIND = "vulndb";
    private static final String PREFIX = "vulndb/";

    private final Optional<VulnDbSource> from;

    /** @param from where packing and freezing take the database from; empty where it is only restored */
    VulndbBundle(Optional<VulnDbSource> from) {
        super(KIND, PREFIX, "vulnerability database", List.of());
        this.from = from;
    }

    @Override
    public BundleKind bundleKind() {
        return BundleKind.VULNDB;
    }

    @Override
    public String classifier() {
        return "go-vulndb";
    }

    @Override
    public PinKey pinKey() {
        return PinKey.VULNDB;
    }

    @Override
    public Path target(RestoreDirs dirs) {
        return dirs.vulndb();
    }

    @Override
    public ReproducibleArchive.Format format(ReproducibleArchive.Format requested) {
        return ReproducibleArchive.Format.ZIP;
    }

    /** One database serves any module: its bundles name none. */
    @Override
    public boolean ofWorkspace() {
        return false;
    }

    @Override
    public boolean needsGo() {
        return from.map(VulnDbSource::needsGo).orElse(false);
    }

    /** The database read from its source and written, indexed, into a scratch directory. */
    @Override
    public Path source(BundleSources sources) throws IOException, GoException, WorkspaceException, FormatException {
        VulnDbSource source = from.orElseThrow(() -> new IllegalStateException("no vulnerability database source was given"));
        Path db = madeIn(sources.scratch());
        DirectorySwap.deleteTree(db.getParent());
        VulnDbSource.Entries entries = source.read(source.needsGo() ? sources.go() : null, sources.scratch());
        VulnDb.write(entries, db);
        return db;
    }

    /** Where {@link #source} writes the database in a scratch directory (freeze's audit reads it there). */
    public static Path madeIn(Path scratch) {
        return scratch.resolve("vulndb").resolve("db");
    }

    /** The pin: the tree hash and the time db.json states. */
    @Override
    public String freezePin(BundleSources sources, Optional<String> previous, Reporter reporter)
            throws IOException, GoException, WorkspaceException, FormatException {
        Path db = source(sources);
        String pin = sourceHash(db) + " " + modified(db);
        reporter.info("pinned the vulnerability database from " + from.orElseThrow() + ": " + pin);
        return pin;
    }

    /** db.json's modified time, as the pin writes it. */
    static String modified(Path db) throws IOException, FormatException {
        Path file = db.resolve(VulnDbIndex.DB);
        return VulnDbIndex.rfc3339(VulnDbIndex.modified(file.toString(), Files.readAllBytes(file)));
    }

    @Override
    public boolean hashed(String name) {
        return name.startsWith(PREFIX);
    }

    @Override
    List<String> manifestModules(Workspace workspace, Path source) {
        return List.of();
    }

    @Override
    void checkSource(Workspace workspace, Path db) throws WorkspaceException {
        for (String f : VulnDb.required()) {
            if (!Files.isRegularFile(db.resolve(f))) {
                throw new WorkspaceException(Reason.TAMPERED, db + " is not a vulnerability database: it has no " + f);
            }
        }
    }

    @Override
    List<DirHash.FileSource> files(Path db) throws IOException {
        List<DirHash.FileSource> out = new ArrayList<>();
        for (DirHash.FileSource f : DirHash.listDir(db, "")) {
            out.add(new DirHash.FileSource(PREFIX + f.name(), f.path()));
        }
        return out;
    }

    /** The index files are there, and every entry vulns.json names has its file. */
    @Override
    String checkRestored(Workspace workspace, Path archive, Path extract, Reporter reporter) throws IOException, FormatException, WorkspaceException {
        Path db = extract.resolve(PREFIX);
        for (String f : VulnDb.required()) {
            if (!Files.isRegularFile(db.resolve(f))) {
                throw new WorkspaceException(Reason.TAMPERED, "REFUSED " + archive.getFileName() + ": the database has no " + f);
            }
        }
        JsonNode vulns = new ObjectMapper().readTree(db.resolve(VulnDbIndex.VULNS).toFile());
        int n = 0;
        for (JsonNode v : vulns) {
            String id = v.path("id").asText();
            if (!id.matches("GO-[0-9]{4}-[0-9]+") || !Files.isRegularFile(db.resolve(VulnDb.ID_DIR).resolve(id + ".json"))) {
                throw new WorkspaceException(Reason.TAMPERED, "REFUSED " + archive.getFileName() + ": " + VulnDbIndex.VULNS
                        + " names " + id + ", which the database does not hold");
            }
            n++;
        }
        return n + " entries, modified " + modified(db);
    }
}
