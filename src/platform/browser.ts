// The one place that imports webextension-polyfill: the rest of the code base gets `browser` from here.
import browser from 'webextension-polyfill';

export type { Runtime, Tabs, Menus, WebRequest } from 'webextension-polyfill';
export type Browser = typeof browser;
export { browser };
