package dev.gomod.mod;

import java.util.Comparator;
import java.util.regex.Pattern;

/**
 * Go's semantic versions as golang.org/x/mod/semver and module define them: the leading {@code v},
 * shorthand {@code v1} and {@code v1.2}, pre-releases, build suffixes, {@code +incompatible} and
 * pseudo-versions. Invalid versions compare lowest, equal to each other, as in Go.
 */
public final class Semver {
    private static final Pattern PSEUDO = Pattern.compile(
            "^v[0-9]+\\.(0\\.0-|\\d+\\.\\d+-([^+]*\\.)?0\\.)\\d{14}-[A-Za-z0-9]+(\\+[0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*)?$");

    /** Orders versions as semver.Compare does. */
    public static final Comparator<String> ORDER = Semver::compare;

    private Semver() {
    }

    private record Parsed(String major, String minor, String patch, String prerelease, String build) {
    }

    public static boolean isValid(String v) {
        return parse(v) != null;
    }

    /** The canonical form {@code vMAJOR.MINOR.PATCH[-pre]}; the build suffix is dropped. "" when invalid. */
    public static String canonical(String v) {
        Parsed p = parse(v);
        if (p == null) {
            return "";
        }
        return "v" + p.major + "." + p.minor + "." + p.patch + p.prerelease;
    }

    /** Like module.CanonicalVersion: keeps {@code +incompatible}, the one build suffix Go gives meaning to. */
    public static String canonicalModuleVersion(String v) {
        String c = canonical(v);
        if (c.isEmpty()) {
            return c;
        }
        return "+incompatible".equals(build(v)) ? c + "+incompatible" : c;
    }

    public static String major(String v) {
        Parsed p = parse(v);
        return p == null ? "" : "v" + p.major;
    }

    public static String prerelease(String v) {
        Parsed p = parse(v);
        return p == null ? "" : p.prerelease;
    }

    public static String build(String v) {
        Parsed p = parse(v);
        return p == null ? "" : p.build;
    }

    public static boolean isPseudo(String v) {
        int dashes = 0;
        for (int i = 0; i < v.length(); i++) {
            if (v.charAt(i) == '-') {
                dashes++;
            }
        }
        return dashes >= 2 && isValid(v) && PSEUDO.matcher(v).matches();
    }

    public static int compare(String v, String w) {
        Parsed pv = parse(v);
        Parsed pw = parse(w);
        if (pv == null && pw == null) {
            return 0;
        }
        if (pv == null) {
            return -1;
        }
        if (pw == null) {
            return 1;
        }
        int c = compareInt(pv.major, pw.major);
        if (c != 0) {
            return c;
        }
        c = compareInt(pv.minor, pw.minor);
        if (c != 0) {
            return c;
        }
        c = compareInt(pv.patch, pw.patch);
        if (c != 0) {
            return c;
        }
        return comparePrerelease(pv.prerelease, pw.prerelease);
    }

    private static int compareInt(String x, String y) {
        if (x.equals(y)) {
            return 0;
        }
        if (x.length() != y.length()) {
            return x.length() < y.length() ? -1 : 1;
        }
        return x.compareTo(y) < 0 ? -1 : 1;
    }

    private static int comparePrerelease(String x, String y) {
        // "" (a release) sorts after any pre-release; identifiers compare numerically when both
        // are numbers, numbers before words, and a shorter list of equal prefix first.
        if (x.equals(y)) {
            return 0;
        }
        if (x.isEmpty()) {
            return 1;
        }
        if (y.isEmpty()) {
            return -1;
        }
        String[] xs = x.substring(1).split("\\.", -1);
        String[] ys = y.substring(1).split("\\.", -1);
        for (int i = 0; i < Math.min(xs.length, ys.length); i++) {
            String dx = xs[i];
            String dy = ys[i];
            if (dx.equals(dy)) {
                continue;
            }
            boolean nx = isNum(dx);
            boolean ny = isNum(dy);
            if (nx != ny) {
                return nx ? -1 : 1;
            }
            if (nx) {
                return compareInt(dx, dy);
            }
            return dx.compareTo(dy) < 0 ? -1 : 1;
        }
        return Integer.compare(xs.length, ys.length);
    }

    private static boolean isNum(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static Parsed parse(String v) {
        if (v == null || v.isEmpty() || v.charAt(0) != 'v') {
            return null;
        }
        int[] pos = {1};
        String major = num(v, pos);
        if (major == null) {
            return null;
        }
        if (pos[0] == v.length()) {
            return new Parsed(major, "0", "0", "", "");
        }
        if (v.charAt(pos[0]) != '.') {
            return null;
        }
        pos[0]++;
        String minor = num(v, pos);
        if (minor == null) {
            return null;
        }
        if (pos[0] == v.length()) {
            return new Parsed(major, minor, "0", "", "");
        }
        if (v.charAt(pos[0]) != '.') {
            return null;
        }
        pos[0]++;
        String patch = num(v, pos);
        if (patch == null) {
            return null;
        }
        String pre = "";
        String build = "";
        String rest = v.substring(pos[0]);
        if (rest.startsWith("-")) {
            int plus = rest.indexOf('+');
            pre = plus < 0 ? rest : rest.substring(0, plus);
            if (!identifiers(pre.substring(1), true)) {
                return null;
            }
            rest = plus < 0 ? "" : rest.substring(plus);
        }
        if (rest.startsWith("+")) {
            build = rest;
            if (!identifiers(build.substring(1), false)) {
                return null;
            }
            rest = "";
        }
        if (!rest.isEmpty()) {
            return null;
        }
        return new Parsed(major, minor, patch, pre, build);
    }

    private static String num(String v, int[] pos) {
        int i = pos[0];
        while (i < v.length() && v.charAt(i) >= '0' && v.charAt(i) <= '9') {
            i++;
        }
        if (i == pos[0]) {
            return null;
        }
        String n = v.substring(pos[0], i);
        if (n.length() > 1 && n.charAt(0) == '0') {
            return null;
        }
        pos[0] = i;
        return n;
    }

    private static boolean identifiers(String s, boolean noLeadingZeros) {
        if (s.isEmpty()) {
            return false;
        }
        for (String id : s.split("\\.", -1)) {
            if (id.isEmpty()) {
                return false;
            }
            for (int i = 0; i < id.length(); i++) {
                char c = id.charAt(i);
                if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '-')) {
                    return false;
                }
            }
            if (noLeadingZeros && id.length() > 1 && id.charAt(0) == '0' && isNum(id)) {
                return false;
            }
        }
        return true;
    }
}
