package org.industrygaps.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class OptionsTest {
  @Test
  void reingestIsRepeatableAndWaitIsAFlag() {
    Options o = Options.parse(List.of("run", "--reingest", "2024-a/", "--wait", "--reingest", "2025-b"));

    assertThat(o.reingest()).containsExactly("2024-a", "2025-b");
    assertThat(o.waitForLock()).isTrue();
    assertThat(Options.parse(List.of()).reingest()).isEmpty();
    assertThat(Options.parse(List.of()).waitForLock()).isFalse();
    assertThatThrownBy(() -> Options.parse(List.of("--reingest")))
        .hasMessage("--reingest needs a value");
  }
}
