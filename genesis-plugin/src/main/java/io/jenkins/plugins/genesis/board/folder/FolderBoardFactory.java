package io.jenkins.plugins.genesis.board.folder;

import com.cloudbees.hudson.plugins.folder.AbstractFolder;
import hudson.Extension;
import hudson.model.Action;
import io.jenkins.plugins.genesis.board.FolderBoardAction;
import java.util.Collection;
import java.util.List;
import jenkins.model.TransientActionFactory;

/**
 * Adds the deployment board to every folder, multibranch project and organization folder. The only class
 * that names the cloudbees-folder plugin: Jenkins leaves this optional extension out when that plugin is
 * not installed, and the rest of Genesis works without it.
 */
@Extension(optional = true)
@SuppressWarnings("rawtypes") // folders are declared on the raw type, as Jenkins' own factories do
public final class FolderBoardFactory extends TransientActionFactory<AbstractFolder> {

    @Override
    public Class<AbstractFolder> type() {
        return AbstractFolder.class;
    }

    @Override
    public Collection<? extends Action> createFor(AbstractFolder target) {
        return List.of(new FolderBoardAction(target));
    }
}
