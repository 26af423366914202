package jenkins.model;

import hudson.model.BallColor;
import hudson.model.BuildBadgeAction;
import hudson.model.ParameterValue;
import hudson.model.Result;
import java.util.Calendar;
import java.util.List;

/**
 * What a build shows in its history. Mirrors {@code org.jenkins-ci.main:jenkins-core:2.541.3}; every abstract method of the
 * real interface is declared.
 */
public interface HistoricalBuild extends FullyNamedModelObject {
    int getNumber();

    String getUrl();

    String getDescription();

    long getQueueId();

    Result getResult();

    List<ParameterValue> getParameterValues();

    boolean isBuilding();

    BallColor getIconColor();

    Calendar getTimestamp();

    String getDurationString();

    List<BuildBadgeAction> getBadgeActions();
}
