/**
 * The lock file, {@code gomod.lock}: what a frozen module's dependencies were (go.mod and go.sum
 * digests, the Go that vendored) and the pins of the artifacts made from them (the vendor tree, the
 * module cache, the toolchains: one {@link dev.gomod.lock.PinKind} each), how it is written and
 * read, and how a workspace has drifted from it. It is the root of the trust chain: it lives in git.
 */
package dev.gomod.lock;
