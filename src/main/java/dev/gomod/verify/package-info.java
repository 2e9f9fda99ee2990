/**
 * The verify job: checks a Go module directory without running Go. vendor/modules.txt against
 * go.mod by cmd/go's rules, a module cache or GOPROXY directory against go.sum, and go.mod, go.sum
 * and vendor/ against gomod.lock. Reports every finding at once rather than stopping at the first.
 */
package dev.gomod.verify;
