// Drives our on-page UI, which lives in a closed shadow root that page scripts (and Playwright's
// selectors) cannot enter: DevTools' DOM domain can, so controls are found there by accessible name
// and clicked with the real mouse, as a user would.
import type { CDPSession, Page } from 'playwright-core';
import { dragAcross, phraseBox } from './select-phrase';

interface DomNode {
  nodeId: number;
  nodeName: string;
  nodeValue?: string;
  attributes?: string[];
  children?: DomNode[];
  shadowRoots?: DomNode[];
}

const sessions = new WeakMap<Page, CDPSession>();

async function cdp(page: Page): Promise<CDPSession> {
  let session = sessions.get(page);
  if (!session) {
    session = await page.context().newCDPSession(page);
    sessions.set(page, session);
  }
  return session;
}

function attribute(node: DomNode, name: string): string | undefined {
  const attributes = node.attributes ?? [];
  for (let i = 0; i < attributes.length; i += 2) if (attributes[i] === name) return attributes[i + 1];
  return undefined;
}

function* walk(node: DomNode, inOurUi = false): Generator<{ node: DomNode; inOurUi: boolean }> {
  const ours = inOurUi || node.nodeName.toLowerCase() === 'crisscross-ui';
  yield { node, inOurUi: ours };
  for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? [])]) yield* walk(child, ours);
}

/** A control's accessible name as far as our UI sets it: aria-label, else its own text. */
function accessibleName(node: DomNode): string | undefined {
  return (
    attribute(node, 'aria-label') ??
    (node.nodeName === 'BUTTON'
      ? (node.children ?? [])
          .map((child) => child.nodeValue ?? '')
          .join('')
          .trim()
      : undefined)
  );
}

/** Finds a control of our page UI by its accessible name, visible or not. */
async function findControl(page: Page, label: string): Promise<number | null> {
  const session = await cdp(page);
  const { root } = (await session.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
  for (const { node, inOurUi } of walk(root)) if (inOurUi && accessibleName(node) === label) return node.nodeId;
  return null;
}

/** Whether our page UI shows a control with this label (laid out, not hidden). */
export async function isControlVisible(page: Page, label: string): Promise<boolean> {
  const nodeId = await findControl(page, label);
  if (nodeId === null) return false;
  try {
    await (await cdp(page)).send('DOM.getBoxModel', { nodeId });
    return true;
  } catch {
    return false;
  }
}

/** The accessible name of the control that has keyboard focus (our closed shadow root included), read
 *  from the browser's accessibility tree as assistive technology would. */
export async function focusedControl(page: Page): Promise<string | null> {
  const { nodes } = (await (await cdp(page)).send('Accessibility.getFullAXTree')) as {
    nodes: { name?: { value?: string }; role?: { value?: string }; properties?: { name: string; value: { value?: unknown } }[] }[];
  };
  const focused = nodes.find(
    (node) =>
      node.role?.value !== 'RootWebArea' &&
      node.properties?.some((property) => property.name === 'focused' && property.value.value === true),
  );
  return focused ? (focused.name?.value ?? '') : null;
}

/** A computed style of a control of our page UI (e.g. its focus outline). */
export async function controlStyle(page: Page, label: string, property: string): Promise<string | undefined> {
  const nodeId = await findControl(page, label);
  if (nodeId === null) throw new Error(`No control "${label}" in the page UI`);
  const session = await cdp(page);
  await session.send('DOM.enable');
  await session.send('CSS.enable');
  const { computedStyle } = (await session.send('CSS.getComputedStyleForNode', { nodeId })) as {
    computedStyle: { name: string; value: string }[];
  };
  return computedStyle.find((style) => style.name === property)?.value;
}

/** Clicks a control of our page UI with the mouse, once it is laid out. */
export async function clickControl(page: Page, label: string, timeoutMs = 5_000): Promise<void> {
  // Waits as Playwright's own clicks do: the toolbar appears a moment after a selection, and on a busy
  // machine it can be in the tree before it is laid out.
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const nodeId = await findControl(page, label);
    if (nodeId !== null) {
      const box = await (await cdp(page)).send('DOM.getBoxModel', { nodeId }).catch(() => null);
      if (box) {
        const [x1, y1, , , x3, y3] = (box as { model: { content: number[] } }).model.content as [
          number,
          number,
          number,
          number,
          number,
          number,
        ];
        await page.mouse.click((x1 + x3) / 2, (y1 + y3) / 2);
        return;
      }
    }
    if (Date.now() > deadline) throw new Error(`No control "${label}" laid out in the page UI`);
    await page.waitForTimeout(50);
  }
}

/** Selects `phrase` in the page as a user would by dragging, and releases the mouse. */
export async function selectPhrase(page: Page, phrase: string): Promise<void> {
  await dragAcross(page.mouse, await page.evaluate(phraseBox, phrase), phrase);
}

/** The text of each highlight drawn with the CSS Custom Highlight API, by colour. */
export async function drawnHighlights(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(() => {
    const drawn: Record<string, string[]> = {};
    const registry = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
    registry.forEach((highlight, name) => {
      drawn[name] = [...highlight].map((range) => range.toString());
    });
    return drawn;
  });
}

/** Clicks the middle of the first drawn highlight, as a user clicking the marked text. */
export async function clickDrawnHighlight(page: Page): Promise<void> {
  const point = await page.evaluate(() => {
    const registry = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
    for (const highlight of registry.values()) {
      for (const range of highlight) {
        const rect = range.getClientRects()[0];
        if (rect) return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
      }
    }
    return null;
  });
  if (!point) throw new Error('No highlight is drawn');
  await page.mouse.click(point.x, point.y);
}
