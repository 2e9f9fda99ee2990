package dev.gomod.sbom;

import org.spdx.core.InvalidSPDXAnalysisException;
import org.spdx.library.LicenseInfoFactory;
import org.spdx.library.ListedLicenses;
import org.spdx.library.SpdxModelFactory;
import org.spdx.library.model.v3_0_1.expandedlicensing.ListedLicense;
import org.spdx.utility.compare.FilterTemplateOutputHandler;
import org.spdx.utility.compare.LicenseCompareHelper;
import org.spdx.utility.compare.SpdxCompareException;
import org.spdx.utility.compare.TemplateRegexMatcher;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Names the SPDX licenses a license file's text is, holds, or carries the standard notice of, by the
 * SPDX matching guidelines as the SPDX Java library implements them against the license list bundled
 * in its jar (never the network, so the answer is the same on every machine with the same library).
 *
 * <p>Three questions, each the library's answer: is the text the license ({@link How#WHOLE}, the
 * license's template against the whole text), is the license within it ({@link How#WITHIN}, beside
 * other text or after a preface), or does it carry the license's standard header, the notice a
 * project puts in place of the text ({@link How#NOTICE}: "Licensed under the Apache License, Version
 * 2.0 …", the header template within the text).
 *
 * <p>The library compares a text with one license at a time, 20 to 150 ms each, so filters pick the
 * candidates first. A license can only match where its non-optional text is present in order, so a
 * candidate must have most of the required text's distinct words and 90% of its word pairs in the
 * text (pairs, not words alone: a long text has most words of most licenses, and comparing it with
 * 200 candidates took 23 s); then, in the library's own tokens ({@link LicenseTokens}), its opening
 * and closing words, and 90% of its required text in order. A text cannot be a license that is less
 * than half its length. The library looks for a license within a text only where those opening and
 * closing words stand. The filters only skip comparisons; every answer is the library's.
 *
 * <p>The library is not trusted to finish on every text: a comparison that throws (real MPL-2.0 texts,
 * filepath-securejoin's COPYING.md and hashicorp's LICENSE files, make its whole-text comparison index
 * an empty array) is caught at that comparison. The other comparisons still run. Where one of them
 * finds the license all the same (MPL-2.0 within the text), nothing is unknown; otherwise the text's
 * {@link Answer} is not {@link Answer#determined() determined}, naming the license and the library's
 * error, and its matches stay as evidence.
 */
public final class LicenseMatcher {
    /** How a license was found in a text. */
    public enum How {
        /** The text is the license. */
        WHOLE("whole"),
        /** The license's text is within the text, beside other text. */
        WITHIN("within"),
        /** The text carries the license's standard header (its notice), not its text. */
        NOTICE("notice");

        private final String id;

        How(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

    /**
     * One license found in one text.
     *
     * @param confidence 1.0 when the text is the license; else the share of the text's words the
     *                   license text (or notice) accounts for
     */
    public record Match(String id, How how, double confidence) {
    }

    /**
     * What a text is.
     *
     * @param matches the licenses found, in the order WHOLE, WITHIN, NOTICE, then by id
     * @param failure null when every license was compared (or found by another comparison); else the
     *                comparisons the library failed on for licenses not found (the license and its
     *                error), so that the text may hold a license not found
     */
    public record Answer(List<Match> matches, String failure) {
        public boolean determined() {
            return failure == null;
        }
    }

    // The filter's thresholds: shares of the required text's distinct words and of its word pairs that
    // must be in the text. The guidelines let a few words differ (equivalent spellings, bullets, var
    // text), hence not 1; a pair breaks for each differing word, hence the pairs' share is the lower.
    private static final double WORD_SHARE = 0.8;
    private static final double PAIR_SHARE = 0.9;
    // The share of the required text's words that must stand in the text in order, chunk by chunk.
    private static final double IN_ORDER_SHARE = 0.9;

    /**
     * A license of the list, with what its required text and header need; words and pairs as arrays:
     * every text walks them for every license, and most walks stop within a few words.
     */
    private record Listed(String id, String[] words, long[] pairs, int wordCount, String template,
                          List<List<String>> chunks, LicenseTokens.Anchors anchors, Header header) {
    }

    /** A license's standard header template and what its required text needs. */
    private record Header(String template, String[] words, long[] pairs, int wordCount, LicenseTokens.Anchors anchors) {
    }

    // Bumped whenever the way this class asks the library changes, so that cached answers are asked again.
    private static final String ASKING = "7";

    private static volatile List<Listed> index;
    private static volatile String listVersion;
    private final Map<String, Answer> memo = new ConcurrentHashMap<>();
    private final LicenseAnswerCache cache;

    /** A matcher that keeps nothing between builds. */
    public LicenseMatcher() {
        this(null);
    }

    /** A matcher that keeps its answers in {@code cache} (null: nowhere). */
    public LicenseMatcher(LicenseAnswerCache cache) {
        this.cache = cache;
    }

    /** The SPDX license list version the answers come from, e.g. {@code 3.28.0}. Reads the list's metadata, not its licenses. */
    public static String licenseListVersion() {
        String v = listVersion;
        if (v == null) {
            synchronized (LicenseMatcher.class) {
                if (listVersion == null) {
                    try {
                        listVersion = list().getLicenseListVersion();
                    } catch (RuntimeException e) {
                        throw new IllegalStateException("the SPDX license list bundled with the SPDX library is unreadable: " + e.getMessage(), e);
                    }
                }
                v = listVersion;
            }
        }
        return v;
    }

    /** What an answer depends on besides the text: the list, the library and this class's way of asking. */
    static String answerVersion() {
        return "spdx-" + licenseListVersion() + "-lib-" + libraryVersion() + "-ask-" + ASKING;
    }

    // The SPDX library's version, from the Maven metadata in its jar (its manifest has none).
    private static String libraryVersion() {
        Properties p = new Properties();
        try (InputStream in = LicenseCompareHelper.class.getResourceAsStream("/META-INF/maven/org.spdx/java-spdx-library/pom.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // unknown: answers are then kept under "unknown", still apart from other lists and ways of asking
        }
        return p.getProperty("version", "unknown");
    }

    /** What {@code text} is. Deprecated ids are never answered. Never throws for a text. */
    public Answer match(String text) {
        Answer a = memo.get(text);
        if (a == null) {
            // not computeIfAbsent: it would hold a bin of the map for the seconds a comparison can take
            a = cache == null ? null : cache.get(text).orElse(null);
            if (a == null) {
                a = compute(text);
                if (cache != null) {
                    cache.put(text, a);
                }
            }
            memo.putIfAbsent(text, a);
        }
        return a;
    }

    /**
     * Answers {@code texts} on as many threads as there are processors, so that later {@link #match}
     * calls find them answered. The library's comparisons share no state; a text takes from 20 ms to
     * seconds, and a dependency set has dozens of distinct texts.
     */
    public void prepare(Collection<String> texts) {
        List<String> todo = texts.stream().distinct().filter(t -> !memo.containsKey(t)).toList();
        int threads = Math.min(todo.size(), Runtime.getRuntime().availableProcessors());
        if (threads <= 1) {
            todo.forEach(this::match);
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "gomod-license-match");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Answer>> pending = new ArrayList<>();
            for (String t : todo) {
                pending.add(pool.submit(() -> match(t)));
            }
            for (Future<Answer> f : pending) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            // match never throws for a text; what else went wrong is the JVM's to report
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static Answer compute(String text) {
        List<String> words = words(text);
        Set<String> present = new HashSet<>(words);
        long[] pairs = sorted(pairs(words));
        LicenseTokens tokens = LicenseTokens.of(text);
        List<Failure> failures = new ArrayList<>();
        List<Match> out = new ArrayList<>();
        List<Listed> candidates = new ArrayList<>();
        for (Listed l : index()) {
            if (mayHold(l.words(), l.pairs(), present, pairs) && (l.anchors() == null || tokens.holds(l.anchors()))
                    && tokens.coverage(l.chunks()) >= IN_ORDER_SHARE) {
                candidates.add(l);
            }
        }
        List<Listed> found = new ArrayList<>();
        for (Listed l : candidates) {
            // a text more than twice the license's length (and then some for copyright lines) is not the license
            if (words.size() <= 2 * l.wordCount() + 100
                    && compare(l.id(), How.WHOLE, failures, () -> !LicenseCompareHelper.isTextMatchingTemplate(l.template(), text).isDifferenceFound())) {
                out.add(new Match(l.id(), How.WHOLE, 1.0));
                found.add(l);
            }
        }
        List<Listed> whole = List.copyOf(found);
        for (Listed l : candidates) {
            // a variant of a license the file already is (ECL-2.0 beside Apache-2.0) is not searched for
            // again within it: its words are the matched license's, and the regex search is the slow part
            if (found.contains(l) || whole.stream().anyMatch(w -> explains(w, l))) {
                continue;
            }
            if (within(l.id(), How.WITHIN, l.template(), l.anchors(), text, tokens, failures)) {
                out.add(new Match(l.id(), How.WITHIN, share(l.wordCount(), words.size())));
                found.add(l);
            }
        }
        for (Listed l : index()) {
            Header h = l.header();
            if (h == null || found.contains(l) || !mayHold(h.words(), h.pairs(), present, pairs)) {
                continue; // the license's own text has its notice in its appendix: no second answer
            }
            if (within(l.id(), How.NOTICE, h.template(), h.anchors(), text, tokens, failures)) {
                out.add(new Match(l.id(), How.NOTICE, share(h.wordCount(), words.size())));
            }
        }
        // A failure about a license another comparison found leaves nothing unknown: the library could not
        // say whether the text is exactly MPL-2.0, but found MPL-2.0 within it (hashicorp's MPL-2.0 files).
        Set<String> ids = new HashSet<>();
        out.forEach(m -> ids.add(m.id()));
        List<String> open = failures.stream().filter(f -> !ids.contains(f.id())).map(Failure::what).toList();
        String failure = open.isEmpty() ? null
                : open.get(0) + (open.size() > 1 ? " (and " + (open.size() - 1) + " more comparisons)" : "");
        return new Answer(List.copyOf(out), failure);
    }

    /**
     * The library's search for a template within a text, asked of the stretches its anchors mark
     * (at most three) rather than of the whole text: the library takes the first place its start
     * matches to the last place its end matches, which in a file of several licenses spans them all,
     * costs seconds of regular-expression search and then fails (klauspost/compress's LICENSE holds the
     * MIT text, and asked whole the library does not find it). Without anchors, the whole text.
     */
    private static boolean within(String id, How how, String template, LicenseTokens.Anchors anchors, String text, LicenseTokens tokens,
                                  List<Failure> failures) {
        List<String> windows = anchors == null ? List.of(text) : tokens.windows(anchors, 3);
        for (String w : windows) {
            if (compare(id, how, failures, () -> new TemplateRegexMatcher(template).isTemplateMatchWithinText(w))) {
                return true;
            }
        }
        return false;
    }

    /** A comparison the library failed: the license it was with, and what went wrong, in words. */
    private record Failure(String id, String what) {
    }

    private interface Comparison {
        boolean matches() throws SpdxCompareException, InvalidSPDXAnalysisException;
    }

    // One comparison, contained: the library's exceptions (and a regex's stack overflow on a long text)
    // make this comparison a failure named by license and error, never the caller's exception.
    private static boolean compare(String id, How how, List<Failure> failures, Comparison c) {
        try {
            return c.matches();
        } catch (SpdxCompareException | InvalidSPDXAnalysisException e) {
            failures.add(new Failure(id, "the SPDX library failed comparing with " + id + " (" + how.id() + "): " + e.getClass().getSimpleName()
                    + ": " + e.getMessage()));
            return false;
        } catch (RuntimeException | StackOverflowError e) {
            // the class alone: a hot JVM throws such exceptions without their message (OmitStackTraceInFastThrow),
            // and the answer goes into the SBOM's bytes and the cache
            failures.add(new Failure(id, "the SPDX library failed comparing with " + id + " (" + how.id() + "): " + e.getClass().getSimpleName()));
            return false;
        }
    }

    // Whether the text has WORD_SHARE of the required words and PAIR_SHARE of the required pairs; a walk
    // stops as soon as the share can no longer be reached, which for most licenses is within a few words.
    private static boolean mayHold(String[] words, long[] pairs, Set<String> present, long[] presentPairs) {
        if (words.length == 0) {
            return false;
        }
        double needed = WORD_SHARE * words.length;
        int hits = 0;
        for (int i = 0; i < words.length; i++) {
            if (present.contains(words[i])) {
                hits++;
            } else if (hits + (words.length - i - 1) < needed) {
                return false;
            }
        }
        if (hits < needed) {
            return false;
        }
        double neededPairs = PAIR_SHARE * pairs.length;
        int pairHits = 0;
        for (int i = 0; i < pairs.length; i++) {
            if (Arrays.binarySearch(presentPairs, pairs[i]) >= 0) {
                pairHits++;
            } else if (pairHits + (pairs.length - i - 1) < neededPairs) {
                return false;
            }
        }
        return pairHits >= neededPairs;
    }

    private static long[] sorted(Set<Long> pairs) {
        return pairs.stream().mapToLong(Long::longValue).sorted().toArray();
    }

    private static String[] distinct(List<String> words) {
        return new java.util.LinkedHashSet<>(words).toArray(String[]::new);
    }

    private static double share(int licenseWords, int textWords) {
        double share = textWords == 0 ? 0 : Math.min(1.0, (double) licenseWords / textWords);
        return Math.round(share * 100) / 100.0;
    }

    private static boolean explains(Listed matched, Listed other) {
        Set<String> theirs = Set.of(matched.words());
        long own = Arrays.stream(other.words()).filter(w -> !theirs.contains(w)).count();
        return own < (1 - WORD_SHARE) * other.words().length;
    }

    // The runs of [a-z0-9] in the text, lower case: a scan, not a regular expression (the list's 700
    // templates and every text go through it).
    private static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = Character.toLowerCase(text.charAt(i));
            if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
                w.append(c);
            } else if (!w.isEmpty()) {
                out.add(w.toString());
                w.setLength(0);
            }
        }
        if (!w.isEmpty()) {
            out.add(w.toString());
        }
        return out;
    }

    // Word pairs as longs (the two words' hashes): a filter, where a rare collision only admits a candidate.
    private static Set<Long> pairs(List<String> words) {
        Set<Long> out = new HashSet<>();
        for (int i = 0; i + 1 < words.size(); i++) {
            out.add(((long) words.get(i).hashCode() << 32) | (words.get(i + 1).hashCode() & 0xffffffffL));
        }
        return out;
    }

    // The pairs within each required chunk only: a chunk ends where optional or variable text begins.
    private static Set<Long> requiredPairs(List<String> chunks) {
        Set<Long> out = new HashSet<>();
        for (String chunk : chunks) {
            out.addAll(pairs(words(chunk)));
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

    // The jar's list, not spdx.org's: the same answer offline and on every machine.
    private static ListedLicenses list() {
        System.setProperty("org.spdx.useJARLicenseInfoOnly", "true");
        SpdxModelFactory.init();
        return ListedLicenses.getListedLicenses();
    }

    /** What the list says of one license: all the index needs from the list's store. */
    private record Source(String id, String template, String text, String headerTemplate) {
    }

    /**
     * Reads the list once per JVM: about two seconds in a fresh JVM, a third of it reading the list's
     * store, the rest parsing and normalizing templates. (Two threads took as long: the store serializes
     * its readers, and in a fresh JVM on two cores the JIT's compilers want the other core.)
     */
    private static List<Listed> load() {
        ListedLicenses listed = list();
        try {
            List<Listed> out = new ArrayList<>();
            for (String id : listed.getSpdxListedLicenseIds().stream().sorted().toList()) {
                ListedLicense l = listed.getListedLicenseById(id);
                if (l.getIsDeprecatedLicenseId().orElse(false)) {
                    continue; // never answered
                }
                String header = null;
                if (l.getStandardLicenseHeader().filter(h -> !h.isBlank()).isPresent()) {
                    // the header's template (with its variable copyright line) is in the list's v2 form only
                    header = LicenseInfoFactory.getListedLicenseByIdCompatV2(id).getStandardLicenseHeaderTemplate();
                }
                out.add(listed(new Source(id, l.getStandardLicenseTemplate().filter(t -> !t.isBlank()).orElse(l.getLicenseText()),
                        l.getLicenseText(), header == null || header.isBlank() ? null : header)));
            }
            return List.copyOf(out);
        } catch (InvalidSPDXAnalysisException | SpdxCompareException e) {
            throw new IllegalStateException("the SPDX license list bundled with the SPDX library is unreadable: " + e.getMessage(), e);
        }
    }

    // One license's entry: the words, pairs, chunks and anchors of its required text and of its header's.
    private static Listed listed(Source src) throws SpdxCompareException {
        List<String> required = required(src.template());
        Header header = null;
        if (src.headerTemplate() != null) {
            String h = src.headerTemplate();
            List<String> hr = required(h);
            header = new Header(h, distinct(words(String.join(" ", hr))), sorted(requiredPairs(hr)), words(h).size(),
                    LicenseTokens.Anchors.of(LicenseTokens.chunks(hr)));
        }
        List<List<String>> chunks = LicenseTokens.chunks(required);
        return new Listed(src.id(), distinct(words(String.join(" ", required))), sorted(requiredPairs(required)), words(src.text()).size(),
                src.template(), chunks, LicenseTokens.Anchors.of(chunks), header);
    }

    // The non-optional text of a template: the guidelines let optional text be absent and variable text differ.
    private static List<String> required(String template) throws SpdxCompareException {
        return LicenseCompareHelper.getNonOptionalLicenseText(template, FilterTemplateOutputHandler.VarTextHandling.OMIT,
                FilterTemplateOutputHandler.OptionalTextHandling.OMIT);
    }
}
