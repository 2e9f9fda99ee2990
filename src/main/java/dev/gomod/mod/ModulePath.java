package dev.gomod.mod;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Module paths, import paths and file paths inside modules: Go's validity rules (module.CheckPath,
 * CheckImportPath, CheckFilePath) and the case-encoding Go uses in proxy URLs and cache paths, where
 * every upper-case letter becomes {@code !} and its lower-case form so that case-insensitive file
 * systems keep {@code github.com/Azure/x} and {@code github.com/azure/x} apart.
 */
public final class ModulePath {
    private static final List<String> BAD_WINDOWS_NAMES = List.of("CON", "PRN", "AUX", "NUL",
            "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
            "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9");

    private enum Kind { MODULE, IMPORT, FILE }

    private ModulePath() {
    }

    /** Why {@code path} is not a valid module path, or null when it is. */
    public static String checkPath(String path) {
        String err = check(path, Kind.MODULE);
        if (err != null) {
            return err;
        }
        int slash = path.indexOf('/');
        String first = slash < 0 ? path : path.substring(0, slash);
        if (slash == 0) {
            return "leading slash";
        }
        if (!first.contains(".")) {
            return "missing dot in first path element";
        }
        for (int i = 0; i < first.length(); i++) {
            char c = first.charAt(i);
            if (!(c == '-' || c == '.' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z')) {
                return "invalid char '" + c + "' in first path element";
            }
        }
        if (!majorSuffixOk(path)) {
            return "invalid version suffix";
        }
        return null;
    }

    /** Why {@code path} is not a valid import path, or null when it is. */
    public static String checkImportPath(String path) {
        return check(path, Kind.IMPORT);
    }

    /** Why {@code path} may not name a file inside a module zip, or null when it may. */
    public static String checkFilePath(String path) {
        return check(path, Kind.FILE);
    }

    /** The proxy/cache form of a module path: {@code github.com/Azure/x} → {@code github.com/!azure/x}. */
    public static String escape(String path) {
        String err = checkPath(path);
        if (err != null) {
            throw new IllegalArgumentException("malformed module path \"" + path + "\": " + err);
        }
        return escapeString(path);
    }

    /** The proxy/cache form of a version; versions may hold upper-case letters too. */
    public static String escapeVersion(String version) {
        String err = check(version, Kind.FILE);
        if (err != null || version.contains("/") || version.contains("!")) {
            throw new IllegalArgumentException("disallowed version string \"" + version + "\"");
        }
        return escapeString(version);
    }

    /** Inverse of {@link #escape}; null when {@code escaped} is not a valid escaped module path. */
    public static String unescape(String escaped) {
        String path = unescapeString(escaped);
        return path == null || checkPath(path) != null ? null : path;
    }

    /** Inverse of {@link #escapeVersion}; null when malformed. */
    public static String unescapeVersion(String escaped) {
        String v = unescapeString(escaped);
        return v == null || check(v, Kind.FILE) != null ? null : v;
    }

    private static String escapeString(String s) {
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                b.append('!').append((char) (c + ('a' - 'A')));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static String unescapeString(String escaped) {
        StringBuilder b = new StringBuilder(escaped.length());
        boolean bang = false;
        for (int i = 0; i < escaped.length(); i++) {
            char c = escaped.charAt(i);
            if (c >= 0x80) {
                return null;
            }
            if (bang) {
                bang = false;
                if (c < 'a' || c > 'z') {
                    return null;
                }
                b.append((char) (c - ('a' - 'A')));
                continue;
            }
            if (c == '!') {
                bang = true;
                continue;
            }
            if (c >= 'A' && c <= 'Z') {
                return null;
            }
            b.append(c);
        }
        return bang ? null : b.toString();
    }

    /** A trailing {@code /vN} must be N ≥ 2 without leading zero; gopkg.in uses {@code .vN}. */
    private static boolean majorSuffixOk(String path) {
        if (path.startsWith("gopkg.in/")) {
            return true;
        }
        int i = path.length();
        boolean dot = false;
        while (i > 0 && (Character.isDigit(path.charAt(i - 1)) && path.charAt(i - 1) < 0x80 || path.charAt(i - 1) == '.')) {
            if (path.charAt(i - 1) == '.') {
                dot = true;
            }
            i--;
        }
        if (i <= 1 || i == path.length() || path.charAt(i - 1) != 'v' || path.charAt(i - 2) != '/') {
            return true;
        }
        String major = path.substring(i - 2);
        return !(dot || major.length() <= 2 || major.charAt(2) == '0' || major.equals("/v1"));
    }

    private static String check(String path, Kind kind) {
        if (path == null || path.isEmpty()) {
            return "empty string";
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (Character.isSurrogate(c)) {
                if (!Character.isHighSurrogate(c) || i + 1 >= path.length() || !Character.isLowSurrogate(path.charAt(i + 1))) {
                    return "invalid UTF-8";
                }
                i++;
            }
        }
        if (path.charAt(0) == '-' && kind != Kind.FILE) {
            return "leading dash";
        }
        if (path.contains("//")) {
            return "double slash";
        }
        if (path.endsWith("/")) {
            return "trailing slash";
        }
        int start = 0;
        while (true) {
            int slash = path.indexOf('/', start);
            String elem = slash < 0 ? path.substring(start) : path.substring(start, slash);
            String err = checkElem(elem, kind);
            if (err != null) {
                return err;
            }
            if (slash < 0) {
                return null;
            }
            start = slash + 1;
        }
    }

    private static String checkElem(String elem, Kind kind) {
        if (elem.isEmpty()) {
            return "empty path element";
        }
        if (elem.chars().allMatch(c -> c == '.')) {
            return "invalid path element \"" + elem + "\"";
        }
        if (elem.charAt(0) == '.' && kind == Kind.MODULE) {
            return "leading dot in path element";
        }
        if (elem.endsWith(".")) {
            return "trailing dot in path element";
        }
        for (int i = 0; i < elem.length(); ) {
            int cp = elem.codePointAt(i);
            boolean ok = switch (kind) {
                case MODULE -> modPathOk(cp);
                case IMPORT -> modPathOk(cp) || cp == '+';
                case FILE -> fileNameOk(cp);
            };
            if (!ok) {
                return "invalid char '" + new String(Character.toChars(cp)) + "'";
            }
            i += Character.charCount(cp);
        }
        int dot = elem.indexOf('.');
        String shortName = dot < 0 ? elem : elem.substring(0, dot);
        for (String bad : BAD_WINDOWS_NAMES) {
            if (bad.equalsIgnoreCase(shortName)) {
                return "\"" + shortName + "\" disallowed as path element component on Windows";
            }
        }
        if (kind == Kind.FILE) {
            return null;
        }
        int tilde = shortName.lastIndexOf('~');
        if (tilde >= 0 && tilde < shortName.length() - 1
                && shortName.substring(tilde + 1).chars().allMatch(c -> c >= '0' && c <= '9')) {
            return "trailing tilde and digits in path element";
        }
        return null;
    }

    private static boolean modPathOk(int c) {
        return c == '-' || c == '.' || c == '_' || c == '~'
                || c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z';
    }

    private static boolean fileNameOk(int c) {
        if (c < 0x80) {
            return c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z'
                    || "!#$%&()+,-.=@[]^_{}~ ".indexOf(c) >= 0;
        }
        return Character.isLetter(c);
    }

    /**
     * x/mod's module.MatchPrefixPatterns, as GOPRIVATE, GONOSUMDB and GONOPROXY are read: does any
     * comma-separated glob match a leading run of {@code path}'s elements?
     */
    public static boolean matchesPrefixPatterns(String patterns, String path) {
        return matchingPattern(patterns, path).isPresent();
    }

    /** The first of the comma-separated globs that matches {@code path} as in {@link #matchesPrefixPatterns}, to name it in a message. */
    public static java.util.Optional<String> matchingPattern(String patterns, String path) {
        if (patterns == null) {
            return java.util.Optional.empty();
        }
        for (String given : patterns.split(",")) {
            String p = given.strip();
            if (p.isEmpty()) {
                continue;
            }
            p = p.replaceAll("/+$", "");
            int elems = p.split("/", -1).length;
            String[] parts = path.split("/", -1);
            if (parts.length < elems) {
                continue;
            }
            String prefix = String.join("/", java.util.Arrays.copyOf(parts, elems));
            if (glob(p).matcher(prefix).matches()) {
                return java.util.Optional.of(given.strip());
            }
        }
        return java.util.Optional.empty();
    }

    private static Pattern glob(String g) {
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < g.length(); i++) {
            char c = g.charAt(i);
            switch (c) {
                case '*' -> re.append("[^/]*");
                case '?' -> re.append("[^/]");
                case '[' -> {
                    int end = g.indexOf(']', i);
                    if (end < 0) {
                        re.append("\\[");
                    } else {
                        re.append('[').append(g, i + 1, end).append(']');
                        i = end;
                    }
                }
                default -> re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString());
    }
}
