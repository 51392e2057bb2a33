import { cellLabel, cellSpec, normalizeText } from '../../format/index.ts';
import { formatOf } from '../../report/index.ts';
import { defineRule, show } from '../rule.ts';

const MONEY = /([万萬]元|元)\s*$/;

/**
 * A cell written with a unit that contradicts its column: 元 in a 万元 column (unless the
 * amount is 0), money in a count column. The value is never converted.
 */
export const cellUnit = defineRule({
  id: 'cell-unit',
  severity: 'warning',
  title: '单元格所写单位与该栏单位不符（如「万元」栏填写「元」）',
  check(report) {
    const format = formatOf(report);
    return Object.values(report.cells).flatMap((c) => {
      const spec = cellSpec(format, c.key);
      const unit = MONEY.exec(normalizeText(c.raw))?.[1];
      if (!spec || !unit || c.value === null) return [];
      const label = cellLabel(format, c.key);
      // 「0元」 is nothing in any unit.
      if (spec.column.kind === 'amount' && unit === '元' && c.value !== 0) {
        return [
          {
            message: `${label}的单位为万元，但填写为「${c.raw}」（单位为元）；按元计应为${show(c.value / 10000)}万元，未自动换算`,
            keys: [c.key],
            expected: '万元',
            actual: c.raw,
            source: c.source,
          },
        ];
      }
      if (spec.column.kind !== 'amount') {
        return [{ message: `${label}应填数量，但填写为「${c.raw}」（金额单位${unit}）`, keys: [c.key], actual: c.raw, source: c.source }];
      }
      return [];
    });
  },
});
