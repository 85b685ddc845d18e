// The one typed protocol between the parts: each request's name, payload and response.
import type { ClipSummary, PageCapture, Truncation } from '../core/page-capture';

/** What the popup shows about a tab before anything is clipped. */
export type PageState =
  | { kind: 'restricted'; reason: string }
  | { kind: 'page'; url: string; title: string; clip: ClipSummary | null };

export interface ClipOutcome {
  status: 'saved' | 'updated';
  clip: ClipSummary;
  source: PageCapture['source'];
  truncated: Truncation | null;
}

/** Requests the background worker answers (from extension pages). */
export interface BackgroundRequests {
  getPageState: { request: { tabId: number }; response: PageState };
  clipTab: { request: { tabId: number }; response: ClipOutcome };
  listRecentClips: { request: { limit: number }; response: ClipSummary[] };
  /** Sent when the popup opens so a stopped worker starts before the user acts. */
  warmUp: { request: Record<string, never>; response: { ready: true } };
}

/** Requests a content script answers (from the background worker). */
export interface ContentRequests {
  capturePage: { request: Record<string, never>; response: PageCapture };
}

/** Who may send a request: our extension's own pages, or our content scripts in tabs. */
export type SenderKind = 'extension-page' | 'content-script';

export interface Envelope<M, K extends keyof M & string = keyof M & string> {
  /** Marks our messages apart from anything else on the channel. */
  channel: 'crisscross';
  type: K;
  payload: M[K] extends { request: infer R } ? R : never;
}

export type RequestOf<M, K extends keyof M> = M[K] extends { request: infer R } ? R : never;
export type ResponseOf<M, K extends keyof M> = M[K] extends { response: infer R } ? R : never;
