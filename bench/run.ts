// `npm run bench`: prints throughput and memory figures. Nothing here asserts a time.
// `npm run bench <name>` runs one part; `npm run bench no-<name> …` runs all but those.
import { cpus } from 'node:os';
import { benchBatch } from './batch.ts';
import { benchCliStart } from './cli-start.ts';
import { benchCompare } from './compare.ts';
import { benchFormats, benchRender } from './formats.ts';
import { benchHttp } from './http.ts';
import { benchOcr } from './ocr.ts';
import { benchPdf } from './pdf.ts';
import { benchQueue } from './queue.ts';
import { benchRegister } from './register.ts';
import { benchReview } from './review.ts';
import { benchText } from './text.ts';

console.log(`# gongkai 基准测试  Node ${process.version}  ${cpus().length} 核  ${cpus()[0]?.model ?? ''}`);
const args = process.argv.slice(2);
const only = args.find((a) => !a.startsWith('no-'));
const skip = new Set(args.filter((a) => a.startsWith('no-')).map((a) => a.slice(3)));
const run = (name: string) => (!only || only === name) && !skip.has(name);
if (run('start')) await benchCliStart();
if (run('text')) benchText();
if (run('formats')) await benchFormats();
if (run('pdf')) await benchPdf();
if (run('render')) await benchRender();
if (run('batch')) await benchBatch();
if (run('register')) await benchRegister();
if (run('http')) await benchHttp();
if (run('compare')) await benchCompare();
if (run('queue')) await benchQueue();
if (run('review')) await benchReview();
if (run('ocr')) await benchOcr();
