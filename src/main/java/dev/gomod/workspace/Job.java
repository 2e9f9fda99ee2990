package dev.gomod.workspace;

import dev.gomod.Reporter;

/**
 * The one shape of every job (freeze, vendor, sbom, pack, restore, verify): a value of the workspace it
 * works on, where its messages go, and its options, then run. Jobs are records of exactly these
 * three, so a mojo builds one and maps what its run throws, and a test does the same with a test's
 * reporter.
 *
 * @param <O> the job's options, a record of its own
 */
public interface Job<O> {
    Workspace workspace();

    Reporter reporter();

    O options();
}
