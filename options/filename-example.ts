import { buildFilename } from '../src/core/filename.ts';

// The reference article (FORMAT.md): a real headline shows what a long title does to a name.
const SAMPLE = {
  title: "NATO ambassador says Ukraine peace deal could be 'on the cusp'",
  slug: 'nato-ambassador-says-ukraine-peace-deal-could-be-on-the-cusp',
  date: '2026-01-06',
  site: 'foxnews.com',
};

/** Where a sample article would be saved with this template and subfolder. */
export function filenameExample(template: string, subfolder: string): string {
  const name = buildFilename(template, SAMPLE);
  return subfolder === '' ? name : `${subfolder}/${name}`;
}
