package io.jenkins.plugins.genesis.deploy;

import hudson.Extension;
import hudson.model.AdministrativeMonitor;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/**
 * Tells Jenkins administrators, on "Manage Jenkins", which gate records, notifications and leases in
 * {@code JENKINS_HOME/genesis} cannot be read, what each means and what to do. Nobody else would see them: no
 * step may meet such a file for weeks (a notification neither sent nor sent again, a verdict no deploy
 * finds, a lock that locks nothing). Each look reads the directory again, so the message goes once the
 * files are repaired or moved out.
 */
@Extension
public class UnreadableFilesMonitor extends AdministrativeMonitor {

    private final Supplier<Path> directory;

    public UnreadableFilesMonitor() {
        this(DeployEngine::directory);
    }

    UnreadableFilesMonitor(Supplier<Path> directory) {
        super("genesisUnreadableFiles");
        this.directory = directory;
    }

    @Override
    public String getDisplayName() {
        return Messages.MONITOR_DISPLAY_NAME.format();
    }

    @Override
    public boolean isActivated() {
        return report().any();
    }

    /** The directory read, for the message. */
    public String getDirectory() {
        return directory.get().toString();
    }

    /** One line per file that cannot be read: its path, what is wrong and what to do. */
    public List<String> getProblems() {
        return report().problems();
    }

    private UnreadableFilesReport report() {
        return UnreadableFilesReport.of(directory.get());
    }
}
