package dev.gomod.mod;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The go.mod grammar (modfile's read.go and rule.go): a line is a verb and its arguments, or a
 * {@code verb (} block of argument lines closed by {@code )}. Arguments are bare words or Go
 * string literals; {@code //} comments run to the end of the line and carry {@code // indirect}
 * and retraction rationales. go.work shares the grammar (modfile.ParseWork) with its own verbs:
 * go, toolchain, godebug, use and replace.
 */
final class GoModParser {
    private static final Pattern GO_VERSION =
            Pattern.compile("^([1-9][0-9]*)\\.(0|[1-9][0-9]*)(\\.(0|[1-9][0-9]*))?([a-z]+[0-9]+)?$");
    private static final Pattern LAX_GO_VERSION = Pattern.compile("^v?(([1-9][0-9]*)\\.(0|[1-9][0-9]*))([^0-9].*)$");
    private static final Pattern TOOLCHAIN = Pattern.compile("^default$|^go1($|\\.)");

    private enum Kind { WORD, STRING, LPAREN, RPAREN, LBRACK, RBRACK, COMMA }

    private record Token(Kind kind, String text) {
    }

    /** One physical line: its tokens and the text of its trailing comment, if any. */
    private record Line(int number, List<Token> tokens, String comment) {
    }

    private final String file;
    private final String text;
    private final boolean strict;
    private final boolean work;
    private final GoMod mod;

    GoModParser(String file, String text, boolean strict) {
        this(file, text, strict, false);
    }

    /** @param work parse a go.work file: no module line, {@code use} lines instead of requires */
    GoModParser(String file, String text, boolean strict, boolean work) {
        this.file = file;
        this.text = text;
        this.strict = strict || work;
        this.work = work;
        this.mod = new GoMod(file);
    }

    GoMod parse() throws FormatException {
        if (text.startsWith("\uFEFF")) {
            throw error(1, "unexpected byte-order mark");
        }
        String[] lines = text.split("\n", -1);
        String blockVerb = null;
        int blockLine = 0;
        for (int i = 0; i < lines.length; i++) {
            Line line = lex(i + 1, lines[i]);
            List<Token> t = line.tokens;
            if (t.isEmpty()) {
                continue;
            }
            if (blockVerb != null) {
                if (t.get(0).kind == Kind.RPAREN) {
                    if (t.size() > 1) {
                        throw error(line.number, "unexpected input after ')'");
                    }
                    blockVerb = null;
                    continue;
                }
                directive(blockVerb, line, t);
                continue;
            }
            if (t.get(0).kind != Kind.WORD) {
                throw error(line.number, "unexpected '" + t.get(0).text + "'");
            }
            String verb = t.get(0).text;
            Token last = t.get(t.size() - 1);
            if (t.size() == 2 && last.kind == Kind.LPAREN) {
                blockVerb = verb;
                blockLine = line.number;
                continue;
            }
            if (t.size() == 3 && t.get(1).kind == Kind.LPAREN && last.kind == Kind.RPAREN) {
                checkKnownBlock(verb, line.number);
                continue;
            }
            directive(verb, line, t.subList(1, t.size()));
        }
        if (blockVerb != null) {
            throw error(blockLine, "unterminated " + blockVerb + " block: missing ')'");
        }
        if (work && mod.goVersion == null) {
            throw error(0, "no go directive (add a line 'go 1.22')");
        }
        if (strict && !work && mod.modulePath == null) {
            throw error(0, "no module declaration (add a line 'module example.com/name')");
        }
        return mod;
    }

    private void checkKnownBlock(String verb, int line) throws FormatException {
        if (work) {
            if (!List.of("godebug", "use", "replace").contains(verb)) {
                throw error(line, "unknown block type: " + verb);
            }
            return;
        }
        switch (verb) {
            case "module", "godebug", "require", "exclude", "replace", "retract", "tool", "ignore" -> {
            }
            default -> {
                if (strict) {
                    throw error(line, "unknown block type: " + verb);
                }
            }
        }
    }

    private void directive(String verb, Line line, List<Token> args) throws FormatException {
        int n = line.number;
        if (!strict && !List.of("go", "module", "retract", "require").contains(verb)) {
            return; // modfile.ParseLax: dependencies' other directives do not apply to us
        }
        if (work && !List.of("go", "toolchain", "godebug", "use", "replace").contains(verb)) {
            throw error(n, "unknown directive: " + verb);
        }
        if (!work && verb.equals("use")) {
            throw error(n, "unknown directive: use (use belongs in go.work)");
        }
        switch (verb) {
            case "module" -> {
                if (mod.modulePath != null) {
                    throw error(n, "repeated module statement");
                }
                String path = oneArg(verb, n, args);
                mod.modulePath = path;
                mod.moduleLine = n;
            }
            case "go" -> {
                if (mod.goVersion != null) {
                    throw error(n, "repeated go statement");
                }
                String v = oneArg(verb, n, args);
                if (!GO_VERSION.matcher(v).matches()) {
                    Matcher lax = LAX_GO_VERSION.matcher(v);
                    if (!strict && lax.matches()) {
                        v = lax.group(1);
                    } else {
                        throw error(n, "invalid go version '" + v + "': must match format 1.23.0");
                    }
                }
                mod.goVersion = v;
                mod.goLine = n;
            }
            case "toolchain" -> {
                if (mod.toolchain != null) {
                    throw error(n, "repeated toolchain statement");
                }
                String v = oneArg(verb, n, args);
                if (!TOOLCHAIN.matcher(v).find()) {
                    throw error(n, "invalid toolchain version '" + v + "': must match format go1.23.0 or default");
                }
                mod.toolchain = v;
                mod.toolchainLine = n;
            }
            case "godebug" -> {
                String kv = oneArg(verb, n, args);
                int eq = kv.indexOf('=');
                if (eq <= 0 || kv.indexOf(' ') >= 0 || kv.indexOf(',') >= 0) {
                    throw error(n, "usage: godebug key=value");
                }
                mod.godebugs.add(new GoMod.Godebug(kv.substring(0, eq), kv.substring(eq + 1), n));
            }
            case "require", "exclude" -> {
                if (args.size() != 2) {
                    throw error(n, "usage: " + verb + " module/path v1.2.3");
                }
                String path = string(args.get(0), n);
                String version = version(verb, path, string(args.get(1), n), n);
                ModuleVersion m = new ModuleVersion(path, version);
                if (verb.equals("require")) {
                    mod.requires.add(new GoMod.Require(m, isIndirect(line.comment), n));
                } else {
                    mod.excludes.add(m);
                }
            }
            case "replace" -> replace(n, args);
            case "retract" -> retract(n, args, line.comment);
            case "tool" -> {
                String path = oneArg(verb, n, args);
                String err = ModulePath.checkImportPath(path);
                if (err != null) {
                    throw error(n, "invalid tool path \"" + path + "\": " + err);
                }
                mod.tools.add(path);
            }
            case "ignore" -> mod.ignores.add(oneArg(verb, n, args));
            case "use" -> {
                if (args.size() != 1) {
                    throw error(n, "usage: use local/dir");
                }
                mod.uses.add(new GoMod.Use(string(args.get(0), n), n));
            }
            default -> {
                if (strict) {
                    throw error(n, "unknown directive: " + verb);
                }
            }
        }
    }

    private void replace(int n, List<Token> args) throws FormatException {
        int arrow = 2;
        if (args.size() >= 2 && args.get(1).kind == Kind.WORD && args.get(1).text.equals("=>")) {
            arrow = 1;
        }
        if (args.size() < arrow + 2 || args.size() > arrow + 3
                || args.get(arrow).kind != Kind.WORD || !args.get(arrow).text.equals("=>")) {
            throw error(n, "usage: replace module/path [v1.2.3] => other/module v1.4\n\t or replace module/path [v1.2.3] => ../local/directory");
        }
        String oldPath = string(args.get(0), n);
        String err = ModulePath.checkPath(oldPath);
        if (err != null) {
            throw error(n, "invalid module path \"" + oldPath + "\": " + err);
        }
        String oldVersion = arrow == 2 ? version("replace", oldPath, string(args.get(1), n), n) : "";
        String newPath = string(args.get(arrow + 1), n);
        String newVersion = "";
        boolean dir = isDirectoryPath(newPath);
        if (args.size() == arrow + 2) {
            if (!dir) {
                throw error(n, "replacement module without version must be directory path (rooted or starting with ./ or ../)");
            }
        } else {
            if (dir) {
                throw error(n, "replacement directory \"" + newPath + "\" must not have a version");
            }
            err = ModulePath.checkPath(newPath);
            if (err != null) {
                throw error(n, "invalid module path \"" + newPath + "\": " + err);
            }
            newVersion = version("replace", newPath, string(args.get(arrow + 2), n), n);
        }
        mod.replaces.add(new GoMod.Replace(new ModuleVersion(oldPath, oldVersion), new ModuleVersion(newPath, newVersion), n));
    }

    private void retract(int n, List<Token> args, String comment) throws FormatException {
        String rationale = comment == null ? "" : comment.strip();
        if (args.size() == 1) {
            String v = version("retract", mod.modulePath, string(args.get(0), n), n);
            mod.retracts.add(new GoMod.Retract(v, v, rationale, n));
            return;
        }
        if (args.size() == 5 && args.get(0).kind == Kind.LBRACK && args.get(2).kind == Kind.COMMA
                && args.get(4).kind == Kind.RBRACK) {
            String lo = version("retract", mod.modulePath, string(args.get(1), n), n);
            String hi = version("retract", mod.modulePath, string(args.get(3), n), n);
            if (Semver.compare(lo, hi) > 0) {
                throw error(n, "version interval [" + lo + ", " + hi + "]: low must not be greater than high");
            }
            mod.retracts.add(new GoMod.Retract(lo, hi, rationale, n));
            return;
        }
        throw error(n, "usage: retract v1.2.3 or retract [v1.2.3, v1.3.0]");
    }

    /** A version as the main module may state it: canonical, and matching a /vN path suffix. */
    private String version(String verb, String path, String v, int n) throws FormatException {
        String canonical = Semver.canonicalModuleVersion(v);
        if (canonical.isEmpty() || !canonical.equals(v)) {
            if (strict || canonical.isEmpty()) {
                throw error(n, verb + " " + (path == null ? "" : path + " ") + v
                        + ": version \"" + v + "\" invalid: must be of the form v1.2.3");
            }
        }
        if (path != null) {
            String err = checkPathMajor(canonical, path);
            if (err != null && strict) {
                throw error(n, verb + " " + path + " " + v + ": " + err);
            }
        }
        return canonical;
    }

    /** module.CheckPathMajor: /vN paths need major vN; others v0, v1 or +incompatible. */
    private static String checkPathMajor(String v, String path) {
        if (path.startsWith("gopkg.in/")) {
            return null;
        }
        Matcher m = Pattern.compile("/v([0-9]+)$").matcher(path);
        String major = Semver.major(v);
        if (m.find() && !m.group(1).equals("1") && !m.group(1).startsWith("0")) {
            return major.equals("v" + m.group(1)) ? null
                    : "should be v" + m.group(1) + ", not " + major;
        }
        if (major.equals("v0") || major.equals("v1") || v.endsWith("+incompatible")) {
            return null;
        }
        return "should be v0 or v1, not " + major;
    }

    /** modfile.IsDirectoryPath: rooted or relative file system paths, Unix or Windows style. */
    static boolean isDirectoryPath(String s) {
        return s.startsWith("./") || s.startsWith("../") || s.startsWith("/") || s.startsWith(".\\")
                || s.startsWith("..\\") || s.startsWith("\\")
                || s.length() >= 2 && Character.isLetter(s.charAt(0)) && s.charAt(0) < 0x80 && s.charAt(1) == ':';
    }

    private static boolean isIndirect(String comment) {
        if (comment == null) {
            return false;
        }
        String[] f = comment.strip().split("\\s+");
        return f.length > 0 && (f[0].equals("indirect") || f[0].startsWith("indirect;"));
    }

    private String oneArg(String verb, int n, List<Token> args) throws FormatException {
        if (args.size() != 1) {
            throw error(n, verb + " directive expects exactly one argument");
        }
        return string(args.get(0), n);
    }

    private String string(Token t, int n) throws FormatException {
        if (t.kind != Kind.WORD && t.kind != Kind.STRING) {
            throw error(n, "unexpected '" + t.text + "'");
        }
        return t.text;
    }

    private Line lex(int n, String s) throws FormatException {
        List<Token> tokens = new ArrayList<>();
        String comment = null;
        int i = 0;
        if (s.endsWith("\r")) {
            s = s.substring(0, s.length() - 1);
        }
        while (i < s.length()) {
            int c = s.codePointAt(i);
            if (Character.isWhitespace(c)) {
                i += Character.charCount(c);
                continue;
            }
            if (s.startsWith("//", i)) {
                comment = s.substring(i + 2);
                break;
            }
            if (s.startsWith("/*", i)) {
                throw error(n, "mod files must use // comments, not /* */ comments");
            }
            switch (c) {
                case '(' -> tokens.add(new Token(Kind.LPAREN, "("));
                case ')' -> tokens.add(new Token(Kind.RPAREN, ")"));
                case '[' -> tokens.add(new Token(Kind.LBRACK, "["));
                case ']' -> tokens.add(new Token(Kind.RBRACK, "]"));
                case ',' -> tokens.add(new Token(Kind.COMMA, ","));
                case '{', '}' -> throw error(n, "unexpected '" + (char) c + "'");
                case '"' -> {
                    int[] end = {0};
                    tokens.add(new Token(Kind.STRING, unquote(s, i, end, n)));
                    i = end[0];
                    continue;
                }
                case '`' -> {
                    int close = s.indexOf('`', i + 1);
                    if (close < 0) {
                        throw error(n, "unterminated raw string");
                    }
                    tokens.add(new Token(Kind.STRING, s.substring(i + 1, close)));
                    i = close + 1;
                    continue;
                }
                default -> {
                    int start = i;
                    while (i < s.length()) {
                        int d = s.codePointAt(i);
                        if (!isIdent(d) || s.startsWith("//", i)) {
                            break;
                        }
                        if (s.startsWith("/*", i)) {
                            throw error(n, "mod files must use // comments, not /* */ comments");
                        }
                        i += Character.charCount(d);
                    }
                    if (start == i) {
                        throw error(n, "unexpected input character '" + new String(Character.toChars(c)) + "'");
                    }
                    tokens.add(new Token(Kind.WORD, s.substring(start, i)));
                    continue;
                }
            }
            i++;
        }
        return new Line(n, tokens, comment);
    }

    private static boolean isIdent(int c) {
        return switch (c) {
            case ' ', '(', ')', '[', ']', '{', '}', ',' -> false;
            default -> !Character.isWhitespace(c) && !Character.isISOControl(c) && Character.isDefined(c)
                    && !Character.isSpaceChar(c);
        };
    }

    /** Decodes a Go interpreted string literal starting at {@code s[start] == '"'}. */
    private String unquote(String s, int start, int[] end, int n) throws FormatException {
        StringBuilder b = new StringBuilder();
        int i = start + 1;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '"') {
                end[0] = i + 1;
                return b.toString();
            }
            if (c != '\\') {
                b.append(c);
                i++;
                continue;
            }
            if (i + 1 >= s.length()) {
                break;
            }
            char e = s.charAt(i + 1);
            i += 2;
            switch (e) {
                case 'a' -> b.append('\u0007');
                case 'b' -> b.append('\b');
                case 'f' -> b.append('\f');
                case 'n' -> b.append('\n');
                case 'r' -> b.append('\r');
                case 't' -> b.append('\t');
                case 'v' -> b.append('\u000b');
                case '\\' -> b.append('\\');
                case '"' -> b.append('"');
                case 'x', 'u', 'U' -> {
                    int len = e == 'x' ? 2 : e == 'u' ? 4 : 8;
                    if (i + len > s.length()) {
                        throw error(n, "invalid escape in quoted string");
                    }
                    try {
                        b.appendCodePoint(Integer.parseInt(s.substring(i, i + len), 16));
                    } catch (IllegalArgumentException ex) {
                        throw error(n, "invalid escape in quoted string");
                    }
                    i += len;
                }
                default -> {
                    if (e >= '0' && e <= '7' && i + 2 <= s.length()) {
                        try {
                            b.append((char) Integer.parseInt(s.substring(i - 1, i + 2), 8));
                        } catch (NumberFormatException ex) {
                            throw error(n, "invalid escape in quoted string");
                        }
                        i += 2;
                    } else {
                        throw error(n, "invalid escape \\" + e + " in quoted string");
                    }
                }
            }
        }
        throw error(n, "unterminated quoted string");
    }

    private FormatException error(int line, String detail) {
        return new FormatException(file, line, detail);
    }
}
