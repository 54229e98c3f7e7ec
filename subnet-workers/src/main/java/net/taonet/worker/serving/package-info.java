/**
 * Serving metadata: what this worker offers (accelerator, memory, task types and backends, version,
 * endpoint), signed by its hotkey and kept fresh at the registry. Invariant: published only while the worker
 * holds a UID; failures never stop the worker.
 */
package net.taonet.worker.serving;
