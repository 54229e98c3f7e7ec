package net.taonet.yuma.vectors;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import net.taonet.yuma.io.VectorRunner;
import tools.jackson.databind.JsonNode;

/**
 * Every epoch-level vector file, in snapshot and in chained mode: all normative assertions hold and
 * every {@code model_outputs} field is reproduced exactly.
 */
class VectorFilesTest {

    static Stream<Path> epochFiles() {
        List<Path> files = new ArrayList<>(Resources.jsonFiles("vectors"));
        files.addAll(Resources.jsonFiles("vectors/bench"));
        return files.stream().filter(p -> VectorRunner.hasInlineEpochs(Resources.read(p)));
    }

    @TestFactory
    Stream<DynamicTest> snapshotMode() {
        return epochFiles().map(p -> DynamicTest.dynamicTest(p.getFileName() + " (snapshots)",
                () -> check(p, VectorRunner.Mode.SNAPSHOT)));
    }

    @TestFactory
    Stream<DynamicTest> chainedMode() {
        return epochFiles().filter(p -> VectorRunner.chainable(Resources.read(p)))
                .map(p -> DynamicTest.dynamicTest(p.getFileName() + " (chained)",
                        () -> check(p, VectorRunner.Mode.CHAIN)));
    }

    private static void check(Path file, VectorRunner.Mode mode) {
        JsonNode doc = Resources.read(file);
        VectorRunner.DocumentRun run = VectorRunner.run(doc, mode, Map.of());
        List<String> problems = new ArrayList<>();
        for (VectorRunner.CaseRun c : run.cases()) {
            VectorRunner.EpochRun previous = null;
            for (VectorRunner.EpochRun e : c.epochs()) {
                String where = (c.label() == null ? "" : c.label() + " / ") + e.label();
                for (String m : ModelOutputs.mismatches(e.vector().get("model_outputs"), e.output())) {
                    problems.add(where + ": " + m);
                }
                JsonNode assertions = e.vector().get("assertions");
                if (assertions != null) {
                    for (JsonNode a : assertions) {
                        String failure = VectorAssertions.check(a, e.output(), previous == null ? null : previous.output(),
                                e.vector().get("model_outputs"));
                        if (failure != null) {
                            problems.add(where + ": assertion " + a + " failed: " + failure);
                        }
                    }
                }
                previous = e;
            }
        }
        assertThat(problems).as(file.getFileName() + " " + mode).isEmpty();
    }
}
