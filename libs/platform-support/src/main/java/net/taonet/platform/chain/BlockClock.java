package net.taonet.platform.chain;

/** The current block height. Every rule of the protocol is expressed in blocks. */
public interface BlockClock {

    long currentBlock();
}
