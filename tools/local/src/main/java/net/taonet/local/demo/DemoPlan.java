package net.taonet.local.demo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.taonet.identity.KeyPair;
import net.taonet.local.ServiceSpec;

/**
 * What the demo network of {@code ./taonet up} consists of, derived from {@code services.conf} and the
 * environment, and which steps are still missing given what the network holds now ({@link #next}).
 *
 * <p>Who is who (development keys, public on purpose; never use them outside a local network):
 * <ul>
 *   <li>alice owns the subnets (her coldkey pays the lock; the owner hotkey holds UID 0);</li>
 *   <li>the workers of {@code services.conf} register themselves; the plan only funds their paying coldkeys
 *       (the {@code --taonet.worker.coldkey-seed} of each worker) from the faucet;</li>
 *   <li>the managed validators of the scoring-service ({@code --taonet.scoring.validators[i].hotkey-seed}) are
 *       registered and self-staked by bob (the first) and charlie (the second);</li>
 *   <li>dave and eve nominate the first validator.</li>
 * </ul>
 *
 * <p>Every step is stated as a target ("subnet gemm exists", "dave has 500 TAO staked on validator-1"), so
 * that comparing the targets with the network's state tells what is left: a second run does nothing, and a
 * run that stopped half-way resumes where it stopped.
 */
