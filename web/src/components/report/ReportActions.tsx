// The report's actions: export in the four formats, and publishing (locking the year).
import { App, Button, Dropdown, Space } from 'antd';
import { useState } from 'react';
import { api, download, qs } from '../../api.ts';

const FORMATS = [
  { key: 'docx', label: 'Word 文档（DOCX）' },
  { key: 'pdf', label: 'PDF' },
  { key: 'html', label: '网页（HTML）' },
  { key: 'md', label: 'Markdown' },
] as const;

interface Props {
  agencyId: number;
  agencyName: string;
  year: number;
  departments: boolean;
  locked: boolean;
  /** 审核人 and 管理员 publish. */
  mayPublish: boolean;
  onPublished: () => void;
}

export function ReportActions({ agencyId, agencyName, year, departments, locked, mayPublish, onPublished }: Props) {
  const { message, modal } = App.useApp();
  const [exporting, setExporting] = useState(false);
  const exportAs = async (format: string) => {
    setExporting(true);
    try {
      await download(
        `/agencies/${agencyId}/report/${year}/export${qs({ format, departments: departments ? 1 : undefined })}`,
        `${agencyName}${year}年政府信息公开工作年度报告.${format}`,
      );
    } catch (e) {
      message.error(`导出失败：${(e as Error).message}`);
    } finally {
      setExporting(false);
    }
  };
  const publish = () =>
    modal.confirm({
      title: `发布${agencyName}${year}年度报告？`,
      content: (
        <>
          <p>
            发布即锁定{year}年度：此后该年度的依申请公开台账、主动公开数据、行政复议和行政诉讼记录以及报告正文都不能再修改，已发布的报告不会再变化。
          </p>
          <p>请确认表格数字和六个部分的正文已核对无误。锁定不能在网页上撤销。</p>
        </>
      ),
      okText: '确认发布并锁定',
      cancelText: '取消',
      okButtonProps: { danger: true },
      onOk: async () => {
        try {
          await api('POST', `/agencies/${agencyId}/lock/${year}`);
          message.success(`${year}年度报告已发布，该年度已锁定`);
          onPublished();
        } catch (e) {
          message.error(`发布失败：${(e as Error).message}`);
        }
      },
    });
  return (
    <Space wrap>
      <Dropdown trigger={['click']} menu={{ items: FORMATS.map((f) => ({ key: f.key, label: f.label })), onClick: ({ key }) => void exportAs(key) }}>
        <Button loading={exporting}>导出</Button>
      </Dropdown>
      {mayPublish && (
        <Button type="primary" danger disabled={locked} onClick={publish}>
          {locked ? '已发布' : '发布'}
        </Button>
      )}
    </Space>
  );
}
