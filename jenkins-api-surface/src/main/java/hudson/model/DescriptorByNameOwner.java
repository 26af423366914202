package hudson.model;

/** An object that serves descriptors by name to its forms. Mirrors {@code org.jenkins-ci.main:jenkins-core:2.541.3}; its method is a default one. */
public interface DescriptorByNameOwner extends ModelObject {}
