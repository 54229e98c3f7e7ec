package net.taonet.yuma.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import net.taonet.yuma.io.OutputJson;
import net.taonet.yuma.io.VectorFormatException;
import net.taonet.yuma.io.VectorRunner;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code yuma} simulator: {@code yuma run FILE [--chain] [--set name=value ...]} runs every
 * epoch (and case) of a {@code yuma-vector/1} file and prints the {@code yuma-output/1} document on
 * stdout. Bad input is reported as one line on stderr with exit status 2.
 */
public final class YumaCli {

    /** Exit status for bad input or usage. */
    public static final int BAD_INPUT = 2;
    /** Exit status for an unexpected internal failure. */
    public static final int INTERNAL_ERROR = 1;

    static final String USAGE = "usage: yuma run FILE [--chain] [--set name=value ...]";

    /** u16-proportion hyperparameters, for which {@code --set kappa=0.6} means a fraction. */
    private static final Set<String> PROPORTIONS = Set.of("kappa", "bonds_penalty", "alpha_low", "alpha_high");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private YumaCli() {
    }

    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        System.out.flush();
        if (status != 0) {
            System.exit(status);
        }
    }

    /** Runs the command with the given streams; returns the exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            Command cmd = parse(args);
            JsonNode doc = read(cmd.file());
            VectorRunner.DocumentRun run = VectorRunner.run(doc,
                    cmd.chain() ? VectorRunner.Mode.CHAIN : VectorRunner.Mode.SNAPSHOT, cmd.overrides());
            out.println(JSON.writeValueAsString(OutputJson.document(run)));
            return 0;
        } catch (UsageException | VectorFormatException e) {
            err.println("yuma: " + e.getMessage());
            return BAD_INPUT;
        } catch (IllegalArgumentException e) {
            err.println("yuma: invalid input: " + e.getMessage());
            return BAD_INPUT;
        } catch (OutOfMemoryError e) {
            err.println("yuma: out of memory (input too large for the heap; raise -Xmx)");
            return INTERNAL_ERROR;
        } catch (RuntimeException e) {
            err.println("yuma: internal error: " + e);
            return INTERNAL_ERROR;
        }
    }

    private record Command(Path file, boolean chain, Map<String, JsonNode> overrides) {
    }

    private static Command parse(String[] args) {
        int i = 0;
        if (i < args.length && args[i].equals("yuma")) {
            i++;
        }
        if (i >= args.length || !args[i].equals("run")) {
            throw new UsageException(USAGE);
        }
        i++;
        Path file = null;
        boolean chain = false;
        Map<String, JsonNode> overrides = new LinkedHashMap<>();
        for (; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--chain")) {
                chain = true;
            } else if (a.equals("--set")) {
                if (i + 1 >= args.length) {
                    throw new UsageException("--set needs name=value; " + USAGE);
                }
                addOverride(overrides, args[++i]);
            } else if (a.startsWith("--set=")) {
                addOverride(overrides, a.substring("--set=".length()));
            } else if (a.startsWith("-")) {
                throw new UsageException("unknown option " + a + "; " + USAGE);
            } else if (file == null) {
                file = Path.of(a);
            } else {
                throw new UsageException("more than one FILE given; " + USAGE);
            }
        }
        if (file == null) {
            throw new UsageException("missing FILE; " + USAGE);
        }
        return new Command(file, chain, overrides);
    }

    private static void addOverride(Map<String, JsonNode> overrides, String assignment) {
        int eq = assignment.indexOf('=');
        if (eq <= 0) {
            throw new UsageException("--set expects name=value, got \"" + assignment + "\"");
        }
        String name = assignment.substring(0, eq).trim();
        String text = assignment.substring(eq + 1).trim();
        JsonNode value;
        try {
            value = JSON.readTree(text);
        } catch (JacksonException e) {
            throw new UsageException("--set " + name + ": not a JSON value: " + text);
        }
        if (value == null || value.isMissingNode()) {
            throw new UsageException("--set " + name + ": empty value");
        }
        if (PROPORTIONS.contains(name) && value.isFloatingPointNumber()) {
            // "what if kappa were 0.6": a fraction is stored as the u16 proportion round(x·65535)
            BigDecimal x = value.decimalValue();
            if (x.signum() < 0 || x.compareTo(BigDecimal.ONE) > 0) {
                throw new UsageException("--set " + name + ": a fraction must be within [0, 1], got " + text);
            }
            value = JSON.getNodeFactory().numberNode(x.multiply(BigDecimal.valueOf(65535)).setScale(0, RoundingMode.HALF_UP).intValueExact());
        }
        overrides.put(name, value);
    }

    private static JsonNode read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return JSON.readTree(in);
        } catch (NoSuchFileException e) {
            throw new UsageException("no such file: " + file);
        } catch (IOException e) {
            throw new UsageException("cannot read " + file + ": " + e.getMessage());
        } catch (JacksonException e) {
            String msg = e.getOriginalMessage();
            throw new UsageException("malformed JSON in " + file + (e.getLocation() != null
                    ? " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() : "")
                    + ": " + (msg == null ? "" : msg.replace('\n', ' ')));
        }
    }

    /** A usage or input problem, reported as one line. */
    private static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }
}
