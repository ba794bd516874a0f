import type { Diagnostic } from '../../src/diagnostics.js';
import { resolveValidateOptions, type ValidateOptions } from '../../src/validate/options.js';
import { validateText } from '../../src/validate/validate-text.js';

/** Validate YAML text as a catalog file named `test.yaml`; returns the findings. */
export function check(yaml: string, options: Partial<ValidateOptions> = {}): Diagnostic[] {
  return validateText('test.yaml', yaml, resolveValidateOptions(options)).diagnostics;
}

/** The codes of the findings, for compact assertions. */
export function codes(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((d) => d.code);
}

/** A minimal valid catalog; `items` replaces the item list (YAML text indented by two spaces). */
export function catalog(items: string, header = ''): string {
  return `domain: 义务教育
unit: 青禾区教育局
level_columns: [县级, 乡级]
${header}items:
${items}`;
}

/** One complete, valid 二级事项 under a 一级事项, with fields overridable by extra YAML lines. */
export function validItem(extra = ''): string {
  return `  - name: 政策文件
    items:
      - name: 法律法规
        content: 与义务教育有关的法律、法规
        basis: 《中华人民共和国政府信息公开条例》(国务院令第711号)
        time_limit: 信息形成或者变更之日起20个工作日内
        subject: 青禾区教育局
        channels: [政府网站]
        audience: 全社会
        method: 主动
        levels: [县级]
${extra}`;
}
