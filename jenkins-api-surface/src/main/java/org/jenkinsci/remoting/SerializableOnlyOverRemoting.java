package org.jenkinsci.remoting;

import java.io.Serializable;

/**
 * Marks objects that may be serialized only to cross a remoting channel. Mirrors
 * {@code org.jenkins-ci.main:remoting:3352.v17a_fb_4b_2773f} (the version Jenkins 2.541.3 bundles);
 * its only method is a default one the plugin never calls.
 */
public interface SerializableOnlyOverRemoting extends Serializable {}
