/** Checks over reports: one rule per file, each a pure function with an id. */

export type { Rule } from './rule.ts';
export { hasErrors, RULES, runChecks } from './run-checks.ts';
export { NEARLY_SAME, nearlySame, normaliseText, textSimilarity } from './text-similarity.ts';
