import { cellLabel, cellSpec } from '../../format/index.ts';
import { formatOf } from '../../report/index.ts';
import { defineRule, show } from '../rule.ts';

/** Counts are whole numbers; only amounts of money (万元) may have decimals. */
export const cellFraction = defineRule({
  id: 'cell-fraction',
  severity: 'error',
  title: '件数必须为整数',
  check(report) {
    const format = formatOf(report);
    return Object.values(report.cells)
      .filter((c) => c.value !== null && !Number.isInteger(c.value) && cellSpec(format, c.key)?.column.kind !== 'amount')
      .map((c) => ({
        message: `${cellLabel(format, c.key)}应为整数，实为${show(c.value as number)}`,
        keys: [c.key],
        actual: c.value,
        source: c.source,
      }));
  },
});
