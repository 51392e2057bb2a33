import { addDays, type WorkCalendar } from '../calendar/index.ts';
import type { Database } from '../db/index.ts';
import { type Actor, adminActor } from './actor.ts';
import { createAgency } from './agencies.ts';
import { addEvent, createApplication } from './applications.ts';
import { loadCalendar } from './calendar-store.ts';
import { feeByPages } from './fees.ts';
import type { EventInput } from './lifecycle.ts';
import { addReview, closeReview, lockYear, type ReviewKind, type ReviewResult, setProactive, setReportText } from './registers.ts';

/** The demo government of the web application: a district people's government and its departments. */
export const DEMO_GOVERNMENT = {
  name: '东湖区人民政府',
  departments: [
    '东湖区教育局',
    '东湖区卫生健康委员会',
    '东湖区市场监督管理局',
    '东湖区住房和城乡建设局',
    '东湖区人力资源和社会保障局',
    '东湖区民政局',
  ],
} as const;

/** A small seeded PRNG (mulberry32): the demo is the same on every run for the same day. */
class Random {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }
  /** A key drawn by weight. */
  weighted<K extends string>(weights: Record<K, number>): K {
    const entries = Object.entries(weights) as [K, number][];
    let r = this.next() * entries.reduce((s, [, w]) => s + w, 0);
    for (const [k, w] of entries) if ((r -= w) < 0) return k;
    return (entries[entries.length - 1] as [K, number])[0];
  }
}

// What people ask each office for, and how many applications a year it gets.
const TOPICS: Record<string, { perYear: number; topics: string[] }> = {
  东湖区人民政府: {
    perYear: 70,
    topics: [
      '区政府常务会议纪要',
      '某地块征收补偿安置方案',
      '区政府年度财政预算和决算',
      '某道路拓宽工程的立项批复',
      '区政府规范性文件目录',
      '某村集体土地征收公告及批复',
      '区重大行政决策事项目录',
      '老旧小区改造计划',
    ],
  },
  东湖区教育局: {
    perYear: 55,
    topics: [
      '义务教育阶段学区划分方案',
      '某小学招生入学政策及录取名单统计',
      '民办学校收费标准备案材料',
      '教师招聘考试成绩及录用标准',
      '学生营养餐供应企业招标情况',
      '校外培训机构审批名单',
      '中小学校舍安全检查结果',
    ],
  },
  东湖区卫生健康委员会: {
    perYear: 40,
    topics: [
      '某医院医疗事故处理情况',
      '辖区医疗机构执业许可名单',
      '基本公共卫生服务项目资金使用情况',
      '某诊所行政处罚决定书',
      '家庭医生签约服务考核结果',
      '公共场所卫生许可证发放情况',
    ],
  },
  东湖区市场监督管理局: {
    perYear: 80,
    topics: [
      '某企业登记档案',
      '某餐饮店食品安全抽检结果',
      '对某公司投诉举报的处理结果',
      '某商品房价格备案资料',
      '特种设备安全检查记录',
      '某超市行政处罚决定书',
      '辖区电动自行车产品抽查结果',
    ],
  },
  东湖区住房和城乡建设局: {
    perYear: 90,
    topics: [
      '某小区建设工程规划许可及竣工验收材料',
      '国有土地上房屋征收决定及补偿方案',
      '某楼盘预售许可证及预售资金监管情况',
      '公租房分配名单及审核标准',
      '某小区物业专项维修资金使用情况',
      '老旧小区加装电梯补贴政策',
      '某建筑工地施工许可证',
    ],
  },
  东湖区人力资源和社会保障局: {
    perYear: 45,
    topics: [
      '某公司欠薪案件处理结果',
      '事业单位公开招聘面试成绩',
      '职业技能培训补贴发放名单',
      '工伤认定决定书',
      '灵活就业人员社保补贴政策',
      '劳动保障监察投诉处理情况',
    ],
  },
  东湖区民政局: {
    perYear: 30,
    topics: ['城乡低保资金发放情况', '养老机构名录及收费标准', '社会组织登记档案', '临时救助政策文件', '婚姻登记统计数据', '殡葬设施规划'],
  },
};

