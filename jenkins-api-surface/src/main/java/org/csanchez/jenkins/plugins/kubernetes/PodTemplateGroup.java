package org.csanchez.jenkins.plugins.kubernetes;

import hudson.security.Permission;

/** Something that holds pod templates. Mirrors {@code org.csanchez.jenkins.plugins:kubernetes}, tag 4423.vb_59f230b_ce53 (bom-2.541.x). */
public interface PodTemplateGroup {

    void addTemplate(PodTemplate podTemplate);

    void replaceTemplate(PodTemplate oldTemplate, PodTemplate newTemplate);

    void removeTemplate(PodTemplate podTemplate);

    String getPodTemplateGroupUrl();

    Permission getManagePermission();
}
