package org.jenkinsci.plugins.plaincredentials;

import com.cloudbees.plugins.credentials.common.StandardCredentials;
import java.io.IOException;
import java.io.InputStream;

/** A secret file. Mirrors {@code org.jenkins-ci.plugins:plain-credentials}, tag 199.v9f8e1f741799 (bom-2.541.x). */
public interface FileCredentials extends StandardCredentials {

    String getFileName();

    InputStream getContent() throws IOException;
}
