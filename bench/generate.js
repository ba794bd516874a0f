#!/usr/bin/env node
// Deterministic generator of synthetic catalog sets for the benchmark.
//
//   node bench/generate.js [district|city|province|many|huge|small|all] [--force] [--clean | --revised]
//
// Writes bench/.data/<scale>/ (gitignored). A set is regenerated only when its marker file is
// missing or was written by another GENERATOR_VERSION. No Math.random: every value comes from a
// seeded PRNG, so a given version always writes the same bytes.
//
// --clean writes bench/.data/<scale>-clean/ instead: the same set without the planted *errors*
// (主动公开, unquoted code), for `zwgk render`, which writes nothing when a catalog has errors. The
// planted warning (channel 一微一端) stays. It draws the same random numbers, so it differs from the
// plain set only at the places where an error would have been planted.
//
// --revised writes bench/.data/<scale>-revised/: the clean set after a yearly revision, for
// `zwgk diff`. The revision is made to the same tree before it is written (see reviseTree), from
// random streams of its own, so the clean set is unchanged; what the revision leaves alone is written
// exactly as in the clean set.

import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Bump whenever the output changes, so existing sets are regenerated. */
export const GENERATOR_VERSION = 1;

const HERE = dirname(fileURLToPath(import.meta.url));
export const DATA_DIR = join(HERE, '.data');
const MARKER = '.generator.json';

/**
 * Scales: number of files (26 domains per county) and 二级事项 in total; `least` is the fewest items of a
 * file, `spread` how far file sizes spread around the mean (±35 % unless given) and `parents` the range of
 * 一级事项 per file (5–12 unless given).
 * - `many`: many small files, the shape of the shipped catalogs (one per unit and domain, 5–40 items each);
 * - `huge`: one file of 20,000 items.
 */
export const SCALES = {
  small: { counties: 1, files: 1, items: 12 },
  district: { counties: 1, files: 26, items: 2_000 },
  city: { counties: 10, files: 260, items: 20_000 },
  province: { counties: 100, files: 2_600, items: 200_000 },
  many: { counties: 40, files: 1_040, items: 23_400, least: 5, spread: 0.75 },
  huge: { counties: 1, files: 1, items: 20_000, parents: [150, 250] },
};

// ---------------------------------------------------------------------------------------------
// PRNG

function hashString(s) {
  // FNV-1a, 32 bit.
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: small, fast, good enough for test data. */
function makeRng(seed) {
  let a = typeof seed === 'string' ? hashString(seed) : seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo, hi) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = (list) => list[Math.floor(next() * list.length)];
  const chance = (p) => next() < p;
  /** k distinct elements, in random order. */
  const sample = (list, k) => {
    const copy = [...list];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy.slice(0, Math.min(k, copy.length));
  };
  /** k distinct elements, in the order of the list. */
  const subset = (list, k) => {
    const chosen = new Set(sample(list, k));
    return list.filter((x) => chosen.has(x));
  };
  return { next, int, pick, chance, sample, subset };
}

// ---------------------------------------------------------------------------------------------
// Vocabulary

const GENERAL_BASIS = [
  '《中华人民共和国政府信息公开条例》(国务院令第711号)',
  '《国务院办公厅关于全面推进基层政务公开标准化规范化工作的指导意见》(国办发〔2019〕54号)',
  '《国务院办公厅关于印发开展基层政务公开标准化规范化试点工作方案的通知》(国办发〔2017〕42号)',
  '《中华人民共和国行政许可法》',
  '《中华人民共和国行政处罚法》',
  '《优化营商环境条例》(国务院令第722号)',
];

