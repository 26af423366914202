package io.genesis.kubernetes.testing;

import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.okhttp.OkHttpClientFactory;
import io.genesis.kubernetes.testing.cluster.NamespaceLifecycle;
import java.util.function.Consumer;
import okhttp3.OkHttpClient;

/**
 * Builds the mock's client on OkHttp, like production, and without the default ten retries of a
 * 5xx answer (about 19 s each), so that injected failures fail fast; every request is logged in
 * {@link RequestLog}. Creates pass the API server's {@link NamespaceLifecycle} admission.
 */
public final class NoRetries implements Consumer<KubernetesClientBuilder> {

    @Override
    public void accept(KubernetesClientBuilder builder) {
        withoutLog().accept(builder);
        builder.withHttpClientBuilderConsumer(http -> http.addOrReplaceInterceptor("request-log", new RequestLog()));
    }

    /**
     * As this customizer, without {@link RequestLog}: for the client of the simulated cluster's
     * controllers where a test counts Genesis' requests only ({@code server.createClient(NoRetries.withoutLog())}).
     */
    public static Consumer<KubernetesClientBuilder> withoutLog() {
        return builder -> builder.withHttpClientFactory(new OkHttpClientFactory() {
                    @Override
                    protected void additionalConfig(OkHttpClient.Builder http) {
                        http.addInterceptor(new NamespaceLifecycle());
                    }
                })
                .editOrNewConfig()
                .withRequestRetryBackoffLimit(0)
                .withRequestTimeout(5_000)
                .endConfig();
    }
}
