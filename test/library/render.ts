// Renders a Preact tree into happy-dom's document for a component test, and removes it afterwards.
import { render, type VNode } from 'preact';
import { act } from 'preact/test-utils';

const mounted: HTMLElement[] = [];

export async function mount(tree: VNode): Promise<HTMLElement> {
  const root = document.createElement('div');
  document.body.append(root);
  mounted.push(root);
  await act(() => render(tree, root));
  return root;
}

export async function unmountAll(): Promise<void> {
  for (const root of mounted.splice(0)) {
    await act(() => render(null, root));
    root.remove();
  }
}

/** Changes a form control's value the way a user's choice does: value set, then input and change. */
export async function choose(control: HTMLInputElement | HTMLSelectElement, value: string): Promise<void> {
  await act(() => {
    control.value = value;
    control.dispatchEvent(new Event('input', { bubbles: true }));
    control.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

export async function click(element: Element): Promise<void> {
  await act(() => (element as HTMLElement).click());
}

/** The element whose visible text or accessible name is `name`, among those matching `selector`. */
export function byName<T extends Element = HTMLElement>(root: ParentNode, selector: string, name: string | RegExp): T {
  const found = [...root.querySelectorAll<T>(selector)].find((element) => {
    const label = element.getAttribute('aria-label') ?? element.textContent?.trim() ?? '';
    return typeof name === 'string' ? label === name : name.test(label);
  });
  if (!found) throw new Error(`No ${selector} named ${String(name)}`);
  return found;
}