/** The 26 pilot domains: the department that publishes, the topics, and the laws cited. */
const DOMAINS = [
  [
    '城乡规划',
    '自然资源局',
    [
      '国土空间总体规划',
      '详细规划',
      '专项规划',
      '建设用地规划许可',
      '建设工程规划许可',
      '乡村建设规划许可',
      '规划条件核实',
      '规划修改',
    ],
    [
      '《中华人民共和国城乡规划法》',
      '《中华人民共和国土地管理法》',
      '《城市、镇控制性详细规划编制审批办法》(住房和城乡建设部令第7号)',
    ],
  ],
  [
    '重大建设项目',
    '发展和改革局',
    ['项目审批', '项目核准', '项目备案', '招标投标', '重大设计变更', '施工管理', '质量安全监督', '竣工验收'],
    [
      '《企业投资项目核准和备案管理条例》(国务院令第673号)',
      '《政府投资条例》(国务院令第712号)',
      '《国务院办公厅关于推进重大建设项目批准和实施领域政府信息公开的意见》(国办发〔2017〕94号)',
    ],
  ],
  [
    '公共资源交易',
    '公共资源交易中心',
    [
      '工程建设项目招标',
      '政府采购',
      '土地使用权出让',
      '矿业权出让',
      '国有产权交易',
      '交易公告',
      '中标结果',
      '交易主体信用',
    ],
    [
      '《中华人民共和国招标投标法》',
      '《中华人民共和国政府采购法》',
      '《公共资源交易平台管理暂行办法》(国家发展改革委令第39号)',
    ],
  ],
  [
    '财政预决算',
    '财政局',
    ['政府预算', '部门预算', '政府决算', '部门决算', '三公经费', '政府债务', '转移支付', '预算绩效'],
    [
      '《中华人民共和国预算法》',
      '《中华人民共和国预算法实施条例》(国务院令第729号)',
      '《地方预决算公开操作规程》(财预〔2016〕143号)',
    ],
  ],
  [
    '安全生产',
    '应急管理局',
    [
      '安全生产许可',
      '事故调查处理',
      '隐患排查治理',
      '应急预案',
      '执法检查计划',
      '安全培训考核',
      '危险化学品经营',
      '非煤矿山',
    ],
    [
      '《中华人民共和国安全生产法》',
      '《生产安全事故报告和调查处理条例》(国务院令第493号)',
      '《安全生产许可证条例》(国务院令第397号)',
    ],
  ],
  [
    '税收管理',
    '税务局',
    ['税收政策', '纳税信用', '税收违法案件', '减税降费', '发票管理', '税务登记', '欠税公告', '办税指南'],
    [
      '《中华人民共和国税收征收管理法》',
      '《中华人民共和国税收征收管理法实施细则》(国务院令第362号)',
      '《纳税信用管理办法(试行)》(国家税务总局公告2014年第40号)',
    ],
  ],
  [
    '征地补偿',
    '自然资源局',
    [
      '征收土地预公告',
      '土地现状调查',
      '社会稳定风险评估',
      '征地补偿安置方案',
      '征地批复',
      '补偿登记',
      '补偿费用支付',
      '听证',
    ],
    ['《中华人民共和国土地管理法》', '《中华人民共和国土地管理法实施条例》(国务院令第743号)'],
  ],
  [
    '国有土地上房屋征收与补偿',
    '住房和城乡建设局',
    ['征收补偿方案', '房屋调查登记', '房屋征收决定', '房屋价值评估', '补偿安置', '分户补偿', '征收范围', '签约进度'],
    ['《国有土地上房屋征收与补偿条例》(国务院令第590号)', '《国有土地上房屋征收评估办法》(建房〔2011〕77号)'],
  ],
  [
    '农村危房改造',
    '住房和城乡建设局',
    ['改造对象认定', '补助标准', '资金分配', '改造进度', '竣工验收', '农户申请', '审核结果', '监督举报'],
    [
      '《农村危房改造基本安全技术导则》(建村函〔2018〕172号)',
      '《中央财政农村危房改造补助资金管理办法》(财社〔2016〕216号)',
    ],
  ],
  [
    '生态环境',
    '生态环境局',
    ['环境影响评价', '排污许可', '环境监测', '环境质量', '突发环境事件', '重点排污单位', '生态保护', '环境信访'],
    ['《中华人民共和国环境保护法》', '《中华人民共和国环境影响评价法》', '《排污许可管理条例》(国务院令第736号)'],
  ],
  [
    '公共文化服务',
    '文化和旅游局',
    ['公共图书馆', '文化馆', '博物馆', '文艺演出', '非物质文化遗产', '群众文化活动', '农家书屋', '文化惠民工程'],
    ['《中华人民共和国公共文化服务保障法》', '《公共文化体育设施条例》(国务院令第382号)'],
  ],
  [
    '公共法律服务',
    '司法局',
    ['法律援助', '人民调解', '公证服务', '法治宣传', '司法鉴定', '律师服务', '社区矫正', '法律顾问'],
    ['《中华人民共和国法律援助法》', '《中华人民共和国人民调解法》', '《中华人民共和国公证法》'],
  ],
  [
    '乡村振兴',
    '农业农村局',
    ['衔接资金', '产业帮扶项目', '帮扶政策', '防止返贫监测对象', '小额信贷', '雨露计划', '就业帮扶', '项目库建设'],
    ['《中华人民共和国乡村振兴促进法》', '《中央财政衔接推进乡村振兴补助资金管理办法》(财农〔2021〕19号)'],
  ],
  [
    '救灾',
    '应急管理局',
    [
      '灾情信息',
      '救灾物资',
      '救灾资金',
      '受灾群众救助',
      '倒损房屋恢复重建',
      '应急避难场所',
      '灾害预警信息',
      '捐赠款物',
    ],
    ['《自然灾害救助条例》(国务院令第577号)', '《中华人民共和国突发事件应对法》'],
  ],
  [
    '食品药品监管',
    '市场监督管理局',
    [
      '食品生产许可',
      '食品经营许可',
      '食品抽检',
      '药品零售许可',
      '医疗器械经营',
      '化妆品监管',
      '日常监督检查',
      '专项整治',
    ],
    ['《中华人民共和国食品安全法》', '《中华人民共和国药品管理法》', '《医疗器械监督管理条例》(国务院令第739号)'],
  ],
  [
    '城市综合执法',
    '城市管理综合执法局',
    ['执法依据', '执法程序', '行政强制', '违法建设查处', '市容环境', '占道经营', '户外广告', '渣土运输'],
    [
      '《中华人民共和国行政强制法》',
      '《城市管理执法办法》(住房和城乡建设部令第34号)',
      '《城市市容和环境卫生管理条例》(国务院令第101号)',
    ],
  ],
  [
    '就业',
    '人力资源和社会保障局',
    ['就业政策', '职业技能培训', '创业担保贷款', '招聘信息', '就业援助', '失业登记', '就业补贴', '公益性岗位'],
    ['《中华人民共和国就业促进法》', '《就业服务与就业管理规定》(劳动和社会保障部令第28号)'],
  ],
  [
    '社会保险',
    '人力资源和社会保障局',
    ['养老保险', '医疗保险', '工伤保险', '失业保险', '参保登记', '待遇核定', '基金管理', '缴费基数'],
    ['《中华人民共和国社会保险法》', '《工伤保险条例》(国务院令第586号)', '《失业保险条例》(国务院令第258号)'],
  ],
  [
    '社会救助',
    '民政局',
    ['最低生活保障', '特困人员救助供养', '临时救助', '医疗救助', '教育救助', '住房救助', '救助标准', '审核确认结果'],
    ['《社会救助暂行办法》(国务院令第649号)', '《最低生活保障审核确认办法》(民发〔2021〕57号)'],
  ],
  [
    '养老服务',
    '民政局',
    [
      '养老机构',
      '居家养老服务',
      '高龄津贴',
      '养老服务补贴',
      '社区养老服务设施',
      '老年人优待',
      '养老机构备案',
      '服务质量监管',
    ],
    ['《中华人民共和国老年人权益保障法》', '《养老机构管理办法》(民政部令第66号)'],
  ],
  [
    '户籍管理',
    '公安局',
    ['户口迁移', '出生登记', '户口注销', '居民身份证办理', '居住证', '户籍政策', '办理指南', '户籍证明'],
    ['《中华人民共和国户口登记条例》', '《中华人民共和国居民身份证法》', '《居住证暂行条例》(国务院令第663号)'],
  ],
  [
    '涉农补贴',
    '农业农村局',
    ['耕地地力保护补贴', '农机购置补贴', '种粮农民补贴', '生态补偿', '补贴标准', '补贴对象', '补贴发放', '资金使用'],
    ['《农业机械购置补贴实施指导意见》(农办计财〔2021〕8号)', '《农业相关转移支付资金管理办法》(财农〔2020〕10号)'],
  ],
  [
    '义务教育',
    '教育局',
    ['招生入学', '学籍管理', '学生资助', '教育经费', '教师招聘', '课后服务', '营养改善计划', '校园安全'],
    [
      '《中华人民共和国义务教育法》',
      '《中华人民共和国教育法》',
      '《国务院关于进一步完善城乡义务教育经费保障机制的通知》(国发〔2015〕67号)',
    ],
  ],
  [
    '卫生健康',
    '卫生健康局',
    [
      '医疗机构执业',
      '医师执业注册',
      '公共卫生服务',
      '传染病防控',
      '家庭医生签约',
      '妇幼健康',
      '计划生育奖励扶助',
      '卫生监督',
    ],
    [
      '《中华人民共和国基本医疗卫生与健康促进法》',
      '《医疗机构管理条例》(国务院令第149号)',
      '《中华人民共和国传染病防治法》',
    ],
  ],
  [
    '市政服务',
    '住房和城乡建设局',
    ['城市供水', '管道燃气', '集中供热', '城市排水', '市政道路设施', '园林绿化', '停水停气通知', '公用事业收费'],
    [
      '《城市供水条例》(国务院令第158号)',
      '《城镇燃气管理条例》(国务院令第583号)',
      '《城镇排水与污水处理条例》(国务院令第641号)',
    ],
  ],
  [
    '保障性住房',
    '住房和城乡建设局',
    ['公共租赁住房', '保障性租赁住房', '共有产权住房', '配租配售', '保障对象资格', '租金标准', '房源信息', '退出管理'],
    [
      '《公共租赁住房管理办法》(住房和城乡建设部令第11号)',
      '《国务院办公厅关于加快发展保障性租赁住房的意见》(国办发〔2021〕22号)',
    ],
  ],
].map(([name, dept, topics, basis]) => ({ name, dept, topics, basis }));

