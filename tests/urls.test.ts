/**
 * quickHref (src/core/_urls.ts) stands in for `new URL(value, base).href` when reading records: wherever
 * it gives an answer, it must be URL's, on tricky values and on many generated ones.
 */
import { describe, expect, it } from 'vitest';
import { quickHref, rfc3986Href } from '../src/core/_urls.js';
import { servedPath } from '../src/hosting/nginx.js';
import { rng } from './_helpers.js';

const BASES = ['https://news.example.com/', 'https://news.example.com/desk/', 'https://news.example.com/desk', 'http://a.b/', 'HTTPS://X.COM/', 'https://x.com:443/', 'https://x.com/?q', 'https://1.2.3/'];

const TRICKY = [
  'https://news.example.com/2025/05/story.html',
  'http://news.example.com/a/b',
  'https://www.reuters.com/world/',
  'https://images.example.com/photo.jpg',
  'https://example.com',
  'https://Example.com/a',
  'https://example.com./a',
  'https://1.2.3/a',
  'https://example.123/a',
  'https://example.0x1f/a',
  'https://xn--bcher-kva.example/a',
  'https://b\u00fccher.example/a',
  'https://example.com:443/a',
  'https://example.com:8080/a',
  'https://example.com/a/../b',
  'https://example.com/a/./b',
  'https://example.com/a/%2e%2e/b',
  'https://example.com/a%20b',
  'https://example.com/a b',
  'https://example.com/a?b=c',
  'https://example.com/a#top',
  'https://example.com/a\\b',
  'https://example.com//double',
  'https://example.com/\'quote\'/(x)*!$&+,;=:@~',
  'https://-bad.com/a',
  'https://bad-.com/a',
  'https://a..b/c',
  'https://user@example.com/a',
  'ftp://example.com/a',
  'https:/example.com/a',
  '2025/05/story.html',
  'story.html',
  '.hidden/a.html',
  '2025/../a.html',
  './a.html',
  'a/./b.html',
  '/rooted/a.html',
  'a b.html',
  'a:b.html',
  'a%20b.html',
  'a?b.html',
  '中文/a.html',
  '',
];

function href(value: string, base: string): string | undefined {
  try {
    return new URL(value, base).href;
  } catch {
    return undefined;
  }
}

describe('quickHref', () => {
  it('gives what URL gives, or nothing, on tricky values', () => {
    let answered = 0;
    for (const base of BASES) {
      for (const value of TRICKY) {
        const quick = quickHref(value, base);
        if (quick === undefined) continue;
        answered += 1;
        expect(quick, `${value} on ${base}`).toBe(href(value, base));
      }
    }
    // The common shapes are answered without URL.
    expect(quickHref('https://news.example.com/2025/05/story.html', BASES[0] as string)).toBeDefined();
    expect(quickHref('2025/05/story.html', BASES[0] as string)).toBe('https://news.example.com/2025/05/story.html');
    expect(answered).toBeGreaterThan(20);
  });

  it('gives what URL gives, or nothing, on generated values', () => {
    const r = rng(7);
    const pick = (s: string): string => s[Math.floor(r() * s.length)] as string;
    const CHARS = 'abcXYZ019.-_~/:@!$&\'()*+,;=%?#\\ é中';
    let answered = 0;
    for (let n = 0; n < 20000; n++) {
      const prefix = ['https://', 'http://', 'HTTPS://', 'https://www.', ''][Math.floor(r() * 5)] as string;
      let rest = '';
      for (let k = 0, len = 1 + Math.floor(r() * 24); k < len; k++) rest += r() < 0.6 ? pick('abcdefz0189-.') : pick(CHARS);
      if (prefix !== '' && r() < 0.7) rest = rest.replace(/^[^/]*/, (h) => `${h}.com`) + (rest.includes('/') ? '' : '/p');
      const value = prefix + rest;
      const base = BASES[Math.floor(r() * BASES.length)] as string;
      const quick = quickHref(value, base);
      if (quick === undefined) continue;
      answered += 1;
      expect(quick, `${JSON.stringify(value)} on ${base}`).toBe(href(value, base));
    }
    expect(answered).toBeGreaterThan(500);
  });
});

describe('rfc3986Href', () => {
  it('percent-encodes what URL keeps but RFC 3986 forbids (the validator\'s InvalidUriChar), after the authority only', () => {
    const href = (u: string) => rfc3986Href(new URL(u).href);
    expect(href('https://news.example.com/search?q=gaza|israel&x=[1]')).toBe('https://news.example.com/search?q=gaza%7Cisrael&x=%5B1%5D');
    expect(href('https://news.example.com/p|^/a?b={c}`#f|g#h')).toBe('https://news.example.com/p%7C%5E/a?b=%7Bc%7D%60#f%7Cg%23h');
    expect(href('https://[2001:db8::1]/a|b')).toBe('https://[2001:db8::1]/a%7Cb');
    expect(href('https://x.example/100%-sure?a=%41')).toBe('https://x.example/100%25-sure?a=%41');
    // The common case is returned as it is.
    for (const u of TRICKY) {
      const h = (() => { try { return new URL(u).href; } catch { return undefined; } })();
      if (h !== undefined && !/[|^[\]{}`]|%(?![0-9A-Fa-f]{2})|#.*#/.test(h.replace(/^[a-z]+:\/\/\[[^\]]*\]/i, ''))) expect(rfc3986Href(h)).toBe(h);
    }
  });
});

describe('servedPath (src/hosting/nginx.ts): where nginx.conf and _headers put each built file', () => {
  const bases = ['https://news.example.com/feeds/', 'https://news.example.com/', 'https://news.example.com/feeds', 'https://x.test/f/?q=1', 'https://x.test/f/#x',
    "http://x.test/a%20b/$c'd/", 'https://x.test/新闻/', 'https://x.test/a/../b/', 'HTTPS://X.TEST/F/'];
  const pathOrError = (fn: () => string): string => {
    try {
      return fn();
    } catch (e) {
      return `throws ${(e as Error).name}`;
    }
  };

  it('is the URL parser\'s pathname, on tricky names and 20,000 generated ones', () => {
    const names = ['rss.xml', 'sections/world/atom.xml', 'sections/欧洲/rss.xml', './x', '../x', 'a/../b', 'a/./b', '.hidden', 'a..b', '...', '/abs', 'a//b',
      'a%20b', 'a b', 'x?y', 'x#y', '.', '..', 'a/.', 'a/..', 'a\\b', '~a', '-'];
    const r = rng(29);
    const chars = ['a', 'Z', '9', '.', '/', '-', '_', '~', '%', ' ', '?', '#', '\\', '新', '.', '/'];
    for (let i = 0; i < 20_000; i++) names.push(Array.from({ length: 1 + Math.floor(r() * 8) }, () => chars[Math.floor(r() * chars.length)]).join(''));
    for (const base of bases) {
      for (const name of names) expect(pathOrError(() => servedPath(name, base)), `${JSON.stringify(name)} on ${base}`).toBe(pathOrError(() => new URL(name, base).pathname));
    }
  });
});
