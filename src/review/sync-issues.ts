import type { Queryable } from '../db/index.ts';
import type { Finding } from '../report/index.ts';

/**
 * The fingerprints of a report's findings, parallel to them: the rule and its sorted cell keys;
 * for a finding without keys, the message with its figures left out (a rule without keys may
 * fire twice, on different subjects, but its figures change when a cell is corrected). A
 * fingerprint seen twice in one list gets `#2`, `#3`.
 */
export function fingerprints(findings: readonly Finding[]): string[] {
  const seen = new Map<string, number>();
  return findings.map((f) => {
    const keys = [...(f.keys ?? [])].sort();
    const base = keys.length > 0 ? `${f.rule}|${keys.join(',')}` : `${f.rule}|${f.message.replace(/[\d.,，]+/g, '#').slice(0, 200)}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base}#${n}`;
  });
}

/**
 * Carries a report's current findings into its issues (in the caller's transaction): a new
 * fingerprint is inserted open; one no longer found turns `present = false`; one found again
 * turns present. The workflow's status, note and assignment are never touched here.
 */
export async function syncIssues(tx: Queryable, reportId: number, findings: readonly Finding[]): Promise<void> {
  const prints = fingerprints(findings);
  const rows = findings.map((f, i) => ({ fingerprint: prints[i], rule: f.rule, severity: f.severity, message: f.message, keys: f.keys ?? [] }));
  if (rows.length > 0) {
    await tx.query(
      `insert into review_issues (report_id, fingerprint, rule, severity, message, keys)
       select $1, f.fingerprint, f.rule, f.severity, f.message, array(select jsonb_array_elements_text(f.keys))
         from jsonb_to_recordset($2::jsonb) as f(fingerprint text, rule text, severity text, message text, keys jsonb)
       on conflict (report_id, fingerprint) do update
         set present = true, severity = excluded.severity, message = excluded.message, keys = excluded.keys, updated_at = now()
         where not review_issues.present or review_issues.message <> excluded.message or review_issues.severity <> excluded.severity`,
      [reportId, JSON.stringify(rows)],
    );
  }
  await tx.query(
    `update review_issues set present = false, updated_at = now()
      where report_id = $1 and present and not (fingerprint = any($2::text[]))`,
    [reportId, prints],
  );
}
