package io.jenkins.plugins.genesis.kubernetes;

/** What went wrong looking a cluster credential up, for people: the id, the build, and the fix. Never a secret. */
final class CredentialProblems {

    private static final String KINDS =
            "a secret file (holding a kubeconfig) or a secret text (holding a bearer" + " token, used with serverUrl)";

    private CredentialProblems() {}

    static String missing(String credentialsId, String run) {
        return "no credential '" + credentialsId + "' is visible to build " + run + "; fix: add " + KINDS + " with id '"
                + credentialsId + "' to the job's folder or to the global credentials, or correct credentialsId";
    }

    static String wrongKind(String credentialsId, String kind) {
        return "credential '" + credentialsId + "' is a " + kind + ", not " + KINDS + "; fix: store the cluster's"
                + " kubeconfig or token in such a credential and name its id";
    }

    static String unreadable(String credentialsId, Exception e) {
        return "credential '" + credentialsId + "' (a secret file) cannot be read ("
                + e.getClass().getSimpleName() + "); fix: upload the kubeconfig again";
    }

    static String noBuild(String credentialsId, String run) {
        return "build " + run + " no longer exists, so credential '" + credentialsId + "' cannot be looked up in its"
                + " context; fix: keep the builds of rollouts in progress, or let an administrator restore access";
    }

    static String noRun(String credentialsId) {
        return "the stored kubernetes target names credential '" + credentialsId + "' but no build to look it up"
                + " for; fix: name the target in a genesisDeploy step, which stores its build";
    }

    static String kubeconfigWithServer(String credentialsId) {
        return "credential '" + credentialsId + "' is a kubeconfig, which names its own server and CA; fix: remove"
                + " serverUrl and caCertificate, or store a bearer token as secret text instead";
    }

    static String tokenWithoutServer(String credentialsId) {
        return "credential '" + credentialsId + "' is a bearer token, which needs the API server; fix: set serverUrl"
                + " (such as https://api.example:6443) and caCertificate (the PEM of the CA that signed the server's"
                + " certificate)";
    }

    static String tokenWithContext(String credentialsId) {
        return "credential '" + credentialsId + "' is a bearer token, and context is for a kubeconfig; fix: remove"
                + " context";
    }
}
