package net.taonet.registry.charge.domain;

import java.util.UUID;

/**
 * Called between the ledger's answer and the commit of what was paid for: the moment at which a crash
 * would leave a charge without its registration. Production has none; tests use it to stop a flow there.
 */
public interface ChargeFlowProbe {

    void charged(UUID requestId);
}
