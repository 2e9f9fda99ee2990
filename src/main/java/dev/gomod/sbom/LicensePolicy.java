package dev.gomod.sbom;

import dev.gomod.Reporter;
import dev.gomod.freeze.LicenseCheck;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which licenses a dependency set may carry, by SPDX id. A module breaks the policy when any id found
 * in its license files is denied, or, with an allow list, is not on it: a module with two license
 * files (MIT and Apache-2.0, say) must have both allowed, since nothing here knows whether they are
 * alternatives or both apply. A module with no license found is unknown; unknown fails only when asked.
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

    /** One line per module that breaks the policy: {@code path@version: GPL-3.0-only (COPYING) is denied}. */
    public List<String> violations(ModuleInventory inventory) {
        List<String> out = new ArrayList<>();
        for (ModuleInventory.Component c : inventory.components()) {
            String who = c.code().toString();
            if (c.licenses().isEmpty()) {
                if (unknownFails) {
                    out.add(who + ": no license found in its license files");
                }
                continue;
            }
            for (FoundLicense f : c.licenses()) {
                if (deny.contains(f.id())) {
                    out.add(who + ": " + f.id() + " (" + f.file() + ") is denied");
                } else if (!allow.isEmpty() && !allow.contains(f.id())) {
                    out.add(who + ": " + f.id() + " (" + f.file() + ") is not allowed");
                }
            }
        }
        return out;
    }

    /**
     * This policy as freeze asks it: the inventory of the frozen set in {@code scope}, its unknown
     * modules listed as a warning, its violations returned. Asks nothing when the policy is not active.
     */
    public LicenseCheck freezeCheck(ModuleInventory.Scope scope, Reporter reporter) {
        if (!active()) {
            return LicenseCheck.NONE;
        }
        return (go, dir, modfileFlag, buildList, vendorDir, inputs) -> {
            ModuleInventory inv = ModuleInventory.collect(scope, new ModuleInventory.Sources(go, dir, modfileFlag, buildList, vendorDir, inputs),
                    new LicenseMatcher());
            List<String> unknown = unknown(inv);
            if (!unknown.isEmpty()) {
                reporter.warn(unknown.size() + " of " + inv.components().size() + " modules have no license found in their license files"
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
