package com.acme.numbers.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Real Helm (in-process, helm-java): lint, and the manifests rendered with default and production values. */
class HelmChartTests {

    private static final Path CHART = Path.of("helm", "numbers-gateway");
    private static final Path PRODUCTION = Path.of("src", "test", "resources", "helm", "values-production.yaml");

    @Test
    void chartLintsCleanInStrictMode() {
        LintResult result = new Helm(CHART).lint().strict().call();

        assertThat(result.isFailed()).as(String.join("\n", result.getMessages())).isFalse();
    }

    @Test
    void defaultsRenderARestrictedDeploymentWithProbesAndNoSecrets() throws IOException {
        String rendered = new Helm(CHART).template().withName("gw").call();
        List<Map<String, Object>> docs = documents(rendered);

        Map<String, Object> pod = path(only(docs, "Deployment"), "spec", "template", "spec");
        Map<String, Object> container = ((List<Map<String, Object>>) pod.get("containers")).get(0);
        Map<String, Object> podSecurity = path(pod, "securityContext");
        Map<String, Object> security = path(container, "securityContext");
        assertThat(podSecurity).containsEntry("runAsNonRoot", true).containsEntry("runAsUser", dockerfileUser());
        assertThat(path(podSecurity, "seccompProfile")).containsEntry("type", "RuntimeDefault");
        assertThat(security).containsEntry("allowPrivilegeEscalation", false)
                .containsEntry("readOnlyRootFilesystem", true).containsEntry("runAsNonRoot", true);
        assertThat((List<String>) path(security, "capabilities").get("drop")).containsExactly("ALL");
        assertThat(path(container, "livenessProbe", "httpGet")).containsEntry("path", "/actuator/health/liveness")
                .containsEntry("port", "management");
        assertThat(path(container, "readinessProbe", "httpGet")).containsEntry("path", "/actuator/health/readiness")
                .containsEntry("port", "management");
        assertThat(path(container, "startupProbe", "httpGet")).containsEntry("port", "management");
        assertThat(path(container, "resources", "requests")).containsKeys("cpu", "memory");
        assertThat((List<Map<String, Object>>) container.get("volumeMounts"))
                .anySatisfy(m -> assertThat(m).containsEntry("name", "tmp").containsEntry("mountPath", "/tmp"));
        assertThat((List<Map<String, Object>>) pod.get("volumes"))
                .anySatisfy(v -> assertThat(v).containsEntry("name", "tmp").containsKey("emptyDir"));
        assertThat(pod).containsEntry("automountServiceAccountToken", false);

        assertThat(kinds(docs)).contains("Service", "ServiceAccount", "ConfigMap", "PodDisruptionBudget")
                .doesNotContain("HorizontalPodAutoscaler", "Ingress", "Secret", "ServiceMonitor", "PrometheusRule");
        assertThat(path(only(docs, "Deployment"), "spec")).containsEntry("replicas", 2);
        assertThat(((List<Map<String, Object>>) path(only(docs, "Service"), "spec").get("ports")).get(0))
                .containsEntry("targetPort", "http");
        assertThat(path(only(docs, "ConfigMap"), "data")).containsEntry("GATEWAY_SANDBOX_ENABLED", "true")
                .containsEntry("LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs");
        // helm-java renders without test hooks; the hook itself is checked as a file
        assertThat(Files.readString(CHART.resolve("templates/tests/test-connection.yaml")))
                .contains("\"helm.sh/hook\": test").contains("/actuator/health/readiness");
        assertThat(rendered).doesNotContainPattern("(?im)^\\s*(password|client-?secret|token|api-?key)\\s*:");
    }

