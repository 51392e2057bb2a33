/**
 * The page style of official documents (GB/T 9704): A4, margins 37/26/35/28 mm, title in a
 * 小标宋-style face at 2号 (22pt), body in a 仿宋-style face at 3号 (16pt), headings in 黑体.
 * The official font names come first; fontconfig maps them to Noto CJK where absent.
 */
export const REPORT_CSS = `
@page { size: A4; margin: 37mm 26mm 35mm 28mm; }
html { font-family: "仿宋_GB2312", "仿宋", "FangSong", "Noto Serif CJK SC", serif; font-size: 16pt; line-height: 1.75; color: #000; }
body { margin: 0; }
.report { max-width: 156mm; margin: 0 auto; padding: 1em 0; }
h1 { font-family: "方正小标宋简体", "FZXiaoBiaoSong-B05S", "Noto Serif CJK SC", serif; font-size: 22pt; font-weight: normal; text-align: center; line-height: 1.5; margin: 0 0 1em; }
h2 { font-family: "黑体", "SimHei", "Noto Sans CJK SC", sans-serif; font-size: 16pt; font-weight: normal; margin: 0.6em 0 0.2em; text-indent: 2em; break-after: avoid; page-break-after: avoid; }
p { margin: 0; text-indent: 2em; text-align: justify; }
table { width: 100%; table-layout: fixed; border-collapse: collapse; margin: 0.5em 0 1em; font-size: 10.5pt; line-height: 1.4; page-break-inside: auto; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
/* Table 三 fits one A4 page: it moves to the next page whole rather than leave its header and two rows behind. */
table.table-b { break-inside: avoid; page-break-inside: avoid; font-size: 9pt; line-height: 1.3; }
table.table-b th, table.table-b td { padding: 1.5pt 2pt; }
/* The sign-off never stands alone on the last page: it keeps the last paragraph with it. */
.closing { break-inside: avoid; page-break-inside: avoid; }
th, td { border: 1px solid #000; padding: 2pt 3pt; text-align: center; vertical-align: middle; }
th { font-weight: normal; }
caption { font-family: "黑体", "SimHei", "Noto Sans CJK SC", sans-serif; caption-side: top; font-size: 12pt; padding-bottom: 0.3em; }
.signature { margin-top: 2em; text-align: right; }
.signature p { text-indent: 0; text-align: right; }
@media screen { body { background: #f4f4f4; } .report { background: #fff; padding: 20mm 24mm; box-shadow: 0 0 4px #999; margin: 1em auto; } }
`;