const SURNAMES = Array.from('王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢');
const GIVEN = [
  '伟',
  '芳',
  '娜',
  '秀英',
  '敏',
  '静',
  '丽',
  '强',
  '磊',
  '军',
  '洋',
  '勇',
  '艳',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
  '秀兰',
  '霞',
  '平',
  '刚',
  '桂英',
  '建国',
  '志强',
  '海燕',
  '晓东',
  '文博',
];
const COMPANIES = [
  '东湖建设工程有限公司',
  '湖畔物业管理有限公司',
  '明远科技有限公司',
  '华信餐饮管理有限公司',
  '东湖康养服务有限公司',
  '新城房地产开发有限公司',
  '瑞丰商贸有限公司',
  '安达物流有限公司',
];
const FIRMS = ['东湖律师事务所', '明正律师事务所', '华泰律师事务所'];
const INSTITUTES = ['东湖大学公共管理学院', '省社会科学院法学研究所'];
const SOCIAL = ['东湖区消费者协会', '湖滨社区业主委员会'];
const PARTIES = ['相关企业', '相关学校', '区财政局', '区自然资源分局', '相关街道办事处', '申请所涉第三方'];
const APPROVERS = ['区政务公开办 赵主任', '区政务公开办 钱副主任'];
const NOT_DISCLOSED: string[] = [
  'refused.third_party',
  'refused.process_info',
  'refused.internal_affairs',
  'refused.enforcement_file',
  'refused.inquiry',
  'refused.state_secret',
  'refused.security_stability',
  'refused.prohibited',
];

type Channel = 'in_person' | 'registered_mail' | 'ordinary_mail' | 'online' | 'fax';

/** The n-th working day after `day` (n ≥ 1), or `day` itself for n = 0. */
function workingDaysLater(calendar: WorkCalendar, day: string, n: number): string {
  let d = day;
  for (let i = 0; i < n;) {
    d = addDays(d, 1);
    if (calendar.isWorking(d)) i++;
  }
  return d;
}

/** The n-th working day before `day`. */
function workingDaysBefore(calendar: WorkCalendar, day: string, n: number): string {
  let d = day;
  for (let i = 0; i < n;) {
    d = addDays(d, -1);
    if (calendar.isWorking(d)) i++;
  }
  return d;
}

function outcomeOf(rng: Random): string {
  const group = rng.weighted({ granted: 42, partial: 12, refused: 9, unable: 20, rejected: 9, other: 3 });
  if (group === 'granted' || group === 'partial') return group;
  if (group === 'refused') return rng.chance(0.6) ? rng.pick(NOT_DISCLOSED.slice(0, 3)) : rng.pick(NOT_DISCLOSED);
  if (group === 'unable') return rng.weighted({ 'unable.not_held': 12, 'unable.needs_creation': 5, 'unable.still_unclear': 2 });
  if (group === 'rejected')
    return rng.weighted({
      'rejected.petition': 4,
      'rejected.duplicate': 2,
      'rejected.publication': 1,
      'rejected.vexatious': 1,
      'rejected.reconfirm': 1,
    });
  return 'other.other';
}

interface Plan {
  agencyId: number;
  agency: string;
  kind: string;
  name: string;
  contact: string;
  channel: Channel;
  submitted: string;
  confirmed?: string;
  content: string;
  events: EventInput[];
}

/**
 * One case's story from its receipt: 补正, consultation, fee, extension, an answer or a
 * withdrawal, each on a working day within the statutory time; events after `today` are not yet
 * written (the case is still open).
 */
