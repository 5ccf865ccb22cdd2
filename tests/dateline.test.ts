import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../src/core/config.js';
import { styleFor } from '../src/core/dateline.js';
import { renderDateline } from '../src/index.js';
import { SITE_CONFIG } from './_helpers.js';

describe('dateline house styles', () => {
  it.each([
    ['xinhua', 'Washington', '2025-02-04', 'Xinhua', false, 'WASHINGTON, Feb. 4 (Xinhua) --'],
    ['xinhua', 'Beijing', '2025-03-31', 'Xinhua', false, 'BEIJING, March 31 (Xinhua) --'],
    ['xinhua', 'Gaza', '2025-12-01', 'Xinhua', false, 'GAZA, Dec. 1 (Xinhua) --'],
    ['xinhua', 'Beijing', '2025-02-07', undefined, false, 'BEIJING, Feb. 7 --'],
    ['ap', 'Beirut', '2025-02-04', 'AP', false, 'BEIRUT (AP) —'],
    ['ap', 'Washington', '2025-09-04', 'AP', true, 'WASHINGTON, Sept. 4 (AP) —'],
    ['ap', 'Denver', '2025-06-04', 'AP', true, 'DENVER, June 4 (AP) —'],
    ['reuters', 'Washington', '2025-02-04', 'Reuters', false, 'WASHINGTON, Feb 4 (Reuters) -'],
    ['reuters', 'London', '2025-09-30', 'Reuters', false, 'LONDON, Sept 30 (Reuters) -'],
    ['xinhua-zh', '华盛顿', '2025-02-04', '新华社', false, '新华社华盛顿2月4日电'],
    ['xinhua-zh', '伦敦', '2025-12-25', undefined, false, '本报伦敦12月25日电'],
    ['plain', 'Washington', '2025-02-04', undefined, false, 'WASHINGTON —'],
    ['plain', 'Washington', '2025-08-04', undefined, true, 'WASHINGTON, Aug. 4 —'],
    // An agency named in full prints the credit it puts in its own datelines (QA: "(Associated Press)").
    ['ap', 'Vancouver', '2025-10-12', 'Associated Press', false, 'VANCOUVER (AP) —'],
    ['ap', 'Vancouver', '2025-10-12', 'The  associated press', false, 'VANCOUVER (AP) —'],
    ['xinhua', 'Paris', '2025-10-12', 'Agence France-Presse', false, 'PARIS, Oct. 12 (AFP) --'],
    ['reuters', 'Tokyo', '2025-10-12', 'Kyodo News', false, 'TOKYO, Oct 12 (Kyodo) -'],
    ['xinhua', 'Beijing', '2025-10-12', 'Xinhua News Agency', false, 'BEIJING, Oct. 12 (Xinhua) --'],
    ['xinhua', 'Seoul', '2025-10-12', 'Korea Herald', false, 'SEOUL, Oct. 12 (Korea Herald) --'],
  ] as const)('%s: %s on %s (%s)', (style, city, date, agency, dated, expected) => {
    expect(renderDateline(style, { city, date, agency }, dated)).toBe(expected);
  });

  it('uses every AP month form', () => {
    const months = Array.from({ length: 12 }, (_, m) => renderDateline('xinhua', { city: 'X', date: `2025-${String(m + 1).padStart(2, '0')}-01` }, false));
    expect(months.map((d) => d.slice(3, -3))).toEqual([
      'Jan. 1', 'Feb. 1', 'March 1', 'April 1', 'May 1', 'June 1', 'July 1', 'Aug. 1', 'Sept. 1', 'Oct. 1', 'Nov. 1', 'Dec. 1',
    ]);
  });
});

describe('dateline style by language', () => {
  it('finds a style given for a language tag in any case (en-GB, zh-TW), then for its language, then the default', () => {
    const data = { ...SITE_CONFIG, datelineStyle: { default: 'plain', 'en-GB': 'reuters', 'zh-TW': 'xinhua-zh', AR: 'ap' } };
    const config = resolveConfig(data, 'cfg', () => 1).config!;
    expect(['en-GB', 'en-gb', 'zh-TW', 'ar', 'ar-EG', 'en', 'fr'].map((l) => styleFor(config, l))).toEqual(['reuters', 'reuters', 'xinhua-zh', 'ap', 'ap', 'plain', 'plain']);
  });
});

describe('a Chinese house style with names in Latin letters', () => {
  it('is named (W_DATELINE_STYLE) with the dateline it would print', async () => {
    const { validateRecords } = await import('../src/index.js');
    const config = resolveConfig({ ...SITE_CONFIG, datelineStyle: { default: 'xinhua', zh: 'xinhua-zh' } }, 'cfg', () => 1).config!;
    const rec = (id: string, data: Record<string, unknown>) => ({ file: `${id}.md`, kind: 'markdown' as const, data: { id, title: 'T', date: '2025-02-05 09:24', language: 'zh', ...data }, body: '正文。', lineOf: () => 3, slugPath: id });
    const v = validateRecords([
      rec('latin', { agency: 'Xinhua', dateline: { city: 'Washington', timezone: 'America/New_York' } }),
      rec('chinese', { agency: '新华社', dateline: { city: '华盛顿', timezone: 'America/New_York' } }),
      rec('english', { language: 'en', agency: 'Xinhua', dateline: { city: 'Washington', timezone: 'America/New_York' } }),
    ], config);
    expect(v.diagnostics.map((d) => `${d.file}: ${d.code}: ${d.message}`)).toEqual([
      'latin.md: W_DATELINE_STYLE: the xinhua-zh house style prints a Chinese dateline (新华社北京2月5日电), and this one would read "XinhuaWashington2月4日电": give the city (and the agency) in Chinese, or the record a language with another style',
    ]);
    expect(v.articles).toHaveLength(3);
  });
});
