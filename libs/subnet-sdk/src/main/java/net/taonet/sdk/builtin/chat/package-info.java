/**
 * {@code chat}: text generation through an OpenAI-compatible model server the miner runs. Invariants: the
 * challenge is an OpenAI chat-completion request and is forwarded unchanged apart from the model name and the
 * streaming options; the final result carries the whole answer even when it was streamed; scores come from
 * agreement among miners, never from the miner's own claims.
 */
package net.taonet.sdk.builtin.chat;
