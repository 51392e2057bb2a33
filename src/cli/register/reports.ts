import { readFile, writeFile } from 'node:fs/promises';
import { formatDay, parseCalendarFile } from '../../calendar/index.ts';
import { loadConfig, redactUrl } from '../../config.ts';
import { backupFolder, MIGRATIONS, migrate, openDatabase, restoreFolder } from '../../db/index.ts';
import { AppError, isAppError } from '../../errors.ts';
import {
  agencyTree,
  auditTrail,
  describeAudit,
  dueList,
  findApplication,
  importCalendar,
  lockYear,
  openRegister,
  reportFromRegister,
  STATE_NAMES,
} from '../../register/index.ts';
import { renderChecked, type RenderTarget } from '../../render/render-checked.ts';
import { printFindings } from '../print-findings.ts';
import { agencyArg, cliActor, type GlobalOptions, printJson, say, withRegister } from './context.ts';

export interface ReportOptions extends GlobalOptions {
  agency: string;
  year: number;
  to: 'json' | RenderTarget;
  out?: string;
  includeDepartments?: boolean;
  force?: boolean;
}

/**
 * `gongkai report`: the year's report from the register, checked; every finding (errors and
 * warnings) is shown on stderr whatever the output format, and is in the JSON. Exit 1 when a
 * check found an error.
 */
export function report(_args: unknown[], o: ReportOptions): Promise<number> {
  return withRegister(o, async (db, actor) => {
    const agency = await agencyArg(db, o.agency);
    const r = await reportFromRegister(db, actor, agency.id, o.year, { includeChildren: o.includeDepartments ?? false });
    if (o.to !== 'json' && !o.out) throw new AppError('usage', `${o.to} 格式请用 --out 指定输出文件`);
    // Rendering is forced: a register's report is the register's truth; the findings say what to fix.
    const { bytes, findings } = await renderChecked(r, o.to, { force: true });
    if (findings.length) process.stderr.write(`${printFindings(`${agency.name} ${o.year}年`, findings)}\n`);
    if (o.out) {
      await writeFile(o.out, bytes);
      process.stderr.write(`已生成：${o.out}\n`);
    } else process.stdout.write(bytes);
    return findings.some((f) => f.severity === 'error') ? 1 : 0;
  });
}

/** `gongkai lock`. */
export function lock(_args: unknown[], o: GlobalOptions & { agency: string; year: number }): Promise<number> {
  return withRegister(o, async (db, actor) => {
    const agency = await agencyArg(db, o.agency);
    await lockYear(db, actor, agency.id, o.year);
    say(`已锁定「${agency.name}」${o.year}年度：此后影响该年度报告的修改一律拒绝`);
  });
}

/** `gongkai due`: applications due soon and overdue, each with its deadline's explanation. Exit 1 when one is overdue. */
export function due(_args: unknown[], o: GlobalOptions & { agency: string; days: number; today?: string; brief?: boolean }): Promise<number> {
  return withRegister(o, async (db, actor) => {
    const agency = await agencyArg(db, o.agency);
    const today = o.today ?? new Date().toISOString().slice(0, 10);
    const list = await dueList(db, actor, await agencyTree(db, agency.id), today, o.days);
    if (o.json) printJson(list);
    else if (list.length === 0) say(`没有${o.days}个工作日内到期或已超期的申请`);
    else
      for (const i of list) {
        const status = i.overdue ? `已超期${i.overdueDays}个工作日` : i.daysLeft === 0 ? '今天到期' : `还剩${i.daysLeft}个工作日`;
        say(
          `${i.reference ?? `#${i.id}`}  ${status}  期限 ${formatDay(i.due ?? '')}  申请人 ${i.applicant}  收到 ${formatDay(i.receivedOn)}  ${STATE_NAMES[i.state]}`,
          ...(o.brief ? [] : [...i.steps.map((s) => `    ${s}`), ...i.warnings.map((w) => `    注意：${w}`)]),
        );
      }
    return list.some((i) => i.overdue) ? 1 : 0;
  });
}

