package net.taonet.registryit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A plain HTTP proxy between the registry and the real ledger that can misbehave the way networks do: pass
 * everything, answer 503 without forwarding (the ledger is down), or forward the first charge and hold its
 * answer back longer than the caller waits (the charge happened; the caller does not know).
 */
public final class FaultyProxy implements AutoCloseable {

    public enum Mode { PASS, DOWN, SLOW_FIRST_CHARGE }

    /** What went through: method, path and body. */
    public record Seen(String method, String path, String body) {
    }

    private static final Set<String> HOP_BY_HOP = Set.of("connection", "content-length", "host", "transfer-encoding",
            "upgrade", "keep-alive", "expect");

    private final HttpServer server;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final URI target;
    private final AtomicReference<Mode> mode = new AtomicReference<>(Mode.PASS);
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private volatile long slowMillis = 3_000;

    public FaultyProxy(String targetBaseUrl) throws IOException {
        this.target = URI.create(targetBaseUrl);
        this.server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "faulty-proxy");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", this::handle);
        server.start();
    }

    public String baseUrl() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    public void mode(Mode m) {
        mode.set(m);
    }

    public void slowMillis(long millis) {
        slowMillis = millis;
    }

    public List<Seen> seen() {
        return List.copyOf(seen);
    }

    public void clearSeen() {
        seen.clear();
    }

    private void handle(HttpExchange ex) throws IOException {
        byte[] body = ex.getRequestBody().readAllBytes();
        String path = ex.getRequestURI().getRawPath();
        seen.add(new Seen(ex.getRequestMethod(), path, new String(body)));
        Mode m = mode.get();
        if (m == Mode.DOWN) {
            respond(ex, 503, "{\"status\":503}".getBytes());
            return;
        }
        HttpRequest.Builder forward = HttpRequest.newBuilder(target.resolve(ex.getRequestURI().toString()))
                .method(ex.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        ex.getRequestHeaders().forEach((name, values) -> {
            if (!HOP_BY_HOP.contains(name.toLowerCase())) {
                values.forEach(v -> forward.header(name, v));
            }
        });
        HttpResponse<byte[]> answer;
        try {
            answer = client.send(forward.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            respond(ex, 502, new byte[0]);
            return;
        }
        boolean isCharge = path.endsWith("/lock") || path.endsWith("/burn");
        if (m == Mode.SLOW_FIRST_CHARGE && isCharge && mode.compareAndSet(Mode.SLOW_FIRST_CHARGE, Mode.PASS)) {
            try {
                Thread.sleep(slowMillis); // the ledger has charged; its answer arrives after the caller gave up
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        answer.headers().firstValue("content-type").ifPresent(v -> ex.getResponseHeaders().add("Content-Type", v));
        respond(ex, answer.statusCode(), answer.body());
    }

    private static void respond(HttpExchange ex, int status, byte[] body) throws IOException {
        try {
            ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(body);
                }
            }
        } catch (IOException e) {
            // the caller hung up (it timed out): that is the point of the slow mode
        } finally {
            ex.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
