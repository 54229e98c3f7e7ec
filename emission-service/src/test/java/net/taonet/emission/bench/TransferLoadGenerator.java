package net.taonet.emission.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import net.taonet.identity.KeyPair;
import net.taonet.identity.SignedRequests;
import net.taonet.identity.Signatures;

/**
 * A small load generator for {@code POST /api/v1/transfers} against a running emission-service on this
 * machine (localhost only). It funds its own senders through the faucet (local profile, admin key), then
 * runs {@code workers} closed-loop workers, each with its own sender key (nonces stay in order) and its
 * own kept-alive connection, for at
 * most {@code transfers} transfers or {@code seconds} seconds, and prints throughput and latency
 * percentiles.
 *
 * <pre>
 * java -cp … net.taonet.emission.bench.TransferLoadGenerator http://localhost:8082 20000 30 32 [admin-key]
 * </pre>
 */
public final class TransferLoadGenerator {

    /** What a run measured. */
    public record Result(long ok, long failed, double seconds, double perSecond, double p50Ms, double p95Ms, double p99Ms,
            double maxMs) {
        @Override
        public String toString() {
            return String.format("transfers: %d ok, %d failed in %.2f s = %.0f/s; latency p50 %.1f ms, p95 %.1f ms, "
                    + "p99 %.1f ms, max %.1f ms", ok, failed, seconds, perSecond, p50Ms, p95Ms, p99Ms, maxMs);
        }
    }

    private final URI base;
    private final String adminKey;
    private final HttpClient http;

