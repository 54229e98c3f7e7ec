package net.taonet.emission.stake.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import net.taonet.emission.ledger.domain.AccountQueries;
import net.taonet.emission.ledger.domain.AccountQueries.HotkeyStakeView;
import net.taonet.emission.network.domain.NetworkDirectory;
import net.taonet.emission.stake.domain.StakeService;
import net.taonet.emission.stake.domain.StakeService.StakeMove;
import net.taonet.emission.web.Addresses;
import net.taonet.emission.web.Commands;
import net.taonet.platform.openapi.ProblemResponse;
import net.taonet.platform.security.SignedRequest;
import net.taonet.platform.security.VerifiedSigner;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** add_stake, remove_stake, and the stake views by hotkey and by subnet. */
@Tag(name = "stakes", description = "Stake positions: coldkey to hotkey on a subnet")
@RestController
@RequestMapping("/api/v1/stakes")
public class StakeController {

    /** {@code coldkey} must be the signer. */
    public record StakeRequest(String coldkey, String hotkey, Integer netuid, Long amountRao) {
    }

    /** Every position on a hotkey, per subnet. */
    public record HotkeyStakes(String hotkey, List<HotkeyStakeView> subnets) {
    }

    /** Every position on a subnet, per hotkey. */
    public record SubnetStakes(int netuid, long totalRao, List<HotkeyStakeView> hotkeys) {
    }

    private final StakeService stakes;
    private final AccountQueries queries;
    private final Commands commands;
    private final NetworkDirectory network;

    public StakeController(StakeService stakes, AccountQueries queries, Commands commands, NetworkDirectory network) {
        this.stakes = stakes;
        this.queries = queries;
        this.commands = commands;
        this.network = network;
    }

