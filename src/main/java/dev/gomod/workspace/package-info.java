/**
 * What every job needs of the module directory it works in: replacing a directory (vendor/, a
 * restored module cache) atomically, recovering from an interrupted swap, and the lock that keeps
 * two builds, or two threads of one build, from working on it at once.
 */
package dev.gomod.workspace;
