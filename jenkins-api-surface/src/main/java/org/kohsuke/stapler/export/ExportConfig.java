package org.kohsuke.stapler.export;

/** Options for writing an exported bean. Mirrors {@code org.kohsuke.stapler:stapler:2050.v425108fd5089}; declared as a type only. */
public class ExportConfig {}
