package io.genesis.kubernetes.api;

/** The labels and annotations Genesis reads and writes on Kubernetes objects. */
public final class Names {

    /** The application label every object of an application carries. */
    public static final String APP = "app";
    /** Blue-green: which slot a Deployment and its pods are, {@code blue} or {@code green}. */
    public static final String SLOT = "slot";
    /** Canary: which track a Deployment and its pods are, {@code stable} or {@code canary}. */
    public static final String TRACK = "track";

    /** The rollout that last changed the object. */
    public static final String ROLLOUT = "genesis.io/rollout";
    /** The version the object runs. */
    public static final String VERSION = "genesis.io/version";
    /** Blue-green: the slot the active Service selected before Genesis switched it. */
    public static final String PREVIOUS_SLOT = "genesis.io/previous-slot";
    /** Rolling and canary: the Deployment revision that was stable before this rollout. */
    public static final String PREVIOUS_REVISION = "genesis.io/previous-revision";

    /**
     * The rollout whose rollback already put the previous revision back: a repeated rollback (after
     * a crash) finds it and does not look for that revision again, which the controller renumbered.
     */
    public static final String ROLLED_BACK = "genesis.io/rolled-back";
    /**
     * Rolling: the share of replicas the current batch rolls to; the Deployment is paused once that
     * many run the new template, until the next batch. Absent or 100 for an ungated update.
     */
    public static final String BATCH = "genesis.io/batch";
    /** Canary without a router: the replica count that stable and canary share. */
    public static final String TOTAL_REPLICAS = "genesis.io/total-replicas";

    /** Set by the Deployment controller on Deployments and their ReplicaSets. */
    public static final String REVISION = "deployment.kubernetes.io/revision";
    /** Why a revision was made (kubectl's --record, or set by hand); kubectl rollout undo restores it. */
    public static final String CHANGE_CAUSE = "kubernetes.io/change-cause";
    /** Set by the Deployment controller on ReplicaSets and pods; never copied into a template. */
    public static final String POD_TEMPLATE_HASH = "pod-template-hash";

    /** Marks objects Genesis creates for itself, such as its Events. */
    public static final String MANAGED_BY = "app.kubernetes.io/managed-by";

    /** The field manager of Genesis' server-side applies. */
    public static final String FIELD_MANAGER = "genesis";

    private Names() {}
}
