// The bundle served on 127.0.0.1 and one headless Chromium, shared by the tests of a file:
// started before them and stopped after them.
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { serve } from './server.mjs';
import { launch } from './browser.mjs';
import { DIST } from './dataset.mjs';

/**
 * Registers the file's before and after hooks.
 * @returns {{server: Awaited<ReturnType<typeof serve>>, browser: Awaited<ReturnType<typeof launch>>}}
 *   filled in once the tests start
 */
export function sharedBundle() {
  const shared = {};
  before(async () => {
    assert.ok(existsSync(join(DIST, 'index.html')), `no bundle in ${DIST}/: run "make dist" first`);
    shared.server = await serve(DIST);
    shared.browser = await launch();
  });
  after(async () => {
    await shared.browser?.cleanup();
    await shared.server?.close();
  });
  return shared;
}
