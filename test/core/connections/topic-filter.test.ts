import { describe, expect, it } from 'vitest';
import { NO_TOPIC_FILTER, itemMatches, pairMatches } from '../../../src/core/connections/topic-filter';

describe('topic pair filter', () => {
  it('keeps everything without a topic chosen', () => {
    expect(itemMatches(['google'], NO_TOPIC_FILTER)).toBe(true);
    expect(pairMatches(['google'], ['social media'], NO_TOPIC_FILTER)).toBe(true);
  });

  it('with one topic, keeps its items and the connections touching it', () => {
    const filter = { a: 'google', b: '' };
    expect(itemMatches(['google', 'news'], filter)).toBe(true);
    expect(itemMatches(['social media'], filter)).toBe(false);
    expect(pairMatches(['social media'], ['google'], filter)).toBe(true);
    expect(pairMatches(['social media'], ['travel'], filter)).toBe(false);
    expect(pairMatches(['travel'], ['social media'], { a: '', b: 'social media' })).toBe(true);
  });

  it('with two topics, keeps the items of either and only the connections running between them', () => {
    const filter = { a: 'google', b: 'social media' };
    expect(itemMatches(['social media'], filter)).toBe(true);
    expect(itemMatches(['travel'], filter)).toBe(false);
    expect(pairMatches(['social media'], ['google'], filter)).toBe(true);
    expect(pairMatches(['google'], ['social media', 'news'], filter)).toBe(true);
    expect(pairMatches(['google'], ['travel'], filter)).toBe(false);
  });
});
