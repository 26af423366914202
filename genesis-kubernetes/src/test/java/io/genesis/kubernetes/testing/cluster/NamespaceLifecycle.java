package io.genesis.kubernetes.testing.cluster;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.okhttp.OkHttpClientImpl;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * The API server's NamespaceLifecycle admission in front of the mock, which would otherwise create
 * objects in any namespace: a create in a namespace that does not exist is refused with 404 and the
 * Status kube-apiserver sends (k8s.io/apiserver plugin/pkg/admission/namespace/lifecycle,
 * admission.go: {@code errors.NewNotFound(v1.Resource("namespaces"), a.GetNamespace())}). A create
 * is a POST, or a server-side apply (PATCH as {@code application/apply-patch+yaml}), which creates
 * what does not exist. It sits in every mock client ({@code NoRetries}) but acts only once {@link
 * #enforce enforced} for it — {@link SimulatedCluster} does, after creating its own namespace — so
 * tests of the plain mock keep their lenient store and see no request of its own.
 */
public final class NamespaceLifecycle implements Interceptor {

    private static final Pattern NAMESPACED = Pattern.compile("^/api(?:s/[^/]+)?/v[^/]+/namespaces/([^/]+)/.+");
    private static final MediaType JSON = MediaType.get("application/json");

    private volatile boolean enforced;

    /** From now on creates through {@code client} need their namespace to exist. */
    static void enforce(KubernetesClient client) {
        if (client.getHttpClient() instanceof OkHttpClientImpl http) {
            for (Interceptor interceptor : http.getOkHttpClient().interceptors()) {
                if (interceptor instanceof NamespaceLifecycle lifecycle) {
                    lifecycle.enforced = true;
                    return;
                }
            }
        }
        throw new IllegalStateException("the simulated cluster needs a mock client built with"
                + " kubernetesClientBuilderCustomizer = NoRetries.class, which installs NamespaceLifecycle");
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        Matcher namespaced = NAMESPACED.matcher(request.url().encodedPath());
        if (!enforced || !creates(request) || !namespaced.matches()) {
            return chain.proceed(request);
        }
        String namespace = namespaced.group(1);
        if (exists(chain, request.url(), namespace)) {
            return chain.proceed(request);
        }
        return new Response.Builder()
                .request(request)
                .protocol(Protocol.HTTP_1_1)
                .code(404)
                .message("Not Found")
                .body(ResponseBody.create(notFound(namespace), JSON))
                .build();
    }

    private static boolean creates(Request request) {
        if ("POST".equals(request.method())) {
            return true;
        }
        String type = request.body() == null || request.body().contentType() == null
                ? ""
                : request.body().contentType().toString();
        return "PATCH".equals(request.method()) && type.startsWith("application/apply-patch");
    }

    /** Whether the store holds Namespace {@code namespace}; a failed read lets the create through to the mock. */
    private static boolean exists(Chain chain, HttpUrl url, String namespace) throws IOException {
        HttpUrl namespaces =
                url.newBuilder().encodedPath("/api/v1/namespaces").query(null).build();
        try (Response listed = chain.proceed(new Request.Builder()
                .url(namespaces)
                .header("Accept", "application/json")
                .build())) {
            if (!listed.isSuccessful() || listed.body() == null) {
                return true;
            }
            List<Namespace> known = Serialization.unmarshal(listed.body().string(), NamespaceList.class)
                    .getItems();
            return known.stream().anyMatch(n -> namespace.equals(n.getMetadata().getName()));
        }
    }

    private static String notFound(String namespace) {
        return "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\","
                + "\"message\":\"namespaces \\\"" + namespace + "\\\" not found\",\"reason\":\"NotFound\","
                + "\"details\":{\"name\":\"" + namespace + "\",\"kind\":\"namespaces\"},\"code\":404}";
    }
}
