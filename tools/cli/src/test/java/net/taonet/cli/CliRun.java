package net.taonet.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/** Runs the CLI in-process with captured output, a chosen environment and a scripted terminal. */
public final class CliRun {

    public final Map<String, String> env = new HashMap<>();
    public final Deque<String> typed = new ArrayDeque<>();
    public boolean terminal;

    public record Result(int code, String out, String err) {
    }

    public Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliContext.Terminal term = terminal ? prompt -> {
            String line = typed.poll();
            return line == null ? null : line.toCharArray();
        } : null;
        int code = TaonetCli.run(new CliContext(new PrintWriter(out, true), new PrintWriter(err, true), env, term), args);
        return new Result(code, out.toString(), err.toString());
    }
}
