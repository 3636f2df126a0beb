package org.industrygaps.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ShufflePartitionsTest {
  private static final long MIB = 1L << 20;

  @Test
  void fourForSmallInputsThenOnePer32MiBUpTo400() {
    assertThat(Main.shufflePartitions(0)).isEqualTo(4); // no inbox: the sample's size
    assertThat(Main.shufflePartitions(100 * 1024)).isEqualTo(4); // data-sample/: 100 KiB
    assertThat(Main.shufflePartitions(128 * MIB)).isEqualTo(4); // 4 × 32 MiB exactly
    assertThat(Main.shufflePartitions(128 * MIB + 1)).isEqualTo(5); // a byte more: one more
    assertThat(Main.shufflePartitions(606 * MIB)).isEqualTo(19); // 10 million rows: 606/32 = 18.9
    assertThat(Main.shufflePartitions(3030 * MIB)).isEqualTo(95); // 50 million: 3030/32 = 94.7
    assertThat(Main.shufflePartitions(1L << 40)).isEqualTo(400); // 1 TiB: capped
  }
}
