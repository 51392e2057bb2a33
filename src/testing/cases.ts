import { addDays } from '../calendar/index.ts';
import { APPLICANT_KINDS, OUTCOMES, outcomeLabel } from '../register/index.ts';
import { Random } from './random.ts';

/**
 * Random but valid case records in the import template's shape: received over `years`, most
 * answered within about a month (some across the new year, some never), every outcome used.
 */
export function randomCases(seed: number, count: number, years: readonly number[], prefix = 'C'): Record<string, string>[] {
  const rng = new Random(seed);
  const kinds = Object.values(APPLICANT_KINDS);
  const channels = ['当面', '挂号信', '平信', '网络', '传真'];
  const out: Record<string, string>[] = [];
  for (let i = 0; i < count; i++) {
    const year = rng.pick(years);
    const submitted = addDays(`${year}-01-01`, rng.int(0, 364));
    const channel = rng.pick(channels);
    const confirmed = channel === '当面' ? '' : addDays(submitted, rng.int(0, 3));
    const received = confirmed || submitted;
    const answered = rng.chance(0.93) ? addDays(received, rng.int(0, 40)) : '';
    out.push({
      编号: `${prefix}${seed}-${i}`,
      申请人类型: rng.chance(0.8) ? '自然人' : rng.pick(kinds),
      申请人: `申请人${i}`,
      联系方式: `1380000${String(i).padStart(4, '0')}`,
      提交方式: channel,
      提交日期: submitted,
      确认日期: confirmed,
      申请内容: `申请公开第${i}号文件`,
      答复日期: answered,
      办理结果: answered ? outcomeLabel(rng.pick(OUTCOMES)) : '',
    });
  }
  return out;
}
