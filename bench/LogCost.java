// Run: javac -cp target/classes:$(mvn -q dependency:build-classpath -Dmdep.outputFile=/dev/stdout) bench/LogCost.java, then java LogCost [null|dev] [tree|streamed]
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.*;
import java.util.Set;
import junction.execute.RequestTrace;
import junction.json.Json;
import junction.observe.EngineLog;
import junction.observe.LogLevel;

/** The cost of one http-log line as AccessLog writes it (process CPU: GC and JIT included): detail built (a JSON tree, or streamed as AccessLog does), serialized, written and flushed to /dev/null or to nothing. */
public class LogCost {
    public static void main(String[] args) throws Exception {
        OutputStream out = args.length > 0 && args[0].equals("null") ? OutputStream.nullOutputStream() : new PrintStream(new BufferedOutputStream(new FileOutputStream("/dev/null"), 8192), false);
        EngineLog log = new EngineLog(Set.of("http-log"), LogLevel.INFO, out);
        boolean streamed = args.length > 1 && args[1].equals("streamed");
        for (int round = 0; round < 10; round++) {
            int n = 200_000;
            long t0 = System.nanoTime(); long c0 = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
            for (int i = 0; i < n; i++) {
                String id = RequestTrace.newRequestId();
                ObjectNode detail = streamed ? null : Json.object();
                if (!streamed) {
                detail.put("request_id", id);
                ObjectNode operation = detail.putObject("operation");
                operation.put("request_id", id);
                operation.putObject("user_vars").put("x-hasura-role", "admin");
                operation.put("query_execution_time", 0.000412);
                operation.put("request_size", 78);
                operation.putObject("query").put("operationName", "Note").put("type", "query");
                operation.put("operation_type", "query");
                ObjectNode http = detail.putObject("http_info");
                http.put("status", 200).put("method", "POST").put("url", "/v1/graphql").put("ip", "127.0.0.1").put("http_version", "HTTP/1.1");
                }
                if (streamed) {
                    log.write("http-log", LogLevel.INFO, json -> {
                        json.writeStartObject();
                        json.writeStringField("request_id", id);
                        json.writeObjectFieldStart("operation");
                        json.writeStringField("request_id", id);
                        json.writeObjectFieldStart("user_vars"); json.writeStringField("x-hasura-role", "admin"); json.writeEndObject();
                        json.writeNumberField("query_execution_time", 0.000412);
                        json.writeNumberField("request_size", 78);
                        json.writeObjectFieldStart("query"); json.writeStringField("operationName", "Note"); json.writeStringField("type", "query"); json.writeEndObject();
                        json.writeStringField("operation_type", "query");
                        json.writeEndObject();
                        json.writeObjectFieldStart("http_info");
                        json.writeNumberField("status", 200); json.writeStringField("method", "POST"); json.writeStringField("url", "/v1/graphql");
                        json.writeStringField("ip", "127.0.0.1"); json.writeStringField("http_version", "HTTP/1.1");
                        json.writeEndObject();
                        json.writeEndObject();
                    });
                } else {
                    log.write("http-log", LogLevel.INFO, detail);
                }
            }
            long t1 = System.nanoTime(); long c1 = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
            System.err.printf("round %d: %.2f us wall, %.2f us cpu per line%n", round, (t1 - t0) / 1e3 / n, (c1 - c0) / 1e3 / n);
        }
    }
}
