package net.taonet.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import net.taonet.identity.SignatureException.Reason;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class RequestVerifierTest {

    static final long T0 = 1_767_225_600_000L;
    static final byte[] BODY = "{\"amountRao\":5}".getBytes(StandardCharsets.UTF_8);

    final KeyPair alice = KeyPair.fromSeedHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
    final KeyPair mallory = KeyPair.fromSeedHex("1f1e1d1c1b1a191817161514131211100f0e0d0c0b0a09080706050403020100");
    final MutableClock clock = new MutableClock(T0);
    final RequestSigner signer = new RequestSigner(alice, clock);
    final RequestVerifier verifier = new RequestVerifier(new InMemoryNonceStore(), Duration.ofSeconds(60), clock);

    String verify(String method, String path, byte[] body, SignedHeaders h) {
        return verifier.verify(method, path, body, h.signer(), Long.toString(h.nonce()), h.signature());
    }

    static void refused(Reason reason, ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(SignatureException.class,
                e -> assertThat(e.reason()).isEqualTo(reason));
    }

    @Test
    void aSignedRequestVerifiesToItsSigner() {
        SignedHeaders h = signer.sign("POST", "/api/v1/stakes?netuid=1", BODY);
        assertThat(verify("POST", "/api/v1/stakes?netuid=1", BODY, h)).isEqualTo(alice.address());
        assertThat(h.nonce()).isEqualTo(T0);
    }

    @Test
    void theMethodIsCaseInsensitiveButEverythingElseIsExact() {
        SignedHeaders h = signer.sign("post", "/p", BODY);
        assertThat(verify("POST", "/p", BODY, h)).isEqualTo(alice.address());
    }

    @Test
    void aTamperedBodyPathMethodNonceOrSignerIsInvalid() {
        SignedHeaders h = signer.sign("POST", "/api/v1/stakes?netuid=1", BODY);
        byte[] otherBody = "{\"amountRao\":6}".getBytes(StandardCharsets.UTF_8);
        refused(Reason.INVALID, () -> verify("POST", "/api/v1/stakes?netuid=1", otherBody, h));
        refused(Reason.INVALID, () -> verify("POST", "/api/v1/stakes?netuid=1", new byte[0], h));
        refused(Reason.INVALID, () -> verify("POST", "/api/v1/stakes?netuid=2", BODY, h));
        refused(Reason.INVALID, () -> verify("POST", "/api/v1/stakes", BODY, h));
        refused(Reason.INVALID, () -> verify("PUT", "/api/v1/stakes?netuid=1", BODY, h));
        refused(Reason.INVALID, () -> verifier.verify("POST", "/api/v1/stakes?netuid=1", BODY,
                h.signer(), Long.toString(h.nonce() + 1), h.signature()));
        refused(Reason.INVALID, () -> verifier.verify("POST", "/api/v1/stakes?netuid=1", BODY,
                mallory.address(), Long.toString(h.nonce()), h.signature()));
        // None of the refused attempts used up the nonce: the genuine request still goes through.
        assertThat(verify("POST", "/api/v1/stakes?netuid=1", BODY, h)).isEqualTo(alice.address());
    }

    @Test
    void missingHeadersAreMissing() {
        SignedHeaders h = signer.sign("POST", "/p", BODY);
        String nonce = Long.toString(h.nonce());
        refused(Reason.MISSING, () -> verifier.verify("POST", "/p", BODY, null, nonce, h.signature()));
        refused(Reason.MISSING, () -> verifier.verify("POST", "/p", BODY, h.signer(), null, h.signature()));
        refused(Reason.MISSING, () -> verifier.verify("POST", "/p", BODY, h.signer(), nonce, " "));
    }

    @Test
    void malformedHeadersAreInvalid() {
        SignedHeaders h = signer.sign("POST", "/p", BODY);
        String nonce = Long.toString(h.nonce());
        refused(Reason.INVALID, () -> verifier.verify("POST", "/p", BODY, "not-an-address", nonce, h.signature()));
        refused(Reason.INVALID, () -> verifier.verify("POST", "/p", BODY, h.signer(), "-1", h.signature()));
        refused(Reason.INVALID, () -> verifier.verify("POST", "/p", BODY, h.signer(), "1e3", h.signature()));
        refused(Reason.INVALID, () -> verifier.verify("POST", "/p", BODY, h.signer(), "99999999999999999999", h.signature()));
        refused(Reason.INVALID, () -> verifier.verify("POST", "/p", BODY, h.signer(), nonce, "%%%"));
        refused(Reason.INVALID, () -> verifier.verify("POST", "/p", BODY, h.signer(), nonce, "AAAA"));
        refused(Reason.INVALID, () -> verifier.verify("POST", "relative", BODY, h.signer(), nonce, h.signature()));
    }

    @Test
    void aReplayIsRefused() {
        SignedHeaders h = signer.sign("POST", "/p", BODY);
        verify("POST", "/p", BODY, h);
        refused(Reason.REPLAYED, () -> verify("POST", "/p", BODY, h));
    }

    @Test
    void anOlderNonceAfterANewerOneIsRefused() {
        SignedHeaders first = signer.sign("POST", "/p", BODY);
        SignedHeaders second = signer.sign("POST", "/p", BODY);
        assertThat(second.nonce()).isGreaterThan(first.nonce());
        verify("POST", "/p", BODY, second);
        refused(Reason.REPLAYED, () -> verify("POST", "/p", BODY, first));
    }

    @Test
    void nonceOutsideTheWindowIsStale() {
        SignedHeaders old = signer.sign("POST", "/p", T0 - 60_001, BODY);
        SignedHeaders future = signer.sign("POST", "/p", T0 + 60_001, BODY);
        SignedHeaders edge = signer.sign("POST", "/p", T0 - 60_000, BODY);
        refused(Reason.STALE, () -> verify("POST", "/p", BODY, old));
        refused(Reason.STALE, () -> verify("POST", "/p", BODY, future));
        assertThat(verify("POST", "/p", BODY, edge)).isEqualTo(alice.address());
    }

    @Test
    void aRequestHeldBackUntilItIsStaleIsRefusedEvenIfNeverSeen() {
        SignedHeaders h = signer.sign("POST", "/p", BODY);
        clock.advance(60_001);
        refused(Reason.STALE, () -> verify("POST", "/p", BODY, h));
    }

    @Test
    void signersKeepTheirOwnNonces() {
        RequestSigner other = new RequestSigner(mallory, clock);
        SignedHeaders a = signer.sign("POST", "/p", BODY);
        SignedHeaders b = other.sign("POST", "/p", BODY);
        assertThat(a.nonce()).isEqualTo(b.nonce());
        assertThat(verify("POST", "/p", BODY, a)).isEqualTo(alice.address());
        assertThat(verify("POST", "/p", BODY, b)).isEqualTo(mallory.address());
    }

    @Test
    void theSignerHandsOutStrictlyIncreasingNoncesEvenWhenTheClockStandsStillOrGoesBack() {
        long a = signer.nextNonce();
        long b = signer.nextNonce();
        clock.advance(-5_000);
        long c = signer.nextNonce();
        clock.advance(10_000);
        long d = signer.nextNonce();
        assertThat(List.of(a, b, c, d)).containsExactly(T0, T0 + 1, T0 + 2, T0 + 5_000);
    }

    /**
     * A burst of concurrent deliveries: every signed request of one signer (increasing nonces) is submitted
     * by eight threads at once, one nonce after the other. Each nonce must be accepted exactly once, so every
     * request takes effect once and no copy is accepted twice.
     */
    @Test
    void concurrentDeliveriesOfIncreasingNoncesAreEachAcceptedExactlyOnce() throws Exception {
        int requests = 200;
        int threads = 8;
        List<SignedHeaders> signed = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            signed.add(signer.sign("POST", "/p", BODY));
        }
        AtomicInteger[] accepted = new AtomicInteger[requests];
        for (int i = 0; i < requests; i++) {
            accepted[i] = new AtomicInteger();
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (int i = 0; i < requests; i++) {
                SignedHeaders h = signed.get(i);
                AtomicInteger count = accepted[i];
                CountDownLatch start = new CountDownLatch(1);
                List<Future<?>> futures = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    futures.add(pool.submit((Callable<Void>) () -> {
                        start.await();
                        try {
                            verify("POST", "/p", BODY, h);
                            count.incrementAndGet();
                        } catch (SignatureException e) {
                            assertThat(e.reason()).isEqualTo(Reason.REPLAYED);
                        }
                        return null;
                    }));
                }
                start.countDown();
                for (Future<?> f : futures) {
                    f.get();
                }
            }
        } finally {
            pool.shutdownNow();
        }
        for (int i = 0; i < requests; i++) {
            assertThat(accepted[i].get()).as("acceptances of request %d", i).isEqualTo(1);
        }
    }

    @Test
    void theInMemoryStoreIsAtomicUnderContention() throws Exception {
        NonceStore store = new InMemoryNonceStore();
        int threads = 8;
        int perThread = 2_000;
        AtomicInteger accepted = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            futures.add(pool.submit((Callable<Void>) () -> {
                start.await();
                for (long n = 1; n <= perThread; n++) {
                    if (store.advance("s", n)) {
                        accepted.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdownNow();
        // Every accepted nonce is greater than the one before, so no more than perThread can be accepted,
        // and the last one (perThread) always is, by whichever thread gets there first.
        assertThat(accepted.get()).isBetween(1, perThread);
        assertThat(store.advance("s", perThread)).isFalse();
        assertThat(store.advance("s", perThread + 1)).isTrue();
    }
}
