package net.taonet.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * The events' JSON Schemas are the contract with every consumer, in any language (DESIGN §5). These tests
 * keep the three descriptions of each event in step: the schema
 * ({@code schemas/<Name>.v<version>.schema.json}), the sample ({@code schemas/samples/<Name>.v<version>.json})
 * and the Java record. A new event, or a new field of a record, needs its schema (and sample) updated.
 */
class EventSchemasTest {

    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final EventCodec codec = new EventCodec();

    static Stream<EventType<?>> events() {
        return EventCatalog.ALL.stream();
    }

    static String schemaFile(EventType<?> type) {
        return type.name() + ".v" + type.version() + ".schema.json";
    }

    static String sampleFile(EventType<?> type) {
        return type.name() + ".v" + type.version() + ".json";
    }

    static String resource(String path) {
        try (InputStream in = EventSchemasTest.class.getResourceAsStream("/schemas/" + path)) {
            assertThat(in).as("schemas/%s is missing", path).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonSchema schema(EventType<?> type) {
        return SCHEMAS.getSchema(resource(schemaFile(type)));
    }

    static Set<String> errors(JsonSchema schema, String json) {
        return schema.validate(json, InputFormat.JSON).stream().map(ValidationMessage::getMessage)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void everyEventHasASchemaAndASampleAndNoFileIsLeftOver() throws IOException, URISyntaxException {
        Path dir = Path.of(EventSchemasTest.class.getResource("/schemas").toURI());
        Set<String> schemaFiles;
        Set<String> sampleFiles;
        try (Stream<Path> files = Files.list(dir)) {
            schemaFiles = files.filter(Files::isRegularFile).map(p -> p.getFileName().toString())
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        try (Stream<Path> files = Files.list(dir.resolve("samples"))) {
            sampleFiles = files.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }

        assertThat(schemaFiles).containsExactlyInAnyOrderElementsOf(
                EventCatalog.ALL.stream().map(EventSchemasTest::schemaFile).toList());
        assertThat(sampleFiles).containsExactlyInAnyOrderElementsOf(
                EventCatalog.ALL.stream().map(EventSchemasTest::sampleFile).toList());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void theSchemaNamesItsEventVersionAndTopic(EventType<?> type) {
        JsonNode schema = JSON.readTree(resource(schemaFile(type)));

        assertThat(schema.path("$id").asString()).isEqualTo("urn:taonet:event:" + type.name() + ":" + type.version());
        assertThat(schema.path("title").asString()).isEqualTo(type.name() + " v" + type.version());
        assertThat(schema.path("description").asString()).contains("Topic: " + type.topic() + ".");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void theSampleIsValid(EventType<?> type) {
        assertThat(errors(schema(type), resource("samples/" + sampleFile(type)))).isEmpty();
    }

    /** The record reads the sample and writes it back unchanged, and what it writes is valid. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void theRecordRoundTripsTheSampleAndWritesValidJson(EventType<?> type) {
        String sample = resource("samples/" + sampleFile(type));

        String encoded = codec.encode(codec.decode(type, sample));

        assertThat(JSON.readTree(encoded)).isEqualTo(JSON.readTree(sample));
        assertThat(errors(schema(type), encoded)).isEmpty();
    }

    /** Every property of the schema is a component of the record and the other way round, nested ones too. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void theSchemaDescribesExactlyTheRecord(EventType<?> type) {
        JsonNode schema = JSON.readTree(resource(schemaFile(type)));
        List<String> problems = new ArrayList<>();

        compare(type.payloadType(), schema, schema, type.name(), problems);

        assertThat(problems).as("schema %s and record %s differ; update the schema (and sample) with the record",
                schemaFile(type), type.payloadType().getName()).isEmpty();
    }

    /** The schema has teeth: without any one required field, or with a field of the wrong type, it rejects. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void theSchemaRejectsAMissingFieldOrAWrongType(EventType<?> type) {
        JsonSchema schema = schema(type);
        ObjectNode sample = (ObjectNode) JSON.readTree(resource("samples/" + sampleFile(type)));
        JsonNode definition = JSON.readTree(resource(schemaFile(type)));

        for (JsonNode required : definition.path("required")) {
            ObjectNode without = sample.deepCopy();
            without.remove(required.asString());
            assertThat(errors(schema, without.toString())).as("%s without %s", type.name(), required.asString())
                    .isNotEmpty();
        }
        ObjectNode wrongType = sample.deepCopy();
        wrongType.set("netuid", StringNode.valueOf("one"));
        assertThat(errors(schema, wrongType.toString())).isNotEmpty();
        ObjectNode outOfRange = sample.deepCopy();
        outOfRange.put("netuid", 65_536);
        assertThat(errors(schema, outOfRange.toString())).isNotEmpty();
    }

    /** A field a newer producer added is no reason to reject: additive optional fields keep the version. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void theSchemaAcceptsAnAddedOptionalField(EventType<?> type) {
        ObjectNode sample = (ObjectNode) JSON.readTree(resource("samples/" + sampleFile(type)));
        sample.put("someFutureField", "x");

        assertThat(errors(schema(type), sample.toString())).isEmpty();
        assertThat(codec.decode(type, sample.toString())).isEqualTo(codec.decode(type, resource("samples/" + sampleFile(type))));
    }

    private static void compare(Class<?> record, JsonNode node, JsonNode root, String path, List<String> problems) {
        JsonNode schema = resolve(node, root);
        Set<String> properties = new LinkedHashSet<>();
        for (Map.Entry<String, JsonNode> p : schema.path("properties").properties()) {
            properties.add(p.getKey());
        }
        Set<String> required = new LinkedHashSet<>();
        schema.path("required").forEach(r -> required.add(r.asString()));
        Set<String> components = new LinkedHashSet<>();
        for (RecordComponent c : record.getRecordComponents()) {
            components.add(c.getName());
        }
        if (!properties.equals(components)) {
            problems.add(path + ": schema properties " + properties + " but record components " + components);
        }
        if (!required.equals(components)) {
            problems.add(path + ": required " + required + " but record components " + components
                    + " (the codec always writes every component)");
        }
        for (RecordComponent c : record.getRecordComponents()) {
            JsonNode property = schema.path("properties").path(c.getName());
            if (property.isMissingNode()) {
                continue;
            }
            property = resolve(property, root);
            String where = path + "." + c.getName();
            Class<?> t = c.getType();
            String jsonType = types(property);
            if (t == int.class || t == long.class || t == Integer.class || t == Long.class) {
                expect(jsonType, "integer", where, problems);
            } else if (t == boolean.class || t == Boolean.class) {
                expect(jsonType, "boolean", where, problems);
            } else if (t == String.class) {
                expect(jsonType, "string", where, problems);
            } else if (t.isRecord()) {
                expect(jsonType, "object", where, problems);
                compare(t, property, root, where, problems);
            } else if (List.class.isAssignableFrom(t)) {
                expect(jsonType, "array", where, problems);
                Type element = ((ParameterizedType) c.getGenericType()).getActualTypeArguments()[0];
                if (element instanceof Class<?> e && e.isRecord()) {
                    compare(e, property.path("items"), root, where + "[]", problems);
                }
            } else {
                problems.add(where + ": no schema check for Java type " + t.getName());
            }
        }
    }

    private static String types(JsonNode property) {
        JsonNode type = property.path("type");
        if (type.isArray()) {
            List<String> all = new ArrayList<>();
            type.forEach(t -> all.add(t.asString()));
            all.remove("null");
            return String.join(",", all);
        }
        return type.asString();
    }

    private static void expect(String actual, String expected, String where, List<String> problems) {
        if (!expected.equals(actual)) {
            problems.add(where + ": schema type '" + actual + "' but the record needs '" + expected + "'");
        }
    }

    private static JsonNode resolve(JsonNode node, JsonNode root) {
        JsonNode ref = node.path("$ref");
        if (ref.isMissingNode()) {
            return node;
        }
        String pointer = ref.asString();
        if (!pointer.startsWith("#")) {
            throw new IllegalStateException("only local $ref are supported: " + pointer);
        }
        return root.at(pointer.substring(1));
    }
}
