/**
 * Producing vendor/ with go and putting it in place: vendoring into a scratch directory
 * ({@code go mod vendor -o}, on a copy of go.mod), checking and hashing the result, and swapping it
 * in atomically under a workspace lock so that an interrupted run never leaves half a vendor tree.
 */
package dev.gomod.vendor;
