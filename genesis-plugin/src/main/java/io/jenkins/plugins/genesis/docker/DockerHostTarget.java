package io.jenkins.plugins.genesis.docker;

import hudson.Extension;
import hudson.model.Descriptor;
import hudson.model.Item;
import hudson.model.Run;
import hudson.util.FormValidation;
import io.genesis.core.target.TargetSpec;
import io.genesis.docker.engine.DockerHost;
import io.genesis.docker.target.DockerSettings;
import io.genesis.docker.target.DockerTargets;
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
 * A Docker host as a Jenkinsfile names it ({@code target: docker(image: 'shop:1.4.0', proxyPort: 8080)}), or
 * as an administrator sets an environment's target in the global configuration. The settings are those of
 * {@code genesis deploy --target docker} (docs/docker.md); the engine is reached from the controller, where
 * Genesis's engine and the HAProxy it starts run. No secret: a TLS folder is a path on the controller, which
 * only the global configuration may name for a protected environment.
 */
public final class DockerHostTarget extends DeployTarget {

    private String host;
    private String tlsCertPath;
    private String image;
    private Integer proxyPort;
    private Integer replicas;
    private String proxyDir;
    private String healthPath;
    private String portVariable;
    private Integer stopGraceSeconds;

    /** A target whose settings all come from setters, the environment's target, or the defaults. */
    @DataBoundConstructor
    public DockerHostTarget() {
        // Every setting is optional here: the global configuration may give it.
    }

    public String getHost() {
        return host;
    }

    @DataBoundSetter
    public void setHost(String host) {
        this.host = blankToNull(host);
    }

    public String getTlsCertPath() {
        return tlsCertPath;
    }

    @DataBoundSetter
    public void setTlsCertPath(String tlsCertPath) {
        this.tlsCertPath = blankToNull(tlsCertPath);
    }

    public String getImage() {
        return image;
    }

    @DataBoundSetter
    public void setImage(String image) {
        this.image = blankToNull(image);
    }

    public Integer getProxyPort() {
        return proxyPort;
    }

    @DataBoundSetter
    public void setProxyPort(Integer proxyPort) {
        this.proxyPort = proxyPort;
    }

    public Integer getReplicas() {
        return replicas;
    }

    @DataBoundSetter
    public void setReplicas(Integer replicas) {
        this.replicas = replicas;
    }

    public String getProxyDir() {
        return proxyDir;
    }

    @DataBoundSetter
    public void setProxyDir(String proxyDir) {
        this.proxyDir = blankToNull(proxyDir);
    }

    public String getHealthPath() {
        return healthPath;
    }

    @DataBoundSetter
    public void setHealthPath(String healthPath) {
        this.healthPath = blankToNull(healthPath);
    }

    public String getPortVariable() {
        return portVariable;
    }

    @DataBoundSetter
    public void setPortVariable(String portVariable) {
        this.portVariable = blankToNull(portVariable);
    }

    public Integer getStopGraceSeconds() {
        return stopGraceSeconds;
    }

    @DataBoundSetter
    public void setStopGraceSeconds(Integer stopGraceSeconds) {
        this.stopGraceSeconds = stopGraceSeconds;
    }

    /** The settings that are set, by the keys of the Docker module ({@link DockerSettings}). */
    public Map<String, String> settings() {
        Map<String, String> settings = new LinkedHashMap<>();
        put(settings, DockerSettings.HOST, host);
        put(settings, DockerSettings.TLS, tlsCertPath);
        put(settings, DockerSettings.IMAGE, image);
        put(settings, DockerSettings.PROXY_PORT, proxyPort);
        put(settings, DockerSettings.REPLICAS, replicas);
        put(settings, DockerSettings.PROXY_DIR, proxyDir);
        put(settings, DockerSettings.HEALTH_PATH, healthPath);
        put(settings, DockerSettings.PORT_VARIABLE, portVariable);
        put(settings, DockerSettings.STOP_GRACE, stopGraceSeconds);
        return settings;
    }

    /** The settings as the rollout stores them; the opener merges the environment's trusted target in. */
    @Override
    public TargetSpec spec(Run<?, ?> run) {
        return new TargetSpec(DockerTargets.KIND, settings());
    }

    private static void put(Map<String, String> settings, String key, Object value) {
        if (value != null) {
            settings.put(key, value.toString());
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** {@code docker(...)} in a Jenkinsfile; the environment's target in the global configuration. */
    @Extension
    @Symbol("docker")
    public static final class DescriptorImpl extends Descriptor<DeployTarget> {

        @Override
        public String getDisplayName() {
            return Messages.TARGET_DISPLAY_NAME.format();
        }

        @POST
        public FormValidation doCheckHost(@AncestorInPath Item item, @QueryParameter String value) {
            JenkinsFacade.checkConfigure(item, getRequiredGlobalConfigPagePermission());
            if (value == null || value.isBlank()) {
                return FormValidation.ok();
            }
            try {
                DockerHost.parse(value);
                return FormValidation.ok();
            } catch (IllegalArgumentException e) {
                return FormValidation.error(e.getMessage());
            }
        }

        @POST
        public FormValidation doCheckProxyPort(@AncestorInPath Item item, @QueryParameter String value) {
            JenkinsFacade.checkConfigure(item, getRequiredGlobalConfigPagePermission());
            if (value == null || value.isBlank()) {
                return FormValidation.ok();
            }
            String port = value.trim();
            if (port.matches("\\d{1,5}") && Integer.parseInt(port) >= 1 && Integer.parseInt(port) <= 65535) {
                return FormValidation.ok();
            }
            return FormValidation.error(Messages.NOT_A_PORT.format(port));
        }
    }
}
