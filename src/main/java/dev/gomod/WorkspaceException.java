package dev.gomod;

import java.util.Map;

/**
 * The user's module directory, or an artifact meant for it, is in a state a job must refuse: drifted
 * from its lock, not tidy, against a dependency policy, a bundle made for other sources. The message
 * states what is wrong, naming the file or entry; how to fix it is worded by the caller that knows
 * the user's vocabulary (goals and properties, for the Maven plugin) from the {@link Reason} and the
 * facts. It is a user's problem, never shown with a stack trace.
 */
public class WorkspaceException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why the job refused; each reason has its own remedy. */
    public enum Reason {
        /** go.mod, go.sum or vendor/ differ from the lock; fact {@code lock}: the lock file's name. */
        DRIFT,
        /** go.mod/go.sum are not what {@code go mod tidy} makes. */
        NOT_TIDY,
        /** Packing a vendor bundle with no vendor/ directory. */
        NO_VENDOR,
        /** vendor/modules.txt disagrees with go.mod. */
        VENDOR_OUT_OF_SYNC,
        /** This Go vendors another tree than the one the lock pins; fact {@code go}: the Go that wrote the lock. */
        LOCKED_BY_OTHER_GO,
        /** The Go at hand lacks what the job needs; fact {@code needs}: the oldest Go that does. */
        GO_TOO_OLD,
        /** A bundle of another kind than asked for; facts {@code kind} (asked) and {@code found}. */
        WRONG_KIND,
        /** A bundle made for another module. */
        WRONG_MODULE,
        /** A bundle made for other go.mod/go.sum, say another version of this module. */
        OTHER_SOURCES,
        /** Content that does not hash to what the lock, the manifest or go.sum vouch for. */
        TAMPERED,
        /** An artifact only the lock can vouch for (a toolchain), and the lock pins none; facts {@code lock}, {@code what}. */
        NOT_PINNED,
        /** A locked freeze would write the lock; fact {@code lock}: its name. */
        LOCKED,
        /** The dependency policy refuses modules of the build list. */
        POLICY,
        /** A toolchain for a platform the GOPROXY chain does not list for its release; fact {@code platforms}: those it lists. */
        UNLISTED_PLATFORM,
        /** Known vulnerabilities the audit policy refuses; fact {@code failOn}: the reach from which it refuses. */
        VULNERABLE,
        /** Data older than the user allows (a vulnerability database past its maximum age). */
        OUTDATED,
        /** A directory holds what a bundle must not: links, devices, a damaged module cache. */
        UNSAFE_CONTENT
    }

    private final Reason reason;
    private final Map<String, String> facts;

    public WorkspaceException(Reason reason, String message) {
        this(reason, message, Map.of());
    }

    public WorkspaceException(Reason reason, String message, Map<String, String> facts) {
        super(message);
        this.reason = reason;
        this.facts = Map.copyOf(facts);
    }

    public Reason reason() {
        return reason;
    }

    /** A fact the remedy may need, by the name its {@link Reason} documents. */
    public String fact(String name) {
        return facts.getOrDefault(name, "");
    }
}
