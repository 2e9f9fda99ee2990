package dev.gomod.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gomod.mod.FormatException;
import dev.gomod.sbom.CycloneDxSbom;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The modules of one release as its SBOM (gomod:sbom's CycloneDX JSON) holds them: the main modules,
 * every other module with its version and license, go mod graph's edges between the selected
 * versions, and the vulnerabilities gomod:audit gave it. The SBOM is read as the plugin writes it;
 * another tool's CycloneDX document is read as far as it has the same fields.
 *
 * @param mains           the main modules' paths (a workspace's each)
 * @param modules         every module but the main ones, by path
 * @param edges           module path to the paths it requires, main modules included
 * @param vulnerabilities findings (id and module path) the SBOM records
 */
public record DependencySet(List<String> mains, SortedMap<String, Module> modules, SortedMap<String, SortedSet<String>> edges,
                            SortedSet<Finding> vulnerabilities) {

    /**
     * One module.
     *
     * @param version  its version; empty for a directory replacement
     * @param license  its license: the declared expression, else the licenses found joined by AND,
     *                 or null when none was found
     * @param replaces the path of the module it replaces ({@code gomod:replaces}), or null: the vendor
     *                 tree and go.mod name the module by that path
     * @param dir      the directory of a directory replacement ({@code gomod:dir}), or null
     */
    public record Module(String path, String version, String license, String replaces, String dir) {
        public Module(String path, String version, String license) {
            this(path, version, license, null, null);
        }

        /** The path go.mod and vendor/modules.txt know it by. */
        public String requiredAs() {
            return replaces != null ? replaces : path;
        }
    }

    /** A vulnerability the SBOM records against a module (stdlib and toolchain: against the main module). */
    public record Finding(String id, String module) implements Comparable<Finding> {
        @Override
        public int compareTo(Finding o) {
            int c = id.compareTo(o.id);
            return c != 0 ? c : module.compareTo(o.module);
        }
    }

    /** The modules the main modules require directly. */
    public Set<String> direct() {
        Set<String> out = new TreeSet<>();
        for (String m : mains) {
            out.addAll(edges.getOrDefault(m, new TreeSet<>()));
        }
        out.removeAll(mains);
        return out;
    }

    /** Reads an SBOM, naming the file and entry of what it cannot read. */
    public static DependencySet read(Path sbom) throws IOException, FormatException {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(sbom.toFile());
        } catch (JsonProcessingException e) {
            throw new FormatException(sbom.toString(), 0, "not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !"CycloneDX".equals(root.path("bomFormat").asText())) {
            throw new FormatException(sbom.toString(), 0, "not a CycloneDX document (no \"bomFormat\": \"CycloneDX\")");
        }
        Map<String, String> pathOfRef = new TreeMap<>();
        List<String> mains = new ArrayList<>();
        JsonNode main = root.path("metadata").path("component");
        if (main.isMissingNode()) {
            throw new FormatException(sbom.toString(), 0, "no metadata.component: which module is the release?");
        }
        // a workspace's SBOM: go.work, with each of its modules
        boolean work = main.path("components").isArray();
        for (JsonNode m : work ? main.path("components") : List.of(main)) {
            String path = text(sbom, m, "name", "metadata.component");
            mains.add(path);
            pathOfRef.put(m.path("bom-ref").asText(path), path);
        }
        SortedMap<String, Module> modules = new TreeMap<>();
        int i = 0;
        for (JsonNode c : root.path("components")) {
            String where = "components[" + i++ + "]";
            String path = text(sbom, c, "name", where);
            String replaces = property(c, CycloneDxSbom.REPLACES);
            modules.put(path, new Module(path, c.path("version").asText(""), license(c.path("licenses")),
                    replaces == null ? null : replaces.split(" ")[0], property(c, CycloneDxSbom.DIR)));
            pathOfRef.put(c.path("bom-ref").asText(path), path);
        }
        SortedMap<String, SortedSet<String>> edges = new TreeMap<>();
        i = 0;
        for (JsonNode d : root.path("dependencies")) {
            String where = "dependencies[" + i++ + "]";
            String from = pathOfRef.get(text(sbom, d, "ref", where));
            if (from == null) {
                continue; // go.work's own entry, or a ref to nothing listed
            }
            for (JsonNode to : d.path("dependsOn")) {
                String target = pathOfRef.get(to.asText());
                if (target != null && !target.equals(from)) {
                    edges.computeIfAbsent(from, k -> new TreeSet<>()).add(target);
                }
            }
        }
        SortedSet<Finding> vulns = new TreeSet<>();
        for (JsonNode v : root.path("vulnerabilities")) {
            for (JsonNode a : v.path("affects")) {
                String path = pathOfRef.get(a.path("ref").asText());
                vulns.add(new Finding(v.path("id").asText(), path == null ? mains.get(0) : path));
            }
        }
        return new DependencySet(List.copyOf(mains), modules, edges, vulns);
    }

    private static String property(JsonNode component, String name) {
        for (JsonNode p : component.path("properties")) {
            if (name.equals(p.path("name").asText())) {
                return p.path("value").asText();
            }
        }
        return null;
    }

    private static String text(Path file, JsonNode node, String field, String where) throws FormatException {
        String v = node.path(field).asText("");
        if (v.isEmpty()) {
            throw new FormatException(file.toString(), 0, where + " has no \"" + field + "\"");
        }
        return v;
    }

    /** The declared expression, else the license ids (or names) found, joined by AND; null when none. */
    static String license(JsonNode licenses) {
        Set<String> ids = new LinkedHashSet<>();
        for (JsonNode l : licenses) {
            if (l.hasNonNull("expression")) {
                return l.get("expression").asText();
            }
            JsonNode lic = l.path("license");
            String id = lic.path("id").asText(lic.path("name").asText(""));
            if (!id.isEmpty()) {
                ids.add(id);
            }
        }
        return ids.isEmpty() ? null : String.join(" AND ", new TreeSet<>(ids));
    }
}
