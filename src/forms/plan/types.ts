import type { Finding } from '../../finding.js';
import type { FormDefinition } from '../registry.js';
import type { FormProfile, Submission, SubmissionRow } from '../types.js';

/** A submission that goes into a plan, with the file it came from. */
export interface PlanSource {
  file: string;
  submission: Submission;
}

/** One activity of the plan: a row of a submission, with the unit that holds it. */
export interface PlanEntry {
  file: string;
  unit: string;
  contact: string;
  phone: string;
  row: SubmissionRow;
}

/** The merged plan: every activity once, ordered by month, then unit, then as each unit listed them. */
export interface Plan {
  form: FormDefinition;
  profile: FormProfile;
  title: string;
  area?: string;
  year?: number;
  entries: PlanEntry[];
  /** How many units (files) the plan merges. */
  units: number;
}

/** A finding about the plan: in a submission's file, or (`file` absent) about the plan as a whole. */
export interface PlanFinding {
  file?: string;
  finding: Finding;
}
