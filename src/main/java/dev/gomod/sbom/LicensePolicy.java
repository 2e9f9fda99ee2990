package dev.gomod.sbom;

import dev.gomod.Reporter;
import dev.gomod.freeze.LicenseCheck;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which licenses a dependency set may carry, by SPDX id. A module breaks the policy when any id found
 * in its license files, or declared there, is denied, or, with an allow list, is not on it: a module
 * with two license files (MIT and Apache-2.0, say) must have both allowed, and so must both sides of a
 * declared {@code MIT OR Apache-2.0}, since a text match cannot say which alternative applies and the
 * policy judges every id the module names alike. A module nothing answers for ({@link
 * ModuleLicenses#unknown()}) is unknown; unknown fails only when asked.
 *
 * @param allow        the ids allowed; empty allows every id not denied
 * @param deny         the ids refused
 * @param unknownFails whether a module with no license found breaks the policy
 */
public record LicensePolicy(Set<String> allow, Set<String> deny, boolean unknownFails) {
    public static final LicensePolicy NONE = new LicensePolicy(Set.of(), Set.of(), false);

    public LicensePolicy {
        allow = Set.copyOf(allow);
        deny = Set.copyOf(deny);
    }

    /** From comma-separated SPDX id lists (null or blank: none). */
    public static LicensePolicy of(String allow, String deny, boolean unknownFails) {
        return new LicensePolicy(ids(allow), ids(deny), unknownFails);
    }

    private static Set<String> ids(String list) {
        Set<String> out = new LinkedHashSet<>();
        if (list != null) {
            for (String s : list.split(",")) {
                if (!s.isBlank()) {
                    out.add(s.trim());
                }
            }
        }
        return out;
    }

    /** Whether the policy asks anything at all (else there is no need to look at licenses). */
    public boolean active() {
        return !allow.isEmpty() || !deny.isEmpty() || unknownFails;
    }

    /**
     * One line per module and id that breaks the policy: {@code path@version: GPL-3.0-only (COPYING) is
     * denied}. The ids judged are those found in the texts and those declared; a module nothing answers
     * for is unknown, and says why when a file was left undetermined.
     */
    public List<String> violations(ModuleInventory inventory) {
        List<String> out = new ArrayList<>();
        for (ModuleInventory.Component c : inventory.components()) {
            String who = c.code().toString();
            ModuleLicenses l = c.licenses();
            if (l.unknown() && unknownFails) {
                out.add(who + ": " + (l.undetermined().isEmpty() ? "no license found in its license files"
                        : "license not determined in " + String.join(", ", l.undetermined().stream().map(ModuleLicenses.Undetermined::file).toList())
                        + " (the license library failed on it) and none declared"));
            }
            for (String id : l.ids()) {
                String where = String.join(", ", sources(l, id));
                if (deny.contains(id)) {
                    out.add(who + ": " + id + " (" + where + ") is denied");
                } else if (!allow.isEmpty() && !allow.contains(id)) {
                    out.add(who + ": " + id + " (" + where + ") is not allowed");
                }
            }
        }
        return out;
    }

    // The files that name the id: found in their text, or declared in them.
    private static Set<String> sources(ModuleLicenses l, String id) {
        Set<String> out = new LinkedHashSet<>();
        l.found().stream().filter(f -> f.id().equals(id)).forEach(f -> out.add(f.file()));
        l.declarations().stream().filter(d -> d.ids().contains(id)).forEach(d -> out.add(d.file() + " declares it"));
        return out;
    }

    /**
     * This policy as freeze asks it: the inventory of the frozen set in {@code scope}, its unknown
     * modules listed as a warning, its violations returned. Asks nothing when the policy is not active.
     * {@code cache} keeps license answers between builds (null: none).
     */
    public LicenseCheck freezeCheck(ModuleInventory.Scope scope, Reporter reporter, LicenseAnswerCache cache) {
        if (!active()) {
            return LicenseCheck.NONE;
        }
        return (go, dir, modfileFlag, buildList, vendorDir, inputs) -> {
            ModuleInventory inv = ModuleInventory.collect(scope, new ModuleInventory.Sources(go, dir, modfileFlag, buildList, vendorDir, inputs),
                    new LicenseMatcher(cache));
            inv.problems().forEach(reporter::warn);
            List<String> unknown = unknown(inv);
            if (!unknown.isEmpty()) {
                reporter.warn(unknown.size() + " of " + inv.components().size() + " modules have no license found or declared in their license files"
                        + (unknownFails ? "" : " (not refused)") + ":\n  " + String.join("\n  ", unknown));
            }
            List<String> violations = violations(inv);
            if (violations.isEmpty()) {
                reporter.info("license policy kept by all " + inv.components().size() + " modules (" + scope.id() + ")");
            }
            return violations;
        };
    }

    /** The modules with no license found, {@code path@version}. */
    public static List<String> unknown(ModuleInventory inventory) {
        return inventory.unknownLicenses().stream().map(c -> c.code().toString()).toList();
    }
}
