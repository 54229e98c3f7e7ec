package net.taonet.platform.chain;

import java.util.concurrent.atomic.AtomicLong;

/** A clock that moves only when told to: for tests and simulations. */
public final class ManualBlockClock implements BlockClock {

    private final AtomicLong block;

    public ManualBlockClock(long startBlock) {
        this.block = new AtomicLong(startBlock);
    }

    @Override
    public long currentBlock() {
        return block.get();
    }

    public void set(long newBlock) {
        block.set(newBlock);
    }

    public long advance(long blocks) {
        return block.addAndGet(blocks);
    }
}
