package org.csanchez.jenkins.plugins.kubernetes;

import hudson.security.ACL;
import hudson.security.Permission;
import hudson.slaves.Cloud;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import org.jenkinsci.plugins.kubernetes.auth.KubernetesAuthException;

/** A Kubernetes cluster configured as a cloud: its server, namespace and credentials. Mirrors {@code org.csanchez.jenkins.plugins:kubernetes}, tag 4423.vb_59f230b_ce53 (bom-2.541.x). */
public class KubernetesCloud extends Cloud implements PodTemplateGroup {

    public KubernetesCloud(String name) {
        super(name);
        throw new UnsupportedOperationException();
    }

    /**
     * A client for the cloud's cluster with its credentials, cached by the Kubernetes plugin: the
     * caller must not close it.
     */
    public KubernetesClient connect() throws KubernetesAuthException, IOException {
        throw new UnsupportedOperationException();
    }

    @Override
    public String getDisplayName() {
        throw new UnsupportedOperationException();
    }

    @Override
    public ACL getACL() {
        throw new UnsupportedOperationException();
    }

    @Override
    public void addTemplate(PodTemplate t) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void replaceTemplate(PodTemplate oldTemplate, PodTemplate newTemplate) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void removeTemplate(PodTemplate t) {
        throw new UnsupportedOperationException();
    }

    @Override
    public String getPodTemplateGroupUrl() {
        throw new UnsupportedOperationException();
    }

    @Override
    public Permission getManagePermission() {
        throw new UnsupportedOperationException();
    }
}
