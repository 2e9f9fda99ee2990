/**
 * The freeze job: proves a module's dependency set is tidy and within policy, records the build
 * list, vendors into a scratch directory to learn the vendor tree hash, and writes gomod.lock. It
 * never changes go.mod, go.sum or vendor/ unless asked to tidy.
 */
package dev.gomod.freeze;
