package dev.trellis.flow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The schema editors use is itself a valid JSON Schema, and the one the loader applies. */
class FlowSchemaTest {

    private static final Path SCHEMA = Path.of("conversation-flows/flow.schema.json");

    @Test
    void schemaIsValidDraft202012() throws Exception {
        JsonNode schema = new ObjectMapper().readTree(SCHEMA.toFile());
        var metaSchema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));

        assertThat(metaSchema.validate(schema)).isEmpty();
    }

    @Test
    void loaderAppliesTheSchemaShippedWithTheFlows() throws Exception {
        try (var packaged = FlowSchema.class.getResourceAsStream(FlowSchema.RESOURCE)) {
            assertThat(packaged).isNotNull();
            assertThat(new String(packaged.readAllBytes())).isEqualTo(Files.readString(SCHEMA));
        }
    }
}
