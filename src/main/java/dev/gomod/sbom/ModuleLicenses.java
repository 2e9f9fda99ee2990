package dev.gomod.sbom;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a module's license files say: the licenses their texts match (evidence), the expressions
 * they declare ({@code SPDX-License-Identifier}), and the files whose text the license library could
 * not finish comparing.
 *
 * <p>A module is {@link #unknown() unknown} when nothing answers for it: no valid declaration, and
 * either no license found or a file left undetermined (a license could hide in that file, so a
 * policy that refuses the unknown must refuse it too). A declaration answers for the whole module,
 * as its authors state it.
 *
 * @param found        the licenses the texts match, by file, then id
 * @param declarations every SPDX-License-Identifier line, valid or not, by file, then line
 * @param undetermined the files whose comparisons the library failed, with its error
 */
public record ModuleLicenses(List<FoundLicense> found, List<LicenseDeclaration> declarations, List<Undetermined> undetermined) {
    public static final ModuleLicenses NONE = new ModuleLicenses(List.of(), List.of(), List.of());

    /** A license file whose text could not be compared with every candidate. */
    public record Undetermined(String file, String why) {
    }

    public ModuleLicenses {
        found = List.copyOf(found);
        declarations = List.copyOf(declarations);
        undetermined = List.copyOf(undetermined);
    }

    /**
     * The declared expression: the one valid declaration, or several distinct ones joined by AND
     * (each file's declaration applies); empty when none is valid.
     */
    public Optional<String> declared() {
        Set<String> distinct = new LinkedHashSet<>();
        for (LicenseDeclaration d : declarations) {
            if (d.valid()) {
                distinct.add(d.expression());
            }
        }
        if (distinct.size() <= 1) {
            return distinct.stream().findFirst();
        }
        List<String> parts = new ArrayList<>();
        for (String e : distinct) {
            parts.add(e.contains(" OR ") ? "(" + e + ")" : e); // AND binds tighter than OR
        }
        return Optional.of(String.join(" AND ", parts));
    }

    /** The distinct SPDX ids found in the texts, sorted. */
    public List<String> foundIds() {
        return found.stream().map(FoundLicense::id).distinct().sorted().toList();
    }

    /** Every id the module's files name, found or declared, sorted: what a policy judges. */
    public Set<String> ids() {
        Set<String> out = new TreeSet<>(foundIds());
        declarations.stream().filter(LicenseDeclaration::valid).forEach(d -> out.addAll(d.ids()));
        return out;
    }

    public boolean unknown() {
        return declared().isEmpty() && (found.isEmpty() || !undetermined.isEmpty());
    }

    /** One line per file the user should hear about: undetermined texts and declarations that do not parse. */
    public List<String> problems() {
        List<String> out = new ArrayList<>();
        for (Undetermined u : undetermined) {
            out.add(u.file() + ": license not determined, " + u.why());
        }
        for (LicenseDeclaration d : declarations) {
            if (!d.valid()) {
                out.add(d.file() + " line " + d.line() + ": SPDX-License-Identifier '" + d.expression() + "' ignored, " + d.problem());
            }
        }
        return out;
    }
}