/** `gongkai audit`: who changed what and when, in Chinese; of one application by its 编号, or everything. */
export function audit(
  _args: unknown[],
  o: GlobalOptions & { agency?: string; case?: string; table?: string; limit: number; personal?: boolean },
): Promise<number> {
  return withRegister(o, async (db, actor) => {
    let applicationId: number | undefined;
    if (o.case) {
      if (!o.agency) throw new AppError('usage', '按编号查看时须用 --agency 指定机关');
      applicationId = (await findApplication(db, actor, (await agencyArg(db, o.agency)).id, o.case)).id;
    }
    const entries = await auditTrail(db, actor, {
      ...(applicationId !== undefined ? { applicationId } : {}),
      ...(o.table ? { table: o.table } : {}),
      limit: o.limit,
      personal: o.personal ?? false,
    });
    if (o.json) {
      printJson(entries);
      return;
    }
    if (entries.length === 0) say('没有修改记录');
    for (const e of entries) {
      const d = describeAudit(e);
      say(`${d.at}  ${d.actor}  ${d.what}`, ...d.changes.map((c) => `    ${c}`));
    }
  });
}

/** `gongkai calendar-import`. */
export function calendarImport(args: unknown[], o: GlobalOptions & { force?: boolean }): Promise<number> {
  return withRegister(o, async (db, actor) => {
    const file = String(args[0]);
    const parsed = parseCalendarFile(await readFile(file, 'utf8'));
    if ('problems' in parsed)
      throw new AppError('invalid', parsed.problems.map((p) => `第${p.line}行：${p.message}`).join('\n'), { problems: parsed.problems });
    try {
      await importCalendar(db, actor, parsed.days, parsed.years, file, { force: o.force ?? false });
    } catch (error) {
      if (isAppError(error, 'conflict') && 'years' in error.details) throw new AppError('conflict', `${error.message}：加 --force`, error.details);
      throw error;
    }
    say(`已导入 ${parsed.years.join('、')} 年的 ${parsed.days.length} 个特殊日期`);
  });
}

/** `gongkai db backup FILE`. */
export async function dbBackup(args: unknown[]): Promise<number> {
  const config = loadConfig();
  const file = String(args[0]);
  const size = await backupFolder(config.dataDir, file, config.databaseUrl);
  say(`已把数据目录 ${config.dataDir} 备份到 ${file}（${(size / 1048576).toFixed(1)} MB）`);
  return 0;
}

/** `gongkai db restore FILE`. */
export async function dbRestore(args: unknown[]): Promise<number> {
  const config = loadConfig();
  const file = String(args[0]);
  const aside = await restoreFolder(config.dataDir, file, config.databaseUrl);
  say(`已用 ${file} 恢复数据目录 ${config.dataDir}${aside ? `；原目录保留为 ${aside}` : ''}`);
  return 0;
}

/** `gongkai db migrate`. */
export async function dbMigrate(): Promise<number> {
  const db = await openDatabase({ migrate: false });
  try {
    const applied = await migrate(db);
    say(applied.length ? `已执行迁移：${applied.join('、')}` : `数据库已是最新（版本 ${MIGRATIONS.at(-1)?.version}）`);
    return 0;
  } finally {
    await db.close();
  }
}

/** `gongkai db info`: which database, where, which schema version, how much is in it. */
export async function dbInfo(_args: unknown[], o: GlobalOptions): Promise<number> {
  const config = loadConfig();
  const db = await openRegister();
  try {
    const count = async (table: string) => (await db.query<{ n: number }>(`select count(*)::int as n from ${table}`)).rows[0]?.n ?? 0;
    const version = (await db.query<{ v: number }>('select max(version)::int as v from schema_migrations')).rows[0]?.v ?? 0;
    const info = {
      kind: db.kind,
      location: config.databaseUrl ? redactUrl(config.databaseUrl) : config.dataDir,
      chosenBy: config.databaseUrl ? 'DATABASE_URL' : config.dataDirSource,
      schemaVersion: version,
      agencies: await count('agencies'),
      applications: await count('applications'),
      actor: cliActor(o).userId,
    };
    if (o.json) printJson(info);
    else
      say(
        `数据库：${db.kind === 'pglite' ? '内嵌 PGlite' : 'PostgreSQL'}`,
        `${db.kind === 'pglite' ? '数据目录' : '地址'}：${info.location}（${
          {
            DATABASE_URL: '由 DATABASE_URL 指定',
            GONGKAI_DATA: '由 GONGKAI_DATA 指定',
            XDG_DATA_HOME: '默认：$XDG_DATA_HOME/gongkai',
            HOME: '默认：~/.local/share/gongkai',
          }[info.chosenBy]
        }）`,
        `结构版本：${info.schemaVersion}`,
        `机关：${info.agencies} 个；申请：${info.applications} 件`,
        `当前用户：${info.actor}`,
      );
    return 0;
  } finally {
    await db.close();
  }
}
