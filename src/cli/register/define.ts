import { readFile, writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import { parseCalendarFile } from '../calendar/index.ts';
import { hasErrors, runChecks } from '../check/index.ts';
import { AppError, type Database, MIGRATIONS, migrate, openDatabase } from '../db/index.ts';
import { reportJson } from '../report/index.ts';
import {
  agencyTree,
  auditTrail,
  createAgency,
  dueList,
  findAgency,
  importCalendar,
  importCases,
  loadCalendar,
  lockYear,
  openRegister,
  readCaseFile,
  reportFromRegister,
  STATE_NAMES,
} from '../register/index.ts';
import { printFindings } from './print-findings.ts';
import { renderTo, type Target } from './render.ts';

const ACTOR = process.env.GONGKAI_USER ?? process.env.USER ?? '命令行';

function year(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 2008 || n > 2100) throw new InvalidArgumentError('年度应为四位数字，如 2024');
  return n;
}

/** Runs a register command with the database open, turning refusals into one Chinese line and exit 2. */
async function withRegister(work: (db: Database) => Promise<number | undefined>): Promise<void> {
  let db: Database | undefined;
  try {
    db = await openRegister();
    process.exitCode = (await work(db)) ?? 0;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    process.stderr.write(`错误：${error.message}\n`);
    process.exitCode = 2;
  } finally {
    await db?.close();
  }
}

/** Adds the register commands (database, agencies, calendar, import, report, lock, due, audit). */
export function addRegisterCommands(program: Command): void {
  const dbCommand = program.command('db').description('数据库（默认内嵌 PGlite，数据目录 GONGKAI_DATA；设置 DATABASE_URL 则使用 PostgreSQL）');
  dbCommand
    .command('migrate')
    .description('建立或升级数据库结构')
    .action(async () => {
      const db = await openDatabase({ migrate: false });
      try {
        const applied = await migrate(db);
        console.log(applied.length ? `已执行迁移：${applied.join('、')}` : `数据库已是最新（版本 ${MIGRATIONS.at(-1)?.version}）`);
      } finally {
        await db.close();
      }
    });

  const agency = program.command('agency').description('机关');
  agency
    .command('add')
    .argument('<name>', '机关名称')
    .option('--parent <name>', '上级（如本级人民政府）')
    .description('添加机关')
    .action((name: string, o: { parent?: string }) =>
      withRegister(async (db) => {
        const a = await createAgency(db, ACTOR, name, o.parent);
        console.log(`已添加机关：${a.name}（编号 ${a.id}）`);
        return 0;
      }),
    );

  program
    .command('calendar-import')
    .argument('<file>', '节假日文件：每行「日期,休|班,名称」')
    .description('导入下一年度的放假和调休安排（国务院办公厅通知）')
    .action((file: string) =>
      withRegister(async (db) => {
        const parsed = parseCalendarFile(await readFile(file, 'utf8'));
        if ('problems' in parsed) throw new AppError('invalid', parsed.problems.map((p) => `第${p.line}行：${p.message}`).join('\n'));
        await importCalendar(db, ACTOR, parsed.days, parsed.years, file);
        console.log(`已导入 ${parsed.years.join('、')} 年的 ${parsed.days.length} 个特殊日期`);
        return 0;
      }),
    );

  program
    .command('import')
    .argument('<file>', 'CSV 或 XLSX，模板见 README')
    .requiredOption('--agency <name>', '机关名称')
    .description('导入申请台账（全部成功或全部不写入，逐行报告问题）')
    .action((file: string, o: { agency: string }) =>
      withRegister(async (db) => {
        const a = await findAgency(db, o.agency);
        const records = await readCaseFile(file);
        const n = await importCases(db, ACTOR, a.id, records, (done) => process.stderr.write(`已导入 ${done}/${records.length}\r`));
        process.stderr.write('\n');
        console.log(`已导入 ${n} 件申请到「${a.name}」`);
        return 0;
      }),
    );

  program
    .command('report')
    .requiredOption('--agency <name>', '机关名称')
    .requiredOption('--year <year>', '报告年度', year)
    .option('--to <format>', '输出：json|docx|pdf|html|md', 'json')
    .option('--out <file>', '输出文件（默认标准输出，docx/pdf 必须指定）')
    .option('--include-departments', '汇总所属部门（本级人民政府的报告）')
    .description('由台账生成年度报告（先核对）')
    .action((o: { agency: string; year: number; to: string; out?: string; includeDepartments?: boolean }) =>
      withRegister(async (db) => {
        const report = await reportFromRegister(db, o.agency, o.year, { includeChildren: o.includeDepartments ?? false });
        const findings = runChecks(report);
        if (hasErrors(findings)) process.stderr.write(`${printFindings(`${o.agency} ${o.year}年`, findings)}\n`);
        const bytes = o.to === 'json' ? `${JSON.stringify(reportJson(report, findings), null, 2)}\n` : await renderTo(report, o.to as Target);
        if (o.out) await writeFile(o.out, bytes);
        else if (typeof bytes === 'string') process.stdout.write(bytes);
        else throw new AppError('invalid', `${o.to} 格式请用 --out 指定输出文件`);
        if (o.out) process.stderr.write(`已生成：${o.out}\n`);
        return hasErrors(findings) ? 1 : 0;
      }),
    );

  program
    .command('lock')
    .requiredOption('--agency <name>', '机关名称')
    .requiredOption('--year <year>', '年度', year)
    .description('锁定已发布年度：此后影响该年度报告的修改一律拒绝')
    .action((o: { agency: string; year: number }) =>
      withRegister(async (db) => {
        const a = await findAgency(db, o.agency);
        await lockYear(db, ACTOR, a.id, o.year);
        console.log(`已锁定「${a.name}」${o.year}年度`);
        return 0;
      }),
    );

  program
    .command('due')
    .requiredOption('--agency <name>', '机关名称')
    .option('--days <n>', '即将到期的范围（工作日）', '5')
    .option('--today <date>', '以哪一天为今天（YYYY-MM-DD）')
    .description('列出即将到期和已超期的申请')
    .action((o: { agency: string; days: string; today?: string }) =>
      withRegister(async (db) => {
        const a = await findAgency(db, o.agency);
        const today = o.today ?? new Date().toISOString().slice(0, 10);
        const list = await dueList(db, await loadCalendar(db), await agencyTree(db, a.id), today, Number(o.days));
        if (list.length === 0) console.log('没有即将到期或已超期的申请');
        for (const i of list)
          console.log(
            `${i.overdue ? '已超期' : '将到期'}  #${i.id} ${i.reference ?? ''}  申请人 ${i.applicant}  收到 ${i.receivedOn}  期限 ${i.due}  ${STATE_NAMES[i.state]}`,
          );
        return list.some((i) => i.overdue) ? 1 : 0;
      }),
    );

  program
    .command('audit')
    .option('--table <name>', '表名，如 applications')
    .option('--id <key>', '记录编号')
    .option('--limit <n>', '条数', '50')
    .description('查看修改记录（谁、何时、修改前后）')
    .action((o: { table?: string; id?: string; limit: string }) =>
      withRegister(async (db) => {
        for (const e of await auditTrail(db, { ...(o.table ? { table: o.table } : {}), ...(o.id ? { rowKey: o.id } : {}), limit: Number(o.limit) })) {
          console.log(JSON.stringify(e));
        }
        return 0;
      }),
    );
}
