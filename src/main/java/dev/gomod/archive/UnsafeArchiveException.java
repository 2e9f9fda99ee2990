package dev.gomod.archive;

import java.util.Optional;

/**
 * An archive that must not be extracted: an entry that escapes, a link, a device, a duplicate, a
 * bomb. Names the archive and the entry. A tampered or crafted artifact is the user's problem to
 * investigate, never a reason to write anything; when a limit refused it, {@link #limit()} says
 * which, so that the caller can name the setting that raises it.
 */
public class UnsafeArchiveException extends Exception {
    private static final long serialVersionUID = 1L;

    /** The extraction limit an archive went past. */
    public enum Limit { BYTES, ENTRIES, RATIO }

    private final Limit limit;

    public UnsafeArchiveException(String archive, String entry, String why) {
        this(archive, entry, why, null);
    }

    public UnsafeArchiveException(String archive, String why) {
        this(archive, null, why, null);
    }

    /** @param entry the entry, or null when the archive as a whole is refused */
    public UnsafeArchiveException(String archive, String entry, String why, Limit limit) {
        super(entry == null ? archive + ": refused: " + why : archive + ": entry '" + entry + "' refused: " + why);
        this.limit = limit;
    }

    /** The limit that refused the archive, if one did. */
    public Optional<Limit> limit() {
        return Optional.ofNullable(limit);
    }
}
