package io.jenkins.plugins.genesis.kubernetes;

import hudson.Extension;
import hudson.model.Descriptor;
import hudson.model.Item;
import hudson.model.Run;
import hudson.util.FormValidation;
import io.genesis.core.target.TargetSpec;
import io.genesis.kubernetes.adapter.KubernetesTargetFactory;
import io.jenkins.plugins.genesis.JenkinsFacade;
import io.jenkins.plugins.genesis.deploy.DeployTarget;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * A Kubernetes cluster as a Jenkinsfile names it ({@code target: kubernetes(namespace: 'shop',
 * credentialsId: 'kube-staging')}), or as an administrator sets an environment's target in the
 * global configuration. The settings mirror {@code genesis deploy --target kubernetes}; the cluster
 * is reached with a credential by id (a kubeconfig as a secret file, or a token as secret text with
 * the server URL and CA certificate) or through a Kubernetes plugin cloud by name. It holds no
 * secret: Jenkins stores it, and its {@link #spec(Run) spec} is stored with the rollout.
 */
public final class KubernetesTarget extends DeployTarget {

    private String credentialsId;
    private String serverUrl;
    private String caCertificate;
    private String context;
    private String cloud;
    private String namespace;
    private String deployment;
    private String image;
    private String appLabel;
    private String container;
    private String httpRoute;
    private String activeService;
    private String previewService;
    private String stableService;
    private String canaryService;
    private Integer scaleDownDelaySeconds;
    private Boolean recordEvents;

    /** A target whose settings all come from setters, the environment's target, or the defaults. */
    @DataBoundConstructor
    public KubernetesTarget() {
        // Every setting is optional here: the global configuration may give it.
    }

    public String getCredentialsId() {
        return credentialsId;
    }

    @DataBoundSetter
    public void setCredentialsId(String credentialsId) {
        this.credentialsId = blankToNull(credentialsId);
    }

    public String getServerUrl() {
        return serverUrl;
    }

    @DataBoundSetter
    public void setServerUrl(String serverUrl) {
        this.serverUrl = blankToNull(serverUrl);
    }

    public String getCaCertificate() {
        return caCertificate;
    }

    @DataBoundSetter
    public void setCaCertificate(String caCertificate) {
        this.caCertificate = blankToNull(caCertificate);
    }

    public String getContext() {
        return context;
    }

    @DataBoundSetter
    public void setContext(String context) {
        this.context = blankToNull(context);
    }

    public String getCloud() {
        return cloud;
    }

    @DataBoundSetter
    public void setCloud(String cloud) {
        this.cloud = blankToNull(cloud);
    }

    public String getNamespace() {
        return namespace;
    }

    @DataBoundSetter
    public void setNamespace(String namespace) {
        this.namespace = blankToNull(namespace);
    }

    public String getDeployment() {
        return deployment;
    }

    @DataBoundSetter
    public void setDeployment(String deployment) {
        this.deployment = blankToNull(deployment);
    }

    public String getImage() {
        return image;
    }

    @DataBoundSetter
    public void setImage(String image) {
        this.image = blankToNull(image);
    }

    public String getAppLabel() {
        return appLabel;
    }

    @DataBoundSetter
    public void setAppLabel(String appLabel) {
        this.appLabel = blankToNull(appLabel);
    }

    public String getContainer() {
        return container;
    }

    @DataBoundSetter
    public void setContainer(String container) {
        this.container = blankToNull(container);
    }

    public String getHttpRoute() {
        return httpRoute;
    }

    @DataBoundSetter
    public void setHttpRoute(String httpRoute) {
        this.httpRoute = blankToNull(httpRoute);
    }

    public String getActiveService() {
        return activeService;
    }

    @DataBoundSetter
    public void setActiveService(String activeService) {
        this.activeService = blankToNull(activeService);
    }

    public String getPreviewService() {
        return previewService;
    }

    @DataBoundSetter
    public void setPreviewService(String previewService) {
        this.previewService = blankToNull(previewService);
    }

    public String getStableService() {
        return stableService;
    }

    @DataBoundSetter
    public void setStableService(String stableService) {
        this.stableService = blankToNull(stableService);
    }

    public String getCanaryService() {
        return canaryService;
    }

    @DataBoundSetter
    public void setCanaryService(String canaryService) {
        this.canaryService = blankToNull(canaryService);
    }

    public Integer getScaleDownDelaySeconds() {
        return scaleDownDelaySeconds;
    }

    @DataBoundSetter
    public void setScaleDownDelaySeconds(Integer scaleDownDelaySeconds) {
        this.scaleDownDelaySeconds = scaleDownDelaySeconds;
    }

    public Boolean getRecordEvents() {
        return recordEvents;
    }

    @DataBoundSetter
    public void setRecordEvents(Boolean recordEvents) {
        this.recordEvents = recordEvents;
    }

    /**
     * The settings that are set, by the keys the rollout stores (the Kubernetes module's, and {@link
     * KubernetesSettings}' for the connection). The deploy step adds {@code image} and {@code
     * strategy} from its own parameters where this target sets none.
     */
    public Map<String, String> settings() {
        Map<String, String> settings = new LinkedHashMap<>();
        put(settings, KubernetesSettings.CREDENTIALS_ID, credentialsId);
        put(settings, KubernetesSettings.SERVER_URL, serverUrl);
        put(settings, KubernetesSettings.CA_CERTIFICATE, caCertificate);
        put(settings, KubernetesSettings.CONTEXT, context);
        put(settings, KubernetesSettings.CLOUD, cloud);
        put(settings, "namespace", namespace);
        put(settings, "deployment", deployment);
        put(settings, "image", image);
        put(settings, "app", appLabel);
        put(settings, "container", container);
        put(settings, "httpRoute", httpRoute);
        put(settings, "activeService", activeService);
        put(settings, "previewService", previewService);
        put(settings, "stableService", stableService);
        put(settings, "canaryService", canaryService);
        put(settings, "scaleDownDelaySeconds", scaleDownDelaySeconds);
        put(settings, "recordEvents", recordEvents);
        return settings;
    }

    /**
     * The settings with the id of {@code run}, in whose context the opener looks the credential up
     * (the job's folder, the build's authentication). Ids and names only, never a secret.
     */
    @Override
    public TargetSpec spec(Run<?, ?> run) {
        return spec(run.getExternalizableId());
    }

    /** The spec for the build whose externalizable id is {@code run}. */
    TargetSpec spec(String run) {
        Map<String, String> settings = settings();
        settings.put(KubernetesSettings.RUN, run);
        return new TargetSpec(KubernetesTargetFactory.KIND, settings);
    }

    private static void put(Map<String, String> settings, String key, Object value) {
        if (value != null) {
            settings.put(key, value.toString());
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** {@code kubernetes(...)} in a Jenkinsfile; the environment's target in the global configuration. */
    @Extension
    @Symbol("kubernetes")
    public static final class DescriptorImpl extends Descriptor<DeployTarget> {

        @Override
        public String getDisplayName() {
            return Messages.TARGET_DISPLAY_NAME.format();
        }

        @POST
        public FormValidation doCheckServerUrl(@AncestorInPath Item item, @QueryParameter String value) {
            JenkinsFacade.checkConfigure(item, getRequiredGlobalConfigPagePermission());
            return ConnectionChoice.checkServerUrl(value)
                    .map(FormValidation::error)
                    .orElseGet(FormValidation::ok);
        }

        @POST
        public FormValidation doCheckScaleDownDelaySeconds(@AncestorInPath Item item, @QueryParameter String value) {
            JenkinsFacade.checkConfigure(item, getRequiredGlobalConfigPagePermission());
            if (value == null || value.isBlank() || value.trim().matches("\\d{1,9}")) {
                return FormValidation.ok();
            }
            return FormValidation.error(Messages.NOT_SECONDS.format(value.trim()));
        }
    }
}
