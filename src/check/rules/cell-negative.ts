import { cellLabel, cellSpec } from '../../format/index.ts';
import { formatOf } from '../../report/index.ts';
import { defineRule, show } from '../rule.ts';

/** Counts and amounts are never negative (only the 2019 edition's 本年增/减 may be). */
export const cellNegative = defineRule({
  id: 'cell-negative',
  severity: 'error',
  title: '件数、金额不得为负数',
  check(report) {
    const format = formatOf(report);
    return Object.values(report.cells)
      .filter((c) => c.value !== null && c.value < 0 && cellSpec(format, c.key)?.column.kind !== 'change')
      .map((c) => ({
        message: `${cellLabel(format, c.key)}为负数（${show(c.value as number)}）`,
        keys: [c.key],
        actual: c.value,
        source: c.source,
      }));
  },
});
