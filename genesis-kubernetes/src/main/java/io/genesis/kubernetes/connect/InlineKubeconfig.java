package io.genesis.kubernetes.connect;

import io.fabric8.kubernetes.api.model.AuthInfo;
import io.fabric8.kubernetes.api.model.Cluster;
import io.fabric8.kubernetes.api.model.NamedAuthInfo;
import io.fabric8.kubernetes.api.model.NamedCluster;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.internal.KubeConfigUtils;
import io.genesis.core.secret.ParseProblem;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a kubeconfig given as text. Whoever may store that text (a Jenkins user allowed to add a
 * credential to a folder, say) is not trusted with this machine: fabric8 would read the files a
 * kubeconfig names (a token file, a certificate or key, the CA) and send them to the server the text
 * names, and run the command of an {@code exec} or {@code auth-provider} entry while it loads. So
 * such entries are refused before fabric8 sees the text: only embedded data is allowed.
 */
final class InlineKubeconfig {

    private InlineKubeconfig() {}

    static Config config(Connection.KubeconfigText text) {
        io.fabric8.kubernetes.api.model.Config parsed;
        try {
            parsed = KubeConfigUtils.parseConfigFromString(text.content());
        } catch (RuntimeException e) {
            // The parser's own message quotes the line it stopped at: in a kubeconfig, maybe a token.
            throw new IllegalArgumentException("the kubeconfig of " + text.origin() + " cannot be read: "
                    + ParseProblem.problem(KubernetesClients.rootCause(e))
                    + "; fix: store the output of 'kubectl config view --raw --flatten --minify'");
        }
        List<String> refused = refused(parsed);
        if (!refused.isEmpty()) {
            throw new IllegalArgumentException(
                    "the kubeconfig of " + text.origin() + " names " + String.join(", ", refused)
                            + ", which would read a file of this machine or run a command on it; fix: embed the data instead"
                            + " (token, client-certificate-data, client-key-data, certificate-authority-data: 'kubectl config"
                            + " view --raw --flatten --minify' writes them), or use a token with a server URL");
        }
        try {
            return Config.fromKubeconfig(text.context().isEmpty() ? null : text.context(), text.content(), null);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("the kubeconfig of " + text.origin() + " cannot be used: "
                    + ParseProblem.problem(KubernetesClients.rootCause(e))
                    + "; fix: check it with 'kubectl config view'");
        }
    }

    /** The entries that point outside the text, named by where they are ({@code users[deployer].exec}). */
    private static List<String> refused(io.fabric8.kubernetes.api.model.Config parsed) {
        List<String> refused = new ArrayList<>();
        for (NamedAuthInfo user : listOf(parsed.getUsers())) {
            AuthInfo info = user.getUser();
            if (info == null) {
                continue;
            }
            String where = "users[" + user.getName() + "].";
            add(refused, info.getExec() != null, where + "exec");
            add(refused, info.getAuthProvider() != null, where + "auth-provider");
            add(refused, notBlank(info.getTokenFile()), where + "tokenFile");
            add(refused, notBlank(info.getClientCertificate()), where + "client-certificate");
            add(refused, notBlank(info.getClientKey()), where + "client-key");
        }
        for (NamedCluster cluster : listOf(parsed.getClusters())) {
            Cluster info = cluster.getCluster();
            if (info != null) {
                add(
                        refused,
                        notBlank(info.getCertificateAuthority()),
                        "clusters[" + cluster.getName() + "].certificate-authority");
            }
        }
        return refused;
    }

    private static <T> List<T> listOf(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static void add(List<String> refused, boolean present, String entry) {
        if (present) {
            refused.add(entry);
        }
    }

    private static boolean notBlank(String value) {
        return value != null && !value.isBlank();
    }
}
