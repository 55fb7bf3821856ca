package junction.test;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * A real HTTP server on a loopback port whose answers a test sets as it goes (a JWK set, an auth
 * webhook), recording every request it gets: method, lower-cased headers, body.
 */
public final class LocalHttpServer implements AutoCloseable {
    public record Request(String method, Map<String, String> headers, String body) {
    }

    public record Answer(int status, String body, Map<String, String> headers, long delayMillis) {
        public static Answer json(int status, String body) {
            return new Answer(status, body, Map.of(), 0);
        }

        public Answer withHeader(String name, String value) {
            Map<String, String> all = new TreeMap<>(headers);
            all.put(name, value);
            return new Answer(status, body, all, delayMillis);
        }

        public Answer delayed(long millis) {
            return new Answer(status, body, headers, millis);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
    private final AtomicReference<Function<Request, Answer>> answer;

    public LocalHttpServer(Function<Request, Answer> answer) {
        this.answer = new AtomicReference<>(answer);
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(executor);
        server.createContext("/", exchange -> {
            Map<String, String> headers = new TreeMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values.getFirst()));
            Request request = new Request(exchange.getRequestMethod(), headers,
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            requests.add(request);
            Answer a = this.answer.get().apply(request);
            if (a.delayMillis() > 0) {
                try {
                    Thread.sleep(a.delayMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            byte[] body = a.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("content-type", "application/json");
            a.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            exchange.sendResponseHeaders(a.status(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    public void answer(Function<Request, Answer> next) {
        answer.set(next);
    }

    public int requestCount() {
        return requests.size();
    }

    public Request lastRequest() {
        synchronized (requests) {
            return requests.getLast();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
