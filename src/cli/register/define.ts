// The register's commands as the user sees them: names, arguments, options, help. Only
// commander here; each action loads its implementation when it runs, so `--help` and the
// other commands start fast.
import { type Command, InvalidArgumentError, Option } from 'commander';

type Action = (args: unknown[], options: never) => Promise<number>;

/** An action that loads its implementation on use and sets the exit code from it. */
export function lazy(load: () => Promise<Action>) {
  return async (...received: unknown[]): Promise<void> => {
    const command = received.at(-1) as Command;
    const args = received.slice(0, -2);
    const run = await load();
    process.exitCode = await run(args, command.optsWithGlobals() as never);
  };
}

/** A year option's value. */
export function yearValue(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 2008 || n > 2100) throw new InvalidArgumentError('年度应为四位数字，如 2024');
  return n;
}

/** A date option's value. */
export function dateValue(value: string): string {
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(value.trim());
  if (!m) throw new InvalidArgumentError('日期应为 YYYY-MM-DD，如 2024-03-01');
  return `${m[1]}-${(m[2] as string).padStart(2, '0')}-${(m[3] as string).padStart(2, '0')}`;
}

function intValue(min: number, max: number, what: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min || n > max) throw new InvalidArgumentError(`${what}应为 ${min} 到 ${max} 之间的整数`);
    return n;
  };
}

function numberValue(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new InvalidArgumentError('应为非负数');
  return n;
}

const agency = () => new Option('--agency <name>', '机关名称（或编号）').makeOptionMandatory();
const year = () => new Option('--year <year>', '年度').argParser(yearValue).makeOptionMandatory();
const json = () => new Option('--json', '输出 JSON（供脚本使用）');
const cases = () => import('./cases.ts');
const figures = () => import('./figures.ts');
const reports = () => import('./reports.ts');

