import { EXTENDED_CHANNELS, STANDARD_CHANNELS, STANDARD_DOMAINS } from '../../src/catalog/vocabulary.js';

/** Word pools for generated catalogs: realistic names and values that validate without findings. */

export const DOMAINS: readonly string[] = STANDARD_DOMAINS;

export const UNITS = [
  '青禾区教育局',
  '青禾区民政局',
  '青禾区应急管理局',
  '青禾区人民政府',
  '清河街道办事处',
  '松溪县人民政府',
  '白沙镇人民政府',
  '云岭市生态环境局青禾分局',
] as const;

export const LEVEL_COLUMN_SETS: readonly (readonly string[])[] = [
  ['县级', '乡级'],
  ['乡级'],
  ['区级', '镇街级'],
  ['县级', '乡级', '村级'],
  ['市级', '县级'],
];

export const EXTRA_COLUMNS = ['备注', '咨询电话'] as const;
export const EXTRA_VALUES: Readonly<Record<(typeof EXTRA_COLUMNS)[number], readonly string[]>> = {
  备注: ['无', '按季度更新', '涉及个人隐私的信息不予公开', '与上级部门同步发布'],
  咨询电话: ['0871-63120001', '0871-63120002', '0871-63125678', '12345'],
};

/** 一级事项: category words, optionally with a qualifier in front. */
export const LEVEL1_QUALIFIERS = ['', '专项', '综合', '基层', '年度', '重点'] as const;
export const LEVEL1_WORDS = [
  '政策文件',
  '办事服务',
  '行政许可',
  '行政处罚',
  '行政检查',
  '监督管理',
  '资金管理',
  '项目建设',
  '公共服务',
  '应急管理',
  '统计信息',
  '考核评估',
  '规划计划',
  '补贴发放',
  '信息公示',
  '投诉举报',
  '资格认定',
  '招生入学',
] as const;

/** 二级 and 三级事项: a head word, often with a qualifier in front. */
export const ITEM_QUALIFIERS = [
  '',
  '本级',
  '城乡',
  '农村',
  '特困人员',
  '低保',
  '临时',
  '学校',
  '企业',
  '社区',
  '乡镇',
] as const;
export const LEVEL2_HEADS = [
  '政策文件',
  '办事指南',
  '审批结果',
  '补贴标准',
  '对象名单',
  '资金使用情况',
  '项目清单',
  '检查结果',
  '工作计划',
  '工作动态',
  '应急预案',
  '处罚决定',
  '服务机构名录',
  '收费标准',
  '统计数据',
  '评估报告',
  '法律法规',
  '政策解读',
] as const;
export const LEVEL3_HEADS = [
  '申请材料',
  '办理时限',
  '办理地点',
  '结果公示',
  '监督渠道',
  '政策依据',
  '服务对象',
  '补助标准',
  '受理条件',
  '咨询方式',
] as const;

/** What renames do to a name: add a word in front or at the end. */
export const RENAME_PREFIXES = ['有关', '相关', '本级'] as const;
export const RENAME_SUFFIXES = ['情况', '信息', '公开', '事项'] as const;

/** Endings of 公开内容 written after the item's name. */
export const CONTENT_TAILS = [
  '的具体内容',
  '的实施方案、办理流程',
  '的对象、标准和办理程序',
  '的名称、依据和结果',
  '的时间、地点和联系方式',
  '的年度计划及完成情况',
] as const;
/** 公开内容 written as a list of entries. */
export const CONTENT_ENTRIES = [
  '●申请条件',
  '●申请材料清单',
  '●办理流程',
  '●办理时限',
  '●办理时间、地点',
  '●咨询电话',
  '●补贴标准',
] as const;

export const BASES = [
  '《中华人民共和国政府信息公开条例》（国务院令第711号）',
  '《国务院办公厅关于全面推进基层政务公开标准化规范化工作的指导意见》（国办发〔2019〕54号）',
  '《关于全面推进政务公开工作的意见》（中办发〔2016〕8号）',
  '《中华人民共和国行政许可法》',
  '《中华人民共和国行政处罚法》',
  '《社会救助暂行办法》（国务院令第649号）',
  '《国务院办公厅关于推进养老服务发展的意见》（国办发〔2019〕5号）',
  '《重大行政决策程序暂行条例》（国务院令第713号）',
] as const;

export const SUBJECTS = [
  '青禾区人民政府',
  '青禾区教育局',
  '青禾区民政局',
  '清河街道办事处',
  '各街道办事处（镇人民政府）',
  '各义务教育学校',
] as const;

/** Channel boxes that need nothing else: the standard ones but 其他 (which needs other_channels), and the regional ones. */
export const CHANNELS: readonly string[] = [...STANDARD_CHANNELS.filter((c) => c !== '其他'), ...EXTENDED_CHANNELS];
export const OTHER_CHANNELS = ['办税服务厅', '村务监督委员会', '国家企业信用信息公示系统'] as const;

/** 公开时限 of 主动 items. Those with a deadline are listed first; the days they stand for are in `deadlineDays`. */
export const PROACTIVE_TIME_LIMITS = [
  '信息形成或者变更之日起20个工作日内',
  '信息形成或者变更之日起10个工作日内',
  '信息形成或者变更之日起5个工作日内',
  '制定或获取信息之日起10个工作日内',
  '制定或获取信息之日起15个工作日内',
  '作出行政处罚决定之日起7个工作日内',
  '评估完成之日起30日内',
  '实时公开',
  '长期公开',
  '每季度结束后15个工作日内',
  '每年3月31日前公开上一年度情况',
] as const;
/** 公开时限 of 依申请 items: they run from the receipt of the application. */
export const APPLICATION_TIME_LIMITS = [
  '自收到申请之日起20个工作日内',
  '自收到申请之日起15个工作日内',
  '自收到申请之日起10个工作日内',
] as const;

/** The deadline a generated time limit states, in calendar days (a working day counts 7/5), if it states one. */
export function deadlineDays(timeLimit: string): number | undefined {
  if (/^每/.test(timeLimit)) return undefined;
  const m = timeLimit.match(/(\d+)个(工作日|日)内$/) ?? timeLimit.match(/(\d+)(日)内$/);
  if (!m) return undefined;
  return Number(m[1]) * (m[2] === '工作日' ? 7 / 5 : 1);
}

/** Whether a generated time limit is one for 依申请 items. */
export const isApplicationLimit = (timeLimit: string): boolean => timeLimit.includes('收到申请');

/** Who a 特定群体 is, for 主动 items published to a group. */
export const SPECIFIC_GROUPS = ['补贴对象', '项目单位', '报名学生及其监护人', '低保对象'] as const;
export const APPLICANT = '申请人';
