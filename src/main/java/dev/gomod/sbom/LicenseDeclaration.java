package dev.gomod.sbom;

import org.spdx.library.LicenseInfoFactory;
import org.spdx.library.SpdxModelFactory;
import org.spdx.library.model.v2.license.AnyLicenseInfo;
import org.spdx.library.model.v2.license.InvalidLicenseExpression;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A license a module declares: an {@code SPDX-License-Identifier:} line in one of its license files
 * (filepath-securejoin's COPYING.md opens with {@code SPDX-License-Identifier: BSD-3-Clause AND
 * MPL-2.0}), the SPDX way of saying which licenses apply and how they combine. The expression runs
 * from the colon to the first character no SPDX expression has (a closing backtick, {@code *}{@code /},
 * {@code -->}), is parsed by the SPDX library, and is kept in the library's form (ids in their listed
 * case, operators upper case). One that does not parse is {@link #valid() invalid}: the caller warns
 * and takes nothing from it.
 *
 * @param expression the expression, as the library writes it when valid; else as written
 * @param file       the license file, relative to the module's root
 * @param line       its line, from 1
 * @param problem    null when valid; else why not
 */
public record LicenseDeclaration(String expression, String file, int line, String problem) {
    private static final Pattern TAG = Pattern.compile("SPDX-License-Identifier:[ \\t]*([A-Za-z0-9.+\\-:() \\t]*)");
    // Where the library writes an id, an operator or a parenthesis.
    private static final Pattern TOKEN = Pattern.compile("\\(|\\)|[^\\s()]+");

    public boolean valid() {
        return problem == null;
    }

    /** The declarations in {@code text}, one per tag line, in order. Never throws for a text. */
    public static List<LicenseDeclaration> find(String text, String file) {
        List<LicenseDeclaration> out = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher m = TAG.matcher(lines[i]);
            if (m.find()) {
                // no id ends in '-': a run of them is a comment's end ("-->")
                out.add(parse(m.group(1).replaceAll("[\\s-]+$", "").trim(), file, i + 1));
            }
        }
        return out;
    }

    static LicenseDeclaration parse(String written, String file, int line) {
        if (written.isEmpty()) {
            return new LicenseDeclaration(written, file, line, "no expression after SPDX-License-Identifier:");
        }
        AnyLicenseInfo parsed;
        try {
            SpdxModelFactory.init();
            parsed = LicenseInfoFactory.parseSPDXLicenseStringCompatV2(written);
        } catch (Exception | StackOverflowError e) {
            return new LicenseDeclaration(written, file, line, "the SPDX library could not parse it: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
        if (parsed instanceof InvalidLicenseExpression) {
            return new LicenseDeclaration(written, file, line, "not a valid SPDX license expression (an unknown id, or a misplaced operator or parenthesis)");
        }
        return new LicenseDeclaration(unwrap(parsed.toString()), file, line, null);
    }

    // The library wraps a compound expression in one pair of parentheses: "(A AND B)" is written "A AND B".
    private static String unwrap(String s) {
        if (!s.startsWith("(") || !s.endsWith(")")) {
            return s;
        }
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (depth == 0 && i < s.length() - 1) {
                return s; // "(A) AND (B)": the first pair closes early
            }
        }
        return s.substring(1, s.length() - 1);
    }

    /** The license ids the expression names, without exceptions, {@code +} and operators; empty when invalid. */
    public Set<String> ids() {
        Set<String> out = new TreeSet<>();
        if (!valid()) {
            return out;
        }
        Matcher m = TOKEN.matcher(expression);
        boolean exception = false;
        while (m.find()) {
            String t = m.group();
            if (t.equals("(") || t.equals(")") || t.equals("AND") || t.equals("OR")) {
                continue;
            }
            if (t.equals("WITH")) {
                exception = true;
                continue;
            }
            if (!exception) {
                out.add(t.endsWith("+") ? t.substring(0, t.length() - 1) : t);
            }
            exception = false;
        }
        return out;
    }
}
