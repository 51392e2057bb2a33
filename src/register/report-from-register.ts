import { APPLICANT_PARTS, cellSpecs, FORMAT_2021, SECTIONS } from '../format/index.ts';
import type { Queryable } from '../db/index.ts';
import { buildReport, type Report, type Section } from '../report/index.ts';
import { type Actor, assertRead } from './actor.ts';
import { agencyTree, findAgency } from './agencies.ts';

/**
 * The annual report of an agency (with its departments when `includeChildren`) computed from
 * the register: table B from applications (new = received in the year; carried in = received
 * before and open on 1 January; outcomes = closed in the year; carried out = open on 31
 * December), table A from the proactive register, table C from reconsiderations and lawsuits
 * filed in the year (results as of 31 December), sections from the stored texts. Table B's
 * identities hold by construction: every case counted in 一 or 二 is closed in the year or
 * still open at its end.
 */
export async function reportFromRegister(
  db: Queryable,
  actor: Actor,
  agencyId: number,
  year: number,
  options: { includeChildren?: boolean } = {},
): Promise<Report> {
  assertRead(actor, agencyId);
  const agency = await findAgency(db, agencyId);
  const ids = options.includeChildren ? await agencyTree(db, agency.id) : [agency.id];
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  const values: Record<string, number> = Object.fromEntries(cellSpecs(FORMAT_2021).map((s) => [s.key, 0]));

  const counts = await db.query<{ kind: string; fresh: number; carried_in: number; carried_out: number }>(
    `select applicant_kind as kind,
       count(*) filter (where received_on between $2 and $3)::int as fresh,
       count(*) filter (where received_on < $2 and (closed_on is null or closed_on >= $2))::int as carried_in,
       count(*) filter (where closed_on is null or closed_on > $3)::int as carried_out
     from applications where agency_id = any($1::int[]) and received_on <= $3 and (closed_on is null or closed_on >= $2)
     group by applicant_kind`,
    [ids, start, end],
  );
  for (const r of counts.rows) {
    values[`b.new.${r.kind}`] = r.fresh;
    values[`b.carried_in.${r.kind}`] = r.carried_in;
    values[`b.carried_out.${r.kind}`] = r.carried_out;
  }
  const outcomes = await db.query<{ kind: string; outcome: string; n: number }>(
    `select applicant_kind as kind, outcome, count(*)::int as n from applications
     where agency_id = any($1::int[]) and closed_on between $2 and $3 group by applicant_kind, outcome`,
    [ids, start, end],
  );
  for (const r of outcomes.rows) {
    values[`b.${r.outcome}.${r.kind}`] = (values[`b.${r.outcome}.${r.kind}`] ?? 0) + r.n;
    values[`b.total.${r.kind}`] = (values[`b.total.${r.kind}`] ?? 0) + r.n;
  }
  for (const row of new Set(cellSpecs(FORMAT_2021, 'b').map((s) => s.row.key))) {
    values[`b.${row}.total`] = APPLICANT_PARTS.reduce((sum, c) => sum + (values[`b.${row}.${c}`] ?? 0), 0);
  }

  const stats = await db.query<{ key: string; value: number }>(
    'select key, sum(value)::float8 as value from proactive_stats where agency_id = any($1::int[]) and year = $2 group by key',
    [ids, year],
  );
  for (const s of stats.rows) values[s.key] = s.value;

  const reviews = await db.query<{ kind: string; result: string; n: number }>(
    `select kind, case when closed_on is not null and closed_on <= $3 then result else 'pending' end as result, count(*)::int as n
     from reviews where agency_id = any($1::int[]) and filed_on between $2 and $3 group by 1, 2`,
    [ids, start, end],
  );
  for (const r of reviews.rows) {
    values[`c.${r.kind}.${r.result}`] = (values[`c.${r.kind}.${r.result}`] ?? 0) + r.n;
    values[`c.${r.kind}.total`] = (values[`c.${r.kind}.total`] ?? 0) + r.n;
  }

  const texts = await db.query<{ section: number; text: string }>('select section, text from report_texts where agency_id = $1 and year = $2', [
    agency.id,
    year,
  ]);
  const sections: Section[] = SECTIONS.map((s) => ({ id: s.id, heading: s.heading, text: texts.rows.find((t) => t.section === s.id)?.text ?? '' }));
  return buildReport({
    format: '2021',
    values,
    sections,
    meta: { agency: agency.name, year, source: { file: `台账：${agency.name} ${year}年`, kind: 'register' } },
  });
}
