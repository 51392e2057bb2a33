import assert from 'node:assert/strict';
import { test } from 'node:test';
import { agencyOfTitle, discover, isReportTitle, yearOfTitle } from './discover.ts';

test('discover: report titles, years and agencies; notices are not reports', () => {
  assert.equal(isReportTitle('北京市财政局2023年政府信息公开工作年度报告'), true);
  assert.equal(isReportTitle('某某县人民政府2022年政府信息公开工作年报'), true);
  assert.equal(isReportTitle('关于做好政府信息公开工作年度报告的通知'), false);
  assert.equal(isReportTitle('2023年工作总结'), false);
  assert.equal(yearOfTitle('2023 年度 某局政府信息公开工作年度报告'), 2023);
  assert.deepEqual(agencyOfTitle('2023年某某市人民政府政府信息公开工作年度报告'), { agency: '某某市人民政府', level: 'government' });
  assert.deepEqual(agencyOfTitle('某某市人民政府办公室2023年政府信息公开工作年度报告'), { agency: '某某市人民政府办公室', level: 'department' });
});

test('discover: links resolved against <base>, attachments by extension, pagination, stated date', () => {
  const page = discover(
    `<html><head><base href="http://x.gov.cn/col/"><title>某局2023年政府信息公开工作年度报告</title></head><body>
     <p>发布时间：2024年1月9日</p><a href="f/1.PDF">附件1</a><a href="d.docx#top">附件2</a><a href="javascript:void(0)">打印</a>
     <a href="index_2.html">下一页</a></body></html>`,
    'http://x.gov.cn/col/art.html',
  );
  assert.equal(page.isReport, true);
  assert.deepEqual(
    page.attachments.map((a) => a.url),
    ['http://x.gov.cn/col/f/1.PDF', 'http://x.gov.cn/col/d.docx'],
  );
  assert.deepEqual(page.pages, ['http://x.gov.cn/col/index_2.html']);
  assert.equal(page.statedDate, '2024-01-09');
});
