package net.taonet.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServiceSpecTest {

    @Test
    void parsesNameModulePortAndExtraArguments() {
        List<ServiceSpec> specs = ServiceSpec.parse(List.of(
                "# comment",
                "",
                "registry-service  registry-service  8081",
                "worker-2          subnet-workers    8091  --taonet.worker.name=two   # trailing comment"));

        assertThat(specs).containsExactly(
                new ServiceSpec("registry-service", "registry-service", 8081, List.of()),
                new ServiceSpec("worker-2", "subnet-workers", 8091, List.of("--taonet.worker.name=two")));
    }

    @Test
    void rejectsDuplicateNamesAndPortsAndBadLines() {
        assertThatThrownBy(() -> ServiceSpec.parse(List.of("a m 8081", "a m 8082")))
                .hasMessageContaining("duplicate name a");
        assertThatThrownBy(() -> ServiceSpec.parse(List.of("a m 8081", "b m 8081")))
                .hasMessageContaining("port 8081 is used twice");
        assertThatThrownBy(() -> ServiceSpec.parse(List.of("a m")))
                .hasMessageContaining("line 1");
        assertThatThrownBy(() -> ServiceSpec.parse(List.of("a m eighty")))
                .hasMessageContaining("not a number");
        assertThatThrownBy(() -> ServiceSpec.parse(List.of("../a m 8081")))
                .hasMessageContaining("invalid name");
    }

    /** The shipped list runs every service module once, on the ports of DESIGN §2. */
    @Test
    void shippedListRunsEveryServiceOnItsPort() {
        List<ServiceSpec> specs = ServiceSpec.load(Path.of("services.conf"));

        assertThat(specs).extracting(ServiceSpec::module).contains("gateway-service", "registry-service",
                "emission-service", "consensus-service", "scoring-service", "subnet-workers");
        assertThat(specs).filteredOn(s -> s.name().equals(s.module()))
                .extracting(ServiceSpec::name, ServiceSpec::port)
                .contains(
                        org.assertj.core.groups.Tuple.tuple("gateway-service", 8080),
                        org.assertj.core.groups.Tuple.tuple("registry-service", 8081),
                        org.assertj.core.groups.Tuple.tuple("emission-service", 8082),
                        org.assertj.core.groups.Tuple.tuple("consensus-service", 8083),
                        org.assertj.core.groups.Tuple.tuple("scoring-service", 8084),
                        org.assertj.core.groups.Tuple.tuple("subnet-workers", 8090));
    }
}
