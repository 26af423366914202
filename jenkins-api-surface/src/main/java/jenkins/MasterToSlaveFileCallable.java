package jenkins;

import jenkins.agents.ControllerToAgentFileCallable;

/**
 * The base class of file work the controller sends to an agent. Mirrors {@code org.jenkins-ci.main:jenkins-core:2.541.3}.
 *
 * @param <T> what the work returns
 */
public abstract class MasterToSlaveFileCallable<T> implements ControllerToAgentFileCallable<T> {}
