import { FORMS } from './registry.js';
import { profileNotes } from './profile-notes.js';
import { fillTitle, type FormLayout } from './layout.js';
import type { FormId, FormProfile } from './types.js';
import { submissionYaml, type SubmissionDraft } from './write-submission.js';

/** What a new submission starts with. */
export interface SkeletonOptions {
  form: FormId;
  profileId: string;
  profile: FormProfile;
  layout: FormLayout;
  year: number;
  area?: string;
  unit?: string;
  /** Empty rows to write. Default: the profile's number of rows, else 1. */
  rows?: number;
  /** The schema for editors, relative to the file. */
  schemaPath?: string;
}

/** How many rows a blank form offers: what the profile asks for, else the layout's or the given number. */
export function blankRowCount(profile: FormProfile, fallback: number, wanted?: number): number {
  return Math.max(1, wanted ?? profile.rows?.max ?? Math.max(profile.rows?.min ?? 0, fallback));
}

/** A submission file to fill in: every field there, empty, with comments that say what goes where. */
export function submissionSkeleton(options: SkeletonOptions): string {
  const form = FORMS[options.form];
  const row = Object.fromEntries(form.rowKeys.map((k) => [k, null]));
  const draft: SubmissionDraft = {
    form: options.form,
    fields: {
      profile: options.profileId,
      year: options.year,
      area: options.area ?? null,
      unit: options.unit ?? null,
      contact: null,
      phone: null,
      date: null,
    },
    rows: Array.from({ length: blankRowCount(options.profile, 1, options.rows) }, () => ({ ...row })),
  };
  const title = fillTitle(options.layout.title, options);
  const heading = [
    title,
    `规则（${options.profile.name}）：`,
    ...profileNotes(options.profile, form, options.year).map((n) => `  ${n}`),
    '填好后检查：zwgk form check 本文件；生成可打印的表格：zwgk form render 本文件 --format xlsx（或 html）。',
  ];
  return submissionYaml(draft, {
    heading,
    profile: options.profile,
    ...(options.schemaPath ? { schemaPath: options.schemaPath } : {}),
  });
}
