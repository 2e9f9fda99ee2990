package dev.gomod.freeze;

import dev.gomod.mod.GoMod;
import dev.gomod.mod.ModulePath;
import dev.gomod.mod.Semver;

import java.util.ArrayList;
import java.util.List;

/**
 * What a release may depend on: directory replacements (refused unless allowed: the code they name
 * is not versioned anywhere), module path patterns to deny or to allow exclusively, and optionally
 * no pseudo-versions. Patterns use GOPRIVATE's syntax: comma-separated globs matched against path
 * prefixes ({@code github.com/corp/*} matches {@code github.com/corp/x/y}).
 */
public record DependencyPolicy(boolean allowDirectoryReplace, String deny, String allow, boolean refusePseudoVersions) {

    public static DependencyPolicy permissive() {
        return new DependencyPolicy(true, null, null, false);
    }

    public List<String> violations(GoMod goMod, List<BuildList.Module> buildList) {
        List<String> out = new ArrayList<>();
        directoryReplaces(goMod.file(), goMod.replaces(), null, java.util.Set.of(), out);
        buildList(buildList, out);
        return out;
    }

    /**
     * The same policy over a workspace: a directory replacement, in go.work or a module's go.mod, that
     * names a module of the workspace is how a monorepo wires its siblings, not a local replacement.
     */
    public List<String> violations(dev.gomod.mod.GoWork work, List<dev.gomod.mod.VendorConsistency.WorkspaceModule> modules,
                                   List<BuildList.Module> buildList) throws dev.gomod.mod.FormatException {
        List<String> out = new ArrayList<>();
        java.util.Set<String> useDirs = new java.util.HashSet<>(work.useDirs());
        directoryReplaces(work.file(), work.replaces(), ".", useDirs, out);
        for (dev.gomod.mod.VendorConsistency.WorkspaceModule m : modules) {
            directoryReplaces(m.goMod().file(), m.goMod().replaces(), m.dir(), useDirs, out);
        }
        buildList(buildList, out);
        return out;
    }

    private void directoryReplaces(String file, List<GoMod.Replace> replaces, String fromDir, java.util.Set<String> siblings, List<String> out) {
        if (allowDirectoryReplace) {
            return;
        }
        for (GoMod.Replace r : replaces) {
            if (!r.isDirectory()) {
                continue;
            }
            if (fromDir != null && !r.replacement().path().startsWith("/")
                    && siblings.contains(dev.gomod.mod.GoWork.normalize(fromDir + "/" + r.replacement().path()))) {
                continue;
            }
            out.add(file + ":" + r.line() + ": replace " + r.old() + " => " + r.replacement().path()
                    + " is a local directory replacement (allowDirectoryReplace=false)");
        }
    }

    private void buildList(List<BuildList.Module> buildList, List<String> out) {
        for (BuildList.Module m : buildList) {
            if (m.main()) {
                continue;
            }
            String path = m.module().path();
            if (ModulePath.matchesPrefixPatterns(deny, path)) {
                out.add(m.module() + " is denied by deny=" + deny);
            }
            if (allow != null && !allow.isBlank() && !ModulePath.matchesPrefixPatterns(allow, path)) {
                out.add(m.module() + " is not allowed by allow=" + allow);
            }
            if (refusePseudoVersions) {
                String v = m.replacement() != null && !m.replacement().version().isEmpty() ? m.replacement().version() : m.module().version();
                if (Semver.isPseudo(v)) {
                    out.add(m.module() + " uses pseudo-version " + v + " (refusePseudoVersions=true): depend on a tagged release");
                }
            }
        }
    }
}
