package dev.gomod.sbom;

import org.spdx.licenseTemplate.LicenseTextHelper;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A text's words as the SPDX library compares them, with where each stands in the text: normalized
 * as the library normalizes (its own {@code normalizeText} and {@code replaceMultWord}), split where
 * its tokenizer splits (white space and {@code . , ? ' ( ) ; : " / [ ] < >}), lower case, the
 * guidelines' equivalent words made one ({@code licence} is {@code license}, {@code (c)} and
 * {@code ©} are {@code -c-}: the library's own table), {@code http} as {@code https}, punctuation
 * dropped. Two texts the library finds equal have the same words here, so a license's opening and
 * closing words ({@link Anchors}) that a text lacks mean the library would not find the license in
 * it; where the text has them, they say where to look.
 */
final class LicenseTokens {
    // Where the library's tokenizer splits: \s as Java's regular expressions mean it, and its punctuation.
    private static final String SPLIT = " \t\n\u000B\f\r.,?'();:\"/[]<>";
    // Words an anchor takes from each end of the required text: enough to be rare, few enough to stay
    // within one stretch of required text.
    private static final int ANCHOR_WORDS = 8;
    private static final int MIN_ANCHOR_WORDS = 3;
    // Lines a window takes beyond its anchors, for the optional and variable text (a title, copyright lines) around them.
    private static final int MARGIN_LINES = 3;
    private static final String CHUNK_BREAK = "\u0001";

    /** A license's first and last words of required text; null where its required text is too short to have them. */
    record Anchors(List<String> start, List<String> end) {
        /** From the words of each required chunk ({@link #chunks}). */
        static Anchors of(List<List<String>> requiredChunks) {
            List<List<String>> chunks = requiredChunks.stream().filter(w -> w.size() >= MIN_ANCHOR_WORDS).toList();
            if (chunks.isEmpty()) {
                return null;
            }
            List<String> first = chunks.get(0);
            List<String> last = chunks.get(chunks.size() - 1);
            return new Anchors(List.copyOf(first.subList(0, Math.min(ANCHOR_WORDS, first.size()))),
                    List.copyOf(last.subList(Math.max(0, last.size() - ANCHOR_WORDS), last.size())));
        }
    }

    private final String text;
    private final List<String> tokens = new ArrayList<>();
    private final List<int[]> spans = new ArrayList<>();
    private final Map<String, List<Integer>> at = new HashMap<>();

    private LicenseTokens(String text) {
        this.text = text;
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            boolean split = i == text.length() || SPLIT.indexOf(text.charAt(i)) >= 0;
            if (!split && start < 0) {
                start = i;
            } else if (split && start >= 0) {
                add(text.substring(start, i).toLowerCase(Locale.ROOT), start, i);
                start = -1;
            }
        }
    }

    private void add(String t, int from, int to) {
        t = LicenseTextHelper.NORMALIZE_TOKENS.getOrDefault(t, t);
        if (t.equals("http")) {
            t = "https";
        }
        boolean wordish = false;
        for (int i = 0; i < t.length() && !wordish; i++) {
            char c = t.charAt(i);
            wordish = c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
        }
        if (wordish) {
            at.computeIfAbsent(t, k -> new ArrayList<>()).add(tokens.size());
            tokens.add(t);
            spans.add(new int[]{from, to});
        }
    }

    /**
     * The words of {@code text}, normalized first as the library normalizes a text (curly quotes,
     * dashes, non-breaking spaces, {@code http://}) and its multi-word equivalents joined.
     */
    static LicenseTokens of(String text) {
        return new LicenseTokens(LicenseTextHelper.replaceMultWord(LicenseTextHelper.normalizeText(text)));
    }

    int size() {
        return tokens.size();
    }

    /** Where {@code seq} starts in the words, in order. */
    List<Integer> find(List<String> seq) {
        List<Integer> out = new ArrayList<>();
        for (int i : at.getOrDefault(seq.get(0), List.of())) {
            if (i + seq.size() <= tokens.size() && tokens.subList(i, i + seq.size()).equals(seq)) {
                out.add(i);
            }
        }
        return out;
    }

    /**
     * The words of each of {@code chunks} (a template's required text), for {@link #coverage} and
     * {@link Anchors}. Normalized in one pass, the chunks joined by a control character that no
     * equivalence spans (the library's normalization is regular expressions: once per license, not
     * once per chunk, is a third of the time it takes to read the list).
     */
    static List<List<String>> chunks(List<String> chunks) {
        String joined = LicenseTextHelper.replaceMultWord(LicenseTextHelper.normalizeText(String.join(CHUNK_BREAK, chunks)));
        List<List<String>> out = new ArrayList<>();
        for (String c : joined.split(CHUNK_BREAK, -1)) {
            List<String> w = new LicenseTokens(c).tokens;
            if (!w.isEmpty()) {
                out.add(List.copyOf(w));
            }
        }
        return out;
    }

    /**
     * The share of the chunks' words that stand in the text, each chunk whole and after the one
     * before: a license's required text must all be there, in order, for the library to find it.
     */
    double coverage(List<List<String>> chunks) {
        int total = 0;
        int covered = 0;
        int from = 0;
        for (List<String> c : chunks) {
            total += c.size();
            for (int i : find(c)) {
                if (i >= from) {
                    covered += c.size();
                    from = i + c.size();
                    break;
                }
            }
        }
        return total == 0 ? 0 : (double) covered / total;
    }

    /** Whether the anchors stand in the text, the start before an end. */
    boolean holds(Anchors a) {
        return !windows(a, 1).isEmpty();
    }

    /**
     * Stretches of the text (whole lines) that may hold the license whose anchors these are: from a
     * little before each place its start stands to a little after the first place its end stands
     * after that; at most {@code max} of them, in order.
     */
    List<String> windows(Anchors a, int max) {
        List<String> out = new ArrayList<>();
        List<Integer> ends = find(a.end());
        int from = -1;
        for (int s : find(a.start())) {
            if (s < from) {
                continue; // inside the last window
            }
            Integer e = ends.stream().filter(x -> x >= s).findFirst().orElse(null);
            if (e == null) {
                break;
            }
            int last = e + a.end().size() - 1;
            out.add(lines(spans.get(s)[0], spans.get(last)[1]));
            from = last + 1;
            if (out.size() == max) {
                break;
            }
        }
        return out;
    }

    private String lines(int from, int to) {
        int begin = from;
        for (int n = 0; n <= MARGIN_LINES && begin > 0; ) {
            begin--;
            if (text.charAt(begin) == '\n') {
                n++;
            }
        }
        if (begin > 0) {
            begin++;
        }
        int end = to;
        for (int n = 0; n <= MARGIN_LINES && end < text.length(); end++) {
            if (text.charAt(end) == '\n') {
                n++;
            }
        }
        return text.substring(begin, end);
    }
}
