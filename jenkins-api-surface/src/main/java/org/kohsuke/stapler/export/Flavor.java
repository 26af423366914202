package org.kohsuke.stapler.export;

/** The formats exported beans can be written in. Mirrors {@code org.kohsuke.stapler:stapler:2050.v425108fd5089}; declared as a type only. */
public enum Flavor {}
