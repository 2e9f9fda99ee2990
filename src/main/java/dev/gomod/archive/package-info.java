/**
 * Archives: a writer whose output depends only on the files' names, contents and executable bits
 * (tar.gz or zip, built with Commons Compress), and, for restores, a hardened extractor.
 */
package dev.gomod.archive;
