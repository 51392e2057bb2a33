import { Command } from 'commander';
import { check } from './check.ts';
import { extract } from './extract.ts';

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
    .description('提取年度报告的三张表格、机关名称、年度和格式')
    .argument('<files...>', '报告文件')
    .option('--json', '每个文件输出一行 JSON')
    .option('--csv', '输出长表 CSV：file,key,value,raw')
    .action(async (files: string[], options) => {
      process.exitCode = await extract(files, options);
    });
  program
    .command('check')
    .description('核对年度报告：勾稽关系、空白单元格、缺表缺行、正文与表格一致性等')
    .argument('<files...>', '报告文件')
    .option('--json', '每个文件输出一行 JSON（含 findings）')
    .action(async (files: string[], options) => {
      process.exitCode = await check(files, options);
    });
  return program;
}

await buildProgram().parseAsync(process.argv);
