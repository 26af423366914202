package org.csanchez.jenkins.plugins.kubernetes;

import hudson.model.AbstractDescribableImpl;
import hudson.model.Saveable;
import java.io.Serializable;

/** A template of agent pods; declared as a type only. Mirrors {@code org.csanchez.jenkins.plugins:kubernetes}, tag 4423.vb_59f230b_ce53 (bom-2.541.x). */
@SuppressWarnings("deprecation") // as the real class
public class PodTemplate extends AbstractDescribableImpl<PodTemplate> implements Serializable, Saveable {

    private static final long serialVersionUID = 1L;

    public PodTemplate() {
        throw new UnsupportedOperationException();
    }

    @Override
    public void save() {
        throw new UnsupportedOperationException();
    }
}
