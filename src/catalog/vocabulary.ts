import { normalizeForMatch } from '../util/text.js';
import type { AdminLevel } from './types.js';

/** The standard boxes of 公开渠道和载体, in the order of the ministry template. */
export const STANDARD_CHANNELS = [
  '政府网站',
  '政府公报',
  '两微一端',
  '发布会/听证会',
  '广播电视',
  '纸质媒体',
  '公开查阅点',
  '政务服务中心',
  '便民服务站',
  '入户/现场',
  '社区/企事业单位/村公示栏(电子屏)',
  '精准推送',
  '其他',
] as const;

/** Boxes some regions add to the standard list. */
export const EXTENDED_CHANNELS = ['12345政务服务热线', '政务新媒体'] as const;

/** Spellings seen in real tables, mapped to the standard channel meant. */
export const CHANNEL_ALIASES: Readonly<Record<string, string>> = {
  一微一端: '两微一端',
  微信公众号: '两微一端',
  政务微信: '两微一端',
  政务微博: '两微一端',
  纸质载体: '纸质媒体',
  报刊: '纸质媒体',
  发布会听证会: '发布会/听证会',
  发布会: '发布会/听证会',
  听证会: '发布会/听证会',
  新闻发布会: '发布会/听证会',
  行政服务中心: '政务服务中心',
  政府服务中心: '政务服务中心',
  便民服务中心: '政务服务中心',
  便民惠民服务中心: '政务服务中心',
  办事窗口: '政务服务中心',
  人户现场: '入户/现场',
  '人户/现场': '入户/现场',
  入户现场: '入户/现场',
  '入户/现场宣传': '入户/现场',
  '社区/企事业单位、村公示栏(电子屏)': '社区/企事业单位/村公示栏(电子屏)',
  '村居/企事业单位公示栏(电子屏)': '社区/企事业单位/村公示栏(电子屏)',
  '社区/企事业单位公示栏(电子屏)': '社区/企事业单位/村公示栏(电子屏)',
  '社区/村公示栏(电子屏)': '社区/企事业单位/村公示栏(电子屏)',
  '单位/村委会公示栏(电子屏)': '社区/企事业单位/村公示栏(电子屏)',
  公示栏: '社区/企事业单位/村公示栏(电子屏)',
  公告公示栏: '社区/企事业单位/村公示栏(电子屏)',
  镇村公示公开栏: '社区/企事业单位/村公示栏(电子屏)',
  线下公示栏: '社区/企事业单位/村公示栏(电子屏)',
  村委会示栏: '社区/企事业单位/村公示栏(电子屏)',
  政府门户网站: '政府网站',
  门户网站: '政府网站',
  广播: '广播电视',
  电视: '广播电视',
  查阅点: '公开查阅点',
};

/** The 26 pilot domains of the national guideline set, under their current names. */
export const STANDARD_DOMAINS = [
  '城乡规划',
  '重大建设项目',
  '公共资源交易',
  '财政预决算',
  '安全生产',
  '税收管理',
  '征地补偿',
  '国有土地上房屋征收与补偿',
  '农村危房改造',
  '生态环境',
  '公共文化服务',
  '公共法律服务',
  '乡村振兴',
  '救灾',
  '食品药品监管',
  '城市综合执法',
  '就业',
  '社会保险',
  '社会救助',
  '养老服务',
  '户籍管理',
  '涉农补贴',
  '义务教育',
  '卫生健康',
  '市政服务',
  '保障性住房',
] as const;

/** Domains that local catalogs add and that are common enough to know. */
export const LOCAL_DOMAINS = ['涉农资金', '自然资源', '政府信息'] as const;

/** Earlier or local names of domains, mapped to the current name. */
export const DOMAIN_ALIASES: Readonly<Record<string, string>> = {
  环境保护: '生态环境',
  医疗卫生: '卫生健康',
  扶贫: '乡村振兴',
  涉贫涉乡村振兴: '乡村振兴',
  救灾生产: '救灾',
  财政预算决算: '财政预决算',
  就业创业: '就业',
  社会救助及福利: '社会救助',
  房屋征收与补偿: '国有土地上房屋征收与补偿',
  食品药品: '食品药品监管',
  城管执法: '城市综合执法',
};

