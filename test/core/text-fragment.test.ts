import { describe, expect, it } from 'vitest';
import { urlWithTextFragment } from '../../src/core/text-fragment';

describe('urlWithTextFragment', () => {
  it('gives a short quote whole, encoding the characters text directives reserve', () => {
    expect(urlWithTextFragment('https://a.example/p#old', 'fast, well-made  service & care')).toBe(
      'https://a.example/p#:~:text=fast%2C%20well%2Dmade%20service%20%26%20care',
    );
  });
  it('gives a long quote by its first and last words', () => {
    const quote = 'Customer Service is the new marketing because your customers don’t live on your time';
    expect(urlWithTextFragment('https://a.example/p', quote)).toBe(
      `https://a.example/p#:~:text=${encodeURIComponent('Customer Service is the')},${encodeURIComponent('live on your time')}`,
    );
  });
  it('leaves the address alone for an empty quote', () => {
    expect(urlWithTextFragment('https://a.example/p', '   ')).toBe('https://a.example/p');
  });
});
