/** One of the report's six sections. */
export interface SectionSpec {
  readonly id: 1 | 2 | 3 | 4 | 5 | 6;
  /** The standard heading. */
  readonly heading: string;
  /** Chinese ordinal used in the heading. */
  readonly numeral: string;
  /**
   * Pattern over the heading's text after its ordinal (whitespace removed) that identifies the
   * section, tolerant of the wording variants real reports use.
   */
  readonly pattern: RegExp;
}

/** The six sections of the annual report, in order. */
export const SECTIONS: readonly SectionSpec[] = [
  { id: 1, numeral: '一', heading: '一、总体情况', pattern: /^(总体(情况|概述|概况|工作情况)|概述|基本情况)/ },
  { id: 2, numeral: '二', heading: '二、主动公开政府信息情况', pattern: /^主动公开/ },
  {
    id: 3,
    numeral: '三',
    heading: '三、收到和处理政府信息公开申请情况',
    pattern: /^(收到和处理|收到及处理|收到、处理|依申请公开|.{0,12}申请(的)?情况$)/,
  },
  {
    id: 4,
    numeral: '四',
    heading: '四、政府信息公开行政复议、行政诉讼情况',
    pattern: /^.{0,24}(行政复议|复议).{0,12}(行政诉讼|诉讼)|^.{0,20}行政复议.{0,6}情况$/,
  },
  {
    id: 5,
    numeral: '五',
    heading: '五、存在的主要问题及改进情况',
    pattern: /^.{0,14}(存在的?主要问题|主要问题|存在问题|问题及改进|问题和改进)/,
  },
  { id: 6, numeral: '六', heading: '六、其他需要报告的事项', pattern: /^(其他需要|其它需要|其他事项|其他需报告|其他有关)/ },
];
