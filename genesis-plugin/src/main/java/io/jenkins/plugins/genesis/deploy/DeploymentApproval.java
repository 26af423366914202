package io.jenkins.plugins.genesis.deploy;

import io.genesis.core.history.ApprovalRecord;
import java.io.Serializable;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/** One accepted approval answer: who, from which account, when, and what they wrote. */
@ExportedBean(defaultVisibility = 3)
public final class DeploymentApproval implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String by;
    private final String account;
    private final long at;
    private final boolean approved;
    private final String comment;

    DeploymentApproval(ApprovalRecord approval) {
        this.by = approval.by();
        this.account = approval.account();
        this.at = approval.at().toEpochMilli();
        this.approved = approval.approved();
        this.comment = approval.comment();
    }

    @Exported
    public String getBy() {
        return by;
    }

    @Exported
    public String getAccount() {
        return account;
    }

    /** Milliseconds since the epoch, on the engine's clock. */
    @Exported
    public long getAt() {
        return at;
    }

    @Exported
    public boolean isApproved() {
        return approved;
    }

    @Exported
    public String getComment() {
        return comment;
    }
}
