// Bundles a script that runs inside a browser page (extension page or plain page) into one IIFE string.
import { build } from 'esbuild';
import { join } from 'node:path';
import { ROOT } from '../test/e2e/paths';

/** `entry` is relative to the repository root, e.g. "bench/baseline-page.ts". */
export async function bundlePageScript(entry: string): Promise<string> {
  const result = await build({
    entryPoints: [join(ROOT, entry)],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    logLevel: 'warning',
  });
  return result.outputFiles[0]!.text;
}
