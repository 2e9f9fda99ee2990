package dev.gomod.gotool;

/**
 * A go invocation that failed, timed out or could not start. The message holds the command, the
 * directory and the tail of go's output, with every secret already masked.
 */
public class GoException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why the run ended. */
    public enum Kind { FAILED, TRANSIENT, TIMED_OUT, NOT_STARTED }

    private final Kind kind;
    private final int exitCode;
    private final String output;

    public GoException(Kind kind, String message, int exitCode, String output) {
        super(message);
        this.kind = kind;
        this.exitCode = exitCode;
        this.output = output;
    }

    public Kind kind() {
        return kind;
    }

    public int exitCode() {
        return exitCode;
    }

    /** go's (masked) stderr and stdout. */
    public String output() {
        return output;
    }

    /** True when the environment, not the module, is at fault: go missing, network down, a hang. */
    public boolean environmental() {
        return kind != Kind.FAILED;
    }
}
