/**
 * Whether something a group of tests needs (a browser, a build) is there. Missing on a
 * developer's machine: the tests skip, loudly. Missing in CI (`CI=true`): the run fails, because
 * a green CI that skipped them proves nothing.
 */
export function neededPresent(present: boolean, what: string, skipping: string, how: string): boolean {
  if (present) return true;
  if (process.env.CI === 'true') throw new Error(`${what} is missing: CI must run ${skipping}. ${how}`);
  const bar = '!'.repeat(78);
  console.warn(`\n${bar}\n!! ${what} is missing: SKIPPING ${skipping}.\n!! ${how}\n${bar}\n`);
  return false;
}
