import { ValidationError } from '../../../model/errors.js';
import type { Label } from '../../../model/entities.js';

type LabelArg = { key: string; value?: string | null };

/** Labels as the model has them: a value absent in GraphQL is the empty string. */
export const labelsOf = (labels: readonly LabelArg[] | null | undefined): Label[] => (labels ?? []).map((l) => ({ key: l.key, value: l.value ?? '' }));

/** A replacement label set (setClusterLabels, setHostLabels): each key once. */
export function labelSet(labels: readonly LabelArg[]): Label[] {
  const keys = labels.map((l) => l.key);
  const dup = keys.find((k, i) => keys.indexOf(k) !== i);
  if (dup) throw new ValidationError('labels', `key "${dup}" appears twice`);
  return labelsOf(labels);
}
