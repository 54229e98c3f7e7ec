package net.taonet.emission.stake.web;

import java.util.List;
import net.taonet.emission.ledger.domain.AccountQueries;
import net.taonet.emission.ledger.domain.AccountQueries.HotkeyStakeView;
import net.taonet.emission.stake.domain.StakeService;
import net.taonet.emission.stake.domain.StakeService.StakeMove;
import net.taonet.emission.web.Addresses;
import net.taonet.emission.web.Commands;
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

    public StakeController(StakeService stakes, AccountQueries queries, Commands commands) {
        this.stakes = stakes;
        this.queries = queries;
        this.commands = commands;
    }

    @SignedRequest
    @PostMapping("/add")
    public ResponseEntity<StakeMove> add(@RequestBody StakeRequest request, VerifiedSigner signer,
            @RequestHeader(name = Commands.IDEMPOTENCY_KEY, required = false) String key) {
        Checked c = check(request, signer);
        return commands.run(signer.address(), "add_stake", key, c.fingerprint(), StakeMove.class,
                () -> stakes.add(c.coldkey, c.hotkey, c.netuid, c.amount, key));
    }

    @SignedRequest
    @PostMapping("/remove")
    public ResponseEntity<StakeMove> remove(@RequestBody StakeRequest request, VerifiedSigner signer,
            @RequestHeader(name = Commands.IDEMPOTENCY_KEY, required = false) String key) {
        Checked c = check(request, signer);
        return commands.run(signer.address(), "remove_stake", key, c.fingerprint(), StakeMove.class,
                () -> stakes.remove(c.coldkey, c.hotkey, c.netuid, c.amount, key));
    }

    @GetMapping("/hotkeys/{hotkey}")
    public HotkeyStakes byHotkey(@PathVariable String hotkey) {
        return new HotkeyStakes(hotkey, queries.byHotkey(Addresses.require(hotkey, "hotkey")));
    }

    @GetMapping("/subnets/{netuid}")
    public SubnetStakes bySubnet(@PathVariable int netuid) {
        Addresses.requireNetuid(netuid);
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
