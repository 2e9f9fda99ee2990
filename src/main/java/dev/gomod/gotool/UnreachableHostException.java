package dev.gomod.gotool;

/**
 * go was not started: a module it would fetch from its own host has no way there that answers
 * ({@link DirectFetchProbe}). The message names the module, each way and what it got.
 */
public final class UnreachableHostException extends GoException {
    private static final long serialVersionUID = 1L;

    private final String module;

    public UnreachableHostException(String module, String problem) {
        super(Kind.NOT_STARTED, problem, -1, "");
        this.module = module;
    }

    /** The first module the message names. */
    public String module() {
        return module;
    }
}
