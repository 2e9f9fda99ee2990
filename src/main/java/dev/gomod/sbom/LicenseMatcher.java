package dev.gomod.sbom;

import org.spdx.core.InvalidSPDXAnalysisException;
import org.spdx.library.ListedLicenses;
import org.spdx.library.SpdxModelFactory;
import org.spdx.library.model.v3_0_1.expandedlicensing.ListedLicense;
import org.spdx.utility.compare.FilterTemplateOutputHandler;
import org.spdx.utility.compare.LicenseCompareHelper;
import org.spdx.utility.compare.SpdxCompareException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names the SPDX licenses a license file's text is, by the SPDX matching guidelines as the SPDX Java
 * library implements them against the license list bundled in its jar (never the network, so the
 * answer is the same on every machine with the same library).
 *
 * <p>The library compares a text with one license at a time, about 3 ms each, 2 s for the whole list
 * of some 700. A word index narrows the list first: a license whose words the text mostly lacks
 * cannot match (its non-optional text must all be there), so it is not compared. The index only
 * skips work; every answer is the library's.
 *
 * <p>A {@link Match} is {@code whole} when the file is the license (confidence 1.0), or found within
 * the file beside other text; its confidence is then the share of the file's words the license text
 * accounts for.
 */
public final class LicenseMatcher {
    /** One license found in one text. */
    public record Match(String id, boolean whole, double confidence) {
    }

    // Below this share of a license's distinct words present in the text, the license is not compared.
    // The guidelines let a few words differ (equivalent spellings, optional and variable text), hence not 1.
    private static final double CANDIDATE_SHARE = 0.8;
    private static final Pattern WORD = Pattern.compile("[a-z0-9]+");

    private record Listed(String id, Set<String> words, int wordCount) {
    }

    private static volatile List<Listed> index;
    private static volatile String listVersion;
    private final Map<String, List<Match>> memo = new ConcurrentHashMap<>();

    /** The SPDX license list version the answers come from, e.g. {@code 3.28.0}. */
    public static String licenseListVersion() {
        index();
        return listVersion;
    }

    /** The licenses {@code text} is, or holds; empty when none. Deprecated ids are never answered. */
    public List<Match> match(String text) {
        return memo.computeIfAbsent(text, this::compute);
    }

    private List<Match> compute(String text) {
        List<String> words = words(text);
        Set<String> present = new HashSet<>(words);
        List<Listed> candidates = new ArrayList<>();
        for (Listed l : index()) {
            int hits = 0;
            for (String w : l.words()) {
                if (present.contains(w)) {
                    hits++;
                }
            }
            if (hits >= CANDIDATE_SHARE * l.words().size()) {
                candidates.add(l);
            }
        }
        List<Match> out = new ArrayList<>();
        try {
            List<Listed> whole = new ArrayList<>();
            for (Listed l : candidates) {
                ListedLicense license = ListedLicenses.getListedLicenses().getListedLicenseById(l.id());
                if (!LicenseCompareHelper.isTextStandardLicense(license, text).isDifferenceFound()) {
                    out.add(new Match(l.id(), true, 1.0));
                    whole.add(l);
                }
            }
            for (Listed l : candidates) {
                if (whole.contains(l) || whole.stream().anyMatch(w -> explains(w, l))) {
                    continue;
                }
                ListedLicense license = ListedLicenses.getListedLicenses().getListedLicenseById(l.id());
                if (LicenseCompareHelper.isStandardLicenseWithinText(text, license)) {
                    // a file of two licenses, or a license after a preface
                    double share = words.isEmpty() ? 0 : Math.min(1.0, (double) l.wordCount() / words.size());
                    out.add(new Match(l.id(), false, Math.round(share * 100) / 100.0));
                }
            }
        } catch (InvalidSPDXAnalysisException | SpdxCompareException e) {
            throw new IllegalStateException("the SPDX license list bundled with the SPDX library is unreadable: " + e.getMessage(), e);
        }
        return List.copyOf(out);
    }

    // A variant of a license the file already is (ECL-2.0 beside Apache-2.0) is not searched for
    // again within it: its words are the matched license's, and the regex search is the slow part.
    private static boolean explains(Listed matched, Listed other) {
        long own = other.words().stream().filter(w -> !matched.words().contains(w)).count();
        return own < (1 - CANDIDATE_SHARE) * other.words().size();
    }

    private static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    private static List<Listed> index() {
        List<Listed> i = index;
        if (i == null) {
            synchronized (LicenseMatcher.class) {
                if (index == null) {
                    index = load();
                }
                i = index;
            }
        }
        return i;
    }

    private static List<Listed> load() {
        // The jar's list, not spdx.org's: the same answer offline and on every machine. Read once per JVM.
        System.setProperty("org.spdx.useJARLicenseInfoOnly", "true");
        SpdxModelFactory.init();
        try {
            ListedLicenses listed = ListedLicenses.getListedLicenses();
            listVersion = listed.getLicenseListVersion();
            List<Listed> out = new ArrayList<>();
            for (String id : listed.getSpdxListedLicenseIds().stream().sorted().toList()) {
                ListedLicense l = listed.getListedLicenseById(id);
                if (l.getIsDeprecatedLicenseId().orElse(false)) {
                    continue;
                }
                // The words of the non-optional text only: the guidelines let optional text be absent.
                String template = l.getStandardLicenseTemplate().orElse("");
                List<String> required = template.isBlank() ? List.of(l.getLicenseText())
                        : LicenseCompareHelper.getNonOptionalLicenseText(template, FilterTemplateOutputHandler.VarTextHandling.OMIT,
                                FilterTemplateOutputHandler.OptionalTextHandling.OMIT);
                List<String> words = words(String.join(" ", required));
                out.add(new Listed(id, new HashSet<>(words), words(l.getLicenseText()).size()));
            }
            return List.copyOf(out);
        } catch (InvalidSPDXAnalysisException | SpdxCompareException e) {
            throw new IllegalStateException("the SPDX license list bundled with the SPDX library is unreadable: " + e.getMessage(), e);
        }
    }
}
