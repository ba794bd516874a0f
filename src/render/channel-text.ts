import { STANDARD_CHANNELS } from '../catalog/vocabulary.js';

/** How 公开渠道和载体 is printed: the ticked checklist officials use, or a plain list. */
export type ChannelStyle = 'checklist' | 'list';

/**
 * The channel cell's text. As a checklist: every standard box, ■ for chosen and □ for not, two per
 * line, with custom channels after “其他:”. As a list: the chosen channels, separated by 、.
 */
export function channelText(channels: readonly string[], others: readonly string[], style: ChannelStyle): string {
  if (style === 'list') return [...channels.filter((c) => c !== '其他'), ...others].join('、');
  const standard = STANDARD_CHANNELS.filter((c) => c !== '其他');
  const extra = channels.filter((c) => c !== '其他' && !(standard as readonly string[]).includes(c));
  const boxes = [...standard, ...extra].map((c) => `${channels.includes(c) ? '■' : '□'}${c}`);
  const other = channels.includes('其他') || others.length > 0;
  boxes.push(`${other ? '■' : '□'}其他${others.length > 0 ? `:${others.join('、')}` : ''}`);
  const lines: string[] = [];
  for (let i = 0; i < boxes.length; i += 2) lines.push(boxes.slice(i, i + 2).join(' '));
  return lines.join('\n');
}
