import type { Database } from '../db/index.ts';
import { type Actor, adminActor } from './actor.ts';
import { createAgency } from './agencies.ts';
import { addEvent, createApplication } from './applications.ts';
import type { EventInput } from './lifecycle.ts';
import { addReview, closeReview, setProactive, setReportText } from './registers.ts';

/** The demo agency and year. */
export const DEMO = { government: '东湖区人民政府', agency: '东湖区民政局', year: 2024 } as const;

type Kind = 'natural' | 'business' | 'legal';
interface Story {
  ref: string;
  kind: Kind;
  name: string;
  channel: 'in_person' | 'online' | 'registered_mail';
  submitted: string;
  confirmed?: string;
  content: string;
  events: EventInput[];
}

// A year of a small bureau: every path the register knows, and one application carried in
// from the year before and one carried out to the next.
const STORIES: Story[] = [
  {
    ref: '2023-031',
    kind: 'natural',
    name: '陈立新',
    channel: 'online',
    submitted: '2023-12-20',
    confirmed: '2023-12-21',
    content: '本区2023年城乡低保资金发放情况',
    events: [{ kind: 'answered', onDate: '2024-01-10', data: { outcome: 'granted' } }],
  },
  {
    ref: '2024-001',
    kind: 'natural',
    name: '王秀英',
    channel: 'in_person',
    submitted: '2024-01-15',
    content: '本区养老机构名录及收费标准',
    events: [{ kind: 'answered', onDate: '2024-01-15', data: { outcome: 'granted' } }],
  },
  {
    ref: '2024-002',
    kind: 'natural',
    name: '李建国',
    channel: 'registered_mail',
    submitted: '2024-02-26',
    confirmed: '2024-03-01',
    content: '某街道社区用房建设的审批材料',
    events: [
      { kind: 'correction_requested', onDate: '2024-03-05', data: { items: '请明确所指社区名称和年份' } },
      { kind: 'correction_received', onDate: '2024-03-18' },
      { kind: 'consultation_started', onDate: '2024-03-20', data: { party: '东湖区住房和城乡建设局' } },
      { kind: 'consultation_ended', onDate: '2024-03-29' },
      { kind: 'extension', onDate: '2024-04-08', data: { days: 20, approver: '区政务公开办 赵主任' } },
      { kind: 'answered', onDate: '2024-05-20', data: { outcome: 'partial' } },
    ],
  },
  {
    ref: '2024-003',
    kind: 'business',
    name: '东湖康养服务有限公司',
    channel: 'online',
    submitted: '2024-04-02',
    confirmed: '2024-04-02',
    content: '2023年养老服务补贴企业名单及金额',
    events: [
      { kind: 'consultation_started', onDate: '2024-04-08', data: { party: '名单所列企业' } },
      { kind: 'consultation_ended', onDate: '2024-04-25' },
      { kind: 'answered', onDate: '2024-05-06', data: { outcome: 'refused.third_party' } },
    ],
  },
  {
    ref: '2024-004',
    kind: 'natural',
    name: '张明',
    channel: 'online',
    submitted: '2024-05-10',
    confirmed: '2024-05-10',
    content: '2010年某村民政救助档案',
    events: [{ kind: 'answered', onDate: '2024-05-24', data: { outcome: 'unable.not_held' } }],
  },
  {
    ref: '2024-005',
    kind: 'natural',
    name: '刘洋',
    channel: 'online',
    submitted: '2024-06-03',
    confirmed: '2024-06-03',
    content: '近五年全部婚姻登记统计数据',
    events: [
      { kind: 'correction_requested', onDate: '2024-06-07', data: { items: '请说明所需统计项目' } },
      { kind: 'correction_lapsed', onDate: '2024-07-08' },
    ],
  },
  {
    ref: '2024-006',
    kind: 'legal',
    name: '东湖律师事务所',
    channel: 'registered_mail',
    submitted: '2024-07-08',
    confirmed: '2024-07-10',
    content: '社会组织登记档案复印件（约400页）',
    events: [
      { kind: 'fee_notice', onDate: '2024-07-15', data: { method: 'by_pages', amount: 11300 } },
      { kind: 'fee_lapsed', onDate: '2024-08-13' },
    ],
  },
  {
    ref: '2024-007',
    kind: 'natural',
    name: '赵丽',
    channel: 'in_person',
    submitted: '2024-09-02',
    content: '本人所在社区网格员补贴标准',
    events: [{ kind: 'withdrawn', onDate: '2024-09-05', data: { reason: '已在网站查到' } }],
  },
  {
    ref: '2024-008',
    kind: 'natural',
    name: '孙强',
    channel: 'online',
    submitted: '2024-10-14',
    confirmed: '2024-10-14',
    content: '对某福利院的投诉处理结果',
    events: [{ kind: 'answered', onDate: '2024-10-25', data: { outcome: 'rejected.petition' } }],
  },
  {
    ref: '2024-009',
    kind: 'natural',
    name: '周红',
    channel: 'online',
    submitted: '2024-11-04',
    confirmed: '2024-11-04',
    content: '本区2024年临时救助政策文件',
    events: [{ kind: 'answered', onDate: '2024-11-08', data: { outcome: 'granted' } }],
  },
  {
    ref: '2024-010',
    kind: 'business',
    name: '湖畔物业管理有限公司',
    channel: 'online',
    submitted: '2024-12-23',
    confirmed: '2024-12-23',
    content: '社区养老服务站运营补助办法',
    events: [],
  },
];

