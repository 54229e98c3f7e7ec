/**
 * The dashboard: its static bundle (module {@code dashboard}, served from {@code classpath:/META-INF/resources/}
 * at {@code /}) reads everything through the public REST paths; this feature only adds the live feed
 * ({@code GET /api/v1/events}) that tells open pages when a block passes and when an epoch completes.
 */
package net.taonet.gateway.dashboard;
