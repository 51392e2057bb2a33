// Importing next year's 放假通知 (system administrator): one line per special day.
import { Alert, App, Button, Card, Input } from 'antd';
import { useState } from 'react';
import { api } from '../../api.ts';

const EXAMPLE = `${new Date().getFullYear() + 1}-01-01,休,元旦`;

export function CalendarImport({ onImported }: { onImported: (years: number[]) => void }) {
  const { message } = App.useApp();
  const [text, setText] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const result = await api<{ years: number[]; days: number }>('POST', '/calendar', { text });
      message.success(`已导入${result.years.join('、')}年的${result.days}个放假或调休日`);
      setText('');
      onImported(result.years);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card size="small" title="导入放假通知">
      <p style={{ marginTop: 0 }}>
        按国务院办公厅发布的放假通知，每行写一天：日期、「休」（放假）或「班」（调休上班）、节日名称，例如「{EXAMPLE}
        」。导入会替换所涉年度原有的放假安排；已过去或已锁定年度的日历不能在网页上修改。
      </p>
      {error && <Alert type="error" showIcon title="未导入" description={error} style={{ marginBottom: 8 }} />}
      <label htmlFor="gk-calendar-text" style={{ display: 'block', marginBottom: 4 }}>
        放假通知（每行：日期,休或班,名称）
      </label>
      <Input.TextArea
        id="gk-calendar-text"
        value={text}
        onChange={(e) => setText(e.target.value)}
        autoSize={{ minRows: 6, maxRows: 20 }}
        placeholder={EXAMPLE}
      />
      <Button type="primary" style={{ marginTop: 8 }} onClick={submit} loading={busy} disabled={!text.trim()}>
        导入
      </Button>
    </Card>
  );
}