function story(rng: Random, calendar: WorkCalendar, received: string): { events: EventInput[]; answered?: string; outcome?: string } {
  const events: EventInput[] = [];
  let day = received;
  let clock = received; // when the 20 working days start
  let paused = 0;
  const at = (n: number) => (day = workingDaysLater(calendar, day, n));
  const path = rng.weighted({ plain: 70, correction: 11, consultation: 7, fee: 3, withdrawn: 4, extension: 5 });
  if (path === 'withdrawn') {
    events.push({
      kind: 'withdrawn',
      onDate: at(rng.int(1, 8)),
      data: { reason: rng.pick(['已通过其他途径获取', '申请人主动撤回', '已在政府网站查到']) },
    });
    return { events };
  }
  if (path === 'correction') {
    events.push({
      kind: 'correction_requested',
      onDate: at(rng.int(1, 6)),
      data: { items: '请明确所需信息的名称、文号或者便于查询的其他特征性描述' },
    });
    const next = rng.weighted({ received: 7, lapsed: 2, withdrawn: 1 });
    if (next === 'lapsed') {
      events.push({ kind: 'correction_lapsed', onDate: at(rng.int(16, 22)) });
      return { events };
    }
    if (next === 'withdrawn') {
      events.push({ kind: 'withdrawn', onDate: at(rng.int(2, 10)), data: { reason: '申请人表示不再需要' } });
      return { events };
    }
    events.push({ kind: 'correction_received', onDate: at(rng.int(2, 12)) });
    clock = day;
  }
  let extension = 0;
  if (path === 'consultation') {
    events.push({ kind: 'consultation_started', onDate: at(rng.int(3, 8)), data: { party: rng.pick(PARTIES) } });
    const before = day;
    events.push({ kind: 'consultation_ended', onDate: at(rng.int(5, 15)) });
    paused += workingDays(calendar, before, day);
    if (rng.chance(0.5)) {
      events.push({ kind: 'extension', onDate: at(rng.int(2, 5)), data: { days: 20, approver: rng.pick(APPROVERS) } });
      extension = 20;
    }
  }
  if (path === 'fee') {
    const amount = feeByPages(rng.int(60, 600)).amount;
    events.push({ kind: 'fee_notice', onDate: at(rng.int(2, 6)), data: { method: 'by_pages', amount } });
    const before = day;
    if (rng.chance(0.35)) {
      events.push({ kind: 'fee_lapsed', onDate: at(21) });
      return { events };
    }
    events.push({ kind: 'fee_paid', onDate: at(rng.int(3, 12)), data: { amount } });
    paused += workingDays(calendar, before, day);
  }
  if (path === 'extension') {
    events.push({ kind: 'extension', onDate: at(rng.int(14, 18)), data: { days: rng.pick([10, 15, 20]), approver: rng.pick(APPROVERS) } });
    extension = (events[events.length - 1]?.data as { days: number }).days;
  }
  // The answer: within the time left (20 working days from the clock's start, plus pauses and extension).
  const deadline = workingDaysLater(calendar, clock, 20 + paused + extension);
  const answered = workingDaysLater(calendar, day, rng.int(1, 12));
  const onDate = answered <= deadline ? answered : deadline;
  const outcome = path === 'correction' && rng.chance(0.2) ? 'unable.still_unclear' : outcomeOf(rng);
  events.push({ kind: 'answered', onDate, data: { outcome } });
  return { events, answered: onDate, outcome };
}

/** Working days after `from` up to and including `to`. */
function workingDays(calendar: WorkCalendar, from: string, to: string): number {
  let n = 0;
  for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (calendar.isWorking(d)) n++;
  return n;
}

function applicant(rng: Random): { kind: string; name: string; contact: string } {
  const kind = rng.weighted({ natural: 80, business: 10, legal: 4, research: 2, social: 2, other_org: 2 });
  const phone = `1${rng.pick(['38', '39', '58', '86', '77'])}${String(rng.int(0, 99_999_999)).padStart(8, '0')}`;
  if (kind === 'natural') return { kind, name: rng.pick(SURNAMES) + rng.pick(GIVEN), contact: phone };
  const name =
    kind === 'business' ? rng.pick(COMPANIES) : kind === 'legal' ? rng.pick(FIRMS) : kind === 'research' ? rng.pick(INSTITUTES) : rng.pick(SOCIAL);
  return { kind, name: kind === 'other_org' ? `${rng.pick(['湖东', '湖西', '滨江'])}村民委员会` : name, contact: phone };
}

