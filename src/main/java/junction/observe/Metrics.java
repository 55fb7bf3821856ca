package junction.observe;

import com.github.benmanes.caffeine.cache.Cache;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * The engine's meters, in one Prometheus registry scraped at {@code /v1/metrics}: GraphQL requests
 * and their latency by operation type and outcome, remote schema calls by remote schema and outcome;
 * connection pools (Hikari) and caches (Caffeine) bind their own. Names follow Hasura EE's where it
 * has one ({@code hasura_graphql_requests_total}, {@code hasura_graphql_execution_time_seconds}).
 */
public final class Metrics {
    private static final Duration[] SLO = {Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofMillis(10),
            Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
            Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(10)};

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final java.util.concurrent.ConcurrentMap<String, RequestMeters> requestMeters = new java.util.concurrent.ConcurrentHashMap<>();

    public MeterRegistry registry() {
        return registry;
    }

    /** The Prometheus text exposition of every meter. */
    public String scrape() {
        return registry.scrape();
    }

    /**
     * One GraphQL request over HTTP.
     *
     * @param operationType {@code query}, {@code mutation}, or {@code unknown} when it failed before planning
     * @param outcome       {@code success} or {@code failed}
     */
    public void graphqlRequest(String operationType, String outcome, long nanos) {
        RequestMeters meters = requestMeters.computeIfAbsent(operationType + ' ' + outcome,
                k -> new RequestMeters(operationType, outcome));
        meters.count.increment();
        meters.time.record(nanos, TimeUnit.NANOSECONDS);
    }

    /** A request's two meters, looked up once per operation type and outcome rather than built per request. */
    private final class RequestMeters {
        final Counter count;
        final Timer time;

        RequestMeters(String operationType, String outcome) {
            count = Counter.builder("hasura.graphql.requests").description("GraphQL requests served over HTTP")
                    .tags("operation_type", operationType, "response_status", outcome).register(registry);
            time = Timer.builder("hasura.graphql.execution.time").description("Time to answer a GraphQL request over HTTP")
                    .tags("operation_type", operationType, "response_status", outcome)
                    .serviceLevelObjectives(SLO).register(registry);
        }
    }

    /** One call to a remote schema (introspection, forwarded root fields, remote joins). */
    public void remoteCall(String remoteSchema, String outcome, long nanos) {
        Timer.builder("junction.remote.requests").description("Calls to remote schemas")
                .tags("remote_schema", remoteSchema, "outcome", outcome)
                .serviceLevelObjectives(SLO).register(registry).record(nanos, TimeUnit.NANOSECONDS);
    }

    /** A Caffeine cache built with {@code recordStats()}: size, hits, misses, evictions. */
    public void cache(String name, Cache<?, ?> cache) {
        CaffeineCacheMetrics.monitor(registry, cache, name);
    }

    /** A count kept elsewhere (such as schema rebuilds). */
    public <T> void counter(String name, String description, T owner, ToDoubleFunction<T> count) {
        FunctionCounter.builder(name, owner, count).description(description).register(registry);
    }

    /** A value read at each scrape (such as the metadata resource version). */
    public void gauge(String name, String description, Supplier<Number> value) {
        Gauge.builder(name, value).description(description).register(registry);
    }
}
