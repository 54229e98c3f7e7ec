package net.taonet.emission.transfer.web;

import net.taonet.emission.transfer.domain.TransferService;
import net.taonet.emission.transfer.domain.TransferService.Transfer;
import net.taonet.emission.web.Addresses;
import net.taonet.emission.web.Commands;
import net.taonet.platform.security.SignedRequest;
import net.taonet.platform.security.VerifiedSigner;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/transfers}: free TAO from the signing coldkey to any address. */
@RestController
public class TransferController {

    /** {@code from} must be the signer. */
    public record TransferRequest(String from, String to, Long amountRao) {
    }

    private final TransferService transfers;
    private final Commands commands;

    public TransferController(TransferService transfers, Commands commands) {
        this.transfers = transfers;
        this.commands = commands;
    }

    @SignedRequest
    @PostMapping("/api/v1/transfers")
    public ResponseEntity<Transfer> transfer(@RequestBody TransferRequest request, VerifiedSigner signer,
            @RequestHeader(name = Commands.IDEMPOTENCY_KEY, required = false) String key) {
        String from = Addresses.require(request.from(), "from");
        String to = Addresses.require(request.to(), "to");
        long amount = Addresses.requireAmount(request.amountRao(), "amountRao");
        signer.requireIs(from, "the free balance of " + from);
        return commands.run(signer.address(), "transfer", key, from + "|" + to + "|" + amount, Transfer.class,
                () -> transfers.transfer(from, to, amount, key));
    }
}
