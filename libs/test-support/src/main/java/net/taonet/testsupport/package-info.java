/**
 * Real infrastructure for tests: {@link net.taonet.testsupport.TestPostgres} (embedded PostgreSQL, one
 * server per JVM, a fresh database per caller), {@link net.taonet.testsupport.TestKafka} (in-JVM KRaft
 * broker, one per JVM), {@link net.taonet.testsupport.Infrastructure} to wire a Spring test to both, and
 * {@link net.taonet.testsupport.ServiceLauncher} to run several of our services in one test JVM.
 * Testcontainers replaces both servers when {@code -Dtaonet.test.infra=testcontainers} is set.
 */
package net.taonet.testsupport;
