import { Command, InvalidArgumentError } from 'commander';
import { check } from './check.ts';
import { extract } from './extract.ts';
import { addRegisterCommands } from './register-commands.ts';
import { render, TARGETS, type Target } from './render.ts';

function parseWorkers(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 64) throw new InvalidArgumentError('线程数应为 0 到 64 之间的整数');
  return n;
}

/** Builds the `gongkai` command line. */
export function buildProgram(): Command {
  const program = new Command('gongkai')
    .description('政府信息公开工作年度报告：提取表格、核对勾稽关系、生成报告')
    .version('0.1.0', '-v, --version', '显示版本号')
    .helpOption('-h, --help', '显示帮助')
    .helpCommand('help [command]', '显示某个命令的帮助')
    .showHelpAfterError('（使用 gongkai --help 查看用法）');
  program
    .command('extract')
    .description('提取年度报告的三张表格、机关名称、年度和格式（文本、HTML、DOCX、PDF）')
    .argument('<files...>', '报告文件或目录')
    .option('--json', '每个文件输出一行 JSON')
    .option('--csv', '输出长表 CSV：file,key,value,raw')
    .option('-r, --recursive', '读取目录及其子目录中的报告')
    .option('-o, --out <file>', '把结果写入文件：.jsonl（JSON Lines）、.csv（长表）或 .xlsx（每份报告一行，另附问题表）')
    .option('-j, --workers <n>', '并行线程数（默认：文件多时用全部 CPU 核）', parseWorkers)
    .action(async (files: string[], options) => {
      process.exitCode = await extract(files, options);
    });
  program
    .command('check')
    .description('核对年度报告：勾稽关系、空白单元格、缺表缺行、正文与表格一致性等')
    .argument('<files...>', '报告文件或目录')
    .option('--json', '每个文件输出一行 JSON（含 findings）')
    .option('-r, --recursive', '读取目录及其子目录中的报告')
    .option('-o, --out <file>', '把结果写入文件：.jsonl、.csv 或 .xlsx（含问题表）')
    .option('-j, --workers <n>', '并行线程数（默认：文件多时用全部 CPU 核）', parseWorkers)
    .action(async (files: string[], options) => {
      process.exitCode = await check(files, options);
    });
  program
    .command('render')
    .description('按国家标准版式生成年度报告：DOCX、PDF、HTML 或 Markdown（先核对，有错误时不生成）')
    .argument('<report>', '报告 JSON（extract --json 的格式，含各章节正文），或 extract 能读取的任何报告文件')
    .requiredOption('--to <format>', `输出格式：${TARGETS.join('|')}`, (v: string) => {
      if (!(TARGETS as readonly string[]).includes(v)) throw new InvalidArgumentError(`输出格式应为 ${TARGETS.join('、')} 之一`);
      return v as Target;
    })
    .option('--out <file>', '输出文件（- 为标准输出）；默认为当前目录下同名文件')
    .option('--force', '即使核对有错误也生成')
    .action(async (file: string, options) => {
      process.exitCode = await render(file, options);
    });
  addRegisterCommands(program);
  return program;
}

await buildProgram().parseAsync(process.argv);
