import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '../..');
export const EXAMPLES = {
  themeDay: join(ROOT, 'catalogs/forms/zhutiri-jiaoyu-2024.yaml'),
  openDay: join(ROOT, 'catalogs/forms/kaifangyue-wenlv-2025.yaml'),
};

/** A theme-day row in YAML. */
export interface ThemeRow {
  theme: string;
  month: number | string;
  form: string;
  brief?: string;
}

/** A theme-day submission as YAML text, valid under hunan-2023 unless the arguments make it otherwise. */
export function themeDayYaml(
  options: {
    unit?: string;
    contact?: string;
    phone?: string;
    date?: string;
    year?: number;
    rows?: ThemeRow[];
    extra?: string;
  } = {},
): string {
  const rows = options.rows ?? [
    { theme: '义务教育招生现场观摩', month: 6, form: '现场观摩', brief: '观摩报名审核流程。' },
    { theme: '课后服务政策座谈', month: 9, form: '座谈交流' },
  ];
  const lines = [
    'kind: form/theme-day',
    `year: ${options.year ?? 2024}`,
    'area: 青禾区',
    `unit: ${options.unit ?? '青禾区教育局'}`,
    `contact: ${options.contact ?? '李晓梅'}`,
    `phone: "${options.phone ?? '0871-65123456'}"`,
    ...(options.date ? [`date: ${options.date}`] : []),
    ...(options.extra ? [options.extra] : []),
    'themes:',
    ...rows.flatMap((r) => [
      `  - theme: ${r.theme}`,
      `    month: ${r.month}`,
      `    form: ${r.form}`,
      ...(r.brief ? [`    brief: ${r.brief}`] : []),
    ]),
  ];
  return lines.join('\n') + '\n';
}

/** Twelve units of 青禾区 and their two themes each: months spread over April–December, fields at least once. */
export const DOZEN_UNITS = [
  '青禾区教育局',
  '青禾区民政局',
  '青禾区卫生健康局',
  '青禾区人力资源和社会保障局',
  '青禾区住房和城乡建设局',
  '青禾区交通运输局',
  '青禾区农业农村局',
  '青禾区生态环境分局',
  '青禾区市场监督管理局',
  '青禾区医疗保障局',
  '清河街道办事处',
  '青禾镇人民政府',
];

export function dozenSubmissions(): { name: string; text: string }[] {
  const others = ['座谈交流', '政策发布', '问卷调查'];
  return DOZEN_UNITS.map((unit, i) => ({
    name: `u${String(i).padStart(2, '0')}.yaml`,
    text: themeDayYaml({
      unit,
      contact: `联系人${i}`,
      phone: `0871-6512${String(i).padStart(4, '0')}`,
      rows: [
        { theme: `${unit}重点工作实地调研`, month: 4 + (i % 9), form: i % 2 ? '实地调研' : '现场观摩' },
        { theme: `${unit}政策解读`, month: 4 + ((i * 5 + 3) % 9), form: others[i % 3]! },
      ],
    }),
  }));
}
