package dev.gomod.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gomod.mod.FormatException;
import dev.gomod.vulndb.OsvEntry;
import dev.gomod.vulndb.VulnDb;
import dev.gomod.vulndb.VulnDbIndex;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A restored database directory as the audit reads it: db.json's time, modules.json to find the
 * entries of a module, and each entry read when first needed, named by file and field if it does
 * not parse.
 */
public final class VulnDatabase {
    private final Path dir;
    private final Instant modified;
    private final Map<String, List<String>> idsByModule = new HashMap<>();
    private final Map<String, OsvEntry> entries = new HashMap<>();

    private VulnDatabase(Path dir, Instant modified) {
        this.dir = dir;
        this.modified = modified;
    }

    /** Opens {@code dir}, reading its index. */
    public static VulnDatabase open(Path dir) throws IOException, FormatException {
        ObjectMapper json = new ObjectMapper();
        Path db = dir.resolve(VulnDbIndex.DB);
        if (!Files.isRegularFile(db)) {
            throw new java.io.FileNotFoundException(dir + " holds no vulnerability database (no " + VulnDbIndex.DB + ")");
        }
        VulnDatabase d = new VulnDatabase(dir, VulnDbIndex.modified(db.toString(), Files.readAllBytes(db)));
        Path modules = dir.resolve(VulnDbIndex.MODULES);
        JsonNode list = json.readTree(modules.toFile());
        if (list == null || !list.isArray()) {
            throw new FormatException(modules.toString(), 0, "want an array of modules");
        }
        for (JsonNode m : list) {
            List<String> ids = new ArrayList<>();
            for (JsonNode v : m.path("vulns")) {
                ids.add(v.path("id").asText());
            }
            d.idsByModule.computeIfAbsent(m.path("path").asText(), k -> new ArrayList<>()).addAll(ids);
        }
        return d;
    }

    public Instant modified() {
        return modified;
    }

    public Path dir() {
        return dir;
    }

    /** The entries the index lists for {@code module}, each once. */
    public List<OsvEntry> entriesOf(String module) throws IOException, FormatException {
        List<OsvEntry> out = new ArrayList<>();
        for (String id : idsByModule.getOrDefault(module, List.of()).stream().distinct().toList()) {
            out.add(entry(id));
        }
        return out;
    }

    private OsvEntry entry(String id) throws IOException, FormatException {
        OsvEntry e = entries.get(id);
        if (e == null) {
            if (!id.matches("GO-[0-9]{4}-[0-9]+")) {
                throw new FormatException(dir.resolve(VulnDbIndex.MODULES).toString(), 0, "names an entry '" + id + "'");
            }
            Path f = dir.resolve(VulnDb.ID_DIR).resolve(id + ".json");
            e = OsvEntry.parse(f.toString(), Files.readAllBytes(f));
            entries.put(id, e);
        }
        return e;
    }
}
