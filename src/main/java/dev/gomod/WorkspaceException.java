package dev.gomod;

/**
 * The user's module directory is in a state a job must refuse: drifted from its lock, not tidy,
 * against a dependency policy. The message names the file or entry and says how to fix it; it is a
 * user's problem, never shown with a stack trace.
 */
public class WorkspaceException extends Exception {
    private static final long serialVersionUID = 1L;

    public WorkspaceException(String message) {
        super(message);
    }
}
