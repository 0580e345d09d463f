import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { JSDOM } from 'jsdom';

/** Absolute path of a file in test/fixtures. */
export const fixturePath = (name: string): string =>
  fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));

export const readFixture = (name: string): string => readFileSync(fixturePath(name), 'utf8');

/** The address the golden test clips the news fixture from (the issue fixes it). */
export const NEWS_URL = 'http://127.0.0.1:8080/media/nato-ambassador.html';

/** A jsdom document for a fixture, as the CLI builds it (no scripts run, nothing fetched). */
export function fixtureDocument(name: string, url: string): Document {
  return new JSDOM(readFixture(name), { url }).window.document;
}

