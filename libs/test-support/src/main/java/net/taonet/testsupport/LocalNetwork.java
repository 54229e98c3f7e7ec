package net.taonet.testsupport;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Consumer;
import net.taonet.testsupport.ServiceLauncher.RunningService;

/**
 * A whole TaoNet in the test JVM: the services a test names, started in dependency order on the JVM's
 * Kafka broker, each with its own fresh PostgreSQL database, wired to one another the way
 * {@code ./taonet up} wires them, and all on one fast virtual chain.
 *
 * <pre>{@code
 * try (LocalNetwork network = LocalNetwork.builder()
 *         .ledger(EmissionApplication.class)
 *         .registry(RegistryApplication.class)
 *         .consensus(ConsensusApplication.class)
 *         .scoring(ScoringApplication.class, Map.of("taonet.scoring.validators[0].hotkey-seed", seed))
 *         .worker("worker-1", WorkerApplication.class, Map.of("taonet.worker.hotkey-seed", hotkey))
 *         .gateway(GatewayApplication.class)
 *         .blockTime(Duration.ofMillis(250))
 *         .start()) {
 *     String gateway = network.url(LocalNetwork.GATEWAY);
 *     ...
 * }
 * }</pre>
 *
 * <p>The application classes are passed in because this library cannot depend on the services. A stopped
 * service comes back on its old port and its old database, so the others' URLs stay valid — the way a
 * crashed process restarts in place.
 */
public final class LocalNetwork implements AutoCloseable {

    public static final String LEDGER = "emission";
    public static final String REGISTRY = "registry";
    public static final String CONSENSUS = "consensus";
    public static final String SCORING = "scoring";
    public static final String GATEWAY = "gateway";

    private final Map<String, Member> members;
    private final Instant genesis;
    private final Duration blockTime;

