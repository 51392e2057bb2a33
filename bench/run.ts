// `npm run bench`: prints throughput and memory figures. Nothing here asserts a time.
import { cpus } from 'node:os';
import { benchText } from './text.ts';

console.log(`# gongkai 基准测试  Node ${process.version}  ${cpus().length} 核  ${cpus()[0]?.model ?? ''}`);
benchText();
