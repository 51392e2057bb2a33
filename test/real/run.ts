// Runs the real-document suite (seeds and corpus read in place from ../shared), or says
// plainly that it was not run when those documents are not on this machine.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { hasShared, SHARED } from './shared.ts';

if (!hasShared()) {
  console.log(`real-document suite NOT RUN: ${SHARED} (seeds/, corpus/) is not present on this machine.`);
  console.log('真实文档测试未运行：本机没有 ../shared/ 目录（种子报告与语料）。');
  process.exit(0);
}
const dir = fileURLToPath(new URL('.', import.meta.url));
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.test.ts'))
  .sort()
  .map((f) => `${dir}${f}`);
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', ...files], { stdio: 'inherit' });
process.exit(result.status ?? 1);