export const DOMAIN_NAMES = DOMAINS.map((d) => d.name);

/**
 * 一级事项 categories: their name, the 二级 names they make from a topic, the elements their
 * content lists, and how they are published.
 */
const CATEGORIES = [
  {
    name: '政策文件',
    items: ['{t}相关法律法规', '{t}规范性文件', '{t}政策解读', '{t}地方性法规', '{t}配套政策'],
    elements: ['文件名称', '文号', '发布机关', '发布日期', '文件正文', '政策解读材料', '有效性'],
    kind: 'policy',
  },
  {
    name: '办事服务',
    items: ['{t}办事指南', '{t}办理流程', '{t}受理情况', '{t}申请材料清单', '{t}收费标准'],
    elements: [
      '事项名称',
      '设定依据',
      '申请条件',
      '办理材料',
      '办理地点',
      '办理时间',
      '办理流程',
      '办理时限',
      '收费依据及标准',
      '咨询电话',
    ],
    kind: 'service',
  },
  {
    name: '审批结果',
    items: ['{t}审批结果', '{t}许可信息', '{t}批复文件', '{t}变更信息', '{t}注销信息'],
    elements: ['许可证号', '项目名称', '申请单位', '许可内容', '许可机关', '许可日期', '有效期限'],
    kind: 'result',
  },
  {
    name: '监管执法',
    items: ['{t}检查计划', '{t}检查结果', '{t}整改落实情况', '{t}行政处罚决定', '{t}处罚裁量基准'],
    elements: [
      '检查对象',
      '检查事项',
      '检查依据',
      '检查结果',
      '处罚对象',
      '违法事实',
      '处罚依据',
      '处罚结果',
      '作出处罚的机关',
    ],
    kind: 'enforcement',
  },
  {
    name: '资金管理',
    items: ['{t}资金分配', '{t}资金使用情况', '{t}补助标准', '{t}项目安排', '{t}绩效评价'],
    elements: ['资金名称', '资金来源', '分配标准', '分配结果', '使用范围', '拨付进度', '绩效目标', '绩效评价结果'],
    kind: 'funds',
  },
  {
    name: '公共服务',
    items: ['{t}服务指南', '{t}服务机构名录', '{t}服务事项清单', '{t}服务质量评价', '{t}便民措施'],
    elements: ['服务项目', '服务对象', '服务内容', '服务地点', '开放时间', '联系方式', '服务标准'],
    kind: 'service',
  },
  {
    name: '规划计划',
    items: ['{t}发展规划', '{t}年度工作计划', '{t}实施方案', '{t}中期评估', '{t}总结报告'],
    elements: ['规划名称', '规划期限', '主要目标', '重点任务', '保障措施', '实施进度'],
    kind: 'policy',
  },
  {
    name: '信息公示',
    items: ['{t}公示', '{t}公告', '{t}名单', '{t}征求意见', '{t}听证信息'],
    elements: ['公示对象', '公示内容', '公示期限', '意见反馈渠道', '联系人', '联系电话'],
    kind: 'notice',
  },
  {
    name: '统计信息',
    items: ['{t}统计数据', '{t}年度报告', '{t}月度进展', '{t}运行情况分析', '{t}基本情况'],
    elements: ['统计口径', '统计期间', '主要指标', '同比变化', '数据来源'],
    kind: 'stats',
  },
  {
    name: '应急管理',
    items: ['{t}应急预案', '{t}预警信息', '{t}事件处置', '{t}应急演练', '{t}善后处置'],
    elements: ['事件类型', '发生时间', '影响范围', '处置措施', '处置结果', '防范建议'],
    kind: 'emergency',
  },
  {
    name: '监督保障',
    items: ['{t}投诉举报渠道', '{t}投诉举报办理结果', '{t}社会评议', '{t}责任追究', '{t}监督电话'],
    elements: ['受理渠道', '受理范围', '办理时限', '办理结果', '监督电话', '责任单位'],
    kind: 'oversight',
  },
  {
    name: '依申请公开',
    items: ['{t}个人信息查询', '{t}审核结果告知', '{t}申请办理进度', '{t}档案查阅', '{t}补偿明细查询'],
    elements: ['申请人信息', '审核意见', '办理结果', '补偿金额', '告知方式', '救济途径'],
    kind: 'apply',
  },
  {
    name: '机构职能',
    items: ['{t}机构设置', '{t}职能职责', '{t}领导分工', '{t}内设机构', '{t}联系方式'],
    elements: ['机构名称', '机构职能', '负责人', '办公地址', '办公时间', '联系电话'],
    kind: 'org',
  },
  {
    name: '工作动态',
    items: ['{t}工作动态', '{t}新闻发布', '{t}典型案例', '{t}经验做法', '{t}宣传活动'],
    elements: ['标题', '发布时间', '主要内容', '图片视频', '来源'],
    kind: 'news',
  },
];

const TIME_LIMITS = {
  policy: [
    '信息形成或者变更之日起20个工作日内',
    '自信息形成或者变更之日起20个工作日内公开',
    '信息形成或者变更之日起20个工作日内；法律、法规另有规定的，从其规定',
  ],
  service: ['信息形成或者变更之日起20个工作日内', '实时更新', '长期公开'],
  result: ['自作出行政许可决定之日起7个工作日内', '自批准之日起7个工作日内', '信息形成或者变更之日起20个工作日内'],
  enforcement: ['自作出行政处罚决定之日起7个工作日内', '信息形成或者变更之日起20个工作日内', '每季度首月10日前'],
  funds: ['分配结果确定之日起5个工作日内', '每年3月底前公开上一年度情况', '本级人民代表大会批准后20日内'],
  notice: ['信息形成或者变更之日起20个工作日内', '自批准之日起7个工作日内', '信息形成之日起5个工作日内'],
  stats: ['每季度首月10日前', '每年3月底前公开上一年度情况', '信息形成或者变更之日起20个工作日内'],
  emergency: ['事件发生后及时发布', '实时更新', '信息形成或者变更之日起20个工作日内'],
  oversight: ['长期公开', '信息形成或者变更之日起20个工作日内', '常态化公开'],
  org: ['信息形成或者变更之日起20个工作日内', '长期公开'],
  news: ['信息形成或者变更之日起20个工作日内', '事件发生后及时发布', '实时更新'],
};
const APPLY_TIME_LIMITS = [
  '自收到申请之日起20个工作日内',
  '自收到申请之日起20个工作日内，需要延长答复期限的，延长期限最长不得超过20个工作日',
  '自收到申请之日起20个工作日内予以答复',
];

