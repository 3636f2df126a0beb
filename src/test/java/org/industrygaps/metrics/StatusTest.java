package org.industrygaps.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StatusTest {

  @Test
  void codesAndChineseLabelsInRuleOrder() {
    assertThat(Status.values())
        .extracting(Status::code)
        .containsExactly(
            "target_achieved",
            "on_track",
            "acceleration_needed",
            "limited_progress",
            "deterioration",
            "not_assessable");
    assertThat(Status.values())
        .extracting(Status::labelZh)
        .containsExactly("已实现", "进展顺利", "需加快", "进展有限", "倒退", "无法评估");
  }
}