/** Known names plus aliases, extended by a project's configuration. */
export interface Vocabulary {
  channels: ReadonlySet<string>;
  channelAliases: ReadonlyMap<string, string>;
  domains: ReadonlySet<string>;
  domainAliases: ReadonlyMap<string, string>;
}

/** Extra vocabulary a project declares in its configuration. */
export interface VocabularyExtension {
  channels?: readonly string[];
  channelAliases?: Readonly<Record<string, string>>;
  domains?: readonly string[];
  domainAliases?: Readonly<Record<string, string>>;
}

/** Build the vocabulary: the standard lists, extended by configuration. Alias keys are normalised. */
export function buildVocabulary(extension: VocabularyExtension = {}): Vocabulary {
  const aliasMap = (base: Readonly<Record<string, string>>, extra: Readonly<Record<string, string>> = {}) =>
    new Map(Object.entries({ ...base, ...extra }).map(([k, v]) => [normalizeForMatch(k), v]));
  return {
    channels: new Set([...STANDARD_CHANNELS, ...EXTENDED_CHANNELS, ...(extension.channels ?? [])]),
    channelAliases: aliasMap(CHANNEL_ALIASES, extension.channelAliases),
    domains: new Set([...STANDARD_DOMAINS, ...LOCAL_DOMAINS, ...(extension.domains ?? [])]),
    domainAliases: aliasMap(DOMAIN_ALIASES, extension.domainAliases),
  };
}

/** How a name relates to a vocabulary: known, a variant of a known name, or unknown. */
export type Match = { kind: 'known' } | { kind: 'variant'; standard: string } | { kind: 'unknown' };

/** Match a name against known names and aliases, ignoring width and white-space differences. */
export function matchName(
  name: string,
  known: ReadonlySet<string>,
  aliases: ReadonlyMap<string, string>,
  stripSuffix?: string,
): Match {
  if (known.has(name)) return { kind: 'known' };
  let key = normalizeForMatch(name);
  if (stripSuffix && key.endsWith(stripSuffix) && key.length > stripSuffix.length)
    key = key.slice(0, -stripSuffix.length);
  for (const k of known) if (normalizeForMatch(k) === key) return { kind: 'variant', standard: k };
  const alias = aliases.get(key);
  if (alias) return { kind: 'variant', standard: alias };
  return { kind: 'unknown' };
}

/**
 * What 公开层级 columns are called in real tables, by the administrative level they stand for (县级/乡级,
 * 区级/镇街级, 区县级/乡镇级, 市级/县(区)级, 镇(街)级, 村(居)级 …), written without brackets, 、 or spaces.
 */
const LEVEL_NAMES: Readonly<Record<AdminLevel, readonly string[]>> = {
  省级: ['省', '自治区', '直辖市'],
  市级: ['市', '地市', '地级', '州', '自治州', '盟', '地区', '市州'],
  县级: ['县', '区', '区县', '县区', '县市', '县市区', '市辖区', '旗', '自治县', '县市旗'],
  乡级: [
    '乡',
    '镇',
    '乡镇',
    '街道',
    '街',
    '镇街',
    '街镇',
    '乡镇街道',
    '镇乡',
    '镇街乡',
    '乡镇街',
    '苏木',
    '街道办',
    '街道办事处',
  ],
  村级: ['村', '社区', '村居', '居', '村社区', '社区村', '村社', '嘎查', '居委会', '村委会'],
};

const LEVEL_BY_NAME: ReadonlyMap<string, AdminLevel> = new Map(
  (Object.entries(LEVEL_NAMES) as [AdminLevel, readonly string[]][]).flatMap(([level, names]) =>
    [level.slice(0, -1), ...names].flatMap((n) => [[n, level] as const, [`${n}级`, level] as const]),
  ),
);

/** The administrative level a 公开层级 label stands for (镇级, 乡镇(街道)级 → 乡级), if it names one. */
export function adminLevelOf(label: string): AdminLevel | undefined {
  const key = label.normalize('NFKC').replace(/[\s()（）[\]【】、,，/]/g, '');
  return LEVEL_BY_NAME.get(key);
}
