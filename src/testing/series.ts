import type { Database } from '../db/index.ts';
import {
  adminActor,
  addEvent,
  addReview,
  closeReview,
  createAgency,
  createApplication,
  reportFromRegister,
  setProactive,
  setReportText,
} from '../register/index.ts';
import type { Report } from '../report/index.ts';

/** The agencies of a generated series: a government and three of its departments. */
export const SERIES_AGENCIES = ['东湖区人民政府', '东湖区民政局', '东湖区司法局', '东湖区教育局'] as const;
export const SERIES_YEARS = [2022, 2023, 2024] as const;

const KINDS = ['natural', 'natural', 'business', 'legal', 'natural', 'social'] as const;
const OUTCOMES = ['granted', 'partial', 'unable.not_held', 'granted', 'refused.process_info', 'rejected.duplicate'] as const;

// Each department's own sentences, none shared with another's: a year's section picks three.
const WORDS: Record<string, string[]> = {
  东湖区民政局: [
    '全区城乡低保对象名册按季度更新并在社区公示栏张贴',
    '养老机构星级评定结果在民政服务大厅电子屏滚动发布',
    '婚姻登记预约办理流程图已上传至微信公众号菜单栏',
    '殡葬服务收费项目清单在三处公墓入口长期公开',
    '慈善募捐备案信息同步推送到省级慈善信息平台',
    '困难群众临时救助审批时限压缩到五个工作日以内',
    '社会组织年检结论由登记科每年六月集中对外发布',
    '残疾人两项补贴发放明细按街道分列供群众查询',
    '地名命名更名听证会记录在门户网站专栏全文发布',
  ],
  东湖区司法局: [
    '公共法律服务中心值班律师名单每周一更新上墙',
    '人民调解委员会年度案件分类统计向辖区居民通报',
    '法律援助申请条件和所需材料印成折页放在窗口',
    '行政执法监督投诉电话在各执法单位显著位置标明',
    '社区矫正工作制度汇编刊登在局网站法规栏目',
    '普法讲师团成员及授课主题清单面向学校开放预约',
    '公证员执业信息与收费依据在公证处大厅展示',
    '律师事务所年度考核结果由律管科统一对外公告',
    '重大行政决策合法性审查意见书摘要定期归档公开',
  ],
  东湖区教育局: [
    '义务教育阶段学校招生片区划分图于每年五月发布',
    '民办学校办学许可证信息在教育信息网逐校列示',
    '中小学校服采购评标结果同步在政府采购网公示',
    '教师招聘笔试面试成绩和体检名单分批次公布',
    '学生资助政策问答手册发放到每一所中小学',
    '校外培训机构白名单和黑名单实行动态调整公开',
    '学校食堂食品安全检查通报按学期汇总发布',
    '教育经费执行情况统计公告随年度决算一并公开',
    '特殊教育随班就读安置结果告知书送达每位家长',
  ],
  东湖区人民政府: [
    '区政府常务会议审议事项和决定要点在会后五日内发布',
    '重点民生实事项目进度每月在区政府网站专题更新',
    '财政预决算和三公经费说明按统一模板集中公开',
    '重大建设项目批准和实施信息设立专栏逐项披露',
    '政策性文件起草阶段通过意见征集系统公开征求意见',
    '政务服务事项清单和办事指南实现线上线下同源发布',
    '区长信箱来信办理情况按月统计并选登典型答复',
    '突发事件应对信息通过应急广播和短信平台同步推送',
    '行政规范性文件统一登记编号并在专栏集中发布',
  ],
};

/** A department's independent text for a year: three of its own sentences, none used in another year. */
export function seriesText(agency: string, year: number, section: number): string {
  const words = WORDS[agency] as string[];
  const start = ((year - 2022) * 3 + section) % words.length;
  return [0, 1, 2].map((i) => `${words[(start + i) % words.length]}。`).join('');
}

