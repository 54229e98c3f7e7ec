/**
 * The OpenAI-compatible API over the {@code chat} subnets. Invariant: every answer and every error has the
 * shape OpenAI's clients expect; the models are exactly the registered chat subnets, named sn<netuid>.
 */
package net.taonet.gateway.openai;
