package net.taonet.worker.task.domain;

import java.util.Optional;
import net.taonet.sdk.builtin.chat.ChatResult;
import net.taonet.sdk.builtin.gemm.GemmResult;

/**
 * DEMO/TEST ONLY ({@code taonet.worker.behaviour: wrong-results}): turns a correct result into a plausible
 * wrong one, the way a cheating miner would, so a demo can show validators scoring it 0.
 */
final class Dishonesty {

    private Dishonesty() {
    }

    static String corrupt(String taskType, String result) {
        switch (taskType) {
            case "gemm" -> {
                GemmResult r = GemmResult.parse(result);
                float[] c = r.c().clone();
                for (int i = 0; i < c.length; i += 7) {
                    c[i] *= 1.01f; // 1% off on every seventh entry: close, and wrong
                }
                return new GemmResult(r.m(), r.n(), c).toJson();
            }
            case "chat" -> {
                Optional<ChatResult> r = ChatResult.tryParse(result);
                return r.map(x -> new ChatResult("I am fairly sure: " + x.content(), x.model(), x.finishReason(),
                        x.completionTokens()).toJson()).orElse(result);
            }
            case "echo" -> {
                // {"sha256":"<hex>"}: change the first digit of the hash.
                int at = result.indexOf(':') + 2;
                char ch = result.charAt(at);
                return result.substring(0, at) + (ch == '0' ? '1' : '0') + result.substring(at + 1);
            }
            default -> {
                return "{\"answer\":\"made up\"}";
            }
        }
    }
}
