package io.genesis.core.archviolation5;

import io.genesis.docker.engine.DockerHost;

/**
 * A deliberate violation, kept in test sources only: an engine-package class that uses the Docker
 * adapter. The Docker architecture test proves the engine rule catches it.
 */
final class DockerLeak {
    DockerHost leak() {
        return DockerHost.parse("unix:///var/run/docker.sock");
    }
}
