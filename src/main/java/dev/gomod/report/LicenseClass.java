package dev.gomod.report;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How a license binds the release that ships the module, in the three classes compliance reviews
 * sort by, so that the graph can colour by it: permissive, weak copyleft (file or library scoped),
 * strong copyleft; a license the plugin cannot place is {@code OTHER}, a module with none found
 * {@code UNKNOWN}. An expression takes its most binding id (an OR's alternatives are not chosen
 * between: the license policy does not choose either).
 */
public enum LicenseClass {
    PERMISSIVE("permissive", "#cde9c8"),
    WEAK_COPYLEFT("weak copyleft", "#fbe3a6"),
    STRONG_COPYLEFT("strong copyleft", "#f6b8b0"),
    OTHER("other", "#d9d3f0"),
    UNKNOWN("none found", "#e3e3e3");

    private static final Pattern STRONG = Pattern.compile("(A?GPL|SSPL|OSL|EUPL|CC-BY-SA|CC-BY-NC).*");
    private static final Pattern WEAK = Pattern.compile("(LGPL|MPL|EPL|CDDL|CPL|MS-RL|APSL|Artistic).*");
    private static final Pattern PERMISSIVE_IDS = Pattern.compile(
            "(MIT.*|BSD.*|0BSD|Apache-.*|ISC|Zlib|Unlicense|CC0-.*|BSL-1\\.0|PostgreSQL|Python-.*|PSF-.*|X11|NCSA|W3C.*|BlueOak-.*|MIT-0|CC-BY-[0-9].*|Unicode-.*|OpenSSL|Ruby|WTFPL|Beerware|libpng.*|JSON|AFL-.*)");

    private final String label;
    private final String colour;

    LicenseClass(String label, String colour) {
        this.label = label;
        this.colour = colour;
    }

    public String label() {
        return label;
    }

    /** The fill the graph and tables use. */
    public String colour() {
        return colour;
    }

    /** The class of a license expression, null for none found. */
    public static LicenseClass of(String expression) {
        if (expression == null || expression.isBlank()) {
            return UNKNOWN;
        }
        LicenseClass worst = UNKNOWN;
        for (String token : expression.split("[\\s()]+")) {
            String t = token.strip();
            if (t.isEmpty() || t.matches("(?i)AND|OR|WITH") || t.toLowerCase(Locale.ROOT).endsWith("-exception")) {
                continue;
            }
            worst = mostBinding(worst, classOfId(t.replace("+", "")));
        }
        return worst;
    }

    private static LicenseClass classOfId(String id) {
        if (STRONG.matcher(id).matches()) {
            return STRONG_COPYLEFT;
        }
        if (WEAK.matcher(id).matches()) {
            return WEAK_COPYLEFT;
        }
        return PERMISSIVE_IDS.matcher(id).matches() ? PERMISSIVE : OTHER;
    }

    /**
     * The more binding of two classes: strong copyleft, then weak, then a license the plugin cannot
     * place, then permissive; none found binds least (any license found says more).
     */
    public static LicenseClass mostBinding(LicenseClass a, LicenseClass b) {
        return b.rank() > a.rank() ? b : a;
    }

    private int rank() {
        return switch (this) {
            case UNKNOWN -> -1;
            case PERMISSIVE -> 0;
            case OTHER -> 1;
            case WEAK_COPYLEFT -> 2;
            case STRONG_COPYLEFT -> 3;
        };
    }
}
