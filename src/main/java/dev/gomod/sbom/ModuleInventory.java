package dev.gomod.sbom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gomod.FileSnapshot;
import dev.gomod.freeze.BuildList;
import dev.gomod.gotool.GoCommand;
import dev.gomod.gotool.GoException;
import dev.gomod.hash.Sha256;
import dev.gomod.mod.FormatException;
import dev.gomod.mod.GoMod;
import dev.gomod.mod.GoSum;
import dev.gomod.mod.ModuleVersion;
import dev.gomod.mod.ModulesTxt;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What a dependency set holds: its main modules, the other modules of its build list (all of them,
 * or those vendor/ holds packages of), their hashes and licenses, and who requires whom.
 *
 * @param mains        the main modules (one, or a workspace's), by path
 * @param components   the other modules, by bom-ref
 * @param dependencies bom-ref to the bom-refs it requires, for every main module and component
 * @param unavailable  the modules go could not download (scope all), {@code path@version: go's error};
 *                     they are components with no zip hash and no license found
 */
public record ModuleInventory(Scope scope, List<Component> mains, List<Component> components,
                              SortedMap<String, SortedSet<String>> dependencies, List<String> unavailable) {
    /** Which modules of the build list are components. */
    public enum Scope {
        /** Every module of {@code go list -m all}. */
        ALL("all"),
        /** Only the modules vendor/modules.txt lists packages of: what the build compiles. */
        VENDORED("vendored");

        private final String id;

        Scope(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        public static Scope of(String id) {
            for (Scope s : values()) {
                if (s.id.equals(id.trim())) {
                    return s;
                }
            }
            throw new IllegalArgumentException("unknown SBOM scope '" + id + "': all or vendored");
        }
    }

    /**
     * One module.
     *
     * @param module    as the build list requires it
     * @param code      whose code the build uses: the replacement, or the module itself; a directory
     *                  replacement is the module its go.mod declares, at no version
     * @param localDir  a directory replacement's path as go.mod writes it, else null
     * @param h1        the module zip's h1 as go.sum records it (else as go downloaded it); null for directories
     * @param zipSha256 the module zip's SHA-256 when the zip is at hand (scope all), else null
     * @param licenses  what its license files say
     */
    public record Component(ModuleVersion module, ModuleVersion code, String localDir, String h1, String zipSha256,
                            ModuleLicenses licenses) {
        /** {@code pkg:golang/<path>@<version>?type=module}, as cyclonedx-gomod writes it; both its bom-ref and purl. */
        public String ref() {
            return "pkg:golang/" + code + "?type=module";
        }
    }

    /**
     * What {@link #collect} reads: go in the dependency set's mode, its directory, a scratch copy's
     * {@code -modfile=} (or null), go's build list, the vendor tree (for the vendored scope), and the
     * dependency set's files, whose go.sum files give the h1s and which go must leave as they are.
     */
    public record Sources(GoCommand go, Path dir, String modfileFlag, List<BuildList.Module> buildList, Path vendorDir,
                          List<Path> inputs) {
    }

    /** The components whose licenses nothing answers for (see {@link ModuleLicenses#unknown()}). */
    public List<Component> unknownLicenses() {
        return components.stream().filter(c -> c.licenses().unknown()).toList();
    }

    /**
     * One line per module, or module and license file, the user should hear about: a module go could not
     * download, a text the license library failed on ({@code path@version: COPYING.md: license not
     * determined, …}), a declaration that does not parse. Main modules first.
     */
    public List<String> problems() {
        List<String> out = new ArrayList<>(unavailable);
        for (List<Component> cs : List.of(mains, components)) {
            for (Component c : cs) {
                c.licenses().problems().forEach(p -> out.add(c.code() + ": " + p));
            }
        }
        return out;
    }

    /**
     * Collects the inventory. In scope all, every non-directory module is downloaded with {@code go mod
     * download}, so that its files and zip are at hand on every machine, not only where something
     * happened to build it; the input files are put back if go touched them.
     */
    public static ModuleInventory collect(Scope scope, Sources src, LicenseMatcher matcher) throws IOException, GoException, FormatException {
        List<BuildList.Module> chosen = src.buildList().stream().filter(m -> !m.main()).toList();
        if (scope == Scope.VENDORED) {
            Path modulesTxt = src.vendorDir().resolve("modules.txt");
            Set<String> vendored = Files.isRegularFile(modulesTxt)
                    ? ModulesTxt.parse(Files.readAllBytes(modulesTxt)).withPackages().stream().map(v -> v.module().path()).collect(Collectors.toSet())
                    : Set.of();
            chosen = chosen.stream().filter(m -> vendored.contains(m.module().path())).toList();
        }
        List<String> unavailable = new ArrayList<>();
        Map<String, Download> downloads = scope == Scope.ALL ? download(src, chosen, unavailable) : Map.of();
        List<GoSum> sums = new ArrayList<>();
        for (Path p : src.inputs()) {
            if (p.getFileName().toString().endsWith(".sum") && Files.isRegularFile(p)) {
                sums.add(GoSum.parse(p.toString(), Files.readAllBytes(p)));
            }
        }

        // every module's license texts first, read once and answered on all processors, then detected by module
        Map<Path, SortedMap<String, String>> texts = new HashMap<>();
        Set<BuildList.Module> inScope = new HashSet<>(chosen);
        for (BuildList.Module m : src.buildList()) {
            Path dir = m.main() ? Path.of(m.dir()) : dir(scope, src, m, downloads);
            if (dir != null && (m.main() || inScope.contains(m))) {
                texts.put(dir, LicenseFiles.texts(dir));
            }
        }
        matcher.prepare(texts.values().stream().flatMap(t -> t.values().stream()).toList());

        List<Component> mains = new ArrayList<>();
        for (BuildList.Module m : src.buildList()) {
            if (m.main()) {
                mains.add(new Component(new ModuleVersion(m.module().path(), ""), new ModuleVersion(m.module().path(), ""), null, null, null,
                        LicenseFiles.detect(texts.get(Path.of(m.dir())), matcher)));
            }
        }
        Map<String, Component> byRef = new TreeMap<>();
        Map<String, Component> byPath = new HashMap<>();
        for (BuildList.Module m : chosen) {
            ModuleVersion code = m.code();
            boolean local = m.replacement() != null && m.replacement().version().isEmpty();
            Download d = local ? null : downloads.get(code.toString());
            Path dir = dir(scope, src, m, downloads);
            if (local) {
                code = new ModuleVersion(declaredPath(dir, m.module().path()), "");
            }
            String h1 = local ? null : sum(sums, code).orElse(d == null ? null : d.sum());
            String zip = d == null || d.zip() == null ? null : Sha256.hex(Path.of(d.zip()));
            Component c = new Component(m.module(), code, local ? m.replacement().path() : null, h1, zip,
                    dir == null ? ModuleLicenses.NONE : LicenseFiles.detect(texts.get(dir), matcher));
            // two modules replaced by the same code are one component, as cyclonedx-gomod makes them
            byRef.putIfAbsent(c.ref(), c);
            byPath.put(m.module().path(), byRef.get(c.ref()));
        }
        mains.sort(Comparator.comparing(c -> c.module().path()));
        return new ModuleInventory(scope, List.copyOf(mains), List.copyOf(byRef.values()), graph(src, mains, byPath, chosen),
                List.copyOf(unavailable));
    }

    private record Download(String dir, String zip, String sum) {
    }

    // Where a module's files are: vendor/<path> (vendored scope), a directory replacement, or what go downloaded; null when none.
    private static Path dir(Scope scope, Sources src, BuildList.Module m, Map<String, Download> downloads) {
        if (scope == Scope.VENDORED) {
            return src.vendorDir().resolve(m.module().path());
        }
        if (m.replacement() != null && m.replacement().version().isEmpty()) {
            return Path.of(m.dir());
        }
        Download d = downloads.get(m.code().toString());
        return d == null ? null : Path.of(d.dir());
    }

    /**
     * {@code go mod download -json} of the chosen modules. go downloads what it can and reports each
     * module it could not (a proxy that refuses one version, say) in that module's Error field with
     * exit 1: such a module is named in {@code unavailable}, not the end of the inventory. Only when no
     * module could be had is the failure go's.
     */
    private static Map<String, Download> download(Sources src, List<BuildList.Module> chosen, List<String> unavailable)
            throws IOException, GoException {
        List<String> args = new ArrayList<>(List.of("mod", "download", "-json"));
        if (src.modfileFlag() != null) {
            args.add(src.modfileFlag());
        }
        int fixed = args.size();
        for (BuildList.Module m : chosen) {
            if (!m.code().version().isEmpty()) {
                args.add(m.code().toString());
            }
        }
        Map<String, Download> out = new HashMap<>();
        if (args.size() == fixed) {
            return out;
        }
        FileSnapshot inputs = FileSnapshot.of(src.inputs());
        String json;
        GoException failed = null;
        try {
            json = src.go().run(src.dir(), args.toArray(String[]::new)).stdout();
        } catch (GoException e) {
            if (e.kind() != GoException.Kind.FAILED || !e.output().strip().startsWith("{")) {
                throw e;
            }
            json = e.output(); // go's stderr is empty here: its output is the JSON of every module
            failed = e;
        } finally {
            inputs.restore();
        }
        try (MappingIterator<JsonNode> it = new ObjectMapper().readerFor(JsonNode.class).readValues(json)) {
            while (it.hasNext()) {
                JsonNode n = it.next();
                String key = n.path("Path").asText() + "@" + n.path("Version").asText();
                if (n.hasNonNull("Error")) {
                    unavailable.add(key + ": go could not download it, so its zip hash and licenses are not known: "
                            + src.go().environment().masker().mask(n.get("Error").asText().replace("\n\t", " ").replace("\n", " ").strip()));
                    continue;
                }
                out.put(key, new Download(n.path("Dir").asText(), n.hasNonNull("Zip") ? n.get("Zip").asText() : null, n.path("Sum").asText(null)));
            }
        } catch (IOException e) {
            if (failed != null) {
                throw failed;
            }
            throw e;
        }
        if (failed != null && out.isEmpty()) {
            throw failed;
        }
        unavailable.sort(null);
        return out;
    }

    private static Optional<String> sum(List<GoSum> sums, ModuleVersion code) {
        for (GoSum s : sums) {
            Optional<String> h = s.zipHash(code);
            if (h.isPresent()) {
                return h;
            }
        }
        return Optional.empty();
    }

    private static String declaredPath(Path dir, String fallback) throws IOException {
        Path goMod = dir == null ? null : dir.resolve(GoMod.FILE);
        if (goMod == null || !Files.isRegularFile(goMod)) {
            return fallback;
        }
        try {
            return GoMod.parse(goMod.toString(), Files.readAllBytes(goMod), false).modulePath();
        } catch (FormatException e) {
            return fallback;
        }
    }

    /**
     * The edges of {@code go mod graph} between the chosen modules: from a main module, or from a
     * module at its selected version (the graph also has the versions MVS passed over), to the selected
     * version of what it requires, as cyclonedx-gomod reads the graph.
     */
    private static SortedMap<String, SortedSet<String>> graph(Sources src, List<Component> mains, Map<String, Component> byPath,
                                                              List<BuildList.Module> chosen) throws GoException {
        List<String> args = new ArrayList<>(List.of("mod", "graph"));
        if (src.modfileFlag() != null) {
            args.add(src.modfileFlag());
        }
        Map<String, String> mainRefs = new HashMap<>();
        for (Component m : mains) {
            mainRefs.put(m.module().path(), m.ref());
        }
        Map<String, String> selected = new HashMap<>();
        for (BuildList.Module m : chosen) {
            selected.put(m.module().path(), m.module().version());
        }
        SortedMap<String, SortedSet<String>> deps = new TreeMap<>();
        mainRefs.values().forEach(r -> deps.put(r, new TreeSet<>()));
        byPath.values().forEach(c -> deps.put(c.ref(), new TreeSet<>()));
        String out = src.go().run(src.dir(), args.toArray(String[]::new)).stdout();
        for (String line : out.split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length != 2) {
                continue;
            }
            String from = ref(f[0], mainRefs, byPath, selected, true);
            String to = ref(f[1], mainRefs, byPath, selected, false);
            if (from != null && to != null && !from.equals(to)) {
                deps.get(from).add(to);
            }
        }
        return deps;
    }

    private static String ref(String node, Map<String, String> mainRefs, Map<String, Component> byPath, Map<String, String> selected,
                              boolean strict) {
        int at = node.lastIndexOf('@');
        String path = at < 0 ? node : node.substring(0, at);
        if (mainRefs.containsKey(path)) {
            return mainRefs.get(path);
        }
        Component c = byPath.get(path);
        if (c == null || (strict && (at < 0 || !node.substring(at + 1).equals(selected.get(path))))) {
            return null; // go@, toolchain@, a module out of scope, or a version MVS did not select
        }
        return c.ref();
    }
}