    @Test
    void productionValuesRenderVaultAutoscalingAndMonitoring() throws IOException {
        String rendered = new Helm(CHART).template().withName("gw").withValuesFile(PRODUCTION).call();
        List<Map<String, Object>> docs = documents(rendered);

        assertThat(kinds(docs)).contains("HorizontalPodAutoscaler", "Ingress", "NetworkPolicy", "ServiceMonitor",
                "PrometheusRule", "PodDisruptionBudget").doesNotContain("Secret");
        assertThat(only(docs, "HorizontalPodAutoscaler")).containsEntry("apiVersion", "autoscaling/v2");
        assertThat(path(only(docs, "Deployment"), "spec")).doesNotContainKey("replicas");
        assertThat(path(only(docs, "Deployment"), "spec", "template", "spec"))
                .containsEntry("automountServiceAccountToken", true);
        Map<String, Object> config = path(configMap(docs, "gw-numbers-gateway"), "data");
        assertThat(config).containsEntry("GATEWAY_SANDBOX_ENABLED", "false")
                .containsEntry("GATEWAY_CREDENTIALS_BACKEND", "vault")
                .containsEntry("GATEWAY_CREDENTIALS_VAULT_AUTHENTICATION", "kubernetes")
                .containsEntry("GATEWAY_CREDENTIALS_VAULT_KUBERNETES_ROLE", "numbers-gateway-prod")
                .containsEntry("MANAGEMENT_TRACING_EXPORT_OTLP_ENABLED", "true");
        assertThat((String) config.get("SPRING_APPLICATION_JSON")).contains("\"defaultSiteId\":\"743\"")
                .contains("\"apiKeySha256\"");

        List<Map<String, Object>> rules = (List<Map<String, Object>>) ((List<Map<String, Object>>) path(
                only(docs, "PrometheusRule"), "spec").get("groups")).get(0).get("rules");
        assertThat(rules).extracting(r -> r.get("alert")).containsExactlyInAnyOrder("NumbersGatewayBreakerOpen",
                "NumbersGatewayHigh5xxRate", "NumbersGatewayUpstreamSlow", "NumbersGatewayFailedOrders",
                "NumbersGatewayLegacyApiUser", "NumbersGatewayWebhookSubscriberFailing",
                "NumbersGatewayCallbacksNotArriving");
        JsonNode dashboard = JsonMapper.builder().build().readTree(
                (String) path(configMap(docs, "gw-numbers-gateway-dashboard"), "data").get("numbers-gateway.json"));
        assertThat(dashboard.get("panels").size()).isGreaterThanOrEqualTo(6);
    }

    @Test
    void managementRunsOnItsOwnPortWithProbesMetricsAndAStrictNetworkPolicy() throws IOException {
        List<Map<String, Object>> docs = documents(new Helm(CHART).template().withName("gw")
                .withValuesFile(PRODUCTION).set("networkPolicy.metricsFrom[0].namespaceSelector.matchLabels.name",
                        "monitoring").set("metrics.serviceMonitor.labels.release", "kube-prometheus")
                .set("metrics.prometheusRule.labels.release", "kube-prometheus").call());
        Map<String, Object> pod = path(only(docs, "Deployment"), "spec", "template", "spec");
        Map<String, Object> container = ((List<Map<String, Object>>) pod.get("containers")).get(0);

        assertThat((List<Map<String, Object>>) container.get("ports")).anySatisfy(port -> assertThat(port)
                .containsEntry("name", "management").containsEntry("containerPort", 8081));
        assertThat(path(configMap(docs, "gw-numbers-gateway"), "data")).containsEntry("MANAGEMENT_SERVER_PORT", "8081")
                .containsEntry("MANAGEMENT_ENDPOINT_HEALTH_SHOW_DETAILS", "always");
        assertThat(path(container, "readinessProbe")).containsEntry("timeoutSeconds", 2)
                .containsEntry("periodSeconds", 5);
        assertThat((List<Map<String, Object>>) path(only(docs, "ServiceMonitor"), "spec").get("endpoints"))
                .singleElement().satisfies(endpoint -> assertThat(endpoint).containsEntry("port", "management"));
        assertThat(path(only(docs, "ServiceMonitor"), "metadata", "labels")).containsEntry("release", "kube-prometheus");
        assertThat(path(only(docs, "PrometheusRule"), "metadata", "labels")).containsEntry("release", "kube-prometheus");
        List<Map<String, Object>> ingress = (List<Map<String, Object>>) path(only(docs, "NetworkPolicy"), "spec")
                .get("ingress");
        assertThat(ingress).anySatisfy(rule -> assertThat(rule.toString()).contains("management")
                .contains("monitoring"));
        assertThat(path(only(docs, "NetworkPolicy"), "spec").get("egress").toString()).contains("4318");
    }

    @Test
    void replicasSpreadAndShutdownOutlastsTheLongestRequest() throws IOException {
        Map<String, Object> pod = path(only(documents(new Helm(CHART).template().withName("gw").call()),
                "Deployment"), "spec", "template", "spec");
        Map<String, Object> container = ((List<Map<String, Object>>) pod.get("containers")).get(0);

        assertThat((List<Map<String, Object>>) pod.get("topologySpreadConstraints")).singleElement()
                .satisfies(spread -> assertThat(spread).containsEntry("topologyKey", "kubernetes.io/hostname")
                        .containsEntry("whenUnsatisfiable", "DoNotSchedule").containsKey("labelSelector"));
        assertThat(path(container, "lifecycle", "preStop", "exec").get("command")).isEqualTo(List.of("sleep", "10"));
        int grace = (Integer) pod.get("terminationGracePeriodSeconds");
        assertThat(grace).as("preStop 10 s + drain 45 s, which outlasts a 30 s Prefer: wait and a 10 s answer")
                .isGreaterThan(10 + 45);
    }

