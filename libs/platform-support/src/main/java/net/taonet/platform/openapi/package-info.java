/**
 * The services' OpenAPI documents, made the same way everywhere: a {@code Problem} schema for RFC 9457
 * problem details, every endpoint's problem types ({@link net.taonet.platform.openapi.ProblemResponse}) as
 * responses with example bodies, the common ones (bad input, signatures, internal error) added by rule, and
 * a {@code public} group apart from the service-to-service {@code /internal/**} endpoints.
 */
package net.taonet.platform.openapi;
