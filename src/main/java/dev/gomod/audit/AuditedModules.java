package dev.gomod.audit;

import dev.gomod.mod.FormatException;
import dev.gomod.mod.GoMod;
import dev.gomod.mod.ModuleVersion;
import dev.gomod.mod.ModulesTxt;
import dev.gomod.mod.Semver;
import dev.gomod.mod.VendorConsistency;
import dev.gomod.workspace.Workspace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The modules of a release as the audit checks them (see the package documentation), and where
 * the list came from, for the report.
 *
 * @param modules by path
 * @param from    {@code vendor/modules.txt} or {@code go.mod}
 */
public record AuditedModules(List<Module> modules, String from) {
    /**
     * One module at the version the build uses.
     *
     * @param packages the packages the build takes from it; empty when not known (no vendor tree)
     */
    public record Module(String path, String version, Set<String> packages, boolean packagesKnown) {
    }

    /** The module set of the workspace: from vendor/modules.txt when there is one, else from go.mod (each of go.work's modules). */
    public static AuditedModules of(Workspace workspace) throws IOException, FormatException {
        Path modulesTxt = workspace.vendorDir().resolve("modules.txt");
        if (Files.isRegularFile(modulesTxt)) {
            return fromModulesTxt(ModulesTxt.parse(Files.readAllBytes(modulesTxt)), "vendor/modules.txt");
        }
        Map<String, Module> byPath = new TreeMap<>();
        List<GoMod> goMods = new ArrayList<>();
        if (workspace.goWorkMode()) {
            for (VendorConsistency.WorkspaceModule m : workspace.workModules()) {
                goMods.add(m.goMod());
            }
        } else {
            goMods.add(workspace.goMod());
        }
        for (GoMod goMod : goMods) {
            for (GoMod.Require r : goMod.requires()) {
                ModuleVersion used = goMod.replacementFor(r.module()).map(GoMod.Replace::replacement).orElse(r.module());
                if (used.version().isEmpty()) {
                    continue; // a directory replacement: local code
                }
                // among the workspace's modules, the highest requirement of a path is what MVS selects
                byPath.merge(used.path(), new Module(used.path(), used.version(), Set.of(), false),
                        (a, b) -> Semver.compare(a.version(), b.version()) >= 0 ? a : b);
            }
        }
        return new AuditedModules(List.copyOf(byPath.values()), workspace.goWorkMode() ? "go.mod of each go.work module" : workspace.modFileName());
    }

    /** The modules of a vendor/modules.txt that give the build packages; {@code from} names it for the report. */
    public static AuditedModules fromModulesTxt(ModulesTxt txt, String from) {
        Map<String, Module> byPath = new TreeMap<>();
        for (ModulesTxt.Module m : txt.withPackages()) {
            Optional<ModuleVersion> replacement = m.replacement();
            ModuleVersion used = replacement.orElse(m.module());
            if (used.version().isEmpty()) {
                continue; // a directory replacement: local code
            }
            byPath.put(used.path(), new Module(used.path(), used.version(), new LinkedHashSet<>(m.packages()), true));
        }
        return new AuditedModules(List.copyOf(byPath.values()), from);
    }
}
