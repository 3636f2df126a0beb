package org.industrygaps.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.industrygaps.TestSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ObservationValidatorTest {
  private static IngestRow validate(String... fields) {
    Map<DropColumn, String> cells = new java.util.EnumMap<>(DropColumn.class);
    List<DropColumn> order =
        List.of(DropColumn.YEAR, DropColumn.REGION, DropColumn.INDUSTRY, DropColumn.INDICATOR,
            DropColumn.VALUE, DropColumn.UNIT);
    for (int i = 0; i < fields.length; i++) {
      cells.put(order.get(i), fields[i].strip());
    }
    return new ObservationValidator(TestSpark.sampleConfig())
        .validate("d1", "d1/f.csv", 7, String.join(",", fields), cells);
  }

  @Test
  void resolvesAliasesAndConvertsToTheCanonicalUnit() {
    // 12,345,600 万元 = 12,345,600 × 10^4 / 10^8 亿元 = 1234.56 亿元
    IngestRow row = validate("2024年", "凉山州", "钒钛稀土", "营收", "12,345,600", "万元");

    assertThat(row.accepted()).isTrue();
    assertThat(row)
        .extracting(
            IngestRow::year, IngestRow::region, IngestRow::industry, IngestRow::indicator,
            IngestRow::value, IngestRow::unit, IngestRow::reportedValue, IngestRow::reportedUnit)
        .containsExactly(
            2024, "513400", "vanadium_titanium_rare_earth", "revenue", 1234.56, "亿元", 12345600.0,
            "万元");
  }

  @Test
  void physicalIndicatorsTakeTheIndustrysUnit() {
    // 83,000 MWh = 83,000 × 10^3 / 10^6 GWh = 83 GWh
    IngestRow row = validate("2022", "Sichuan", "power_battery", "production", "83000", "MWh");

    assertThat(row.value()).isEqualTo(83.0);
    assertThat(row.unit()).isEqualTo("GWh");
  }

  @Test
  void fullWidthDigitsAndNamesAreFolded() {
    IngestRow row = validate("２０２３", "ＣＨＥＮＧＤＵ", "新型显示", "revenue", "１２.５", "亿元");

    assertThat(row.region()).isEqualTo("510100");
    assertThat(row.value()).isEqualTo(12.5);
  }

  @Test
  void aNegativeValueIsAcceptedWhereTheIndicatorAllowsIt() {
    assertThat(validate("2023", "眉山", "new_display", "profit", "-3.2", "亿元").value())
        .isEqualTo(-3.2);
  }

  @ParameterizedTest(name = "{6}")
  @CsvSource({
    "2024, 火星市, power_battery, revenue, 1, 亿元, unknown_region, region: '火星市' is not in regions.yaml",
    "2024, 成都, 元宇宙, revenue, 1, 亿元, unknown_industry, industry: '元宇宙' is not in plan.yaml",
    "2024, 成都, power_battery, 幸福指数, 1, 亿元, unknown_indicator, indicator: '幸福指数' is not in indicators.yaml",
    "twenty, 成都, power_battery, revenue, 1, 亿元, invalid_year, year: 'twenty' is not a year",
    "1899, 成都, power_battery, revenue, 1, 亿元, year_out_of_range, year: 1899 is outside 1990–2035 (settings.yaml years)",
    "2024, 成都, power_battery, revenue, '', 亿元, empty_value, value: empty",
    "2024, 成都, power_battery, revenue, n/a, 亿元, non_numeric_value, value: 'n/a' is not a number",
    "2024, 成都, power_battery, revenue, '1,23', 亿元, non_numeric_value, 'value: ''1,23'' is not a number'",
    "2024, 成都, power_battery, revenue, -12.5, 亿元, negative_value, value: -12.5 is negative; revenue cannot be",
    "2024, 成都, power_battery, revenue, 1, '', unit_missing, unit: empty",
    "2024, 成都, power_battery, revenue, 1, GWh, unit_not_convertible, 'unit: ''GWh'' does not convert to 亿元 (energy, not money)'",
    "2024, 成都, power_battery, revenue, 1, furlong, unit_not_convertible, unit: 'furlong' is not in units.yaml",
    "2024, 成都, aerospace, production, 1, 吨, unit_not_convertible, unit: production has no unit for aerospace in plan.yaml",
  })
  void rejectsWithTheReasonAndTheField(
      String year, String region, String industry, String indicator, String value, String unit,
      String reason, String detail) {
    IngestRow row = validate(year, region, industry, indicator, value, unit);

    assertThat(row.reason().code()).isEqualTo(reason);
    assertThat(row.detail()).isEqualTo(detail);
    assertThat(row.line()).isEqualTo(7);
    assertThat(row.value()).isNull();
  }

  @ParameterizedTest(name = "''{0}'' → {1}")
  @CsvSource(
      nullValues = "null",
      value = {
        "12.5, 12.5", "'  7 ', 7.0", "+3, 3.0", "-0.25, -0.25", "5., 5.0", ".5, 0.5",
        "1e5, 100000.0", "2.5E-3, 0.0025", "1e+2, 100.0", "'12,345.6', 12345.6",
        "'-1,000', -1000.0", "１２.５, 12.5", "'１,２３４', 1234.0",
        "'1,23', null", "'12,34,567', null", "., null", "+, null", "e5, null", "1e, null",
        "1e+, null", "1.2.3, null", "1d, null", "0x1A, null", "NaN, null", "Infinity, null",
        "1e400, null", "1_000, null", "'1 000', null", "'', null", "--1, null"
      })
  void numbersArePlainOrGroupedDecimals(String text, Double expected) {
    assertThat(ObservationValidator.parseNumber(text)).isEqualTo(expected);
  }
}
