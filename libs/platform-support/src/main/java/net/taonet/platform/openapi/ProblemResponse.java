package net.taonet.platform.openapi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Documents one {@link net.taonet.platform.problem.ApiProblem} an endpoint can answer: its HTTP status, its
 * slug (the type is {@code urn:taonet:problem:<slug>}) and an example detail. The service's OpenAPI
 * document then lists it under that status as an {@code application/problem+json} response with an example
 * body, so a client sees every type it may have to branch on. On a controller class it applies to each of its
 * endpoints. Carries no behaviour: what the endpoint answers is still decided by the code that throws.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
@Repeatable(ProblemResponses.class)
public @interface ProblemResponse {

    /** The HTTP status the problem is answered with. */
    int status();

    /** The slug of the problem type, e.g. {@code unknown-subnet}. */
    String type();

    /** An example detail text, as the endpoint writes it; also the response's description. */
    String detail() default "";
}
