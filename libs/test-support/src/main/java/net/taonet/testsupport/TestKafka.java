package net.taonet.testsupport;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * One real Kafka broker per test JVM: Kafka's own KRaft broker running in-process (spring-kafka-test).
 * With {@code -Dtaonet.test.infra=testcontainers} it is an {@code apache/kafka} container instead.
 */
public final class TestKafka {

    private static volatile String bootstrapServers;

    private TestKafka() {
    }

    public static String bootstrapServers() {
        String servers = bootstrapServers;
        if (servers == null) {
            synchronized (TestKafka.class) {
                servers = bootstrapServers;
                if (servers == null) {
                    servers = Infrastructure.useTestcontainers() ? startContainer() : startEmbedded();
                    bootstrapServers = servers;
                }
            }
        }
        return servers;
    }

    private static String startEmbedded() {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 4);
        broker.brokerProperties(java.util.Map.of(
                "auto.create.topics.enable", "true",
                "group.initial.rebalance.delay.ms", "0",
                "offsets.topic.num.partitions", "4",
                "transaction.state.log.replication.factor", "1",
                "transaction.state.log.min.isr", "1"));
        broker.afterPropertiesSet();
        Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy, "embedded-kafka-stop"));
        return broker.getBrokersAsString();
    }

    private static String startContainer() {
        var kafka = new org.testcontainers.kafka.KafkaContainer("apache/kafka:4.1.1");
        kafka.start();
        return kafka.getBootstrapServers();
    }
}
