/** A metrics family the dataset may lack (patents, talent …), or an error naming it. */
export function family<T>(value: T | undefined, name: string): T {
  if (value === undefined) throw new Error(`the metrics document has no "${name}" (the dataset has no table for it)`);
  return value;
}