/**
 * Three years (2022–2024) of a government and three departments, entered through the register:
 * applications received, answered or left open at the year's end (carried over), table A figures
 * whose 现行有效件数 follows from last year's, reconsiderations, and each year's texts. Section 五
 * of 东湖区民政局 in 2024 is its 2023 text again under the new year (a copy); all others are its own.
 * Returns the agency ids by name.
 */
export async function fillSeries(db: Database): Promise<Record<string, number>> {
  const actor = adminActor('series');
  const ids: Record<string, number> = {};
  const government = await createAgency(db, actor, { name: SERIES_AGENCIES[0] });
  ids[government.name] = government.id;
  for (const name of SERIES_AGENCIES.slice(1)) ids[name] = (await createAgency(db, actor, { name, parentId: government.id })).id;
  for (const [a, name] of SERIES_AGENCIES.entries()) {
    const agencyId = ids[name] as number;
    let inForce = 10 + a * 5;
    for (const year of SERIES_YEARS) {
      const n = 2 + ((a + year) % 4);
      for (let i = 0; i < n; i++) {
        const month = String(2 + i).padStart(2, '0');
        const app = await createApplication(db, actor, {
          agencyId,
          reference: `${year}-${String(i + 1).padStart(3, '0')}`,
          applicantKind: KINDS[(i + a) % KINDS.length] as string,
          applicantName: `申请人${a}${i}`,
          channel: 'in_person',
          submittedOn: `${year}-${month}-10`,
          content: `${name}${year}年第${i + 1}件申请的内容`,
        });
        await addEvent(db, actor, app.id, {
          kind: 'answered',
          onDate: `${year}-${month}-20`,
          data: { outcome: OUTCOMES[(i + year) % OUTCOMES.length] as string },
        });
      }
      // Received in late December, answered in January: carried over into the next year.
      for (let i = 0; i < 1 + ((a + year) % 2); i++) {
        const app = await createApplication(db, actor, {
          agencyId,
          reference: `${year}-9${i}`,
          applicantKind: i === 0 ? 'natural' : 'business',
          applicantName: `年末申请人${a}${i}`,
          channel: 'in_person',
          submittedOn: `${year}-12-2${i + 2}`,
          content: `${name}年末申请`,
        });
        if (year < 2024) await addEvent(db, actor, app.id, { kind: 'answered', onDate: `${year + 1}-01-1${i + 2}`, data: { outcome: 'granted' } });
      }
      const issued = (a + year) % 3;
      const repealed = (a + year) % 2;
      inForce += issued - repealed;
      await setProactive(db, actor, agencyId, year, {
        'a.rules.issued': 0,
        'a.rules.repealed': 0,
        'a.rules.in_force': 0,
        'a.normative.issued': issued,
        'a.normative.repealed': repealed,
        'a.normative.in_force': inForce,
        'a.licensing.decisions': 20 * a + (year % 10),
        'a.penalty.decisions': a + 1,
        'a.enforcement.decisions': 0,
        'a.fees.amount': 0,
      });
      if ((a + year) % 2 === 0) {
        const review = await addReview(db, actor, { agencyId, kind: 'review', filedOn: `${year}-05-06` });
        await closeReview(db, actor, review, a % 2 === 0 ? 'corrected' : 'upheld', `${year}-07-01`);
      }
      for (const section of [1, 5, 6]) {
        const text =
          name === '东湖区民政局' && year === 2024 && section === 5
            ? `${year}年，${seriesText(name, 2023, section)}`
            : `${year}年，${seriesText(name, year, section)}`;
        await setReportText(db, actor, agencyId, year, section, text);
      }
    }
  }
  return ids;
}

/** The series' reports computed from the register, every agency and year, in year order. */
export async function seriesReports(db: Database, ids: Record<string, number>): Promise<Report[]> {
  const actor = adminActor('series');
  const out: Report[] = [];
  for (const year of SERIES_YEARS) for (const name of SERIES_AGENCIES) out.push(await reportFromRegister(db, actor, ids[name] as number, year));
  return out;
}
