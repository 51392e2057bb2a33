// `npm run bench`: prints throughput and memory figures. Nothing here asserts a time.
import { cpus } from 'node:os';
import { benchBatch } from './batch.ts';
import { benchCliStart } from './cli-start.ts';
import { benchFormats, benchRender } from './formats.ts';
import { benchPdf } from './pdf.ts';
import { benchQueue } from './queue.ts';
import { benchRegister } from './register.ts';
import { benchText } from './text.ts';

console.log(`# gongkai 基准测试  Node ${process.version}  ${cpus().length} 核  ${cpus()[0]?.model ?? ''}`);
const only = process.argv[2];
if (!only || only === 'start') await benchCliStart();
if (!only || only === 'text') benchText();
if (!only || only === 'formats') await benchFormats();
if (!only || only === 'pdf') await benchPdf();
if (!only || only === 'render') await benchRender();
if (!only || only === 'batch') await benchBatch();
if (!only || only === 'register') await benchRegister();
if (!only || only === 'queue') await benchQueue();
