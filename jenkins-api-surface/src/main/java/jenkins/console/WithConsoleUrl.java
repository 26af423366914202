package jenkins.console;

/** Something with a console log page. Mirrors {@code org.jenkins-ci.main:jenkins-core:2.541.3}. */
public interface WithConsoleUrl {
    String getConsoleUrl();
}
