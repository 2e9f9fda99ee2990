package dev.gomod.mod;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * cmd/go's vendor consistency rules (modload.checkVendorConsistency): every go.mod require is
 * {@code ## explicit} in modules.txt and vice versa, and every replace matches in both directions.
 * With a main module older than go 1.14, whose modules.txt lacked the annotations, only version
 * mismatches are reported, as Go does. Like Go, it never looks at vendored file contents.
 *
 * <p>In workspace mode ({@link #checkWorkspace}) the rules run over every workspace module's go.mod
 * and go.work together: a require of any module must be explicit; a replacement is the one go.work
 * names, else the one the modules agree on, with directory replacements rewritten relative to
 * go.work's directory (as {@code go work vendor} records them); a workspace module's own path at no
 * version is never replaced.
 *
 * <p>The {@code ## workspace} header decides which rules apply: go uses vendor/ only when the header
 * matches its mode, and otherwise falls back to the module cache without a word. Both checks report
 * a header that does not match, since the vendor tree would then be silently unused.
 */
public final class VendorConsistency {
    /** One inconsistency, worded as {@code go} words it, for the module it names. */
    public record Violation(ModuleVersion module, String detail) {
        @Override
        public String toString() {
            return (module == null ? "vendor/modules.txt" : module.toString()) + ": " + detail;
        }
    }

    /** A finding about modules.txt as a whole (its header), not about one module. */
    private static Violation ofFile(String detail) {
        return new Violation(null, detail);
    }

    private VendorConsistency() {
    }

    /** One workspace module: its directory relative to go.work ({@code .}, {@code api}) and its go.mod. */
    public record WorkspaceModule(String dir, GoMod goMod) {
    }

    /** cmd/go's rules in workspace mode; {@code modules} in go.work's use order. */
    public static List<Violation> checkWorkspace(GoWork work, List<WorkspaceModule> modules, ModulesTxt txt) {
        List<Violation> out = new ArrayList<>();
        if (!txt.workspace()) {
            // go does not fail here: without the header it silently leaves vendor mode and goes to the network
            out.add(ofFile("has no '## workspace' line (go mod vendor wrote it, not go work vendor): go ignores vendor/ in workspace mode"));
        }
        java.util.Set<String> mainPaths = new java.util.HashSet<>();
        modules.forEach(m -> mainPaths.add(m.goMod().modulePath()));
        for (WorkspaceModule m : modules) {
            for (GoMod.Require r : m.goMod().requires()) {
                if (!txt.find(r.module()).map(ModulesTxt.Module::explicit).orElse(false)) {
                    out.add(new Violation(r.module(), "is explicitly required in go.mod, but not marked as explicit in vendor/modules.txt"));
                }
            }
        }
        java.util.Set<ModuleVersion> seen = new java.util.HashSet<>();
        List<java.util.Map.Entry<String, GoMod.Replace>> replaces = new ArrayList<>();
        for (WorkspaceModule m : modules) {
            m.goMod().replaces().forEach(r -> replaces.add(java.util.Map.entry(source(m), r)));
        }
        work.replaces().forEach(r -> replaces.add(java.util.Map.entry("go.work", r)));
        for (java.util.Map.Entry<String, GoMod.Replace> e : replaces) {
            GoMod.Replace r = e.getValue();
            if (!seen.add(r.old())) {
                continue;
            }
            Optional<Effective> effective = replacement(work, modules, mainPaths, r.old(), out);
            Optional<ModuleVersion> vr = txt.find(r.old()).flatMap(ModulesTxt.Module::replacement);
            if (vr.isEmpty()) {
                if (effective.isPresent()) {
                    out.add(new Violation(r.old(), "is replaced in " + effective.get().source()
                            + ", but not marked as replaced in vendor/modules.txt"));
                }
            } else if (effective.isEmpty() || !vr.get().equals(effective.get().canonical())) {
                out.add(new Violation(r.old(), "is replaced by " + (effective.isEmpty() ? "nothing" : effective.get().written())
                        + " in " + (effective.isEmpty() ? e.getKey() : effective.get().source())
                        + ", but marked as replaced by " + vr.get() + " in vendor/modules.txt"));
            }
        }
        for (ModulesTxt.Module m : txt.withPackages()) {
            if (m.explicit() && modules.stream().noneMatch(w -> w.goMod().requires().stream().anyMatch(r -> r.module().equals(m.module())))) {
                out.add(new Violation(m.module(), "is marked as explicit in vendor/modules.txt, but not explicitly required in a go.mod"));
            }
        }
        for (ModulesTxt.Module m : txt.modules()) {
            if (m.replacement().isPresent() && replacement(work, modules, mainPaths, m.module(), new ArrayList<>()).isEmpty()) {
                out.add(new Violation(m.module(), "is marked as replaced in vendor/modules.txt, but not replaced in the workspace"));
            }
        }
        return out;
    }

    /** A replacement as written, where, and as modules.txt records it. */
    private record Effective(ModuleVersion written, String source, ModuleVersion canonical) {
    }

    /** cmd/go's Replacement in workspace mode (modload.replacementFrom and canonicalizeReplacePath). */
    private static Optional<Effective> replacement(GoWork work, List<WorkspaceModule> modules, java.util.Set<String> mainPaths,
                                                   ModuleVersion m, List<Violation> out) {
        if (m.version().isEmpty() && mainPaths.contains(m.path())) {
            return Optional.empty(); // the workspace's own module is never replaced
        }
        Optional<GoMod.Replace> fromWork = lookup(work.replaces(), m);
        if (fromWork.isPresent()) {
            ModuleVersion r = fromWork.get().replacement();
            return Optional.of(new Effective(r, "go.work", r));
        }
        Effective found = null;
        for (WorkspaceModule w : modules) {
            Optional<GoMod.Replace> r = lookup(w.goMod().replaces(), m);
            if (r.isEmpty()) {
                continue;
            }
            ModuleVersion to = r.get().replacement();
            Effective e = new Effective(to, source(w), canonical(w.dir(), to));
            if (found != null && !found.written().equals(to)) {
                out.add(new Violation(m, "conflicting replacements in workspace modules defined by " + found.source() + " and " + e.source()));
                return Optional.of(found);
            }
            found = e;
        }
        return Optional.ofNullable(found);
    }

    private static Optional<GoMod.Replace> lookup(List<GoMod.Replace> replaces, ModuleVersion m) {
        Optional<GoMod.Replace> exact = replaces.stream().filter(r -> r.old().equals(m)).findFirst();
        return exact.isPresent() ? exact
                : replaces.stream().filter(r -> r.old().version().isEmpty() && r.old().path().equals(m.path())).findFirst();
    }

    /** A module's directory replacement, relative to go.work's directory, as go records it. */
    private static ModuleVersion canonical(String moduleDir, ModuleVersion to) {
        if (!to.version().isEmpty() || to.path().startsWith("/")) {
            return to;
        }
        String joined = GoWork.normalize(moduleDir.equals(".") ? to.path() : moduleDir + "/" + to.path());
        String dir = joined.equals("..") || joined.startsWith("../") ? joined : "./" + (joined.equals(".") ? "" : joined);
        return new ModuleVersion(dir.equals("./") ? "." : dir, "");
    }

    private static String source(WorkspaceModule m) {
        return GoWork.fileIn(m.dir(), "go.mod");
    }

    public static List<Violation> check(GoMod goMod, ModulesTxt txt) {
        List<Violation> out = new ArrayList<>();
        if (txt.workspace()) {
            out.add(ofFile("starts with '## workspace' (go work vendor wrote it): go ignores vendor/ outside workspace mode"));
        }
        boolean pre114 = !goMod.goAtLeast(GoReleases.VENDOR_ANNOTATIONS);

        for (GoMod.Require r : goMod.requires()) {
            boolean explicit = txt.find(r.module()).map(ModulesTxt.Module::explicit).orElse(false);
            if (explicit) {
                continue;
            }
            if (pre114) {
                Optional<String> vv = txt.vendoredVersion(r.module().path());
                if (vv.isPresent() && !vv.get().equals(r.module().version())) {
                    out.add(new Violation(r.module(), "is explicitly required in go.mod, but vendor/modules.txt indicates "
                            + r.module().path() + "@" + vv.get()));
                }
            } else {
                out.add(new Violation(r.module(), "is explicitly required in go.mod, but not marked as explicit in vendor/modules.txt"));
            }
        }

        for (GoMod.Replace r : goMod.replaces()) {
            Optional<ModuleVersion> vr = txt.find(r.old()).flatMap(ModulesTxt.Module::replacement);
            if (vr.isEmpty()) {
                boolean omittedBefore114 = pre114 && (r.old().version().isEmpty()
                        || !txt.vendoredVersion(r.old().path()).orElse("").equals(r.old().version()));
                if (!omittedBefore114) {
                    out.add(new Violation(r.old(), "is replaced in go.mod, but not marked as replaced in vendor/modules.txt"));
                }
            } else if (!vr.get().equals(r.replacement())) {
                out.add(new Violation(r.old(), "is replaced by " + r.replacement() + " in go.mod, but marked as replaced by "
                        + vr.get() + " in vendor/modules.txt"));
            }
        }

        for (ModulesTxt.Module m : txt.withPackages()) {
            if (m.explicit() && goMod.requires().stream().noneMatch(r -> r.module().equals(m.module()))) {
                out.add(new Violation(m.module(), "is marked as explicit in vendor/modules.txt, but not explicitly required in go.mod"));
            }
        }

        for (ModulesTxt.Module m : txt.modules()) {
            if (m.replacement().isEmpty()) {
                continue;
            }
            Optional<GoMod.Replace> r = goMod.replacementFor(m.module());
            if (r.isEmpty()) {
                out.add(new Violation(m.module(), "is marked as replaced in vendor/modules.txt, but not replaced in go.mod"));
            } else if (!r.get().replacement().equals(m.replacement().get())) {
                out.add(new Violation(m.module(), "is marked as replaced by " + m.replacement().get()
                        + " in vendor/modules.txt, but replaced by " + r.get().replacement() + " in go.mod"));
            }
        }
        return out;
    }
}
