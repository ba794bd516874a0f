import { ZwgkError } from '../../errors.js';
import { say, type Lang } from '../../i18n.js';
import { FORM_IDS, type FormId, type FormProfile, type FormProfileConfig, type FormsConfig } from '../types.js';
import { BUILTIN_PROFILES, DEFAULT_PROFILES } from './builtin.js';

/** Every profile a run knows, and the default profile of each form. */
export interface ProfileSet {
  profiles: ReadonlyMap<string, FormProfile>;
  defaults: Readonly<Record<FormId, string>>;
}

function fail(lang: Lang, zh: string, en: string): never {
  throw new ZwgkError(say(lang, { zh: `配置 forms 有误：${zh}`, en: `The forms configuration is wrong: ${en}` }));
}

/** A profile with a configured layer on top: fields replace, `addActivityForms` appends, `rules` merge. */
function layer(base: FormProfile | undefined, own: FormProfileConfig, id: string, lang: Lang): FormProfile {
  const { extends: _extends, addActivityForms, rules, ...fields } = own;
  const merged = { ...base, ...fields } as Partial<FormProfile>;
  if (addActivityForms) merged.activityForms = [...new Set([...(merged.activityForms ?? []), ...addActivityForms])];
  if (rules || base?.rules) merged.rules = { ...base?.rules, ...rules };
  if (!merged.form)
    fail(
      lang,
      `规则方案“${id}”没有写 form（theme-day 或 open-day），也没有 extends。`,
      `profile "${id}" names no form (theme-day or open-day) and extends none.`,
    );
  if (!merged.activityForms?.length)
    fail(lang, `规则方案“${id}”没有写 activityForms（活动形式）。`, `profile "${id}" lists no activityForms.`);
  if (base && merged.form !== base.form) {
    fail(
      lang,
      `规则方案“${id}”的 form 与它所继承的方案不同。`,
      `profile "${id}" is for another form than the profile it extends.`,
    );
  }
  // A profile of its own (extending another) is named by its id unless it names itself; a changed built-in keeps its name.
  const name = own.name ?? (own.extends ? id : (merged.name ?? id));
  return { ...merged, name } as FormProfile;
}

/**
 * The built-in profiles with the configuration's on top. A configured profile extends another
 * (`extends`), changes a built-in one of the same id, or stands alone. Throws a {@link ZwgkError}
 * for an unknown or circular `extends` and for defaults that name no profile of their form.
 */
export function resolveProfiles(config: FormsConfig | undefined, lang: Lang = 'zh'): ProfileSet {
  const builtin = new Map<string, FormProfile>(Object.entries(BUILTIN_PROFILES));
  const configured = config?.profiles ?? {};
  const done = new Map<string, FormProfile>();
  const resolve = (id: string, trail: readonly string[]): FormProfile => {
    const ready = done.get(id);
    if (ready) return ready;
    if (trail.includes(id))
      fail(
        lang,
        `规则方案循环继承：${[...trail, id].join(' → ')}。`,
        `profiles extend each other in a circle: ${[...trail, id].join(' → ')}.`,
      );
    const own = Object.hasOwn(configured, id) ? configured[id]! : undefined;
    let profile: FormProfile;
    if (!own) {
      const shipped = builtin.get(id);
      if (!shipped) {
        const known = [...new Set([...builtin.keys(), ...Object.keys(configured)])].sort().join('、');
        fail(
          lang,
          `没有名为“${id}”的规则方案（${trail.at(-1) ?? ''} 继承了它）。已有：${known}。`,
          `there is no profile "${id}" (extended by ${trail.at(-1) ?? ''}).`,
        );
      }
      profile = shipped;
    } else {
      const base = own.extends ? resolve(own.extends, [...trail, id]) : builtin.get(id);
      profile = layer(base, own, id, lang);
    }
    done.set(id, profile);
    return profile;
  };
  for (const id of [...builtin.keys(), ...Object.keys(configured)]) resolve(id, []);

  const defaults = { ...DEFAULT_PROFILES } as Record<FormId, string>;
  for (const form of FORM_IDS) {
    const id = config?.defaultProfiles?.[form];
    if (id === undefined) continue;
    const profile = done.get(id);
    if (!profile)
      fail(
        lang,
        `defaultProfiles.${form} 指定的规则方案“${id}”不存在。`,
        `defaultProfiles.${form} names no profile "${id}".`,
      );
    if (profile.form !== form)
      fail(
        lang,
        `defaultProfiles.${form} 指定的“${id}”是 ${profile.form} 的规则方案。`,
        `defaultProfiles.${form} names "${id}", a profile of ${profile.form}.`,
      );
    defaults[form] = id;
  }
  return { profiles: done, defaults };
}
