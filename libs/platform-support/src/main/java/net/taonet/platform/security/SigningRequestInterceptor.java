package net.taonet.platform.security;

import java.io.IOException;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import net.taonet.identity.KeyPair;
import net.taonet.identity.RequestSigner;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

/**
 * Signs outgoing requests of a {@code RestClient} (or {@code RestTemplate}) with one key, for services that
 * act as a key holder (workers and validators calling the registry):
 * <pre>{@code
 * RestClient registry = RestClient.builder().baseUrl(url)
 *         .requestInterceptor(new SigningRequestInterceptor(hotkey)).build();
 * }</pre>
 * The raw path and query of the request URI and the exact body bytes are signed.
 *
 * <p>Verifiers accept a signer's nonces only in increasing order, so one interceptor (one key) sends one
 * signed request at a time: the lock is held from signing until the response status has arrived, which
 * is after the server has verified and recorded the nonce. Signed calls are commands, rare enough that
 * this costs nothing; use separate keys for parallel callers.
 */
public class SigningRequestInterceptor implements ClientHttpRequestInterceptor {

    private final RequestSigner signer;
    private final ReentrantLock lock = new ReentrantLock(true);

    public SigningRequestInterceptor(KeyPair key) {
        this(new RequestSigner(key));
    }

    public SigningRequestInterceptor(RequestSigner signer) {
        this.signer = Objects.requireNonNull(signer, "signer");
    }

    public String address() {
        return signer.address();
    }

    @Override
    public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
            throws IOException {
        lock.lock();
        try {
            signer.headers(request.getMethod().name(), request.getURI(), body)
                    .forEach((name, value) -> request.getHeaders().set(name, value));
            return execution.execute(request, body);
        } finally {
            lock.unlock();
        }
    }
}
