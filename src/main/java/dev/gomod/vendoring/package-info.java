/**
 * Producing vendor/ with go: vendoring into a scratch directory ({@code go mod vendor -o}, on a copy of
 * go.mod), checking modules.txt and hashing the result, and putting it in place with the workspace's
 * atomic swap. Named "vendoring" rather than "vendor": tools such as GitHub's linguist and many Go
 * .gitignore files treat any {@code vendor/} directory as third-party code.
 */
package dev.gomod.vendoring;
