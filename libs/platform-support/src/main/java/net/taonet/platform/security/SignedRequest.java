package net.taonet.platform.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an endpoint that changes state on behalf of a key: the request must carry a valid signature
 * (DESIGN §6), and the controller receives the verified signer as a {@link VerifiedSigner} parameter.
 * A missing, bad, stale or replayed signature is answered 401 before the controller runs.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface SignedRequest {
}
