package io.aloft.adapters.protobuf;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JsonToYamlTest {

  @Test
  void nestedObjectsAndListsBecomeBlocksWithEveryStringQuoted() throws Exception {
    String yaml =
        JsonToYaml.convert(
            """
            {"literals": [{"name": "flag", "value": {"text": "yes", "n": 3, "x": 1.5,
              "ok": true, "none": null, "empty": {}, "list": []}}],
             "context": {"k": "line\\nbreak \\"q\\""}}""");

    assertThat(yaml)
        .isEqualTo(
            """
            "literals":
              -
                "name": "flag"
                "value":
                  "text": "yes"
                  "n": 3
                  "x": 1.5
                  "ok": true
                  "none": null
                  "empty": {}
                  "list": []
            "context":
              "k": "line\\nbreak \\"q\\""
            """);
  }

  @Test
  void anEmptyDocumentIsAnEmptyMap() throws Exception {
    assertThat(JsonToYaml.convert("{}")).isEqualTo("{}\n");
  }
}
