package dev.gomod.mod;

/**
 * Input that does not follow a Go format. Names the file and, where there is one, the 1-based line,
 * so that a user can go straight to the mistake.
 */
public class FormatException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;
    private final String detail;

    public FormatException(String file, int line, String detail) {
        super(line > 0 ? file + ":" + line + ": " + detail : file + ": " + detail);
        this.file = file;
        this.line = line;
        this.detail = detail;
    }

    public String file() {
        return file;
    }

    /** 1-based line, or 0 when the problem is not tied to one line. */
    public int line() {
        return line;
    }

    public String detail() {
        return detail;
    }
}
