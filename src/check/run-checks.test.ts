import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { test } from 'node:test';
import { randomReport } from '../testing/random-report.ts';
import { hasErrors, RULES, runChecks } from './run-checks.ts';

test('every rule file is registered, under its file name', () => {
  const files = readdirSync(new URL('./rules/', import.meta.url))
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .map((f) => f.replace(/\.ts$/, ''));
  assert.deepEqual(RULES.map((r) => r.id).sort(), files.sort());
});

test('random valid reports of both editions have no finding at all', () => {
  for (let seed = 1; seed <= 200; seed++) {
    const findings = runChecks(randomReport(seed));
    assert.deepEqual(findings, [], `seed ${seed}`);
  }
});

test('errors sort first and hasErrors sees them', () => {
  const report = randomReport(9, { format: '2021' });
  report.tables.c.status = 'absent';
  report.sections = report.sections.filter((s) => s.id !== 6);
  const findings = runChecks(report);
  assert.equal(findings[0]?.severity, 'error');
  assert.equal(findings.at(-1)?.severity, 'warning');
  assert.ok(hasErrors(findings));
});
