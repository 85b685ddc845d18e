// Exports and imports through the worker's transfer job protocol from an extension page, as the library
// page does (without the download or the file picker), for tests that only need the file's text.
import type { Page } from 'playwright-core';

/** The Crisscross JSON export of everything, fetched chunk by chunk from the worker. */
export async function exportJsonText(extensionPage: Page): Promise<string> {
  return extensionPage.evaluate(async () => {
    const send = async (type: string, payload: unknown) => {
      const result = await (
        globalThis as unknown as {
          chrome: { runtime: { sendMessage: (m: unknown) => Promise<{ ok: boolean; value: never; error?: string }> } };
        }
      ).chrome.runtime.sendMessage({ channel: 'crisscross', type, payload });
      if (!result.ok) throw new Error(result.error);
      return result.value as Record<string, unknown>;
    };
    const { jobId } = await send('startExport', { format: 'json' });
    let text = '';
    for (;;) {
      const next = await send('nextExportPart', { jobId });
      if (next.restarted) text = '';
      const part = next.part as { text?: string } | null;
      if (part?.text) text += part.text;
      if (next.file) return text;
    }
  });
}

/** Imports a file's text through the worker's import job protocol, in parts, as the library page does. */
export async function importText(extensionPage: Page, fileName: string, text: string, partChars = 1_000_000) {
  return extensionPage.evaluate(
    async ({ fileName, text, partChars }) => {
      const send = async (type: string, payload: unknown) => {
        const result = await (
          globalThis as unknown as {
            chrome: { runtime: { sendMessage: (m: unknown) => Promise<{ ok: boolean; value: never; error?: string }> } };
          }
        ).chrome.runtime.sendMessage({ channel: 'crisscross', type, payload });
        if (!result.ok) throw new Error(result.error);
        return result.value as Record<string, unknown>;
      };
      const { jobId } = await send('startImport', { fileName, size: text.length });
      for (let index = 0; index * partChars < text.length; index++) {
        await send('sendImportPart', { jobId, index, text: text.slice(index * partChars, (index + 1) * partChars) });
      }
      return (await send('finishImport', { jobId })) as { added: number };
    },
    { fileName, text, partChars },
  );
}