    private LocalNetwork(Map<String, Member> members, Instant genesis, Duration blockTime) {
        this.members = members;
        this.genesis = genesis;
        this.blockTime = blockTime;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The base URL ({@code http://localhost:<port>}) of a service, running or stopped. */
    public String url(String name) {
        return "http://localhost:" + member(name).port;
    }

    /** A running service, for its beans and context. */
    public RunningService service(String name) {
        Member member = member(name);
        if (member.running == null) {
            throw new IllegalStateException(name + " is stopped");
        }
        return member.running;
    }

    public boolean isRunning(String name) {
        return member(name).running != null;
    }

    /** The names of the services, in start order. */
    public List<String> names() {
        return List.copyOf(members.keySet());
    }

    public Instant genesis() {
        return genesis;
    }

    public Duration blockTime() {
        return blockTime;
    }

    /** The current block of the network's chain clock. */
    public long currentBlock() {
        return Duration.between(genesis, Instant.now()).toMillis() / blockTime.toMillis();
    }

    /** Stops a service (its context closes); its port and database are kept for {@link #start(String)}. */
    public void stop(String name) {
        Member member = member(name);
        if (member.running != null) {
            member.running.close();
            member.running = null;
        }
    }

    /** Starts a stopped service again, on its old port and database. */
    public void start(String name) {
        Member member = member(name);
        if (member.running == null) {
            member.launch();
        }
    }

    public void restart(String name) {
        stop(name);
        start(name);
    }

    /** Stops every service, the last started first. */
    @Override
    public void close() {
        List<String> reversed = new ArrayList<>(members.keySet());
        Collections.reverse(reversed);
        RuntimeException failure = null;
        for (String name : reversed) {
            try {
                stop(name);
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private Member member(String name) {
        Member member = members.get(name);
        if (member == null) {
            throw new NoSuchElementException("no service '" + name + "' in this network; have " + members.keySet());
        }
        return member;
    }

    /** What the network is made of; {@link #start()} brings it up. */
    public static final class Builder {

        private enum Role { LEDGER, REGISTRY, CONSENSUS, SCORING, WORKER, GATEWAY }

        private record Spec(String name, Role role, Class<?> application, Map<String, Object> overrides) {
        }

        private final List<Spec> specs = new ArrayList<>();
        private final Map<String, Object> common = new LinkedHashMap<>();
        private Duration blockTime = Duration.ofMillis(250);
        private Instant genesis;

        private Builder() {
        }

        public Builder ledger(Class<?> application) {
            return ledger(application, Map.of());
        }

        public Builder ledger(Class<?> application, Map<String, ?> overrides) {
            return add(LEDGER, Role.LEDGER, application, overrides);
        }

        public Builder registry(Class<?> application) {
            return registry(application, Map.of());
        }

        public Builder registry(Class<?> application, Map<String, ?> overrides) {
            return add(REGISTRY, Role.REGISTRY, application, overrides);
        }

        public Builder consensus(Class<?> application) {
            return consensus(application, Map.of());
        }

        public Builder consensus(Class<?> application, Map<String, ?> overrides) {
            return add(CONSENSUS, Role.CONSENSUS, application, overrides);
        }

        public Builder scoring(Class<?> application) {
            return scoring(application, Map.of());
        }

        public Builder scoring(Class<?> application, Map<String, ?> overrides) {
            return add(SCORING, Role.SCORING, application, overrides);
        }

        /** A miner; several may run, each under its own name and with its own hotkey in the overrides. */
        public Builder worker(String name, Class<?> application, Map<String, ?> overrides) {
            return add(name, Role.WORKER, application, overrides);
        }

        public Builder gateway(Class<?> application) {
            return gateway(application, Map.of());
        }

        public Builder gateway(Class<?> application, Map<String, ?> overrides) {
            return add(GATEWAY, Role.GATEWAY, application, overrides);
        }

        /** A property every service gets (a service's own overrides win). */
        public Builder property(String key, Object value) {
            common.put(key, value);
            return this;
        }

        /** The virtual chain's block time; 250 ms by default so epochs come quickly. */
        public Builder blockTime(Duration blockTime) {
            if (blockTime.isNegative() || blockTime.isZero()) {
                throw new IllegalArgumentException("block time must be positive");
            }
            this.blockTime = blockTime;
            return this;
        }

        /** The chain's genesis; a moment ago by default, so the network starts near block 0. */
        public Builder genesis(Instant genesis) {
            this.genesis = genesis;
            return this;
        }

        private Builder add(String name, Role role, Class<?> application, Map<String, ?> overrides) {
            if (specs.stream().anyMatch(s -> s.name().equals(name))) {
                throw new IllegalArgumentException("two services named " + name);
            }
            specs.add(new Spec(name, role, application, new LinkedHashMap<>(overrides)));
            return this;
        }

        /**
         * Starts the services: ledger, registry, consensus, scoring, workers, gateway (each needs only those
         * before it). If one fails to start, those already started are stopped.
         */
        public LocalNetwork start() {
            Instant chainGenesis = genesis != null ? genesis : Instant.now().truncatedTo(ChronoUnit.SECONDS);
            Map<String, Member> members = new LinkedHashMap<>();
            LocalNetwork network = new LocalNetwork(members, chainGenesis, blockTime);
            try {
                for (Role role : Role.values()) {
                    for (Spec spec : specs) {
                        if (spec.role() != role) {
                            continue;
                        }
                        Map<String, Object> props = new LinkedHashMap<>();
                        props.put("taonet.chain.genesis", chainGenesis.toString());
                        props.put("taonet.chain.block-time", blockTime.toMillis() + "ms");
                        props.putAll(wiring(spec.role(), network));
                        props.putAll(common);
                        props.putAll(spec.overrides());
                        Member member = new Member(spec.name(), spec.application(), props);
                        members.put(spec.name(), member);
                        member.launch();
                    }
                }
                return network;
            } catch (RuntimeException e) {
                try {
                    network.close();
                } catch (RuntimeException closing) {
                    e.addSuppressed(closing);
                }
                throw e;
            }
        }

        /** The URLs a service of this role needs of the ones started before it. */
        private static Map<String, Object> wiring(Role role, LocalNetwork network) {
            Map<String, Object> props = new LinkedHashMap<>();
            switch (role) {
                case REGISTRY -> ifPresent(network, LEDGER, url -> props.put("taonet.registry.ledger-url", url));
                case WORKER -> ifPresent(network, REGISTRY, url -> props.put("taonet.worker.registry.url", url));
                case GATEWAY -> {
                    ifPresent(network, REGISTRY, url -> props.put("taonet.gateway.services.registry", url));
                    ifPresent(network, LEDGER, url -> props.put("taonet.gateway.services.emission", url));
                    ifPresent(network, CONSENSUS, url -> props.put("taonet.gateway.services.consensus", url));
                    ifPresent(network, SCORING, url -> props.put("taonet.gateway.services.scoring", url));
                }
                default -> {
                }
            }
            return props;
        }

        private static void ifPresent(LocalNetwork network, String name, Consumer<String> use) {
            if (network.members.containsKey(name)) {
                use.accept(network.url(name));
            }
        }
    }

    /** One service of the network: how to start it, and the port and database it keeps across restarts. */
    private static final class Member {

        private final String name;
        private final Class<?> application;
        private final Map<String, Object> properties;
        private int port;
        private RunningService running;

        Member(String name, Class<?> application, Map<String, Object> overrides) {
            this.name = name;
            this.application = application;
            // The fresh database is chosen once, so a restart finds its data again.
            this.properties = new LinkedHashMap<>(Infrastructure.properties(name.replaceAll("[^a-zA-Z0-9]", "_")));
            this.properties.putAll(overrides);
        }

        void launch() {
            Map<String, Object> props = new LinkedHashMap<>(properties);
            if (port != 0) {
                props.put("server.port", port);
            }
            running = ServiceLauncher.launch(application, name, props);
            port = running.port();
        }
    }
}
