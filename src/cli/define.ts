import { Option, type Command } from 'commander';

/**
 * One option of a command, as commander takes it: the flag string (`-f, --format <format>`, `--quiet`,
 * `--no-config`), the help line, and what its value may be. The type of the value follows from these
 * (see `FlagsOf`), so what an action reads is what the command declares.
 */
export interface OptionSpec {
  readonly flags: string;
  readonly description: string;
  /** The values allowed; the value's type is their union. Take them from a registry. */
  readonly choices?: readonly string[];
  /** Turns the text into the value (called once per occurrence, with the value so far); its result is the value's type. */
  readonly parse?: (value: string, previous: never) => unknown;
  /** The value when the flag is absent: the flag is then always set. */
  readonly default?: string;
  /** The flag must be given (commander's `requiredOption`): always set. */
  readonly required?: true;
}

/** One argument of a command: `<name>` (required), `[name]` (optional), `…...` (the rest, as a list). */
export interface ArgumentSpec {
  readonly name: string;
  readonly description: string;
  /** The value when the argument is absent. */
  readonly default?: string;
}

/** `max-warnings` → `maxWarnings`, as commander names the attribute. */
type Camel<S extends string> = S extends `${infer A}-${infer B}` ? `${A}${Capitalize<Camel<B>>}` : S;

/** The attribute a flag string sets: its long name, without `no-`, in camel case. */
export type FlagName<F extends string> = F extends `${string}--no-${infer Rest}`
  ? Camel<Rest extends `${infer N} ${string}` ? N : Rest>
  : F extends `${string}--${infer Rest}`
    ? Camel<Rest extends `${infer N} ${string}` ? N : Rest>
    : never;

/** The value one option sets: `false` for `--no-…`, `true` for a switch, else parsed, chosen or the text. */
type FlagValue<S extends OptionSpec> = S['flags'] extends `${string}--no-${string}`
  ? false
  : S['flags'] extends `${string}<${string}>`
    ? S extends { parse: (...args: never[]) => infer R }
      ? R
      : S extends { choices: readonly (infer C)[] }
        ? C
        : string
    : true;

/** Options that are always set: with a default, or required. */
type Always<S extends OptionSpec> = S extends { default: string } | { required: true } ? S : never;

/** The values the options named `K` may set (one name may have two options: `--color`, `--no-color`). */
type ValueOf<S extends OptionSpec, K> = S extends unknown
  ? FlagName<S['flags']> extends K
    ? FlagValue<S>
    : never
  : never;

type Simplify<T> = { [K in keyof T]: T[K] } & {};

/**
 * The flags object commander passes an action, from the command's option declarations: one property per
 * attribute, optional unless an option of it has a default or is required; two options of one attribute
 * (`--color` and `--no-color`, `--config <file>` and `--no-config`) give the union of their values.
 */
export type FlagsOf<Specs extends readonly OptionSpec[]> = Simplify<
  { [K in FlagName<Always<Specs[number]>['flags']>]: ValueOf<Specs[number], K> } & {
    [K in Exclude<FlagName<Specs[number]['flags']>, FlagName<Always<Specs[number]>['flags']>>]?: ValueOf<
      Specs[number],
      K
    >;
  }
>;

/** The value of one argument: a list for `…...`, a string when required or defaulted, else maybe absent. */
type ArgumentValue<A extends ArgumentSpec> = A['name'] extends `${string}...${string}`
  ? string[]
  : A['name'] extends `<${string}>`
    ? string
    : A extends { default: string }
      ? string
      : string | undefined;

/** The arguments commander passes an action, in order. */
export type ArgumentsOf<Args extends readonly ArgumentSpec[]> = { -readonly [I in keyof Args]: ArgumentValue<Args[I]> };

/** A command's arguments and options, the action that receives them typed, and text after its help. */
export interface CommandSpec<Args extends readonly ArgumentSpec[], Options extends readonly OptionSpec[]> {
  arguments: Args;
  options: Options;
  helpAfter?: string;
  action: (...args: [...ArgumentsOf<Args>, FlagsOf<Options>]) => Promise<void>;
}

/** The names of a registry, in its order, typed as its keys (the `choices` of a flag that picks one). */
export function namesOf<R extends object>(registry: R): (keyof R & string)[] {
  return Object.keys(registry) as (keyof R & string)[];
}

/** Declare each argument and option on `command`, in order, and its action with the flags typed from them. */
export function defineCommand<const Args extends readonly ArgumentSpec[], const Options extends readonly OptionSpec[]>(
  command: Command,
  spec: CommandSpec<Args, Options>,
): Command {
  for (const argument of spec.arguments) {
    if (argument.default === undefined) command.argument(argument.name, argument.description);
    else command.argument(argument.name, argument.description, argument.default);
  }
  for (const o of spec.options) {
    const option = new Option(o.flags, o.description);
    if (o.choices) option.choices(o.choices);
    if (o.parse) option.argParser(o.parse as (value: string, previous: unknown) => unknown);
    if (o.default !== undefined) option.default(o.default);
    if (o.required) option.makeOptionMandatory();
    command.addOption(option);
  }
  if (spec.helpAfter !== undefined) command.addHelpText('after', spec.helpAfter);
  // commander passes the arguments, then the flags (as the options declare them), then the command.
  return command.action((...args: unknown[]) =>
    spec.action(...(args.slice(0, -1) as [...ArgumentsOf<Args>, FlagsOf<Options>])),
  );
}
