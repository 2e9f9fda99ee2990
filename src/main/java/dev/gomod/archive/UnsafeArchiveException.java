package dev.gomod.archive;

/**
 * An archive that must not be extracted: an entry that escapes, a link, a device, a duplicate, a
 * bomb. Names the archive and the entry. A tampered or crafted artifact is the user's problem to
 * investigate, never a reason to write anything.
 */
public class UnsafeArchiveException extends Exception {
    private static final long serialVersionUID = 1L;

    public UnsafeArchiveException(String archive, String entry, String why) {
        super(archive + ": entry '" + entry + "' refused: " + why);
    }

    public UnsafeArchiveException(String archive, String why) {
        super(archive + ": refused: " + why);
    }
}
