package dev.gomod.vulndb;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes a database directory in the layout of the package documentation. */
public final class VulnDb {
    /** The directory of the entries. */
    public static final String ID_DIR = "ID";

    private VulnDb() {
    }

    /** Writes {@code entries} and their index into the empty or absent directory {@code dir}; returns the index. */
    public static VulnDbIndex write(VulnDbSource.Entries entries, Path dir) throws IOException {
        VulnDbIndex index = VulnDbIndex.of(entries.entries(), entries.time());
        Files.createDirectories(dir.resolve("index"));
        Files.write(dir.resolve(VulnDbIndex.DB), index.dbJson());
        Files.write(dir.resolve(VulnDbIndex.MODULES), index.modulesJson());
        Files.write(dir.resolve(VulnDbIndex.VULNS), index.vulnsJson());
        Path ids = Files.createDirectories(dir.resolve(ID_DIR));
        for (OsvEntry e : entries.entries()) {
            Files.write(ids.resolve(e.id() + ".json"), e.bytes());
        }
        return index;
    }

    /** The files of a database directory that must be there. */
    public static List<String> required() {
        return List.of(VulnDbIndex.DB, VulnDbIndex.MODULES, VulnDbIndex.VULNS);
    }
}
