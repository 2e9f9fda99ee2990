/**
 * Running the go command: the environment it gets (proxies, private modules, checksum database,
 * flags, offline mode, credentials), a timeout that kills the whole process tree, retries of
 * transient network failures, probing of a list of proxies, and masking of every secret in what it
 * logs. The only place that starts a go process.
 */
package dev.gomod.gotool;
