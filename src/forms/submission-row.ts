/** One row of a submission, as far as it could be read; every field may be missing or unusable. */
export interface SubmissionRow {
  /** 0-based position in the list. */
  index: number;
  /** 活动主题 / 活动名称(主题). */
  theme?: string;
  /** 活动时间(月份): written as a month (theme day) or worked out from `time` (open day). */
  month?: number;
  /** 活动时间 as written (open day). */
  time?: string;
  /** 活动形式. */
  form?: string;
  /** 活动简介 (theme day). */
  brief?: string;
  /** 活动地点 (open day). */
  place?: string;
  /** 拟参与人数 (open day), as written. */
  participants?: string;
}
