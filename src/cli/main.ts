// The command line. Only commander and the command definitions load at start; each command's
// implementation (readers, checks, renderers, the database) is imported when it runs.
import { type Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { ERROR_CODES } from '../errors.ts';
import { ChineseCommand } from './chinese.ts';
import { reportError } from './fail.ts';
import { addQueueCommands } from './queue-commands.ts';
import { addRegisterCommands, lazy } from './register/define.ts';

const VERSION = '0.1.0';

function parseWorkers(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 64) throw new InvalidArgumentError('线程数应为 0 到 64 之间的整数');
  return n;
}

function parsePort(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError('端口应为 0 到 65535 之间的整数');
  return n;
}

function parseLevel(value: string): 'government' | 'department' {
  if (['人民政府', '政府', 'government'].includes(value)) return 'government';
  if (['部门', 'department'].includes(value)) return 'department';
  throw new InvalidArgumentError('层级应为「人民政府」或「部门」');
}

function parseTop(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 10000) throw new InvalidArgumentError('条数应为 1 到 10000 之间的整数');
  return n;
}

/** Builds the `gongkai` command line. */
export function buildProgram(): Command {
  const program = new ChineseCommand('gongkai')
    .description('政府信息公开：依申请公开台账与法定期限、年度报告的生成、提取与核对')
    .version(VERSION, '-v, --version', '显示版本号')
    .helpCommand('help [command]', '显示某个命令的帮助')
    .option('--actor <name>', '以谁的名义操作（记入修改记录；默认为当前系统用户）');
  program
    .command('demo')
    .description('演示：建立一个示例台账，由它生成年度报告，核对并输出 DOCX、HTML、Markdown（有 Chromium 时还有 PDF）')
    .option('--out <dir>', '输出目录', 'gongkai-demo')
    .action(lazy(async () => (await import('./demo.ts')).demo));
  program
    .command('extract')
    .description('提取年度报告的三张表格、机关名称、年度和格式（文本、HTML、DOCX、PDF）')
    .argument('<files...>', '报告文件或目录')
    .option('--json', '每个文件输出一行 JSON')
    .option('--csv', '输出长表 CSV：file,key,value,raw')
    .option('-r, --recursive', '读取目录及其子目录中的报告')
    .option('-o, --out <file>', '把结果写入文件：.jsonl（JSON Lines）、.csv（长表）或 .xlsx（每份报告一行，另附问题表）')
    .option('-j, --workers <n>', '并行线程数（默认：文件多时用全部 CPU 核）', parseWorkers)
    .action(lazy(async () => async (args, o) => (await import('./extract.ts')).extract(args[0] as string[], o)));
  program
    .command('check')
    .description('核对年度报告：勾稽关系、空白单元格、缺表缺行、正文与表格一致性等')
    .argument('<files...>', '报告文件或目录')
    .option('--json', '每个文件输出一行 JSON（含 findings）')
    .option('-r, --recursive', '读取目录及其子目录中的报告')
    .option('-o, --out <file>', '把结果写入文件：.jsonl、.csv 或 .xlsx（含问题表）')
    .option('-j, --workers <n>', '并行线程数（默认：文件多时用全部 CPU 核）', parseWorkers)
    .action(lazy(async () => async (args, o) => (await import('./check.ts')).check(args[0] as string[], o)));
  program
    .command('render')
    .description('按国家标准版式生成年度报告：DOCX、PDF、HTML 或 Markdown（先核对，有错误时不生成）')
    .argument('<report>', '报告 JSON（extract --json 的格式，含各章节正文），或 extract 能读取的任何报告文件')
    .addOption(new Option('--to <format>', '输出格式').choices(['docx', 'pdf', 'html', 'md']).makeOptionMandatory())
    .option('--out <file>', '输出文件（- 为标准输出）；默认为当前目录下同名文件')
    .option('--force', '即使核对有错误也生成')
    .action(lazy(async () => async (args, o) => (await import('./render.ts')).render(args[0] as string, o)));
  program
    .command('compare')
    .description('比较同一机关相邻年度的报告：各单元格变化（变化大的在前）、正文逐句差异、与上年及同年度其他机关报告的雷同程度、跨年度核对')
    .argument('<files...>', '报告文件或目录（同一机关的多个年度，可含其他机关同年度的报告）')
    .option('--json', '输出 JSON')
    .option('-o, --out <file>', '把结果写入文件：.json 或 .xlsx')
    .option('-r, --recursive', '读取目录及其子目录中的报告')
    .option('--level <level>', '机关层级：人民政府或部门（默认按名称判断）', parseLevel)
    .option('--top <n>', '列出变化最大的单元格数（默认 10）', parseTop)
    .option('--dates <csv>', '公布日期：CSV，每行「文件,日期」；未列出的报告用文中所署日期')
    .option('-j, --workers <n>', '并行线程数（默认：文件多时用全部 CPU 核）', parseWorkers)
    .action(lazy(async () => async (args, o) => (await import('./compare.ts')).compare(args[0] as string[], o)));
  program
    .command('aggregate')
    .description('汇总一批报告：各单元格合计（按年度，可再按层级）、排名、有问题的机关')
    .argument('<dirs...>', '报告目录或文件')
    .addOption(new Option('--by <group>', '再按层级（人民政府、部门）分组').choices(['level']))
    .option('--json', '输出 JSON')
    .option('-o, --out <file>', '把结果写入文件：.json 或 .xlsx（每份报告一行，另附汇总、排名、问题表）')
    .option('-r, --recursive', '读取目录及其子目录中的报告')
    .option('--level <level>', '所有报告的机关层级：人民政府或部门（默认按名称判断）', parseLevel)
    .option('--top <n>', '排名和问题列出的条数（默认 10）', parseTop)
    .option('--dates <csv>', '公布日期：CSV，每行「文件,日期」；未列出的报告用文中所署日期')
    .option('-j, --workers <n>', '并行线程数（默认：文件多时用全部 CPU 核）', parseWorkers)
    .action(lazy(async () => async (args, o) => (await import('./aggregate.ts')).aggregateCommand(args[0] as string[], o)));
  addRegisterCommands(program);
  program
    .command('serve')
    .description('启动网页服务（空数据库上先创建演示数据和演示账号；--no-demo 则创建系统管理员并显示一次性密码）')
    .option('--host <host>', '监听地址（默认 127.0.0.1，或 GONGKAI_HOST）')
    .option('--port <port>', '端口（默认 8600，或 GONGKAI_PORT；0 为任一空闲端口）', parsePort)
    .option('--no-demo', '正式使用：空数据库上不创建演示数据，而是创建系统管理员')
    .action(lazy(async () => (await import('./serve.ts')).serve));
  addQueueCommands(program);
  const user = program.command('user').description('网页服务的用户：录入员、审核人、管理员、审阅人');
  user
    .command('add')
    .description('添加用户，生成一次性密码（只显示一次，首次登录后须修改）')
    .argument('<username>', '用户名')
    .requiredOption('--role <role>', '角色：录入员、审核人、管理员、审阅人')
    .option('--agency <name>', '所属机关（可访问该机关及其下属机关）；管理员不指定则管理全部机关')
    .option('--name <name>', '姓名（默认同用户名）')
    .action(lazy(async () => (await import('./user.ts')).userAdd));
  user
    .command('list')
    .description('列出用户')
    .option('--json', '输出 JSON（供脚本使用）')
    .action(lazy(async () => (await import('./user.ts')).userList));
  return program;
}

/** Runs the command line; every refusal becomes one Chinese line on stderr and its exit code. */
export async function main(argv: readonly string[] = process.argv): Promise<void> {
  try {
    await buildProgram().parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      // commander has already printed the help, the version, or the (translated) message.
      process.exitCode = error.exitCode === 0 ? 0 : ERROR_CODES.usage.exit;
    } else process.exitCode = reportError(error);
  }
}