const TEXTS: Record<number, string> = {
  1: '2024年，东湖区民政局坚持以公开为常态、不公开为例外，主动公开民政领域政策文件、救助标准和养老服务信息。全年共收到政府信息公开申请10件，上年结转1件，已全部依法办理或正在办理。本局完善了依申请公开台账，收到申请、告知补正、征求意见、延期和答复均按《中华人民共和国政府信息公开条例》规定的期限办理。',
  5: '存在的主要问题：一是部分政策解读形式较为单一；二是依申请公开答复文书的说理还需加强。改进措施：丰富图表、问答等解读形式；组织答复文书专题培训，规范说理和救济途径告知。',
  6: '本年度未收取信息处理费。本局无其他需要报告的事项。',
};

const PROACTIVE: Record<string, number> = {
  'a.rules.issued': 0,
  'a.rules.repealed': 0,
  'a.rules.in_force': 0,
  'a.normative.issued': 3,
  'a.normative.repealed': 1,
  'a.normative.in_force': 17,
  'a.licensing.decisions': 126,
  'a.penalty.decisions': 4,
  'a.enforcement.decisions': 0,
  'a.fees.amount': 0,
};

/**
 * Fills an empty register with a demo agency's year (东湖区民政局, 2024): applications taken
 * through every step the register knows, table A figures, a reconsideration and a lawsuit, and
 * the report's texts, all through the register's own functions.
 */
export async function fillDemoRegister(db: Database, actor: Actor = adminActor('演示')): Promise<{ agencyId: number }> {
  const government = await createAgency(db, actor, { name: DEMO.government });
  const agency = await createAgency(db, actor, { name: DEMO.agency, parentId: government.id });
  for (const s of STORIES) {
    const row = await createApplication(db, actor, {
      agencyId: agency.id,
      reference: s.ref,
      applicantKind: s.kind,
      applicantName: s.name,
      channel: s.channel,
      submittedOn: s.submitted,
      ...(s.confirmed ? { confirmedOn: s.confirmed } : {}),
      content: s.content,
    });
    for (const e of s.events) await addEvent(db, actor, row.id, e);
  }
  await setProactive(db, actor, agency.id, DEMO.year, PROACTIVE);
  const review = await addReview(db, actor, { agencyId: agency.id, kind: 'review', filedOn: '2024-06-12', note: '申请人对2024-003的答复不服' });
  await closeReview(db, actor, review, 'upheld', '2024-08-09');
  await addReview(db, actor, { agencyId: agency.id, kind: 'suit_direct', filedOn: '2024-11-20', note: '2024-006' });
  for (const [section, text] of Object.entries(TEXTS)) await setReportText(db, actor, agency.id, DEMO.year, Number(section), text);
  return { agencyId: agency.id };
}
