package net.taonet.local;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LocalRuntimeTest {

    @Test
    void theNameOfAMarkedProcessIsItsLastMarker() {
        // The recorder's shell carries its training commands (with their markers) before its own marker.
        String recorder = "sh -c '/usr/bin/java' '-Dtaonet.local.process=registry-service-cds-training' '-jar' x "
                + "taonet-cds-recorder -Dtaonet.local.process=cds-recorder -Dtaonet.local.state=/r/.taonet ";

        assertThat(LocalRuntime.markedName(recorder)).isEqualTo("cds-recorder");
        assertThat(LocalRuntime.markedName("java -Dtaonet.local.process=subnet-workers-2 -jar w.jar "))
                .isEqualTo("subnet-workers-2");
        assertThat(LocalRuntime.markedName("java -jar other.jar ")).isEqualTo("process");
    }
}