/** Adds the register commands: db, agency, case, import, proactive, review, text, fee, report, lock, due, audit, calendar-import. */
export function addRegisterCommands(program: Command): void {
  const db = program
    .command('db')
    .description(
      '数据库：默认内嵌 PGlite，数据目录为 $XDG_DATA_HOME/gongkai 或 ~/.local/share/gongkai（GONGKAI_DATA 可改）；设置 DATABASE_URL 则使用 PostgreSQL',
    );
  db.command('migrate')
    .description('建立或升级数据库结构')
    .action(lazy(async () => (await reports()).dbMigrate));
  db.command('backup')
    .description('把内嵌数据库（数据目录）备份为一个文件（使用 DATABASE_URL 时请用 pg_dump）')
    .argument('<file>', '备份文件，如 gongkai-2025-01-31.tar.gz')
    .action(lazy(async () => (await reports()).dbBackup));
  db.command('restore')
    .description('用备份文件恢复内嵌数据库：现有数据目录改名保留，不会删除')
    .argument('<file>', 'gongkai db backup 生成的备份文件')
    .action(lazy(async () => (await reports()).dbRestore));
  db.command('info')
    .description('显示所用数据库、数据目录、结构版本和记录数')
    .addOption(json())
    .action(lazy(async () => (await reports()).dbInfo));

  const ag = program.command('agency').description('机关');
  ag.command('add')
    .description('添加机关')
    .argument('<name>', '机关名称')
    .option('--parent <name>', '上级机关（如本级人民政府）')
    .addOption(json())
    .action(lazy(async () => (await figures()).agencyAdd));
  ag.command('list')
    .description('列出机关（按上下级）')
    .addOption(json())
    .action(lazy(async () => (await figures()).agencyList));

  const c = program.command('case').description('依申请公开的申请：登记、查询、记录办理环节');
  c.command('add')
    .description('登记收到的申请（收到日期按条例第三十一条确定）')
    .addOption(agency())
    .option('--ref <编号>', '本机关的申请编号')
    .requiredOption('--kind <类型>', '申请人类型：自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他')
    .requiredOption('--applicant <姓名或名称>', '申请人')
    .option('--contact <联系方式>', '联系方式')
    .requiredOption('--channel <方式>', '提交方式：当面、挂号信、快递、平信、网络、传真、其他')
    .requiredOption('--submitted <日期>', '提交日期', dateValue)
    .option('--confirmed <日期>', '签收或确认日期（挂号信、平信、网络、传真提交时必填）', dateValue)
    .requiredOption('--content <内容>', '申请内容')
    .addOption(json())
    .action(lazy(async () => (await cases()).caseAdd));
  c.command('list')
    .description('列出申请')
    .addOption(agency())
    .option('--year <year>', '只列出计入该年度报告的申请', yearValue)
    .option('--open', '只列出未办结的申请')
    .addOption(json())
    .action(lazy(async () => (await cases()).caseList));
  c.command('show')
    .description('查看一件申请：办理过程、答复期限及其计算过程')
    .argument('<编号>', '申请编号（无编号时用 #内部编号）')
    .addOption(agency())
    .option('--personal', '显示申请人完整姓名和联系方式')
    .addOption(json())
    .action(lazy(async () => (await cases()).caseShow));
  c.command('event')
    .description('记录办理环节；条例不允许的环节会被拒绝并说明原因')
    .argument('<编号>', '申请编号（无编号时用 #内部编号）')
    .argument('<环节>', '补正（告知补正）、收到补正、逾期未补正、征求意见、收到意见、延期、收费通知、缴费、逾期未缴费、答复、撤回')
    .addOption(agency())
    .option('--date <日期>', '环节发生的日期（默认今天）', dateValue)
    .option('--outcome <结果>', '答复：表三的办理结果，如「予以公开」「部分公开」「不予公开-保护第三方合法权益」')
    .option('--days <n>', '延期：延长的工作日数（默认 20）', intValue(1, 20, '延长期限'))
    .option('--approver <姓名>', '延期：批准人（政府信息公开工作机构负责人）')
    .option('--items <内容>', '补正：需要补正的全部内容')
    .option('--party <对象>', '征求意见：第三方或其他机关')
    .option('--amount <元>', '收费通知、缴费：金额（元）', numberValue)
    .option('--method <方式>', '收费通知：按件、按量')
    .option('--reason <原因>', '撤回等：原因')
    .addOption(json())
    .action(lazy(async () => (await cases()).caseEvent));

  program
    .command('import')
    .description('导入申请台账（全部成功或全部不写入，逐行报告问题）')
    .argument('<file>', 'CSV 或 XLSX，模板见 README')
    .addOption(agency())
    .action(lazy(async () => (await cases()).caseImport));

  const p = program.command('proactive').description('表二：主动公开政府信息情况');
  p.command('set')
    .description('填写表二的数值（全部成功或全部不写入）')
    .argument('<键=数值...>', '如 a.rules.issued=2 a.fees.amount=1.25')
    .addOption(agency())
    .addOption(year())
    .action(lazy(async () => (await figures()).proactiveSet));
  p.command('show')
    .description('查看表二的数值')
    .addOption(agency())
    .addOption(year())
    .addOption(json())
    .action(lazy(async () => (await figures()).proactiveShow));

  const r = program.command('review').description('表四：行政复议、行政诉讼');
  r.command('add')
    .description('登记行政复议或行政诉讼（审结前计为「尚未审结」）')
    .addOption(agency())
    .requiredOption('--kind <类型>', '复议、直接起诉（未经复议直接起诉）、复议后起诉')
    .requiredOption('--filed <日期>', '收到复议申请或起诉的日期', dateValue)
    .option('--case <编号>', '涉及的申请编号')
    .option('--note <备注>', '备注')
    .addOption(json())
    .action(lazy(async () => (await figures()).reviewAdd));
  r.command('close')
    .description('登记审结结果')
    .argument('<id>', '复议或诉讼的编号（review add 给出）')
    .requiredOption('--result <结果>', '维持、纠正、其他')
    .requiredOption('--date <日期>', '审结日期', dateValue)
    .action(lazy(async () => (await figures()).reviewClose));
  r.command('list')
    .description('列出行政复议、行政诉讼')
    .addOption(agency())
    .option('--year <year>', '只列出该年度收到的', yearValue)
    .addOption(json())
    .action(lazy(async () => (await figures()).reviewList));

  const t = program.command('text').description('报告各部分的正文（一至六）');
  t.command('set')
    .description('填写某部分的正文')
    .argument('[正文]', '正文（或用 --file）')
    .addOption(agency())
    .addOption(year())
    .addOption(new Option('--section <n>', '部分：1 总体情况 … 6 其他需要报告的事项').argParser(intValue(1, 6, '部分')).makeOptionMandatory())
    .option('--file <file>', '从 UTF-8 文本文件读取正文')
    .action(lazy(async () => (await figures()).textSet));
  t.command('show')
    .description('查看各部分的正文')
    .addOption(agency())
    .addOption(year())
    .addOption(json())
    .action(lazy(async () => (await figures()).textShow));

  program
    .command('fee')
    .description('信息处理费')
    .command('quote')
    .description('计算一件申请的信息处理费（国办函〔2020〕109号）')
    .argument('<编号>', '申请编号')
    .addOption(agency())
    .requiredOption('--method <方式>', '按件、按量')
    .option('--pages <n>', '按量：页数', intValue(0, 1_000_000, '页数'))
    .addOption(json())
    .action(lazy(async () => (await figures()).feeQuote));

  program
    .command('report')
    .description('由台账生成年度报告并核对；所有问题（错误和警告）都显示在标准错误输出上')
    .addOption(agency())
    .addOption(year())
    .addOption(new Option('--to <format>', '输出格式').choices(['json', 'docx', 'pdf', 'html', 'md']).default('json'))
    .option('--out <file>', '输出文件（默认标准输出；docx、pdf 必须指定）')
    .option('--include-departments', '汇总所属部门（本级人民政府的报告）')
    .action(lazy(async () => (await reports()).report));

  program
    .command('lock')
    .description('锁定已发布年度：此后影响该年度报告的修改一律拒绝')
    .addOption(agency())
    .addOption(year())
    .action(lazy(async () => (await reports()).lock));

  program
    .command('due')
    .description('列出即将到期和已超期的申请，附答复期限的计算过程（有超期时退出码为 1）')
    .addOption(agency())
    .option('--days <n>', '即将到期的范围（工作日）', intValue(0, 60, '天数'), 5)
    .option('--today <date>', '以哪一天为今天', dateValue)
    .option('--brief', '不显示计算过程')
    .addOption(json())
    .action(lazy(async () => (await reports()).due));

  program
    .command('audit')
    .description('查看修改记录：谁、何时、改了什么')
    .option('--agency <name>', '机关名称（与 --case 同用）')
    .option('--case <编号>', '只看这件申请及其办理环节')
    .option('--table <name>', '只看一类记录（applications、application_events、proactive_stats、reviews、report_texts …）')
    .option('--limit <n>', '条数', intValue(1, 100_000, '条数'), 50)
    .option('--personal', '显示申请人完整姓名和联系方式')
    .addOption(json())
    .action(lazy(async () => (await reports()).audit));

  program
    .command('calendar-import')
    .description('导入下一年度的放假和调休安排（国务院办公厅通知）')
    .argument('<file>', '节假日文件：每行「日期,休|班,名称」')
    .option('--force', '更正已过去或已锁定年度的日历（改变已计算的期限，记入修改记录）')
    .action(lazy(async () => (await reports()).calendarImport));
}
