let counter = 0;

/** Ids for ARIA references (aria-describedby, aria-activedescendant), unique within one page. */
export function uniqueId(prefix: string): string {
  counter += 1;
  return `${prefix}-${counter}`;
}
