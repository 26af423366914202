package hudson;

import java.io.File;

/** An XML file Jenkins keeps an object in. Mirrors {@code org.jenkins-ci.main:jenkins-core:2.541.3}; only the member the plugin uses. */
public final class XmlFile {

    public XmlFile(File file) {
        throw new UnsupportedOperationException();
    }

    /** The file on disk. */
    public File getFile() {
        throw new UnsupportedOperationException();
    }
}