    @Test
    void aMisspeltKeyFailsTheInstall() {
        assertThatThrownBy(() -> new Helm(CHART).template().withName("gw").set("replicaCont", 3).call())
                .hasMessageContaining("replicaCont");
        assertThatThrownBy(() -> new Helm(CHART).template().withName("gw").set("probes.timeoutSecond", 3).call())
                .hasMessageContaining("timeoutSecond");
        assertThatThrownBy(() -> new Helm(CHART).template().withName("gw").set("metrics.serviceMonitor.enable", true)
                .call()).hasMessageContaining("enable");
    }

    @Test
    void fileBackendMountsAnExistingSecretReadOnlyAndRequiresIt() throws IOException {
        String rendered = new Helm(CHART).template().withName("gw").set("sandbox.enabled", false)
                .set("replicaCount", 1)
                .set("credentials.backend", "file").set("credentials.file.existingSecret", "bandwidth-creds").call();
        Map<String, Object> pod = path(only(documents(rendered), "Deployment"), "spec", "template", "spec");

        assertThat((List<Map<String, Object>>) pod.get("volumes")).anySatisfy(v -> assertThat(v)
                .containsEntry("name", "bandwidth-credentials")
                .containsEntry("secret", Map.of("secretName", "bandwidth-creds")));
        assertThat((List<Map<String, Object>>) ((List<Map<String, Object>>) pod.get("containers")).get(0)
                .get("volumeMounts")).anySatisfy(m -> assertThat(m).containsEntry("readOnly", true)
                        .containsEntry("mountPath", "/var/run/secrets/bandwidth"));
        assertThatThrownBy(() -> new Helm(CHART).template().withName("gw").set("sandbox.enabled", false)
                .set("replicaCount", 1).set("credentials.backend", "file").call())
                .hasMessageContaining("existingSecret");
    }

    @Test
    void schemaRefusesCredentialValuesAndUnsafeSettings() {
        assertThatThrownBy(() -> new Helm(CHART).template().withName("gw")
                .set("credentials.vault.token", "s.plain-token").call()).hasMessageContaining("token");
        assertThatThrownBy(() -> new Helm(CHART).template().withName("gw")
                .set("securityContext.readOnlyRootFilesystem", false).call())
                .hasMessageContaining("readOnlyRootFilesystem");
    }

    /* Both parse, and what they query is what the running gateways are proven to export (see ObservedMetrics). */
    @Test
    void dashboardAndAlertsQueryTheMetricsTheGatewayExposes() throws IOException {
        JsonMapper.builder().build().readTree(Files.readString(CHART.resolve("dashboards/numbers-gateway.json")));
        Map<String, Object> alerts = new Yaml().load(Files.readString(CHART.resolve("alerts/numbers-gateway-rules.yaml")));
        assertThat(alerts).containsKey("groups");

        assertThat(ObservedMetrics.queried()).contains("bandwidth_requests_seconds_count", "gateway_orders_final_total",
                "resilience4j_circuitbreaker_state", "http_server_requests_seconds_count",
                "gateway_webhooks_deliveries_total", "gateway_events_emitted_total");
        assertThat(ObservedMetrics.events()).isNotEmpty();
        assertThat(ObservedMetrics.requestsAndOrders()).isNotEmpty().doesNotContainAnyElementsOf(ObservedMetrics.events());
    }

    @Test
    void eventsSettingsReachTheGatewayAndWebhookEgressTheNetworkPolicy() throws IOException {
        List<Map<String, Object>> docs = documents(new Helm(CHART).template().withName("gw")
                .set("callbacks.publicUrl", "https://numbers.example.com")
                .set("webhooks.allowedHosts[0]", "hooks.example.com").set("webhooks.allowedHosts[1]", "*.svc.example.net")
                .set("networkPolicy.enabled", true)
                .set("networkPolicy.webhookEgress[0].ports[0].port", 8080).call());

        assertThat(path(configMap(docs, "gw-numbers-gateway"), "data"))
                .containsEntry("GATEWAY_CALLBACKS_PUBLIC_URL", "https://numbers.example.com")
                .containsEntry("GATEWAY_WEBHOOKS_ALLOWED_HOSTS", "hooks.example.com,*.svc.example.net")
                .containsEntry("GATEWAY_WEBHOOKS_INSECURE_HTTP_HOSTS", "");
        assertThat(path(only(docs, "NetworkPolicy"), "spec").get("egress").toString()).contains("port=8080");
        assertThatThrownBy(() -> new Helm(CHART).template().withName("gw").set("callbacks.publicUrl", "ftp://x")
                .call()).hasMessageContaining("publicUrl");
    }

