import { APPLICANT_PARTS, cellSpecs, type FormatId, getFormat, getTable, isLeafOutcome } from '../format/index.ts';
import { buildReport, type Report, type Section } from '../report/index.ts';
import { Random } from './random.ts';

const PLACES = ['青山县', '东湖区', '临江市', '北塘区', '南岭县', '白河镇', '西坪乡', '长宁区', '梅林街道'];
const BODIES = ['交通运输局', '医疗保障局', '教育局', '人民政府办公室', '生态环境局', '司法局', '民政局', '卫生健康委员会', '人民政府', '自然资源局'];

/** Options for a generated report. */
export interface RandomReportOptions {
  format?: FormatId;
  /** Largest count in a table B cell. */
  max?: number;
  /** Replace some zero cells with blanks (they still satisfy the identities as 0). */
  blanks?: boolean;
}

function narrative(rng: Random, fresh: number, carried: number, reviews: number, suits: number, agency: string, year: number): Section[] {
  const apps =
    fresh === 0
      ? `${year}年度，本机关未收到政府信息公开申请。`
      : `${year}年度，本机关共收到政府信息公开申请${rng.chance(0.5) || carried === 0 ? fresh : fresh + carried}件。`;
  const review = reviews === 0 ? '本年度未发生因政府信息公开申请行政复议的情况。' : `本年度因政府信息公开被申请行政复议${reviews}件。`;
  const suit = suits === 0 ? '' : `被提起行政诉讼${suits}件。`;
  return [
    {
      id: 1,
      heading: '一、总体情况',
      text: `（一）主动公开\n${year}年，${agency}坚持以公开为常态、不公开为例外，主动公开政府信息${rng.int(10, 400)}条。\n（二）依申请公开\n${apps}${review}${suit}\n（三）政府信息管理\n严格落实保密审查制度。\n（四）政府信息公开平台建设\n持续完善门户网站信息公开专栏。\n（五）监督保障\n将政务公开纳入年度绩效考核。`,
    },
    { id: 2, heading: '二、主动公开政府信息情况', text: '' },
    { id: 3, heading: '三、收到和处理政府信息公开申请情况', text: '' },
    { id: 4, heading: '四、政府信息公开行政复议、行政诉讼情况', text: '' },
    {
      id: 5,
      heading: '五、存在的主要问题及改进情况',
      text: '一是信息发布的时效性有待提高。二是政策解读形式较为单一。下一步将加强培训，丰富解读形式。',
    },
    { id: 6, heading: '六、其他需要报告的事项', text: `本年度${rng.chance(0.5) ? '未收取信息处理费' : '未发生信息处理费收费情况'}。` },
  ];
}

/** A random report that satisfies every identity of the standard, with narrative to match. */
export function randomReport(seed: number, options: RandomReportOptions = {}): Report {
  const rng = new Random(seed);
  const formatId = options.format ?? (rng.chance(0.8) ? '2021' : '2019');
  const format = getFormat(formatId);
  const max = options.max ?? 30;
  const values: Record<string, number | null> = {};

  for (const spec of cellSpecs(format, 'a')) {
    if (spec.column.kind === 'amount') values[spec.key] = rng.chance(0.6) ? 0 : rng.int(1, 99999) / 100;
    else if (spec.column.kind === 'change') values[spec.key] = rng.int(-20, 20);
    else values[spec.key] = rng.count(rng.chance(0.2) ? 5000 : 60);
  }

  const rows = getTable(format, 'b').blocks[0]?.rows ?? [];
  for (const col of APPLICANT_PARTS) {
    let total = 0;
    for (const row of rows.filter((r) => isLeafOutcome(r.key))) {
      const v = col === 'natural' ? rng.count(max) : rng.chance(0.7) ? 0 : rng.count(max);
      values[`b.${row.key}.${col}`] = v;
      total += v;
    }
    const carriedOut = rng.chance(0.6) ? 0 : rng.int(0, 5);
    const carriedIn = rng.int(0, Math.min(5, total + carriedOut));
    values[`b.total.${col}`] = total;
    values[`b.carried_out.${col}`] = carriedOut;
    values[`b.carried_in.${col}`] = carriedIn;
    values[`b.new.${col}`] = total + carriedOut - carriedIn;
  }
  for (const row of rows) {
    values[`b.${row.key}.total`] = APPLICANT_PARTS.reduce((s, c) => s + (values[`b.${row.key}.${c}`] as number), 0);
  }

  for (const group of ['review', 'suit_direct', 'suit_after_review']) {
    const parts = ['upheld', 'corrected', 'other', 'pending'].map((c) => {
      const v = rng.chance(0.6) ? 0 : rng.int(0, 12);
      values[`c.${group}.${c}`] = v;
      return v;
    });
    values[`c.${group}.total`] = parts.reduce((a, b) => a + b, 0);
  }

  if (options.blanks) {
    const zeros = Object.keys(values).filter((k) => values[k] === 0 && !k.startsWith('a.'));
    for (let i = rng.int(0, 3); i > 0 && zeros.length > 0; i--) values[zeros.splice(rng.int(0, zeros.length - 1), 1)[0] as string] = null;
  }

  const year = formatId === '2019' ? rng.int(2019, 2020) : rng.int(2021, 2025);
  const agency = rng.pick(PLACES) + rng.pick(BODIES);
  const sections = narrative(
    rng,
    values['b.new.total'] as number,
    values['b.carried_in.total'] as number,
    values['c.review.total'] as number,
    (values['c.suit_direct.total'] as number) + (values['c.suit_after_review.total'] as number),
    agency,
    year,
  );
  return buildReport({
    format: formatId,
    values,
    sections,
    meta: { agency, year, title: `${agency}${year}年政府信息公开工作年度报告`, date: `${year + 1}-01-${String(rng.int(10, 28)).padStart(2, '0')}` },
  });
}
