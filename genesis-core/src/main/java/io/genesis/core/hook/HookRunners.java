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
        WebhookHookRunner webhooks = new WebhookHookRunner(HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build());
        return (hook, context) -> hook.runsCommand() ? commands.start(hook, context) : webhooks.start(hook, context);
    }

    /** A runner for an engine that was given no hooks: any hook is refused with what to configure. */
    public static HookRunner none() {
        return (hook, context) -> {
            throw new IllegalStateException("this engine runs no hooks, so the "
                    + hook.phase().key() + " hook " + hook.describe() + " cannot start; give the engine a hook runner");
        };
    }
}
