package net.taonet.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class LocalKafkaTest {

    @Test
    void brokerIsOneKraftNodeThatIsBrokerAndController() throws Exception {
        Properties p = new Properties();
        p.load(new StringReader(LocalKafka.serverProperties(Path.of("/data/kafka"), 19092, 19093)));

        assertThat(p.getProperty("process.roles")).isEqualTo("broker,controller");
        assertThat(p.getProperty("controller.quorum.voters")).isEqualTo("1@localhost:19093");
        assertThat(p.getProperty("node.id")).isEqualTo("1");
        assertThat(p.getProperty("listeners")).isEqualTo("PLAINTEXT://localhost:19092,CONTROLLER://localhost:19093");
        assertThat(p.getProperty("advertised.listeners")).isEqualTo("PLAINTEXT://localhost:19092");
        assertThat(p.getProperty("log.dirs")).isEqualTo("/data/kafka");
        // A single node can only replicate once: internal topics must not ask for more.
        assertThat(p.getProperty("offsets.topic.replication.factor")).isEqualTo("1");
        assertThat(p.getProperty("transaction.state.log.replication.factor")).isEqualTo("1");
    }
}
