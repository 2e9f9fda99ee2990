/**
 * The lock file, {@code gomod.lock}: what a frozen module's dependencies were (go.mod and go.sum
 * digests, the Go that vendored, the vendor tree and module-cache hashes), how it is written and read,
 * and how a workspace has drifted from it. It is the root of the trust chain: it lives in git.
 */
package dev.gomod.lock;
