import { SCHEMA_V1 } from './schema-v1.ts';
import { SCHEMA_V2 } from './schema-v2.ts';
import { SCHEMA_V3 } from './schema-v3.ts';
import { SCHEMA_V4 } from './schema-v4.ts';
import { SCHEMA_V5 } from './schema-v5.ts';
import { SCHEMA_V6 } from './schema-v6.ts';
import { SCHEMA_V7 } from './schema-v7.ts';
import type { Database } from './types.ts';

/** Versioned migrations, applied in order, each in its own transaction. Never edit a released one. */
export const MIGRATIONS: readonly { version: number; name: string; sql: string }[] = [
  { version: 1, name: '台账基础结构', sql: SCHEMA_V1 },
  { version: 2, name: '用户与会话', sql: SCHEMA_V2 },
  { version: 3, name: '锁定覆盖所属部门、锁定与写入串行、日历年度审计', sql: SCHEMA_V3 },
  { version: 4, name: '文书与附件、登录失败记录', sql: SCHEMA_V4 },
  { version: 5, name: '申请列表与检索的索引', sql: SCHEMA_V5 },
  { version: 6, name: '年度报告采集与处理结果', sql: SCHEMA_V6 },
  { version: 7, name: '审阅：批次、报告、更正与问题清单', sql: SCHEMA_V7 },
];

/** Brings the schema up to date; returns the versions applied. */
export async function migrate(db: Database): Promise<number[]> {
  await db.query(
    'create table if not exists schema_migrations (version int primary key, name text not null, applied_at timestamptz not null default now())',
  );
  const done = new Set((await db.query<{ version: number }>('select version from schema_migrations')).rows.map((r) => r.version));
  const applied: number[] = [];
  for (const m of MIGRATIONS) {
    if (done.has(m.version)) continue;
    await db.transaction('migration', async (tx) => {
      // One statement per query keeps both drivers happy with parameters elsewhere.
      for (const statement of splitStatements(m.sql)) await tx.query(statement);
      await tx.query('insert into schema_migrations (version, name) values ($1, $2)', [m.version, m.name]);
    });
    applied.push(m.version);
  }
  return applied;
}

/** Splits SQL on semicolons outside $$-quoted bodies and strings; drops `--` comments. */
export function splitStatements(sql: string): string[] {
  sql = sql.replace(/^\s*--.*$/gm, '');
  const out: string[] = [];
  let current = '';
  let dollar = false;
  let quote = false;
  for (let i = 0; i < sql.length; i++) {
    const ch = sql[i] as string;
    if (!quote && sql.startsWith('$$', i)) {
      dollar = !dollar;
      current += '$$';
      i++;
      continue;
    }
    if (!dollar && ch === "'") quote = !quote;
    if (ch === ';' && !dollar && !quote) {
      if (current.trim()) out.push(current.trim());
      current = '';
    } else current += ch;
  }
  if (current.trim()) out.push(current.trim());
  return out;
}
