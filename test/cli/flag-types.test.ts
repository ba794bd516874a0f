import { Command, type Option } from 'commander';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { defineCommand, namesOf, type FlagsOf } from '../../src/cli/define.js';
import {
  DIFF_OPTIONS,
  FORM_CHECK_OPTIONS,
  RENDER_OPTIONS,
  validateOptions,
  type DiffFlags,
  type FormCheckFlags,
  type RenderFlags,
  type RulesFlags,
  type SchemaFlags,
  type ValidateFlags,
} from '../../src/cli/options.js';
import { outputPairs, type OutputSpec } from '../../src/cli/outputs.js';
import { DIFF_FORMATTERS, type DiffFormatName } from '../../src/diff/format/registry.js';
import { FAIL_ON, type FailOn } from '../../src/diff/policy.js';
import { LANGS, type Lang } from '../../src/i18n.js';
import { RENDERERS, type RenderFormat } from '../../src/render/registry.js';
import { FILE_FORMAT_LOADERS, FORMAT_LOADERS, FORMAT_NAMES } from '../../src/report/load-formatter.js';
import { FORMATTERS, type FormatName } from '../../src/report/registry.js';

// The flags of each action are typed from the option declarations (src/cli/options.ts): these lines are
// checked by tsc (`npm run typecheck`, part of `npm test`); each `@ts-expect-error` fails the check if the
// line below it ever compiles.

/** The commander options a list of declarations gives, by attribute name. */
function declared(options: Parameters<typeof defineCommand>[1]['options']): Map<string, Option> {
  const command = defineCommand(new Command('t'), { arguments: [], options, action: async () => {} });
  return new Map(command.options.map((o) => [o.attributeName(), o]));
}

describe('flag types derived from the declarations', () => {
  it('give each flag the type its declaration says', () => {
    expectTypeOf<DiffFlags['format']>().toEqualTypeOf<DiffFormatName>();
    expectTypeOf<DiffFlags['failOn']>().toEqualTypeOf<FailOn | undefined>();
    expectTypeOf<DiffFlags['baseline']>().toEqualTypeOf<true | undefined>();
    expectTypeOf<DiffFlags['config']>().toEqualTypeOf<string | false | undefined>();
    expectTypeOf<DiffFlags['color']>().toEqualTypeOf<boolean | undefined>();
    expectTypeOf<DiffFlags['lang']>().toEqualTypeOf<Lang | undefined>();
    expectTypeOf<RenderFlags['format']>().toEqualTypeOf<RenderFormat | undefined>();
    expectTypeOf<RenderFlags['output']>().toEqualTypeOf<string>();
    expectTypeOf<ValidateFlags['format']>().toEqualTypeOf<OutputSpec[] | undefined>();
    expectTypeOf<ValidateFlags['maxWarnings']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<ValidateFlags['stdinFilename']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<FormCheckFlags['format']>().toEqualTypeOf<'stylish' | 'json'>();
    expectTypeOf<FormCheckFlags['format']>().toExtend<FormatName>();
    expectTypeOf<RulesFlags['format']>().toEqualTypeOf<'text' | 'json' | 'markdown'>();
    expectTypeOf<keyof SchemaFlags>().toEqualTypeOf<'output' | 'lang'>();
  });

  it('make reading an undeclared flag, or a flag as another type, a compile error', () => {
    const reads = (diff: DiffFlags, render: RenderFlags, validate: ValidateFlags): unknown[] => {
      const read: unknown[] = [];
      // @ts-expect-error -- zwgk diff declares no --nonexistent
      read.push(diff.nonexistent);
      // @ts-expect-error -- --dry-run is zwgk fix's, not diff's
      read.push(diff.dryRun);
      // @ts-expect-error -- zwgk render declares no --quiet
      read.push(render.quiet);
      // @ts-expect-error -- --channels is render's, not validate's
      read.push(validate.channels);
      return read;
    };
    // @ts-expect-error -- --title is text, not a number
    const title: number | undefined = ({} as RenderFlags).title;
    // @ts-expect-error -- -f of render picks a render format, never a findings format
    const format: RenderFlags['format'] = 'sarif';
    // @ts-expect-error -- --max-warnings is parsed to a number
    const limit: string | undefined = ({} as ValidateFlags).maxWarnings;
    expect([reads, title, format, limit]).toHaveLength(4);
  });

  it('type an action from its own declarations, arguments included', async () => {
    const REGISTRY = { alpha: 1, beta: 2 };
    let seen: unknown;
    const command = defineCommand(new Command('t').exitOverride(), {
      arguments: [
        { name: '<file>', description: '' },
        { name: '[rest...]', description: '' },
      ],
      options: [
        { flags: '-f, --format <name>', description: '', choices: namesOf(REGISTRY), default: 'alpha' },
        { flags: '--size <n>', description: '', parse: (value: string) => Number(value) },
        { flags: '-q, --quiet', description: '' },
      ],
      action: (file, rest, flags) => {
        expectTypeOf(file).toEqualTypeOf<string>();
        expectTypeOf(rest).toEqualTypeOf<string[]>();
        expectTypeOf(flags).toEqualTypeOf<{ format: 'alpha' | 'beta'; size?: number; quiet?: true }>();
        // @ts-expect-error -- not declared
        seen = flags.verbose;
        seen = { file, rest, flags };
        return Promise.resolve();
      },
    });
    await command.parseAsync(['x.yaml', 'a', 'b', '-f', 'beta', '--size', '3'], { from: 'user' });
    expect(seen).toEqual({ file: 'x.yaml', rest: ['a', 'b'], flags: { format: 'beta', size: 3 } });
    expectTypeOf<FlagsOf<[{ flags: '--no-thing'; description: '' }]>>().toEqualTypeOf<{ thing?: false }>();
  });
});

describe('the choices of the command line follow the registries', () => {
  it('diff -f offers every diff formatter, and --fail-on every class', () => {
    const options = declared(DIFF_OPTIONS);
    expect(options.get('format')?.argChoices).toEqual(Object.keys(DIFF_FORMATTERS));
    expect(options.get('failOn')?.argChoices).toEqual([...FAIL_ON]);
    expect(options.get('lang')?.argChoices).toEqual([...LANGS]);
  });

  it('render -f offers every renderer', () => {
    expect(declared(RENDER_OPTIONS).get('format')?.argChoices).toEqual(Object.keys(RENDERERS));
  });

  it('validate -f names every formatter, lazily loaded in the same order as FORMATTERS, then the file formats', () => {
    expect(FORMAT_NAMES).toEqual([...Object.keys(FORMATTERS), ...Object.keys(FILE_FORMAT_LOADERS)]);
    expect(Object.keys(FILE_FORMAT_LOADERS)).toEqual(['xlsx']);
    expect(Object.keys(FORMAT_LOADERS)).toEqual(Object.keys(FORMATTERS));
    expect(declared(validateOptions(outputPairs())).get('format')?.description).toContain(FORMAT_NAMES.join('、'));
  });

  it('form check -f offers findings formats only', () => {
    for (const name of declared(FORM_CHECK_OPTIONS).get('format')?.argChoices ?? []) {
      expect(Object.keys(FORMATTERS)).toContain(name);
    }
  });
});
