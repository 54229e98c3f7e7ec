/**
 * Wallets on disk: an encrypted coldkey (scrypt + AES-256-GCM), its public half, and plain hotkeys.
 * Invariants: a coldkey's seed is never written unencrypted; every file is 600; a wrong password is a
 * {@link net.taonet.identity.wallet.WrongPasswordException}, never a different key.
 */
package net.taonet.identity.wallet;
