package dev.gomod.mod;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * cmd/go's vendor consistency rules (modload.checkVendorConsistency): every go.mod require is
 * {@code ## explicit} in modules.txt and vice versa, and every replace matches in both directions.
 * With a main module older than go 1.14, whose modules.txt lacked the annotations, only version
 * mismatches are reported, as Go does. Like Go, it never looks at vendored file contents.
 */
public final class VendorConsistency {
    /** One inconsistency, worded as {@code go} words it, for the module it names. */
    public record Violation(ModuleVersion module, String detail) {
        @Override
        public String toString() {
            return module + ": " + detail;
        }
    }

    private VendorConsistency() {
    }

    public static List<Violation> check(GoMod goMod, ModulesTxt txt) {
        List<Violation> out = new ArrayList<>();
        boolean pre114 = !goMod.goAtLeast(14);

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
