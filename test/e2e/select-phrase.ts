// Selecting a phrase by dragging the mouse across it, shared by the Chromium (Playwright) and the
// Firefox (Puppeteer) tests: both drivers run phraseBox in the page and offer the same mouse moves.

/** Where a phrase starts and ends on screen, found in the page; null when it is not there. */
export interface PhraseBox {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** Runs in the page: scrolls the phrase into view and measures it. */
export function phraseBox(wanted: string): PhraseBox | null {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = node.nodeValue?.indexOf(wanted) ?? -1;
    if (at < 0) continue;
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + wanted.length);
    range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
    const rects = range.getClientRects();
    const first = rects[0]!;
    const last = rects[rects.length - 1]!;
    return { x1: first.left + 1, y1: first.top + first.height / 2, x2: last.right - 1, y2: last.top + last.height / 2 };
  }
  return null;
}

interface DragMouse {
  move: (x: number, y: number, options?: { steps?: number }) => Promise<unknown>;
  down: () => Promise<unknown>;
  up: () => Promise<unknown>;
}

/** Drags across the measured phrase and releases the mouse, as a user selects text. */
export async function dragAcross(mouse: DragMouse, box: PhraseBox | null, phrase: string): Promise<void> {
  if (!box) throw new Error(`"${phrase}" is not on the page`);
  await mouse.move(box.x1, box.y1);
  await mouse.down();
  await mouse.move(box.x2, box.y2, { steps: 5 });
  await mouse.up();
}