    @Operation(operationId = "addStake",
        summary = "Move free TAO into a stake position (signed by the coldkey)",
        requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = "application/json",
            examples = @ExampleObject(name = "example", value = "{\"coldkey\":\"5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY\",\"hotkey\":\"5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty\",\"netuid\":1,\"amountRao\":100000000000}"))))
    @ProblemResponse(status = 400, type = "invalid-address", detail = "address is not an SS58 address")
    @ProblemResponse(status = 400, type = "invalid-amount", detail = "amountRao must be positive")
    @ProblemResponse(status = 400, type = "invalid-netuid", detail = "netuid must be between 0 and 65535")
    @ProblemResponse(status = 403, type = "not-owner", detail = "the request is signed by 5Grw…, not the coldkey it spends from")
    @ProblemResponse(status = 422, type = "insufficient-balance", detail = "the free balance of 5Grw… is 1000000 rao, below 2000000000")
    @ProblemResponse(status = 422, type = "existential-deposit", detail = "the transfer would leave 500 rao, below the existential deposit of 500000")
    @ProblemResponse(status = 422, type = "below-minimum-stake", detail = "add_stake moves at least 2000000 rao")
    @ProblemResponse(status = 422, type = "hotkey-not-registered", detail = "hotkey 5FHn… holds no UID on subnet 1")
    @ProblemResponse(status = 400, type = "missing-idempotency-key", detail = "paying requests need an Idempotency-Key header")
    @ProblemResponse(status = 400, type = "invalid-idempotency-key", detail = "the Idempotency-Key header must be 1 to 128 printable characters")
    @ProblemResponse(status = 409, type = "idempotency-key-reused", detail = "the Idempotency-Key was already used for another request")
    @SignedRequest
    @PostMapping("/add")
    public ResponseEntity<StakeMove> add(@RequestBody StakeRequest request, VerifiedSigner signer,
            @RequestHeader(name = Commands.IDEMPOTENCY_KEY, required = false) String key) {
        Checked c = check(request, signer);
        return commands.run(signer.address(), "add_stake", key, c.fingerprint(), StakeMove.class,
                () -> stakes.add(c.coldkey, c.hotkey, c.netuid, c.amount, key));
    }

    @Operation(operationId = "removeStake",
        summary = "Move stake back to free TAO (signed by the coldkey)",
        requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = "application/json",
            examples = @ExampleObject(name = "example", value = "{\"coldkey\":\"5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY\",\"hotkey\":\"5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty\",\"netuid\":1,\"amountRao\":50000000000}"))))
    @ProblemResponse(status = 400, type = "invalid-address", detail = "address is not an SS58 address")
    @ProblemResponse(status = 400, type = "invalid-amount", detail = "amountRao must be positive")
    @ProblemResponse(status = 400, type = "invalid-netuid", detail = "netuid must be between 0 and 65535")
    @ProblemResponse(status = 403, type = "not-owner", detail = "the request is signed by 5Grw…, not the coldkey it spends from")
    @ProblemResponse(status = 422, type = "insufficient-stake", detail = "5Grw… has 1000 rao staked on 5FHn… on subnet 1")
    @ProblemResponse(status = 422, type = "below-minimum-stake", detail = "removing would leave 1000 rao, below the minimum stake")
    @ProblemResponse(status = 422, type = "existential-deposit", detail = "the transfer would leave 500 rao, below the existential deposit of 500000")
    @ProblemResponse(status = 400, type = "missing-idempotency-key", detail = "paying requests need an Idempotency-Key header")
    @ProblemResponse(status = 400, type = "invalid-idempotency-key", detail = "the Idempotency-Key header must be 1 to 128 printable characters")
    @ProblemResponse(status = 409, type = "idempotency-key-reused", detail = "the Idempotency-Key was already used for another request")
    @SignedRequest
    @PostMapping("/remove")
    public ResponseEntity<StakeMove> remove(@RequestBody StakeRequest request, VerifiedSigner signer,
            @RequestHeader(name = Commands.IDEMPOTENCY_KEY, required = false) String key) {
        Checked c = check(request, signer);
        return commands.run(signer.address(), "remove_stake", key, c.fingerprint(), StakeMove.class,
                () -> stakes.remove(c.coldkey, c.hotkey, c.netuid, c.amount, key));
    }

    @Operation(operationId = "getHotkeyStakes", summary = "Stake positions on a hotkey, per subnet")
    @ProblemResponse(status = 400, type = "invalid-address", detail = "address is not an SS58 address")
    @GetMapping("/hotkeys/{hotkey}")
    public HotkeyStakes byHotkey(@PathVariable String hotkey) {
        return new HotkeyStakes(hotkey, queries.byHotkey(Addresses.require(hotkey, "hotkey")));
    }

    @Operation(operationId = "getSubnetStakes", summary = "Stake positions on a subnet, per hotkey, with the total")
    @ProblemResponse(status = 400, type = "invalid-netuid", detail = "netuid must be between 0 and 65535")
    @ProblemResponse(status = 404, type = "unknown-subnet", detail = "subnet 7 is not registered")
    @GetMapping("/subnets/{netuid}")
    public SubnetStakes bySubnet(@PathVariable int netuid) {
        Addresses.requireNetuid(netuid);
        network.knownSubnet(netuid);
        return new SubnetStakes(netuid, queries.subnetTotal(netuid), queries.bySubnet(netuid));
    }

    private record Checked(String coldkey, String hotkey, int netuid, long amount) {
        String fingerprint() {
            return coldkey + "|" + hotkey + "|" + netuid + "|" + amount;
        }
    }

    private static Checked check(StakeRequest r, VerifiedSigner signer) {
        String coldkey = Addresses.require(r.coldkey(), "coldkey");
        String hotkey = Addresses.require(r.hotkey(), "hotkey");
        int netuid = Addresses.requireNetuid(r.netuid());
        long amount = Addresses.requireAmount(r.amountRao(), "amountRao");
        signer.requireIs(coldkey, "the funds of " + coldkey);
        return new Checked(coldkey, hotkey, netuid, amount);
    }
}