function channelOf(rng: Random, received: string, calendar: WorkCalendar): { channel: Channel; submitted: string; confirmed?: string } {
  const channel = rng.weighted<Channel>({ online: 55, in_person: 18, registered_mail: 20, ordinary_mail: 5, fax: 2 });
  if (channel === 'in_person') return { channel, submitted: received };
  // Posted or sent a few days before the agency signed for or confirmed it.
  const submitted = channel === 'online' && rng.chance(0.7) ? received : workingDaysBefore(calendar, received, rng.int(1, 3));
  return { channel, submitted, confirmed: received };
}

export interface DemoGovernment {
  governmentId: number;
  /** Every agency by name (the government first). */
  agencies: Record<string, number>;
  lastYear: number;
  thisYear: number;
  cases: number;
}

/**
 * Fills an empty register with the demo government (东湖区人民政府 and six departments): last
 * year complete and this year up to `today`, every case taken through the register's own
 * createApplication/addEvent (so every rule and the audit trail apply), table A figures, section
 * texts, reconsiderations and lawsuits; last year published (locked). Deterministic for a given
 * `today`. A few cases are due within days and one is overdue, so the deadlines show.
 */
export async function fillDemoGovernment(db: Database, today: string, actor: Actor = adminActor('演示数据')): Promise<DemoGovernment> {
  const calendar = await loadCalendar(db);
  const rng = new Random(20_190_515);
  const thisYear = Number(today.slice(0, 4));
  const lastYear = thisYear - 1;
  const government = await createAgency(db, actor, { name: DEMO_GOVERNMENT.name });
  const agencies: Record<string, number> = { [DEMO_GOVERNMENT.name]: government.id };
  for (const name of DEMO_GOVERNMENT.departments) agencies[name] = (await createAgency(db, actor, { name, parentId: government.id })).id;

  // Plans over both years, in order of receipt; the last working days before today stay open.
  const plans: (Plan & { received: string; story: ReturnType<typeof story> })[] = [];
  const start = `${lastYear}-01-01`;
  const span = workingDays(calendar, addDays(start, -1), today);
  for (const [agency, { perYear, topics }] of Object.entries(TOPICS)) {
    const count = Math.round((perYear * span) / 250);
    const days = Array.from({ length: count }, () => workingDaysLater(calendar, addDays(start, -1), rng.int(1, span))).sort();
    for (const received of days) {
      const y = Number(received.slice(0, 4));
      const who = applicant(rng);
      plans.push({
        agencyId: agencies[agency] as number,
        agency,
        ...who,
        ...channelOf(rng, received, calendar),
        content: `${rng.pick(topics)}${rng.chance(0.3) ? `（${y - rng.int(0, 3)}年度）` : ''}`,
        events: [],
        received,
        story: story(rng, calendar, received),
      });
    }
  }
  // Cases the dashboard shows: three due within the week, one overdue.
  const dueSoon = [17, 18, 19].map((n) => workingDaysBefore(calendar, today, n));
  const overdue = workingDaysBefore(calendar, today, 24);
  for (const [i, received] of [...dueSoon, overdue].entries()) {
    const agency = DEMO_GOVERNMENT.departments[i % 4] as string;
    plans.push({
      agencyId: agencies[agency] as number,
      agency,
      ...applicant(rng),
      channel: 'in_person',
      submitted: received,
      content: `${rng.pick((TOPICS[agency] as { topics: string[] }).topics)}（待办）`,
      events: [],
      received,
      story: { events: [] },
    });
  }

  // Entered in order of receipt, numbered per agency and year (2025-0001, …).
  plans.sort((a, b) => a.received.localeCompare(b.received));
  const serial = new Map<string, number>();
  let cases = 0;
  const refused: { agencyId: number; id: number; answered: string }[] = [];
  const fees: Record<string, number> = {};
  for (const p of plans) {
    const y = p.received.slice(0, 4);
    const n = (serial.get(`${p.agencyId}/${y}`) ?? 0) + 1;
    serial.set(`${p.agencyId}/${y}`, n);
    const reference = `${y}-${String(n).padStart(4, '0')}`;
    const row = await createApplication(db, actor, {
      agencyId: p.agencyId,
      reference,
      applicantKind: p.kind,
      applicantName: p.name,
      applicantContact: p.contact,
      channel: p.channel,
      submittedOn: p.submitted,
      ...(p.confirmed ? { confirmedOn: p.confirmed } : {}),
      content: p.content,
    });
    cases++;
    for (const e of p.story.events) {
      if (e.onDate > today) break;
      await addEvent(db, actor, row.id, e);
      if (e.kind === 'fee_paid') {
        const key = `${p.agencyId}/${e.onDate.slice(0, 4)}`;
        fees[key] = (fees[key] ?? 0) + ((e.data as { amount: number }).amount ?? 0);
      }
    }
    const o = p.story.outcome;
    if (p.story.answered && p.story.answered <= today && o && (o.startsWith('refused') || o.startsWith('unable') || o === 'partial'))
      refused.push({ agencyId: p.agencyId, id: row.id, answered: p.story.answered });
  }

  // Reconsiderations and lawsuits about some answers that withheld information (table 四).
  for (const [i, r] of refused.entries()) {
    if (i % 9 !== 4) continue;
    const kind: ReviewKind = i % 4 === 0 ? 'suit_direct' : i % 4 === 1 ? 'suit_after_review' : 'review';
    const filedOn = workingDaysLater(calendar, r.answered, rng.int(10, 40));
    if (filedOn > today) continue;
    const id = await addReview(db, actor, { agencyId: r.agencyId, kind, filedOn, applicationId: r.id, note: '申请人对答复不服' });
    const closedOn = workingDaysLater(calendar, filedOn, rng.int(30, 60));
    if (closedOn <= today) await closeReview(db, actor, id, rng.weighted<ReviewResult>({ upheld: 7, corrected: 2, other: 1 }), closedOn);
  }

  // Table A (proactive disclosure) and the report's sections, for both years.
  for (const [name, agencyId] of Object.entries(agencies)) {
    const big = name === DEMO_GOVERNMENT.name;
    // Documents in force carry over: last year's + issued − repealed (the cross-year rule holds).
    let inForce = big ? rng.int(60, 90) : rng.int(10, 30);
    for (const year of [lastYear, thisYear]) {
      const part = year === thisYear ? Number(today.slice(5, 7)) / 12 : 1;
      const scaled = (n: number) => Math.round(n * part);
      const issued = scaled(big ? rng.int(8, 15) : rng.int(1, 5));
      const repealed = scaled(big ? rng.int(1, 4) : rng.int(0, 2));
      inForce += issued - repealed;
      await setProactive(db, actor, agencyId, year, {
        'a.rules.issued': 0,
        'a.rules.repealed': 0,
        'a.rules.in_force': 0,
        'a.normative.issued': issued,
        'a.normative.repealed': repealed,
        'a.normative.in_force': inForce,
        'a.licensing.decisions': scaled(rng.int(50, name.includes('市场') ? 4000 : 600)),
        'a.penalty.decisions': scaled(name.includes('市场') || name.includes('卫生') ? rng.int(80, 300) : rng.int(0, 20)),
        'a.enforcement.decisions': scaled(rng.int(0, 5)),
        'a.fees.amount': 0,
      });
      const fee = fees[`${agencyId}/${year}`];
      const texts: Record<number, string> = {
        1: `${year}年，${name}深入贯彻《中华人民共和国政府信息公开条例》，坚持以公开为常态、不公开为例外，围绕群众关切推进主动公开，规范办理依申请公开，全年${year === thisYear ? '（截至目前）' : ''}依法受理的政府信息公开申请均已登记入台账，按期答复。`,
        5: '存在的主要问题：一是政策解读的形式和深度仍需加强；二是依申请公开答复文书的说理不够充分。改进措施：丰富图表、问答等解读形式；开展答复文书专题培训，规范法律依据和救济途径的告知。',
        6: fee
          ? `本年度依据《政府信息公开信息处理费管理办法》收取信息处理费${fee}元。无其他需要报告的事项。`
          : '本年度未收取信息处理费。无其他需要报告的事项。',
      };
      for (const [section, text] of Object.entries(texts)) await setReportText(db, actor, agencyId, year, Number(section), text);
    }
  }
  // Last year's report is published: the lock on the government covers its departments.
  await lockYear(db, actor, government.id, lastYear);
  return { governmentId: government.id, agencies, lastYear, thisYear, cases };
}
