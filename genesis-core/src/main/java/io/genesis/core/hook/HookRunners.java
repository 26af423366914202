package io.genesis.core.hook;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;

/** The hook runners a host needs most: commands in a working directory and webhooks over HTTP. */
public final class HookRunners {

    private HookRunners() {}

    /** Runs command hooks in {@code workingDirectory} and posts webhooks with a client of its own. */
    public static HookRunner standard(Path workingDirectory) {
        CommandHookRunner commands = new CommandHookRunner(workingDirectory);
        WebhookHookRunner webhooks = webhooks();
        return (hook, context) -> {
            if (hook.runsOnHost()) {
                throw new IllegalStateException(hook.describe() + " runs only where the rollout was started (the"
                        + " Jenkins build that gave it); this engine cannot run it");
            }
            return hook.runsCommand() ? commands.start(hook, context) : webhooks.start(hook, context);
        };
    }

    /**
     * Posts webhooks and hands the host's own hooks to {@code host}; refuses commands, for a host where
     * a command would run with the engine's rights (the Jenkins controller), saying what to use instead.
     */
    public static HookRunner withoutCommands(HookRunner host, String instead) {
        WebhookHookRunner webhooks = webhooks();
        return (hook, context) -> {
            if (hook.runsOnHost()) {
                return host.start(hook, context);
            }
            if (hook.runsCommand()) {
                throw new IllegalStateException("command hooks do not run here, where they would run with the"
                        + " engine's rights; " + instead);
            }
            return webhooks.start(hook, context);
        };
    }

    private static WebhookHookRunner webhooks() {
        return new WebhookHookRunner(HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build());
    }

    /** A runner for an engine that was given no hooks: any hook is refused with what to configure. */
    public static HookRunner none() {
        return (hook, context) -> {
            throw new IllegalStateException("this engine runs no hooks, so the "
                    + hook.phase().key() + " hook " + hook.describe() + " cannot start; give the engine a hook runner");
        };
    }
}