    public TransferLoadGenerator(String baseUrl, String adminKey) {
        this.base = URI.create(baseUrl);
        String host = base.getHost();
        if (!("localhost".equals(host) || "127.0.0.1".equals(host) || "::1".equals(host))) {
            throw new IllegalArgumentException("the load generator only targets this machine (localhost), not " + host);
        }
        this.adminKey = adminKey;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newFixedThreadPool(4)).build();
    }

    public static void main(String[] args) throws Exception {
        String url = args.length > 0 ? args[0] : "http://localhost:8082";
        long transfers = args.length > 1 ? Long.parseLong(args[1]) : 20_000;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        int workers = args.length > 3 ? Integer.parseInt(args[3]) : 32;
        String admin = args.length > 4 ? args[4] : "local-admin-key";
        TransferLoadGenerator generator = new TransferLoadGenerator(url, admin);
        generator.warmUp(workers, 500);
        System.out.println(generator.run(workers, transfers, Duration.ofSeconds(seconds)));
    }

    /** A short run that is not reported (JIT, connection pools). */
    public void warmUp(int workers, long transfers) throws Exception {
        run(workers, transfers, Duration.ofSeconds(30));
    }

    public Result run(int workers, long transfers, Duration limit) throws Exception {
        List<KeyPair> senders = new ArrayList<>();
        for (int i = 0; i < workers; i++) {
            KeyPair k = KeyPair.generate();
            fund(k.address(), 1_000_000_000_000L);
            senders.add(k);
        }
        List<String> recipients = new ArrayList<>();
        for (int i = 0; i < 4_096; i++) {
            recipients.add(net.taonet.identity.Ss58.encode(randomBytes(32)));
        }
        AtomicLong remaining = new AtomicLong(transfers);
        AtomicLong failed = new AtomicLong();
        long deadline = System.nanoTime() + limit.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        List<Future<long[]>> futures = new ArrayList<>();
        long start = System.nanoTime();
        for (KeyPair sender : senders) {
            futures.add(pool.submit(() -> {
                FastSigner signer = new FastSigner(sender);
                long[] latencies = new long[1024];
                int n = 0;
                try (Connection connection = new Connection(base)) {
                while (remaining.getAndDecrement() > 0 && System.nanoTime() < deadline) {
                    String to = recipients.get(ThreadLocalRandom.current().nextInt(recipients.size()));
                    String body = "{\"from\":\"" + sender.address() + "\",\"to\":\"" + to + "\",\"amountRao\":1000}";
                    long t0 = System.nanoTime();
                    int status = signedPost(connection, signer, "/api/v1/transfers", body);
                    long dt = System.nanoTime() - t0;
                    if (status != 200) {
                        failed.incrementAndGet();
                        continue;
                    }
                    if (n == latencies.length) {
                        latencies = Arrays.copyOf(latencies, n * 2);
                    }
                    latencies[n++] = dt;
                }
                }
                return Arrays.copyOf(latencies, n);
            }));
        }
        List<long[]> parts = new ArrayList<>();
        for (Future<long[]> f : futures) {
            parts.add(f.get());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        long[] all = parts.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        if (all.length == 0) {
            return new Result(0, failed.get(), seconds, 0, 0, 0, 0, 0);
        }
        return new Result(all.length, failed.get(), seconds, all.length / seconds, ms(pct(all, 0.50)), ms(pct(all, 0.95)),
                ms(pct(all, 0.99)), ms(all[all.length - 1]));
    }

    /**
     * A minimal HTTP/1.1 client on one kept-alive socket per worker: the JDK's HttpClient costs the shared
     * CPU more than the request it measures, and the generator should leave the CPU to the service.
     */
    static final class Connection implements AutoCloseable {
        private final URI base;
        private final String host;
        private java.net.Socket socket;
        private java.io.OutputStream out;
        private java.io.BufferedInputStream in;

        Connection(URI base) throws java.io.IOException {
            this.base = base;
            this.host = base.getHost() + ":" + base.getPort();
            open();
        }

        private void open() throws java.io.IOException {
            socket = new java.net.Socket(base.getHost(), base.getPort());
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(10_000);
            out = new java.io.BufferedOutputStream(socket.getOutputStream(), 4096);
            in = new java.io.BufferedInputStream(socket.getInputStream(), 8192);
        }

        int post(String path, Map<String, String> headers, byte[] body) throws java.io.IOException {
            StringBuilder head = new StringBuilder(512).append("POST ").append(path).append(" HTTP/1.1\r\nHost: ")
                    .append(host).append("\r\nContent-Type: application/json\r\nContent-Length: ").append(body.length)
                    .append("\r\n");
            headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
            head.append("\r\n");
            out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            String status = line();
            int code = Integer.parseInt(status.substring(9, 12));
            long length = -1;
            boolean chunked = false;
            boolean close = false;
            for (String h = line(); !h.isEmpty(); h = line()) {
                int colon = h.indexOf(':');
                String name = h.substring(0, colon).trim();
                if (name.equalsIgnoreCase("Content-Length")) {
                    length = Long.parseLong(h.substring(colon + 1).trim());
                } else if (name.equalsIgnoreCase("Transfer-Encoding") && h.toLowerCase().contains("chunked")) {
                    chunked = true;
                } else if (name.equalsIgnoreCase("Connection") && h.toLowerCase().contains("close")) {
                    close = true;
                }
            }
            if (chunked) {
                for (long size = Long.parseLong(line().trim(), 16); size > 0; size = Long.parseLong(line().trim(), 16)) {
                    skip(size);
                    line();
                }
                line();
            } else if (length > 0) {
                skip(length);
            }
            if (close) { // the server ends the keep-alive: the next request goes on a new connection
                socket.close();
                open();
            }
            return code;
        }

        private void skip(long n) throws java.io.IOException {
            while (n > 0) {
                long k = in.skip(n);
                if (k <= 0) {
                    if (in.read() < 0) {
                        throw new java.io.EOFException();
                    }
                    k = 1;
                }
                n -= k;
            }
        }

        private String line() throws java.io.IOException {
            StringBuilder b = new StringBuilder(64);
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new java.io.EOFException();
                }
                if (c != '\r') {
                    b.append((char) c);
                }
            }
            return b.toString();
        }

        @Override
        public void close() throws java.io.IOException {
            socket.close();
        }
    }

    private static int signedPost(Connection connection, FastSigner signer, String path, String body) throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = new java.util.HashMap<>(signer.headers("POST", path, bytes));
        headers.put("Idempotency-Key", UUID.randomUUID().toString());
        return connection.post(path, headers, bytes);
    }

    private void fund(String address, long rao) throws Exception {
        String body = "{\"address\":\"" + address + "\",\"amountRao\":" + rao + "}";
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/v1/faucet")).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").header("X-Taonet-Admin-Key", adminKey)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("the faucet answered " + response.statusCode() + ": " + response.body());
        }
    }

    /**
     * Signs like {@link net.taonet.identity.RequestSigner} (same canonical string, same nonces, and — ed25519
     * being deterministic — the same signature bytes) with Bouncy Castle's RFC 8032 code, which is several
     * times faster than the JDK's: the generator plays many clients at once and should not eat the CPU the
     * service is measured on.
     */
    static final class FastSigner {
        private final KeyPair key;
        private final byte[] seed;
        private long lastNonce;

        FastSigner(KeyPair key) {
            this.key = key;
            this.seed = key.seed();
            byte[] probe = "probe".getBytes(StandardCharsets.UTF_8);
            if (!Signatures.signBase64(key, probe).equals(java.util.Base64.getEncoder().encodeToString(sign(probe)))) {
                throw new IllegalStateException("Bouncy Castle and the JDK disagree on an ed25519 signature");
            }
        }

        private byte[] sign(byte[] message) {
            byte[] signature = new byte[64];
            org.bouncycastle.math.ec.rfc8032.Ed25519.sign(seed, 0, message, 0, message.length, signature, 0);
            return signature;
        }

        Map<String, String> headers(String method, String path, byte[] body) {
            lastNonce = Math.max(System.currentTimeMillis(), lastNonce + 1);
            byte[] message = SignedRequests.canonicalBytes(method, path, lastNonce, body);
            return Map.of(SignedRequests.SIGNER_HEADER, key.address(), SignedRequests.NONCE_HEADER, Long.toString(lastNonce),
                    SignedRequests.SIGNATURE_HEADER, java.util.Base64.getEncoder().encodeToString(sign(message)));
        }
    }

    private static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        ThreadLocalRandom.current().nextBytes(b);
        return b;
    }

    private static long pct(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
