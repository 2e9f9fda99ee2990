/**
 * Archives: a writer whose output depends only on the files' names, contents and executable bits
 * (tar.gz or zip, built with Commons Compress), and, for restores, a hardened extractor, which may
 * link the unchanged files of the tree it replaces ({@link dev.gomod.archive.PreviousTree}) instead
 * of writing them.
 */
package dev.gomod.archive;