const CHANNELS_COMMON = [
  '政府网站',
  '两微一端',
  '政务服务中心',
  '公开查阅点',
  '社区/企事业单位/村公示栏(电子屏)',
  '便民服务站',
];
const CHANNELS_RARE = ['政府公报', '发布会/听证会', '广播电视', '纸质媒体', '入户/现场', '精准推送'];
const OTHER_CHANNELS = [
  '办税服务厅',
  '国家企业信用信息公示系统',
  '全国公共资源交易平台',
  '信用中国网站',
  '12345政务服务热线',
  '部门门户专栏',
];

const LEVEL_SETS = [
  ['县级', '乡级'],
  ['县级', '乡级'],
  ['县级', '乡级', '村级'],
  ['区级', '镇街级'],
];

const PLACE_CHARS = '青禾临川安平长宁永丰清河江阳东湖西山南溪北岭新华和兴泰康福源桂林松柏梅竹云峰石门金沙玉泉白水';
const WORK_WORDS = ['依法', '及时', '准确', '全面'];

// ---------------------------------------------------------------------------------------------
// YAML text

const RESERVED = /^(?:true|false|null|~|yes|no|on|off|y|n)$/i;
/** A scalar: plain when that is safe, otherwise double-quoted (JSON strings are YAML). */
function q(s) {
  if (s === '' || RESERVED.test(s) || /^[\s\-?:,[\]{}#&*!|>'"%@`0-9.+]/.test(s) || /[:#,[\]{}]|\s$/.test(s)) {
    return JSON.stringify(s);
  }
  return s;
}
const flow = (list) => `[${list.map(q).join(', ')}]`;

// ---------------------------------------------------------------------------------------------
// One file

const HOISTABLE = [
  'basis',
  'time_limit',
  'subject',
  'channels',
  'other_channels',
  'audience',
  'specific_group',
  'method',
  'levels',
];
const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

function countyNames(n, rng) {
  const names = [];
  const seen = new Set();
  while (names.length < n) {
    const name = rng.pick([...PLACE_CHARS]) + rng.pick([...PLACE_CHARS]);
    if (name[0] === name[1] || seen.has(name)) continue;
    seen.add(name);
    names.push(name + (rng.chance(0.6) ? '区' : '县'));
  }
  return names;
}

function contentFor(rng, topic, category, domain) {
  const elements = rng.subset(category.elements, rng.int(3, Math.min(7, category.elements.length)));
  const r = rng.next();
  if (r < 0.45) return `${topic}${rng.pick(['相关的', '的', '涉及的'])}${elements.join('、')}`;
  if (r < 0.75) {
    return `${rng.pick(WORK_WORDS)}公开${domain.name}领域${topic}${rng.pick(['工作中形成的', '事项的', '有关'])}${elements.join('、')}等信息`;
  }
  return elements.map((e) => `${topic}${e}`);
}

/**
 * The leaves of one file with their effective elements, grouped by 一级事项. Values are drawn per
 * file and per 一级事项 and mostly shared, so that hoisting them to the parent is realistic.
 */
function buildTree(rng, spec) {
  const categories = rng.sample(CATEGORIES, spec.n1);
  // A file with more 一级事项 than there are categories (the huge set) repeats them, numbered: 政策文件（二）….
  for (let round = 2; categories.length < spec.n1; round++) {
    const more = rng.sample(CATEGORIES, Math.min(CATEGORIES.length, spec.n1 - categories.length));
    for (const c of more) categories.push({ ...c, name: `${c.name}（${round}）` });
  }
  return categories.map((category, i1) => buildCategory(rng, spec, category, i1, spec.counts[i1]));
}

/** One 一级事项 of `category`, the (i1+1)-th of its file, with `count` 二级事项. */
function buildCategory(rng, spec, category, i1, count) {
  const { domain, county, levelColumns, withCodes, codePrefix, extraColumns } = spec;
  const fileSubject = `${county}${domain.dept}`;
  const catSubject = rng.chance(0.85)
    ? fileSubject
    : rng.pick([`${county}人民政府`, `${county}${domain.dept}`, '乡镇人民政府(街道办事处)']);
  const catChannels = rng.subset(CHANNELS_COMMON, rng.int(1, 3));
  if (rng.chance(0.2)) catChannels.push(rng.pick(CHANNELS_RARE));
  const catLevels = rng.subset(levelColumns, rng.int(1, levelColumns.length));
  const catBasis = rng.sample([...domain.basis, ...GENERAL_BASIS.slice(0, 2)], rng.int(1, 3));
  const catTime = rng.pick(TIME_LIMITS[category.kind] ?? TIME_LIMITS.policy);
  const catApply = category.kind === 'apply';

  // Unique 二级 names: every topic with every pattern, then yearly variants if ever needed.
  const names = rng.sample(
    category.items.flatMap((p) => domain.topics.map((t) => [p.replace('{t}', t), t])),
    1000,
  );
  const children = [];
  for (let i2 = 0; i2 < count; i2++) {
    const [name0, topic] = names[i2 % names.length];
    const name = i2 < names.length ? name0 : `${name0}(${2015 + Math.floor(i2 / names.length)}年度)`;
    const apply = catApply || rng.chance(0.06);
    const fields = {
      content: contentFor(rng, topic, category, domain),
      basis: rng.chance(0.8) ? catBasis : rng.sample([...domain.basis, ...GENERAL_BASIS], rng.int(1, 3)),
      time_limit: apply
        ? rng.pick(APPLY_TIME_LIMITS)
        : rng.chance(0.8)
          ? catTime
          : rng.pick(TIME_LIMITS[category.kind]),
      subject: rng.chance(0.9) ? catSubject : fileSubject,
      channels: rng.chance(0.75) ? catChannels : rng.subset([...CHANNELS_COMMON, ...CHANNELS_RARE], rng.int(1, 4)),
      other_channels: undefined,
      audience: apply ? ['特定群体'] : rng.chance(0.95) ? ['全社会'] : ['全社会', '特定群体'],
      specific_group: apply ? '申请人' : undefined,
      method: apply ? ['依申请'] : ['主动'],
      levels: rng.chance(0.8) ? catLevels : rng.subset(levelColumns, rng.int(1, levelColumns.length)),
      extra: undefined,
    };
    if (fields.audience.length === 2)
      fields.specific_group = rng.pick(['项目单位', '相关企业', '利害关系人', '服务对象']);
    if (rng.chance(0.03)) {
      fields.channels = [...fields.channels, '其他'];
      fields.other_channels = [rng.pick(OTHER_CHANNELS)];
    }
    if (extraColumns.length > 0 && rng.chance(0.3)) {
      fields.extra = {
        [extraColumns[0]]: rng.pick([
          '按季度更新',
          '涉及个人隐私的信息不予公开',
          '与上级部门同步发布',
          '可通过政务服务网查询',
        ]),
      };
    }
    children.push({
      name,
      code: withCodes ? `${codePrefix}${String(i1 + 1).padStart(2, '0')}${String(i2 + 1).padStart(2, '0')}` : undefined,
      fields,
    });
  }
  return {
    name: category.name,
    code: withCodes ? `${codePrefix}${String(i1 + 1).padStart(2, '0')}` : undefined,
    children,
  };
}

/**
 * Decide where each element is written: on the 二级事项, or once on the 一级事项 (the value most
 * children share; the others override it), or in `defaults`. A value is hoisted only when every child
 * has one, since a child cannot un-set an inherited value.
 */
function placeFields(rng, tree) {
  for (const parent of tree) placeParent(rng, parent);
  const defaults = {};
  for (const key of ['subject', 'channels', 'levels', 'basis']) {
    const values = tree.map((p) => p.own[key]);
    if (values.every((v) => v !== undefined && same(v, values[0])) && rng.chance(0.7)) {
      defaults[key] = values[0];
      for (const p of tree) Reflect.deleteProperty(p.own, key);
    }
  }
  return defaults;
}

/** The 一级事项 part of placeFields: hoist the values most of its children share. */
function placeParent(rng, parent) {
  parent.own = {};
  for (const child of parent.children) child.own = { ...child.fields };
  for (const key of HOISTABLE) {
    const values = parent.children.map((c) => c.fields[key]);
    if (values.some((v) => v === undefined)) continue;
    const tally = new Map();
    for (const v of values) {
      const k = JSON.stringify(v);
      tally.set(k, (tally.get(k) ?? 0) + 1);
    }
    const [modeKey, modeCount] = [...tally].sort((a, b) => b[1] - a[1])[0];
    if (parent.children.length > 1 && modeCount / values.length >= 0.6 && rng.chance(0.8)) {
      parent.own[key] = JSON.parse(modeKey);
      for (const child of parent.children)
        if (same(child.own[key], parent.own[key])) Reflect.deleteProperty(child.own, key);
    }
  }
}

/** Write `fields`; `oneLine(key)` says whether a single-element list is written as a plain scalar. */
function emitFields(lines, indent, fields, oneLine) {
  const pad = ' '.repeat(indent);
  const list = (key, value, style) => {
    if (value === undefined) return;
    if (typeof value === 'string') lines.push(`${pad}${key}: ${q(value)}`);
    else if (value.length === 1 && oneLine(key)) lines.push(`${pad}${key}: ${q(value[0])}`);
    else if (style === 'block') {
      lines.push(`${pad}${key}:`);
      for (const v of value) lines.push(`${pad}  - ${q(v)}`);
    } else lines.push(`${pad}${key}: ${flow(value)}`);
  };
  list('content', fields.content, 'block');
  list('basis', fields.basis, 'block');
  if (fields.time_limit !== undefined) lines.push(`${pad}time_limit: ${q(fields.time_limit)}`);
  if (fields.subject !== undefined) lines.push(`${pad}subject: ${q(fields.subject)}`);
  list('channels', fields.channels, 'flow');
  list('other_channels', fields.other_channels, 'flow');
  list('audience', fields.audience, 'flow');
  if (fields.specific_group !== undefined) lines.push(`${pad}specific_group: ${q(fields.specific_group)}`);
  list('method', fields.method, 'flow');
  list('levels', fields.levels, 'flow');
  if (fields.extra !== undefined) {
    lines.push(`${pad}extra:`);
    for (const [k, v] of Object.entries(fields.extra)) lines.push(`${pad}  ${q(k)}: ${q(v)}`);
  }
}

/**
 * Plant one realistic mistake in the tree. Returns what was planted. With `clean`, the errors
 * (method, code) are replaced by a correct value at the same place, drawing the same random
 * numbers, so the rest of the file is unchanged.
 */
function plantMistake(rng, tree, kind, clean = false) {
  const leaves = tree.flatMap((p) => p.children.map((c) => ({ parent: p, child: c })));
  if (kind === 'channel') {
    // A typo'd channel: 一微一端 for 两微一端.
    const { child } = rng.pick(leaves);
    child.own.channels = ['政府网站', '一微一端'];
    return `channel 一微一端 at ${child.name}`;
  }
  if (kind === 'method') {
    // 主动公开 for 主动, preferably where the method is also inherited (so only the schema complains).
    const candidates = leaves.filter(
      ({ parent, child }) => same(child.fields.method, ['主动']) && same(parent.own.method, ['主动']),
    );
    const { child } =
      candidates.length > 0
        ? rng.pick(candidates)
        : rng.pick(leaves.filter(({ child: c }) => same(c.fields.method, ['主动'])));
    // Clean: the correct value, written as a plain scalar like the mistake (no list, no random draw).
    child.own.method = clean ? '主动' : '主动公开';
    return clean ? `(clean) method 主动 at ${child.name}` : `method 主动公开 at ${child.name}`;
  }
  // An unquoted code with a leading zero: YAML reads it as a number.
  const { child } = rng.pick(leaves);
  child.unquotedCode = clean ? 'quoted' : true;
  return clean ? `(clean) quoted code at ${child.name}` : `unquoted code at ${child.name}`;
}

/**
 * The free choices made when a file is written: the optional header lines, whether a single-element
 * list is written as a plain scalar, and the code of a child with a planted code. They are drawn from
 * `rng` and remembered per node, so that a revised tree is written the same way where it did not
 * change (see replayStyle).
 */
function recordingStyle(rng) {
  const style = { header: undefined, scalars: new Map(), codes: new Map() };
  style.headerLines = (spec) => (style.header = renderHeader(rng, spec));
  style.oneLine = (node, key) => {
    const v = rng.chance(0.5);
    if (!style.scalars.has(node)) style.scalars.set(node, {});
    style.scalars.get(node)[key] = v;
    return v;
  };
  style.codeLine = (child) => {
    let line;
    if (child.unquotedCode === 'quoted') line = `code: "${child.code ?? `0${String(rng.int(100, 999))}`}"`;
    else if (child.unquotedCode) line = `code: ${child.code ?? `0${String(rng.int(100, 999))}`}`;
    else if (child.code !== undefined) line = `code: "${child.code}"`;
    style.codes.set(child, { code: child.code, line });
    return line;
  };
  return style;
}

/** The choices of `recorded` where they apply; new ones (new nodes, fields, codes) from `rng`. */
function replayStyle(recorded, rng) {
  return {
    headerLines: () => recorded.header,
    oneLine: (node, key) => recorded.scalars.get(node)?.[key] ?? rng.chance(0.5),
    codeLine: (child) => {
      const r = recorded.codes.get(child);
      if (r && r.code === child.code) return r.line;
      return child.code !== undefined ? `code: "${child.code}"` : undefined;
    },
  };
}

function renderHeader(rng, spec) {
  const { domain, county, unit, levelColumns, extraColumns } = spec;
  const lines = [];
  lines.push(`# ${unit}${domain.name}领域基层政务公开标准目录`);
  if (rng.chance(0.5)) lines.push('kind: catalog');
  lines.push(`domain: ${q(domain.name)}`);
  lines.push(`unit: ${q(unit)}`);
  if (rng.chance(0.4)) lines.push(`title: ${q(`${county}${domain.name}领域基层政务公开标准目录`)}`);
  lines.push('admin_level: 县级');
  if (rng.chance(0.7)) lines.push(`version: "${rng.pick(['2023', '2024', '2025'])}"`);
  if (rng.chance(0.6))
    lines.push(
      `date: ${rng.pick(['2023', '2024', '2025'])}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`,
    );
  if (rng.chance(0.3)) {
    lines.push('baseline:');
    lines.push(`  title: ${q(`${domain.name}领域基层政务公开标准指引`)}`);
    lines.push(`  version: "${rng.pick(['2019', '2020'])}"`);
  }
  lines.push(`level_columns: ${flow(levelColumns)}`);
  if (extraColumns.length > 0) lines.push(`extra_columns: ${flow(extraColumns)}`);
  return lines;
}

function renderFile(style, spec, tree, defaults) {
  const lines = [...style.headerLines(spec)];
  if (Object.keys(defaults).length > 0) {
    lines.push('defaults:');
    emitFields(lines, 2, defaults, (key) => style.oneLine(defaults, key));
  }
  lines.push('items:');
  for (const parent of tree) {
    lines.push('');
    lines.push(`  - name: ${q(parent.name)}`);
    if (parent.code !== undefined) lines.push(`    code: "${parent.code}"`);
    emitFields(lines, 4, parent.own, (key) => style.oneLine(parent, key));
    lines.push('    items:');
    for (const child of parent.children) {
      lines.push(`      - name: ${q(child.name)}`);
      const code = style.codeLine(child);
      if (code !== undefined) lines.push(`        ${code}`);
      emitFields(lines, 8, child.own, (key) => style.oneLine(child, key));
    }
  }
  return lines.join('\n') + '\n';
}

// ---------------------------------------------------------------------------------------------
// A yearly revision

/** Per 二级事项: the chance of each revision (at most one each). Per 一级事项: the chance of a new 二级事项. */
const REVISION = { remove: 0.02, rename: 0.01, move: 0.005, change: 0.01, addChild: 0.12, contentEdit: 0.3 };
/** Per set: the share of files that get a new 一级事项, and of files whose 公开内容 wording is edited. */
const REVISED_FILES = { newParent: 0.02, contentEdit: 0.01 };

const FIELD_ORDER = ['content', ...HOISTABLE, 'extra'];
const RENAMES = [
  ['办事指南', '服务指南'],
  ['统计数据', '统计信息'],
  ['公示', '公示公告'],
  ['名单', '名录'],
  ['工作动态', '工作信息'],
  ['受理情况', '受理结果'],
  ['政策解读', '政策解读材料'],
  ['信息', '情况'],
  ['情况', '信息'],
];
const CONTENT_EDITS = [
  ['相关的', '有关的'],
  ['涉及的', '相关的'],
  ['等信息', '等内容'],
  ['有关', '相关'],
];

/** The elements that apply to a 二级事项: its own, else its 一级事项's, else the file's defaults. */
function effective(defaults, parent, child) {
  const out = {};
  for (const key of FIELD_ORDER) {
    const v = child.own[key] ?? parent.own[key] ?? defaults[key];
    if (v !== undefined) out[key] = v;
  }
  return out;
}

/**
 * What a 二级事项 with the elements `fields` must write itself under `parent`: the values that differ
 * from what it inherits. Undefined when it would inherit a value it does not have.
 */
function ownUnder(fields, parent, defaults) {
  const own = {};
  for (const key of FIELD_ORDER) {
    const inherited = parent.own[key] ?? defaults[key];
    if (fields[key] === undefined) {
      if (inherited !== undefined) return undefined;
      continue;
    }
    if (!same(fields[key], inherited)) own[key] = fields[key];
  }
  return own;
}

function renamedTo(rng, name) {
  const hit = RENAMES.find(([from]) => name.includes(from));
  return hit ? name.replace(hit[0], hit[1]) : `${name}${rng.pick(['情况', '相关信息'])}`;
}

function editedContent(rng, content) {
  if (Array.isArray(content)) {
    const copy = [...content];
    const i = rng.int(0, copy.length - 1);
    copy[i] = copy[i].endsWith('情况') ? copy[i].slice(0, -2) : `${copy[i]}情况`;
    return copy;
  }
  const hit = CONTENT_EDITS.find(([from]) => content.includes(from));
  return hit ? content.replace(hit[0], hit[1]) : `${content}等信息`;
}

/** A changed element, as a yearly revision makes one: 主动 → 依申请, a channel dropped, 20 → 30 working days. */
function changedFields(rng, fields) {
  const options = [];
  if (same(fields.method, ['主动'])) {
    options.push({
      method: ['依申请'],
      audience: ['特定群体'],
      specific_group: '申请人',
      time_limit: rng.pick(APPLY_TIME_LIMITS),
    });
  }
  const droppable = Array.isArray(fields.channels) ? fields.channels.filter((c) => c !== '其他') : [];
  if (droppable.length >= 2) {
    const drop = rng.pick(droppable);
    options.push({ channels: fields.channels.filter((c) => c !== drop) });
  }
  if (typeof fields.time_limit === 'string' && fields.time_limit.includes('20个工作日')) {
    options.push({ time_limit: fields.time_limit.replace('20个工作日', '30个工作日') });
  }
  return options.length > 0 ? rng.pick(options) : undefined;
}

/**
 * Revise one file's tree in place, as a yearly revision does: 二级事项 removed, renamed, moved to
 * another 一级事项 of the file, or with a changed element; new 二级事项 under existing 一级事项; with
 * `newParent`, a new 一级事项; with `editContent`, reworded 公开内容. Every value comes from `rng`.
 * Names stay unique in the file (and never take the name of a removed item), codes stay unique.
 * Returns the counts.
 */
function reviseTree(rng, spec, tree, defaults, { newParent = false, editContent = false } = {}) {
  const counts = { removed: 0, renamed: 0, moved: 0, changed: 0, added1: 0, added2: 0, contentEdited: 0 };
  const names = new Set(tree.flatMap((p) => [p.name, ...p.children.map((c) => c.name)]));
  const pad = (n) => String(n).padStart(2, '0');
  // Codes continue after the highest one of the old version, so that no old code is given to another item.
  const nextCode = new Map(tree.map((p) => [p, p.children.length + 1]));
  const codeUnder = (parent) => (spec.withCodes ? `${parent.code}${pad(nextCode.get(parent) ?? 1)}` : undefined);
  const bumpCode = (parent) => nextCode.set(parent, (nextCode.get(parent) ?? 1) + 1);
  // Old items under their old name: the ones whose 公开内容 may be reworded (a renamed item keeps its elements).
  const sameName = new Set();

  const moving = [];
  for (const parent of tree) {
    let left = parent.children.length;
    const kept = [];
    for (const child of parent.children) {
      const r = rng.next();
      let p = REVISION.remove;
      if (r < p) {
        if (left > 1) {
          left--;
          counts.removed++;
          continue;
        }
      } else if (r < (p += REVISION.rename)) {
        const name = renamedTo(rng, child.name);
        if (!names.has(name)) {
          names.add(name);
          child.name = name;
          counts.renamed++;
          kept.push(child);
          continue;
        }
      } else if (r < (p += REVISION.move)) {
        const fields = effective(defaults, parent, child);
        const targets = tree.filter((t) => t !== parent && ownUnder(fields, t, defaults) !== undefined);
        if (left > 1 && targets.length > 0) {
          left--;
          moving.push({ to: rng.pick(targets), child, fields });
          continue;
        }
      } else if (r < p + REVISION.change) {
        const change = changedFields(rng, effective(defaults, parent, child));
        if (change) {
          Object.assign(child.own, change);
          counts.changed++;
        }
      }
      sameName.add(child);
      kept.push(child);
    }
    parent.children = kept;
  }

  for (const { to, child, fields } of moving) {
    child.own = ownUnder(fields, to, defaults);
    if (spec.withCodes) {
      child.code = codeUnder(to);
      bumpCode(to);
    }
    to.children.splice(rng.int(0, to.children.length), 0, child);
    counts.moved++;
  }

  const pool = (category, exclude) =>
    category.items
      .flatMap((p) => spec.domain.topics.map((t) => [p.replace('{t}', t), t]))
      .filter(([n]) => !exclude.has(n));
  for (const parent of tree) {
    if (!rng.chance(REVISION.addChild)) continue;
    const category = CATEGORIES.find((c) => c.name === parent.name);
    const free = pool(category, names);
    if (free.length === 0) continue;
    const [name, topic] = rng.pick(free);
    // Copies the elements of a sibling, but not the planted channel warning.
    const like = rng.pick(parent.children.filter((c) => !c.own.channels?.includes?.('一微一端')));
    if (!like) continue;
    const fields = { ...effective(defaults, parent, like), content: contentFor(rng, topic, category, spec.domain) };
    const child = { name, code: codeUnder(parent), own: ownUnder(fields, parent, defaults) };
    bumpCode(parent);
    names.add(name);
    parent.children.splice(rng.int(0, parent.children.length), 0, child);
    counts.added2++;
  }

  if (newParent) {
    const unused = CATEGORIES.filter((c) => !names.has(c.name));
    if (unused.length > 0) {
      const category = rng.pick(unused);
      // Numbered after the old 一级事项, so its code is new.
      const parent = buildCategory(rng, spec, category, nextCode.size, rng.int(2, 6));
      parent.children = parent.children.filter((c) => !names.has(c.name));
      if (parent.children.length > 0) {
        placeParent(rng, parent);
        for (const key of Object.keys(defaults)) {
          if (parent.own[key] !== undefined) {
            if (same(parent.own[key], defaults[key])) Reflect.deleteProperty(parent.own, key);
          } else {
            for (const child of parent.children)
              if (same(child.own[key], defaults[key])) Reflect.deleteProperty(child.own, key);
          }
        }
        for (const n of [parent.name, ...parent.children.map((c) => c.name)]) names.add(n);
        tree.splice(rng.int(0, tree.length), 0, parent);
        counts.added1++;
        counts.added2 += parent.children.length;
      }
    }
  }

  if (editContent) {
    for (const parent of tree) {
      for (const child of parent.children) {
        if (!sameName.has(child) || !rng.chance(REVISION.contentEdit)) continue;
        child.own.content = editedContent(rng, child.own.content);
        counts.contentEdited++;
      }
    }
  }
  return counts;
}

/** Split `total` into `n` positive parts with some spread (each part at least `min`). */
function split(rng, total, n, min = 1, spread = 0.5) {
  const weights = Array.from({ length: n }, () => 1 - spread + 2 * spread * rng.next());
  const sum = weights.reduce((a, b) => a + b, 0);
  const parts = weights.map((w) => Math.max(min, Math.floor((w / sum) * total)));
  let diff = total - parts.reduce((a, b) => a + b, 0);
  for (let i = 0; diff !== 0; i = (i + 1) % n) {
    if (diff > 0) {
      parts[i]++;
      diff--;
    } else if (parts[i] > min) {
      parts[i]--;
      diff++;
    }
  }
  return parts;
}

// ---------------------------------------------------------------------------------------------
// A set

function markerOf(dir) {
  try {
    return JSON.parse(readFileSync(join(dir, MARKER), 'utf8'));
  } catch {
    return undefined;
  }
}

/**
 * Make sure the set for `scale` exists and was written by this generator version.
 * Returns its marker: { version, scale, clean, revised, dir, files, items, mistakes, bytes, paths }
 * (and `revisions`, the counts, for a revised set).
 * With `clean`, the set is bench/.data/<scale>-clean/, without the planted errors (see the top).
 * With `revised`, it is bench/.data/<scale>-revised/: the clean set after a yearly revision.
 */
export function ensureScale(scale, { force = false, clean = false, revised = false, log = () => {} } = {}) {
  const config = SCALES[scale];
  if (!config) throw new Error(`unknown scale "${scale}" (known: ${Object.keys(SCALES).join(', ')})`);
  // A revision is made to the clean set.
  if (revised) clean = true;
  const name = revised ? `${scale}-revised` : clean ? `${scale}-clean` : scale;
  const dir = join(DATA_DIR, name);
  const existing = markerOf(dir);
  if (
    !force &&
    existing &&
    existing.version === GENERATOR_VERSION &&
    Boolean(existing.clean) === clean &&
    Boolean(existing.revised) === revised
  ) {
    return { ...existing, dir };
  }

  log(`generating ${name} (${config.files} files, ${config.items} items) …`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const rng = makeRng(`zwgk-bench:${scale}:v${GENERATOR_VERSION}`);
  const counties = countyNames(config.counties, rng);
  const perFile = split(rng, config.items, config.files, config.least ?? 10, config.spread ?? 0.35);

  // ~1% of files get a mistake (at least one file, except for the single small file).
  const nMistakes = scale === 'small' ? 0 : Math.max(1, Math.round(config.files * 0.01));
  const mistakeFiles = new Map(
    rng
      .sample([...Array(config.files).keys()], nMistakes)
      .sort((a, b) => a - b)
      .map((f, j) => [f, j]),
  );
  const kinds = ['channel', 'method', 'code'];

  // The revision draws from streams of its own, so the data it starts from is the clean set's.
  const revRng = makeRng(`zwgk-bench:${scale}:v${GENERATOR_VERSION}:revised`);
  const fileShare = (share) =>
    new Set(revRng.sample([...Array(config.files).keys()], Math.max(1, Math.round(config.files * share))));
  const newParentFiles = revised ? fileShare(REVISED_FILES.newParent) : new Set();
  const contentFiles = revised ? fileShare(REVISED_FILES.contentEdit) : new Set();
  const revisions = {
    removed: 0,
    renamed: 0,
    moved: 0,
    changed: 0,
    added1: 0,
    added2: 0,
    contentEdited: 0,
    contentFiles: 0,
  };
  let items = 0;

  const mistakes = [];
  const paths = [];
  let bytes = 0;
  for (let f = 0; f < config.files; f++) {
    const c = Math.floor(f / DOMAINS.length);
    const d = f % DOMAINS.length;
    const domain = DOMAINS[d];
    const county = counties[c];
    const frng = makeRng(`zwgk-bench:${scale}:v${GENERATOR_VERSION}:file${f}`);
    const [few, most] = config.parents ?? [5, 12];
    const n1 = Math.min(frng.int(few, most), Math.max(1, Math.floor(perFile[f] / 2)));
    const spec = {
      domain,
      county,
      unit: frng.chance(0.8) ? `${county}${domain.dept}` : `${county}人民政府`,
      levelColumns: LEVEL_SETS[c % LEVEL_SETS.length],
      extraColumns: frng.chance(0.2) ? ['备注'] : [],
      n1,
      counts: split(frng, perFile[f], n1, 1, 0.6),
      withCodes: frng.chance(0.4),
      codePrefix: `${String(c).padStart(3, '0')}${String(d + 1).padStart(2, '0')}`,
    };
    const tree = buildTree(frng, spec);
    const defaults = placeFields(frng, tree);
    if (mistakeFiles.has(f)) {
      const j = mistakeFiles.get(f);
      const planted = [plantMistake(frng, tree, kinds[j % kinds.length], clean)];
      if (nMistakes === 1) {
        // The district set has one mistaken file: give it all three kinds.
        planted.push(
          plantMistake(frng, tree, kinds[(j + 1) % kinds.length], clean),
          plantMistake(frng, tree, kinds[(j + 2) % kinds.length], clean),
        );
      }
      mistakes.push({ file: undefined, planted, f });
    }
    const style = recordingStyle(frng);
    let text = renderFile(style, spec, tree, defaults);
    if (revised) {
      const frev = makeRng(`zwgk-bench:${scale}:v${GENERATOR_VERSION}:revised:file${f}`);
      const counts = reviseTree(frev, spec, tree, defaults, {
        newParent: newParentFiles.has(f),
        editContent: contentFiles.has(f),
      });
      for (const [k, v] of Object.entries(counts)) revisions[k] += v;
      if (counts.contentEdited > 0) revisions.contentFiles++;
      text = renderFile(replayStyle(style, frev), spec, tree, defaults);
    }
    items += tree.reduce((n, p) => n + p.children.length, 0);
    const rel =
      config.counties > 1
        ? join(`c${String(c).padStart(3, '0')}`, `${String(d + 1).padStart(2, '0')}-${domain.name}.yaml`)
        : `${String(d + 1).padStart(2, '0')}-${domain.name}.yaml`;
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), text);
    bytes += Buffer.byteLength(text);
    paths.push(rel);
    for (const m of mistakes) if (m.f === f) m.file = rel;
  }
  const marker = {
    version: GENERATOR_VERSION,
    scale,
    ...(clean ? { clean: true } : {}),
    ...(revised ? { revised: true } : {}),
    files: config.files,
    items,
    bytes,
    mistakes: mistakes.map(({ file, planted }) => ({ file, planted })),
    ...(revised ? { revisions } : {}),
    paths,
  };
  writeFileSync(join(dir, MARKER), JSON.stringify(marker, null, 2) + '\n');
  log(`generated ${name}: ${config.files} files, ${(bytes / 1e6).toFixed(1)} MB`);
  return { ...marker, dir };
}

// ---------------------------------------------------------------------------------------------
// CLI

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const force = args.includes('--force');
  const clean = args.includes('--clean');
  const revised = args.includes('--revised');
  let scales = args.filter((a) => !a.startsWith('--'));
  if (scales.length === 0) scales = ['small', 'district', 'city'];
  if (scales.includes('all')) scales = Object.keys(SCALES);
  for (const scale of scales) {
    const m = ensureScale(scale, { force, clean, revised, log: (s) => console.error(s) });
    const name = revised ? `${scale}-revised` : clean ? `${scale}-clean` : scale;
    const r = m.revisions;
    const revisions = r
      ? `, revised: ${r.removed} removed, ${r.renamed} renamed, ${r.moved} moved, ${r.changed} changed, ${r.added1} 一级 + ${r.added2} 二级 added, 公开内容 reworded in ${r.contentEdited} items of ${r.contentFiles} files`
      : '';
    console.log(
      `${name}: ${m.files} files, ${m.items} 二级事项, ${(m.bytes / 1e6).toFixed(1)} MB, mistakes in ${m.mistakes.map((x) => x.file).join(', ') || 'none'}${revisions} → ${m.dir}`,
    );
  }
}
