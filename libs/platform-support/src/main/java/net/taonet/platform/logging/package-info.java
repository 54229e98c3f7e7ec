/**
 * Log context: the request id of an HTTP request ({@link net.taonet.platform.logging.RequestIdFilter}),
 * the event, subnet and UID of a consumed record ({@link net.taonet.platform.logging.RecordLogContext}) and
 * the subnet and epoch of domain work ({@link net.taonet.platform.logging.LogContext}) go into the MDC, so
 * that every structured (JSON) log line carries them as fields.
 */
package net.taonet.platform.logging;
