/**
 * The edge's cross-cutting web behaviour: request ids on every response, CORS for the dashboard,
 * problem details for errors and the fallback answer when a service is down.
 */
package net.taonet.gateway.web;
