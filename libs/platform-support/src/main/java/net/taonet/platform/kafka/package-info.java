/** Kafka wiring shared by the services: topics, dead letters and their metrics. */
package net.taonet.platform.kafka;
