// A day field for antd forms: a DatePicker whose form value is the ISO day text (YYYY-MM-DD).
import { DatePicker } from 'antd';
import dayjs from 'dayjs';

export function DayPicker({
  value,
  onChange,
  id,
  ...rest
}: {
  value?: string;
  onChange?: (day: string | undefined) => void;
  id?: string;
  autoFocus?: boolean;
  'aria-label'?: string;
}) {
  return (
    <DatePicker
      id={id}
      {...rest}
      format="YYYY-MM-DD"
      placeholder="YYYY-MM-DD"
      style={{ width: 180 }}
      value={value ? dayjs(value) : null}
      onChange={(day) => onChange?.(day ? day.format('YYYY-MM-DD') : undefined)}
    />
  );
}

/** A Form.Item rule: a day is required. */
export const requiredDay = (what: string) => ({ required: true, message: `请选择${what}` });
