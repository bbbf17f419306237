package io.aloft.adapters.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.aloft.domain.execution.TaskActionSpec;
import io.aloft.domain.id.ActionId;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResourceNamesTest {

  private static final String DNS_LABEL = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
  private static final String LABEL_VALUE = "([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)?";

  @Test
  void givenShortIds_WhenNamed_ThenRunDashActionAsTheReference() {
    assertThat(ResourceNames.name(ActionId.of("p", "development", "r1abc", "a0")))
        .isEqualTo("r1abc-a0");
    assertThat(ResourceNames.name(ActionId.of("p", "development", "r1abc", "n3-x")))
        .isEqualTo("r1abc-n3-x");
  }

  @Test
  void givenIdsTooLongForAPodName_WhenNamed_ThenPrefixAndHashWithinTheLimit() {
    ActionId a = ActionId.of("p", "d", "r".repeat(30), "a".repeat(63));
    ActionId b = ActionId.of("p", "d", "r".repeat(30), "a".repeat(62) + "b");

    String name = ResourceNames.name(a);

    assertThat(name).hasSizeLessThanOrEqualTo(ResourceNames.MAX_NAME).matches(DNS_LABEL);
    assertThat(name).startsWith("r".repeat(30) + "-a").matches(".*-[0-9a-f]{10}");
    assertThat(name + "-123456").hasSizeLessThanOrEqualTo(63);
    assertThat(ResourceNames.name(a)).isEqualTo(name);
    assertThat(ResourceNames.name(b)).isNotEqualTo(name);
  }

  @Test
  void givenValuesNotValidAsLabels_WhenSanitised_ThenValidAndAtMost63() {
    String[] values = {
      "ok-value",
      "x".repeat(100),
      "has spaces/and:colons",
      "-leading-and-trailing-",
      "ünïcødé",
      "a".repeat(62) + "__" + "b".repeat(20),
      ""
    };
    for (String value : values) {
      String label = ResourceNames.labelValue(value);
      assertThat(label).hasSizeLessThanOrEqualTo(63).matches(LABEL_VALUE);
    }
    assertThat(ResourceNames.labelValue("ok-value")).isEqualTo("ok-value");
    assertThat(ResourceNames.labelValue("x".repeat(100)))
        .isNotEqualTo(ResourceNames.labelValue("x".repeat(101)));
  }

  @Test
  void givenSpec_WhenLabelled_ThenTheReferencesLabelsUnderAloftIo() {
    TaskActionSpec child =
        Samples.fullSpec(
            ActionId.of("proj", "development", "r1", "n0"),
            ActionId.of("proj", "development", "r1", "a0"));

    Map<String, String> labels = ResourceNames.labels(child);

    assertThat(labels)
        .containsExactly(
            Map.entry("aloft.io/project", "proj"),
            Map.entry("aloft.io/domain", "development"),
            Map.entry("aloft.io/run", "r1"),
            Map.entry("aloft.io/action", "n0"),
            Map.entry("aloft.io/action-type", "task"),
            Map.entry("aloft.io/is-root", "false"));
    assertThat(ResourceNames.labels(Samples.minimalSpec(ActionId.of("p", "d", "r", "a0"))))
        .containsEntry("aloft.io/is-root", "true");
  }
}
