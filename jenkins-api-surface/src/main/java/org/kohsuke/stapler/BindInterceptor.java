package org.kohsuke.stapler;

/** A hook into form-to-object binding. Mirrors {@code org.kohsuke.stapler:stapler:2050.v425108fd5089}; declared as a type only. */
public class BindInterceptor {}