    static int dockerfileUser() throws IOException {
        Matcher user = Pattern.compile("(?m)^USER (\\d+):(\\d+)$").matcher(Files.readString(Path.of("Dockerfile")));
        assertThat(user.find()).as("Dockerfile has a numeric USER").isTrue();
        return Integer.parseInt(user.group(1));
    }

    /* Several replicas on the memory store would each keep their own keys: a retried order could buy twice. */
    @Test
    void severalReplicasNeedRedisUnlessTheOperatorSaysOtherwise() throws IOException {
        assertThatThrownBy(() -> new Helm(CHART).template().withName("gw").set("sandbox.enabled", false)
                .set("replicaCount", 2).call())
                .hasMessageContaining("state.store is memory but several replicas run");
        assertThatThrownBy(() -> new Helm(CHART).template().withName("gw").withValuesFile(PRODUCTION)
                .set("state.store", "memory").call())
                .hasMessageContaining("state.store is memory but several replicas run");
        assertThatThrownBy(() -> new Helm(CHART).template().withName("gw").set("state.store", "redis").call())
                .hasMessageContaining("state.redis.url is empty");

        String oneReplica = new Helm(CHART).template().withName("gw").set("sandbox.enabled", false)
                .set("replicaCount", 1).call();
        assertThat(path(configMap(documents(oneReplica), "gw-numbers-gateway"), "data"))
                .containsEntry("GATEWAY_STATE_STORE", "memory");
        String optedOut = new Helm(CHART).template().withName("gw").set("sandbox.enabled", false)
                .set("state.allowMemoryWithReplicas", true).call();
        assertThat(path(only(documents(optedOut), "Deployment"), "spec")).containsEntry("replicas", 2);

        List<Map<String, Object>> production = documents(new Helm(CHART).template().withName("gw")
                .withValuesFile(PRODUCTION).call());
        assertThat(path(configMap(production, "gw-numbers-gateway"), "data")).containsEntry("GATEWAY_STATE_STORE", "redis")
                .containsEntry("SPRING_DATA_REDIS_HOST", "redis.platform.svc")
                .containsEntry("SPRING_DATA_REDIS_PORT", "6380").containsEntry("SPRING_DATA_REDIS_SSL_ENABLED", "true")
                .doesNotContainKeys("SPRING_DATA_REDIS_PASSWORD", "SPRING_DATA_REDIS_URL");
        assertThatThrownBy(() -> new Helm(CHART).template().withName("gw").withValuesFile(PRODUCTION)
                .set("state.redis.url", "redis://:hunter2@redis:6379").call())
                .hasMessageContaining("carries credentials");
        Map<String, Object> container = ((List<Map<String, Object>>) path(only(production, "Deployment"), "spec",
                "template", "spec").get("containers")).get(0);
        assertThat((List<Map<String, Object>>) container.get("env")).anySatisfy(env -> assertThat(env)
                .containsEntry("name", "SPRING_DATA_REDIS_PASSWORD")
                .containsEntry("valueFrom", Map.of("secretKeyRef", Map.of("name", "numbers-gateway-redis",
                        "key", "redis-password"))));
    }

    private static List<Map<String, Object>> documents(String rendered) {
        List<Map<String, Object>> docs = new ArrayList<>();
        for (Object doc : new Yaml().loadAll(rendered)) {
            if (doc instanceof Map<?, ?> map) {
                docs.add((Map<String, Object>) map);
            }
        }
        return docs;
    }

    private static List<Object> kinds(List<Map<String, Object>> docs) {
        return docs.stream().map(d -> d.get("kind")).toList();
    }

    private static Map<String, Object> only(List<Map<String, Object>> docs, String kind) {
        List<Map<String, Object>> matching = docs.stream().filter(d -> kind.equals(d.get("kind"))).toList();
        assertThat(matching).as(kind).hasSize(1);
        return matching.get(0);
    }

    private static Map<String, Object> configMap(List<Map<String, Object>> docs, String name) {
        return docs.stream().filter(d -> "ConfigMap".equals(d.get("kind")))
                .filter(d -> name.equals(path(d, "metadata").get("name"))).findFirst().orElseThrow();
    }

    private static Map<String, Object> path(Map<String, Object> map, String... keys) {
        Map<String, Object> current = map;
        for (String key : keys) {
            current = (Map<String, Object>) current.get(key);
            assertThat(current).as("key %s", key).isNotNull();
        }
        return current;
    }
}