public record DemoPlan(KeyPair owner, KeyPair ownerHotkey, List<SubnetTarget> subnets, List<Funding> fundings,
        List<Seat> seats, List<StakeTarget> stakes) {

    /** Rao per TAO. */
    public static final long RAO = 1_000_000_000L;
    /** The environment variable naming an OpenAI-compatible model server: the demo then adds a chat subnet. */
    public static final String MODEL_URL_ENV = "TAONET_DEMO_MODEL_URL";
    /** The model the chat workers ask the model server for (optional: the server's default otherwise). */
    public static final String MODEL_ENV = "TAONET_DEMO_MODEL";

    /**
     * Epoch length of the demo subnets in blocks: with 1 s blocks an epoch completes every 31 s
     * (an epoch runs every tempo + 1 blocks).
     */
    public static final int DEMO_TEMPO = 30;
    /** Blocks between two weight updates of one validator: the validators' weights refresh about every 10 s. */
    public static final int DEMO_WEIGHTS_RATE_LIMIT = 10;
    /** Coldkeys the demo funds get this much from the faucet when they have less than a tenth of it. */
    public static final long FUNDING_RAO = 1_000 * RAO;
    /** The most the seed pays to register a validator: the price starts at 1 TAO and rises 1.26x a registration. */
    public static final long MAX_REGISTRATION_PRICE_RAO = 50 * RAO;

    static final List<String> VALIDATOR_PAYERS = List.of("bob", "charlie");
    static final List<String> NOMINATORS = List.of("dave", "eve");
    static final List<Long> SELF_STAKE_RAO = List.of(2_000 * RAO, 1_000 * RAO);
    static final long NOMINATION_RAO = 500 * RAO;

    public DemoPlan {
        subnets = List.copyOf(subnets);
        fundings = List.copyOf(fundings);
        seats = List.copyOf(seats);
        stakes = List.copyOf(stakes);
    }

    /** A subnet of the demo, with the hyperparameters it must have (set with the admin key). */
    public record SubnetTarget(String taskType, String name, String description, Map<String, Object> hyperparameters) {
        public SubnetTarget {
            hyperparameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(hyperparameters));
        }
    }

    /** A coldkey that must have at least a tenth of {@code amountRao} free; it gets {@code amountRao} otherwise. */
    public record Funding(String label, String address, long amountRao) {
    }

    /** A hotkey that must hold a UID on a subnet, registered and paid by {@code coldkey}. */
    public record Seat(String label, String taskType, KeyPair hotkey, KeyPair coldkey) {
    }

    /** A stake position that must hold at least {@code amountRao}. */
    public record StakeTarget(String label, String taskType, KeyPair coldkey, String hotkey, long amountRao) {
    }

    /** A development wallet's coldkey: the ed25519 seed is SHA-256("taonet-dev:&lt;name&gt;") (emission local profile). */
    public static KeyPair devWallet(String name) {
        return KeyPair.fromSeed(sha256("taonet-dev:" + name));
    }

    /** A development key of the local network: the ed25519 seed is SHA-256("//taonet-local/&lt;path&gt;"). */
    public static KeyPair localKey(String path) {
        return KeyPair.fromSeed(sha256("//taonet-local/" + path));
    }

    /** The demo network for the services of {@code services.conf} and the environment ({@link #MODEL_URL_ENV}). */
    public static DemoPlan of(List<ServiceSpec> services, Map<String, String> env) {
        KeyPair alice = devWallet("alice");
        List<SubnetTarget> subnets = new ArrayList<>();
        subnets.add(new SubnetTarget("gemm", "gemm-demo",
                "Verifiable matrix multiplication: the validators check C = A·B with Freivalds' algorithm.",
                demoHyperparameters()));
        if (modelUrl(env).isPresent()) {
            subnets.add(new SubnetTarget("chat", "chat-demo",
                    "Text generation through an OpenAI-compatible model server, scored by agreement.",
                    demoHyperparameters()));
        }

        Set<String> payingColdkeys = new LinkedHashSet<>();
        List<Funding> fundings = new ArrayList<>();
        for (ServiceSpec spec : services) {
            if (!spec.module().equals("subnet-workers")) {
                continue;
            }
            argument(spec, "--taonet.worker.coldkey-seed").ifPresent(seed -> {
                String address = KeyPair.fromSeedHex(seed).address();
                if (payingColdkeys.add(address)) {
                    fundings.add(new Funding("workers' coldkey (" + spec.name() + ")", address, FUNDING_RAO));
                }
            });
        }

        List<KeyPair> validators = validatorHotkeys(services);
        if (validators.size() > VALIDATOR_PAYERS.size()) {
            throw new IllegalArgumentException("the demo funds " + VALIDATOR_PAYERS.size()
                    + " managed validators, services.conf configures " + validators.size());
        }
        List<Seat> seats = new ArrayList<>();
        List<StakeTarget> stakes = new ArrayList<>();
        for (SubnetTarget subnet : subnets) {
            for (int i = 0; i < validators.size(); i++) {
                KeyPair payer = devWallet(VALIDATOR_PAYERS.get(i));
                String label = "validator-" + (i + 1);
                seats.add(new Seat(label, subnet.taskType(), validators.get(i), payer));
                stakes.add(new StakeTarget(VALIDATOR_PAYERS.get(i) + " on " + label, subnet.taskType(), payer,
                        validators.get(i).address(), SELF_STAKE_RAO.get(i)));
            }
            if (!validators.isEmpty()) {
                for (String nominator : NOMINATORS) {
                    stakes.add(new StakeTarget(nominator + " on validator-1", subnet.taskType(), devWallet(nominator),
                            validators.get(0).address(), NOMINATION_RAO));
                }
            }
        }
        return new DemoPlan(alice, localKey("owner/hotkey"), subnets, fundings, seats, stakes);
    }

    /**
     * Short epochs and weight windows so that a newcomer sees the incentive move within minutes; weights are set
     * in the open (no commit-reveal) so that they take effect at once; two validator permits, which the two
     * staked validators hold.
     */
    static Map<String, Object> demoHyperparameters() {
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("tempo", DEMO_TEMPO);
        h.put("weightsRateLimit", DEMO_WEIGHTS_RATE_LIMIT);
        h.put("commitRevealEnabled", false);
        h.put("maxAllowedValidators", 2);
        return h;
    }

    /** The model server URL of the environment, if one is configured (blank counts as none). */
    public static Optional<String> modelUrl(Map<String, String> env) {
        String url = env.get(MODEL_URL_ENV);
        return url == null || url.isBlank() ? Optional.empty() : Optional.of(url.strip());
    }

    /** Chat workers the demo adds: the chat scorer asks three miners the same prompt and scores their agreement. */
    public static final int CHAT_WORKERS = 3;

    /**
     * The processes the demo adds to {@code services.conf}: with a model server configured, {@link #CHAT_WORKERS}
     * chat workers on the chat subnet (the second subnet the demo creates, so netuid 2 on a fresh network), ports
     * 8098 onwards.
     */
    public static List<ServiceSpec> extraServices(List<ServiceSpec> services, Map<String, String> env) {
        Optional<String> url = modelUrl(env);
        if (url.isEmpty()) {
            return List.of();
        }
        KeyPair coldkey = services.stream().filter(s -> s.module().equals("subnet-workers"))
                .map(s -> argument(s, "--taonet.worker.coldkey-seed")).flatMap(Optional::stream)
                .findFirst().map(KeyPair::fromSeedHex).orElse(localKey("worker-1/coldkey"));
        List<ServiceSpec> extra = new ArrayList<>();
        for (int i = 1; i <= CHAT_WORKERS; i++) {
            List<String> args = new ArrayList<>(List.of(
                    "--taonet.worker.netuid=2",
                    "--taonet.worker.task-types=chat",
                    "--taonet.worker.hotkey-seed=" + localKey("chat-worker-" + i + "/hotkey").seedHex(),
                    "--taonet.worker.coldkey-seed=" + coldkey.seedHex(),
                    "--taonet.worker.registry.max-price-rao=" + MAX_REGISTRATION_PRICE_RAO,
                    "--taonet.worker.tasks.chat.base-url=" + url.get()));
            String model = env.get(MODEL_ENV);
            if (model != null && !model.isBlank()) {
                args.add("--taonet.worker.tasks.chat.model=" + model.strip());
            }
            extra.add(new ServiceSpec("chat-worker-" + i, "subnet-workers", 8097 + i, args));
        }
        return extra;
    }

    /** The managed validators' hotkeys, in the order of {@code taonet.scoring.validators[i]}. */
    static List<KeyPair> validatorHotkeys(List<ServiceSpec> services) {
        List<KeyPair> keys = new ArrayList<>();
        for (ServiceSpec spec : services) {
            if (!spec.module().equals("scoring-service")) {
                continue;
            }
            for (int i = 0; ; i++) {
                Optional<String> seed = argument(spec, "--taonet.scoring.validators[" + i + "].hotkey-seed");
                if (seed.isEmpty()) {
                    break;
                }
                keys.add(KeyPair.fromSeedHex(seed.get()));
            }
        }
        return keys;
    }

    /** The value of a {@code --name=value} argument of a service. */
    static Optional<String> argument(ServiceSpec spec, String name) {
        return spec.arguments().stream().filter(a -> a.startsWith(name + "="))
                .map(a -> a.substring(name.length() + 1)).findFirst();
    }

    /** One step towards the plan. */
    public sealed interface Step {
        String describe();
    }

    public record CreateSubnet(SubnetTarget subnet) implements Step {
        public String describe() {
            return "create the " + subnet.taskType() + " subnet '" + subnet.name() + "'";
        }
    }

    public record SetHyperparameter(String taskType, int netuid, String name, Object value) implements Step {
        public String describe() {
            return "set " + name + " = " + value + " on subnet " + netuid;
        }
    }

    /** {@code observedRao}: the free balance seen when the step was decided. */
    public record Fund(Funding funding, long observedRao) implements Step {
        public String describe() {
            return "fund the " + funding.label() + " with " + funding.amountRao() / RAO + " TAO from the faucet";
        }
    }

    public record Register(Seat seat, int netuid) implements Step {
        public String describe() {
            return "register " + seat.label() + " on subnet " + netuid;
        }
    }

    public record AddStake(StakeTarget stake, int netuid, long amountRao) implements Step {
        public String describe() {
            return "stake " + (double) amountRao / RAO + " TAO: " + stake.label() + " (subnet " + netuid + ")";
        }
    }

    /**
     * The steps still missing in {@code state}, in an order that works: a subnet before its hyperparameters and
     * seats, a seat before the stakes on it. Only the steps whose prerequisites hold now are returned, so the
     * caller repeats observe → {@code next} until it is empty. At most one subnet creation per call: the network
     * rate-limits creations.
     */
    public List<Step> next(DemoState state) {
        List<Step> steps = new ArrayList<>();
        for (SubnetTarget subnet : subnets) {
            if (state.netuid(subnet.taskType()).isEmpty()) {
                steps.add(new CreateSubnet(subnet));
                break;
            }
        }
        for (SubnetTarget subnet : subnets) {
            Optional<Integer> netuid = state.netuid(subnet.taskType());
            if (netuid.isEmpty()) {
                continue;
            }
            Map<String, String> now = state.hyperparameters().getOrDefault(netuid.get(), Map.of());
            subnet.hyperparameters().forEach((name, value) -> {
                if (!String.valueOf(value).equals(now.get(name))) {
                    steps.add(new SetHyperparameter(subnet.taskType(), netuid.get(), name, value));
                }
            });
        }
        for (Funding funding : fundings) {
            long free = state.freeRao().getOrDefault(funding.address(), 0L);
            if (free < funding.amountRao() / 10) {
                steps.add(new Fund(funding, free));
            }
        }
        for (Seat seat : seats) {
            Optional<Integer> netuid = state.netuid(seat.taskType());
            if (netuid.isPresent() && !state.registered().contains(new DemoState.Registration(seat.hotkey().address(),
                    netuid.get()))) {
                steps.add(new Register(seat, netuid.get()));
            }
        }
        for (StakeTarget stake : stakes) {
            Optional<Integer> netuid = state.netuid(stake.taskType());
            if (netuid.isEmpty() || !state.registered().contains(new DemoState.Registration(stake.hotkey(), netuid.get()))) {
                continue;
            }
            long has = state.stakeRao().getOrDefault(
                    new DemoState.Position(stake.coldkey().address(), stake.hotkey(), netuid.get()), 0L);
            if (has < stake.amountRao()) {
                steps.add(new AddStake(stake, netuid.get(), stake.amountRao() - has));
            }
        }
        return steps;
    }

    /** The coldkeys and hotkeys whose state {@link #next} reads. */
    public Set<String> coldkeysToObserve() {
        Set<String> addresses = new LinkedHashSet<>();
        fundings.forEach(f -> addresses.add(f.address()));
        stakes.forEach(s -> addresses.add(s.coldkey().address()));
        return addresses;
    }

    public Set<String> hotkeysToObserve() {
        Set<String> hotkeys = new LinkedHashSet<>();
        seats.forEach(s -> hotkeys.add(s.hotkey().address()));
        return hotkeys;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
