/**
 * Credit, dateline and end-mark FORMS, one small story per row, read by all three importers (text, ninjs,
 * NITF). Each row's story is written in the three formats by the helpers below, from one description: the
 * byline as printed (a "By" line or a bar line under the headline in text, `byline` in ninjs, the text of
 * <byline> in NITF, or NITF markup of its own), and the paragraphs of the body. The row's fields must come out
 * the same in every format that can express the form; a form only one format has (a label line above a text
 * story, a <person> element) is read by that one. Stories are written for these tests in our own words.
 *
 * Forms the importers get wrong, or read differently from one another, go as `it.todo` in a describe at the
 * end (the faults of the reviews are rows above).
 */
import { describe, expect, it } from 'vitest';
import { importNinjs } from '../src/importers/ninjs.js';
import { importNitf } from '../src/importers/nitf.js';
import { importText } from '../src/importers/text.js';
import { parseByline, parseEditorLine } from '../src/importers/_bylines.js';
import { isStaffCredit, nameCase } from '../src/importers/_names.js';
import { keptWholeNote, laterSurnameFirst, surnameFirstThenMore } from '../src/importers/_surname-first.js';
import { isStaffOf, keptAtCommaWith, nameBeforeWith, withAfterComma, withCreditLine, withNames, withStaff } from '../src/importers/_with.js';
import { parseDatelineLead } from '../src/importers/_dateline-lead.js';
import { parseContributorLine, reporterNames, zhSignature } from '../src/importers/_contributors.js';
import { parseStamp } from '../src/importers/_stamps.js';
import { copyLanguage } from '../src/importers/_language.js';
import type { ImportedStory, ImportResult } from '../src/importers/types.js';

type Format = 'text' | 'ninjs' | 'nitf';
const ALL: readonly Format[] = ['text', 'ninjs', 'nitf'];

interface Form {
  /** The byline as printed: under the headline in text, `byline` in ninjs, the text of <byline> in NITF. */
  by?: string;
  /** NITF's <byline> markup, where the element says more than a string can (`<person>King, Martin Luther</person>`). */
  nitf?: string;
  /** The body's paragraphs, the dateline lead first. */
  paras: string[];
  /** The formats that can print the form (all three unless said). */
  only?: readonly Format[];
}

interface Expected {
  authors?: string[];
  agency?: string;
  via?: string;
  contributors?: { name: string; location?: string; role?: string }[];
  city?: string;
  /** The dateline's date (checked where given). */
  date?: string;
  /** The body's first paragraph, as Markdown (checked where given): a lead that is no dateline stays. */
  first?: string;
  /** The body's last paragraph, as Markdown. */
  last: string;
  /** The whole body, where more than its last paragraph is the point. */
  body?: string;
  /** A note the desk must get, in every format's words (a pattern). */
  note?: RegExp;
  /** A note the desk must not get. */
  noNote?: RegExp;
}

const HEADLINE = 'Harbour reopens after the storm';
const ZONE = 'Asia/Shanghai';
const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Raw page copy: breadcrumb, headline, the byline right under it, the stamp, a paragraph a line. */
function asText(f: Form): string {
  return ['Home | World', '', HEADLINE, ...(f.by === undefined ? [] : [f.by]), '', 'Updated: 2025-02-05 09:24', '', ...f.paras.flatMap((p) => [p, ''])].join('\n');
}

/** A paragraph as HTML: a line break in it (a mark on a line of its own) is <br/>, as text prints it on the next line. */
const html = (p: string): string => `<p>${esc(p).replace(/\n/g, '<br/>')}</p>`;

/** ninjs 1.x: headline, byline, body_html; no `located`, so a dateline comes from the lead as printed. */
function asNinjs(f: Form): string {
  return JSON.stringify({
    uri: 'urn:newsml:forms.example.com:1', type: 'text', firstcreated: '2025-02-05T09:24:00+08:00', headline: HEADLINE,
    ...(f.by === undefined ? {} : { byline: f.by }),
    body_html: f.paras.map(html).join('\n'),
  });
}

/** NITF 3.6: docdata dates, hedline, byline, body.content; no <dateline>, so one comes from the lead. */
function asNitf(f: Form): string {
  const byline = f.nitf ?? (f.by === undefined ? undefined : esc(f.by));
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<nitf version="-//IPTC//DTD NITF 3.6//EN">',
    '<head><docdata><doc-id id-string="forms-1"/><date.issue norm="20250205T092400+0800"/></docdata></head>',
    '<body><body.head>',
    `<hedline><hl1>${esc(HEADLINE)}</hl1></hedline>`,
    byline === undefined ? '' : `<byline>${byline}</byline>`,
    '</body.head><body.content>',
    ...f.paras.map(html),
    '</body.content></body></nitf>',
  ].join('\n');
}

const IMPORT: Record<Format, (f: Form) => ImportResult> = {
  text: (f) => importText(asText(f), { file: 'form.txt', timezone: ZONE }),
  ninjs: (f) => importNinjs(asNinjs(f), { file: 'form.json', timezone: ZONE }),
  nitf: (f) => importNitf(asNitf(f), { file: 'form.xml', timezone: ZONE }),
};

/** The fields a row checks, in one shape for every format. */
function read(story: ImportedStory): Omit<Expected, 'note' | 'noNote' | 'body'> {
  const f = story.fields;
  const paragraphs = story.body.split('\n\n');
  return {
    authors: f.authors?.map((a) => (typeof a === 'string' ? a : a.name)),
    agency: f.agency?.name,
    via: f.agency?.via,
    contributors: f.contributors,
    city: f.dateline?.city,
    last: paragraphs[paragraphs.length - 1] ?? '',
  };
}

const AGENCY_CONFLICT = /names the agency|agency in the dateline|another agency/;
const P = 'The port reopened on Tuesday after three days.';
const MORE = 'Ships queued outside the breakwater.';
/** A story with a byline and a plain body. */
const by = (line: string, only?: readonly Format[]): Form => ({ by: line, paras: [P, MORE], ...(only === undefined ? {} : { only }) });
/** A story whose first paragraph is the lead under test. */
const lead = (first: string, only?: readonly Format[]): Form => ({ paras: [first, MORE], ...(only === undefined ? {} : { only }) });
/** A story whose closing paragraphs are under test. */
const closing = (...end: string[]): Form => ({ paras: [P, ...end] });
const zhClosing = (...end: string[]): Form => ({ paras: ['新华社北京2月5日电 港口周二重新开放。', ...end] });
const TEXT: readonly Format[] = ['text'];
/** Where a byline has a field of its own, so that a line like one is one (not in text: see the rows below). */
const FIELD: readonly Format[] = ['ninjs', 'nitf'];
const NITF: readonly Format[] = ['nitf'];

/** Organisations and publications of two or three capitalised words that a byline may print after "with". */
const ORGANISATIONS_BESIDE_WITH = [
  'Red Cross', 'Mercy Corps', 'Al Jazeera', 'Planned Parenthood', 'Medecins Sans Frontieres', 'Border Patrol', 'Mississippi Today',
  'Chalkbeat Colorado', 'Civil Eats', 'Open Secrets', 'Wall Street',
];

const ROWS: [string, Form, Expected][] = [
  // ----- Bylines with "By" -----
  ['a name', by('By Jane Doe'), { authors: ['Jane Doe'], last: MORE }],
  ['two names', by('By Jane Doe and Tom Hale'), { authors: ['Jane Doe', 'Tom Hale'], last: MORE }],
  ['a name in capitals', by('By JANE DOE'), { authors: ['Jane Doe'], last: MORE }],
  // (QA: `Mcdonald`, in the record and the author feed's path.)
  ['a Mc name in capitals', by('By JOHN MCDONALD and MARY MCALEESE-HALE'), { authors: ['John McDonald', 'Mary McAleese-Hale'], last: MORE }],
  ['a given name that is a city', by('By Florence Hale'), { authors: ['Florence Hale'], last: MORE }],
  ['a surname that is a paper\'s word', by('By Mary Jo Post'), { authors: ['Mary Jo Post'], last: MORE }],
  ['Jr. after a comma', by('By Martin Luther King, Jr.'), { authors: ['Martin Luther King Jr.'], last: MORE }],
  ['Sr. after a comma', by('By Jane Doe, Sr.'), { authors: ['Jane Doe Sr.'], last: MORE }],
  ['III after a comma, in capitals', by('By JIM ROE, III'), { authors: ['Jim Roe III'], last: MORE }],
  ['JR. after a comma, in capitals', by('By JIM ROE, JR.'), { authors: ['Jim Roe Jr.'], last: MORE }],
  ['IV after a comma', by('By Jim Roe, IV'), { authors: ['Jim Roe IV'], last: MORE }],
  ['a suffix, then a co-author', by('By Jim Roe, III and Ann Lee'), { authors: ['Jim Roe III', 'Ann Lee'], last: MORE }],
  ['a suffix, then the agency', by('By Jane Doe, Jr., Reuters'), { authors: ['Jane Doe Jr.'], agency: 'Reuters', last: MORE }],
  // AP prints a suffix with no comma (`Jr.` lost its full stop), and the job after the name with none
  // (the job was read as part of the name: `JOSH BOAK AP Economics Writer`).
  ['Jr. after the name with no comma', by('By Jane Doe Jr.'), { authors: ['Jane Doe Jr.'], last: MORE }],
  ['JR. after a name in capitals with no comma, then a co-author', by('By JIM ROE JR. and ANN LEE'), { authors: ['Jim Roe Jr.', 'Ann Lee'], last: MORE }],
  ['AP\'s job after a name in capitals, with no comma', by('By JOSH BOAK AP Economics Writer'), { authors: ['Josh Boak'], agency: 'AP', last: MORE }],
  ['two names in capitals, then AP\'s job', by('By JANE DOE and TOM HALE AP Business Writers'), { authors: ['Jane Doe', 'Tom Hale'], agency: 'AP', last: MORE }],
  // An agency after a spaced slash or in brackets, and `Story by`, `Written by` (QA: left in the body, no credit read).
  ['an agency after a spaced slash', by('By Jane Doe / Bloomberg'), { authors: ['Jane Doe'], agency: 'Bloomberg', last: MORE }],
  // (NTB's partner: real copy kept `Geir Molnes / Faktisk.no` as one author.)
  ['a publication\'s web address after a spaced slash', by('By Geir Molnes / Faktisk.no'), { authors: ['Geir Molnes'], note: /publication after the byline not kept \(not a known agency\): "Faktisk\.no"/, last: MORE }],
  ['two names either side of a spaced slash: two authors', by('By Jane Doe / Tom Hale'), { authors: ['Jane Doe', 'Tom Hale'], noNote: /publication after the byline|not used/, last: MORE }],
  ['an agency in brackets after the name', by('By Jane Doe (Reuters)'), { authors: ['Jane Doe'], agency: 'Reuters', last: MORE }],
  ['Story by', by('Story by Jane Doe'), { authors: ['Jane Doe'], last: MORE }],
  ['Written by, two names', by('Written by Jane Doe and Tom Hale'), { authors: ['Jane Doe', 'Tom Hale'], last: MORE }],
  ['names in capitals that start as numerals do', by('By IVAN ROE and IVY LEE'), { authors: ['Ivan Roe', 'Ivy Lee'], last: MORE }],
  // Names in scripts without letter case: every word of the name is written alike, so a word of such a
  // script counts as a name's word as a capitalised one does (Persian's zero-width non-joiner inside it too).
  ['a name in Arabic letters', by('By محمد عبد الله'), { authors: ['محمد عبد الله'], last: MORE }],
  ['a name in Persian with a zero-width non-joiner', by('By مهدی\u200cزاده'), { authors: ['مهدی\u200cزاده'], last: MORE }],
  ['a name in Hebrew', by('By דנה כהן'), { authors: ['דנה כהן'], last: MORE }],
  ['a name in Devanagari', by('By राजेश कुमार'), { authors: ['राजेश कुमार'], last: MORE }],
  ['a name in Hangul', by('By 김민수'), { authors: ['김민수'], last: MORE }],
  ['a name in kana', by('By さとう けんじ'), { authors: ['さとう けんじ'], last: MORE }],
  ['a name in Thai', by('By สมชาย ใจดี'), { authors: ['สมชาย ใจดี'], last: MORE }],
  ['a name in Cyrillic', by('By Иван Петров'), { authors: ['Иван Петров'], last: MORE }],
  ['a name in Arabic letters and one in Latin', by('By محمد عبد الله and Jane Doe'), { authors: ['محمد عبد الله', 'Jane Doe'], last: MORE }],
  // "with" parts two people only where both sides read as people's names.
  ['"with" between two names', by('By Jane Doe with Tom Hale'), { authors: ['Jane Doe', 'Tom Hale'], noNote: /"with"/, last: MORE }],
  ['two names, then "with" a third', by('By Jane Doe and Tom Hale with Ann Lee'), { authors: ['Jane Doe', 'Tom Hale', 'Ann Lee'], noNote: /"with"/, last: MORE }],
  ['"with" between two names in capitals', by('BY JANE DOE WITH TOM HALE'), { authors: ['Jane Doe', 'Tom Hale'], last: MORE }],
  ['"with" after a comma between two names', by('By Jane Doe, with Tom Hale'), { authors: ['Jane Doe', 'Tom Hale'], noNote: /not a name/, last: MORE }],
  ['two names, then a comma and "with" a third', by('By Jane Doe and Tom Hale, with Ann Lee'), { authors: ['Jane Doe', 'Tom Hale', 'Ann Lee'], noNote: /not a name/, last: MORE }],
  ['"with" between two names, then a place after "in"', by('By Jane Doe with Tom Hale in Paris'), { authors: ['Jane Doe', 'Tom Hale'], note: /not kept.*Paris/, last: MORE }],
  ['"with" between two names, then the agency', by('By Jane Doe with Tom Hale, Reuters'), { authors: ['Jane Doe', 'Tom Hale'], agency: 'Reuters', last: MORE }],
  // Near misses: "with" before an organisation, an agency, a place or lower case parts no one. The byline is
  // kept as printed, one credit, and noted, in every format (review: text dropped it, and Jane Doe with it).
  ['"with" before an organisation', by('By Jane Doe with Human Rights Watch'), { authors: ['Jane Doe with Human Rights Watch'], note: /"Jane Doe with Human Rights Watch" has "with" in it.*not parted/, last: MORE }],
  ['"with" before an agency', by('By Jane Doe with Reuters'), { authors: ['Jane Doe with Reuters'], note: /has "with" in it.*not parted/, last: MORE }],
  ['"with" before a state', by('By Jane Doe with Texas'), { authors: ['Jane Doe with Texas'], note: /has "with" in it.*not parted/, last: MORE }],
  ['"with" before lower case', by('By Tom Hale with the Navy'), { authors: ['Tom Hale with the Navy'], note: /has "with" in it.*not parted/, last: MORE }],
  // (Review: text dropped a byline whose part before "with" held more than a name: kept as printed, as ninjs and NITF keep it.)
  ['"with" after a name and the agency in brackets', by('By Jane Doe (AP) with Tom Hale'), { authors: ['Jane Doe (AP) with Tom Hale'], note: /has "with" in it.*not parted/, last: MORE }],
  ['"with" after a name and a place', by('By Jane Doe in Beijing with Red Cross'), { authors: ['Jane Doe in Beijing with Red Cross'], note: /has "with" in it.*not parted/, last: MORE }],
  ['a comma and "with" before an agency', by('By Jane Doe, with Reuters'), { authors: ['Jane Doe'], note: /"with Reuters" is not a name/, last: MORE }],
  // Any two capitalised words may be an organisation or a publication: "with" parts only before a name with
  // a sign of a person's (a given name the compact list knows, a middle initial), else it is read as above
  // (review: `By Jane Doe with Red Cross` made "Red Cross" an author).
  ...ORGANISATIONS_BESIDE_WITH.map((org): [string, Form, Expected] =>
    [`"with" before ${org}`, by(`By Jane Doe with ${org}`), { authors: [`Jane Doe with ${org}`], note: /has "with" in it.*not parted/, last: MORE }]),
  ['a comma and "with" before an organisation', by('By Jane Doe, with Mercy Corps'), { authors: ['Jane Doe'], note: /"with Mercy Corps" is not a name/, last: MORE }],
  ['an organisation, then "with" a name', by('By Red Cross with Jane Doe'), { authors: ['Red Cross with Jane Doe'], note: /has "with" in it.*not parted/, last: MORE }],
  ['"with" before a name with an initial and an organisation\'s word', by('By Jane Doe with Harry S. Truman Library'), { authors: ['Jane Doe with Harry S. Truman Library'], note: /has "with" in it.*not parted/, last: MORE }],
  ['"with" before a name with a middle initial', by('By Jane Doe with Tom J. Hale'), { authors: ['Jane Doe', 'Tom J. Hale'], noNote: /"with"/, last: MORE }],
  ['"with" before an unlisted given name and a middle initial', by('By Jane Doe with Kwame A. Mensah'), { authors: ['Jane Doe', 'Kwame A. Mensah'], noNote: /"with"/, last: MORE }],
  ['"with" before a name printed family name first', by('By Jane Doe with Wang Jing'), { authors: ['Jane Doe', 'Wang Jing'], noNote: /"with"/, last: MORE }],
  // Organisations whose first word is a listed given name (review: `with Lee Enterprises`, `with Sun Sentinel`,
  // `with Marie Claire` made them authors): a company's or masthead's word after it, Sun off the list, two
  // given names and no surname: no sign of a person (read as any organisation after "with").
  ...['Lee Enterprises', 'Sun Sentinel', 'Marie Claire', 'Charles Schwab Foundation', 'Tom Hale Enterprises'].map((org): [string, Form, Expected] =>
    [`"with" before ${org}`, by(`By Jane Doe with ${org}`), { authors: [`Jane Doe with ${org}`], note: /has "with" in it.*not parted/, last: MORE }]),
  // (Near misses: a listed given name and a surname part still; Sun as a family name first is no longer a sign.)
  ['"with" before a listed given name and a surname', by('By Jane Doe with Marie Hale'), { authors: ['Jane Doe', 'Marie Hale'], noNote: /"with"/, last: MORE }],
  ['"with" before Lee and a given name', by('By Jane Doe with Lee Min'), { authors: ['Jane Doe', 'Lee Min'], noNote: /"with"/, last: MORE }],
  ['"with" before a name whose family name is Sun, printed first', by('By Jane Doe with Sun Jing'), { authors: ['Jane Doe with Sun Jing'], note: /has "with" in it.*not parted/, last: MORE }],
  ['a comma and "with" a name in capitals', by('BY JANE DOE, WITH ANN LEE'), { authors: ['Jane Doe', 'Ann Lee'], last: MORE }],
  // A person after ", with" is never dropped (review: `, with Kwame Mensah` was noted as no name, and Tom Hale
  // lost after a title or before an "and" in ninjs and NITF): parted where `withAfterComma` reads a person
  // (after a title too), else the byline kept as printed, one credit, noted; a credit line gives contributors.
  ['a comma and "with" a given name the list lacks', by('By Jane Doe, with Kwame Mensah'), { authors: ['Jane Doe, with Kwame Mensah'], note: /"Jane Doe, with Kwame Mensah" has "with" in it.*not parted/, noNote: /not a name/, last: MORE }],
  ['a comma and "with" a name, then "and" another', by('By Jane Doe, with Tom Hale and Kwame Mensah'), { authors: ['Jane Doe', 'Tom Hale', 'Kwame Mensah'], noNote: /not a name|"with"/, last: MORE }],
  ['a title, then a comma and "with" a name', by('By Jane Doe, Staff Writer, with Tom Hale'), { authors: ['Jane Doe', 'Tom Hale'], note: /title not kept.*"Staff Writer"/, noNote: /not a name/, last: MORE }],
  ['a comma and "with reporting by" a name', by('By Jane Doe, with reporting by Tom Hale'), { authors: ['Jane Doe'], contributors: [{ name: 'Tom Hale', role: 'reporting' }], noNote: /not a name/, last: MORE }],
  ['a comma and "with reporting by" two names', by('By Jane Doe, with reporting by Tom Hale and Ann Lee'), { authors: ['Jane Doe'], contributors: [{ name: 'Tom Hale', role: 'reporting' }, { name: 'Ann Lee', role: 'reporting' }], last: MORE }],
  // Near misses: an organisation, an agency or a place after ", with" is noted as no name, as before; a
  // credit line the contributor-line reader cannot read is kept as printed, noted; any two capitalised
  // words with no organisation's word may be a person's name, kept as printed.
  ['a comma and "with" before a state', by('By Jane Doe, with Texas'), { authors: ['Jane Doe'], note: /"with Texas" is not a name/, last: MORE }],
  ['a comma and "with reporting by" the staff', by('By Jane Doe, with reporting by the staff'), { authors: ['Jane Doe, with reporting by the staff'], note: /has "with" in it.*not parted/, last: MORE }],
  ['a comma and "with" two capitalised words', by('By Jane Doe, with Red Cross'), { authors: ['Jane Doe, with Red Cross'], note: /has "with" in it.*not parted/, last: MORE }],
  // "With" capitalised, or in capitals after a comma, is read as "with" is (review: `, With Mercy Corps` made
  // "With Mercy Corps" an author in ninjs and NITF; `By Jane Doe With Tom Hale` one author, no note).
  ['a comma and "WITH" before an organisation, in capitals', by('BY JANE DOE, WITH MERCY CORPS'), { authors: ['Jane Doe'], note: /"WITH MERCY CORPS" is not a name/, last: MORE }],
  ['a comma and "With" before an organisation', by('By Jane Doe, With Mercy Corps'), { authors: ['Jane Doe'], note: /"With Mercy Corps" is not a name/, last: MORE }],
  ['"With" between two names', by('By Jane Doe With Tom Hale'), { authors: ['Jane Doe', 'Tom Hale'], noNote: /"with"/, last: MORE }],
  ['a comma and "With" a name', by('By Jane Doe, With Tom Hale'), { authors: ['Jane Doe', 'Tom Hale'], noNote: /not a name/, last: MORE }],
  ['"With" before a given name the list lacks', by('By Jane Doe With Kwame Mensah'), { authors: ['Jane Doe With Kwame Mensah'], note: /has "with" in it.*not parted/, last: MORE }],
  ['"With" before an organisation', by('By Jane Doe With Red Cross'), { authors: ['Jane Doe With Red Cross'], note: /has "with" in it.*not parted/, last: MORE }],
  ['"With" the staff', by('By Jane Doe With staff'), { authors: ['Jane Doe'], note: /title not kept.*"staff"/, last: MORE }],
  // Lower case before "with" is no name: no author in any format (review: text made `sea with the navy` an
  // author; a not-parted "with" credit is kept whole only after a name). Each is noted, in each format's words.
  ['lower case before and after "with"', by('By sea with the navy'), { note: /"(?:By )?sea with the navy"/, last: MORE }],
  ['"the" before "with"', by('By the numbers with charts'), { note: /"(?:By )?the numbers with charts"/, last: MORE }],
  // Near misses: a name that starts with or is "With" is no "with".
  ['a surname that starts with "With"', by('By Jane Withers'), { authors: ['Jane Withers'], noNote: /"with"/, last: MORE }],
  ['a surname "With" at the end', by('By Jane Doe and Tom With'), { authors: ['Jane Doe', 'Tom With'], noNote: /"with"/, last: MORE }],
  // (Review: kept whole in capitals, "with" was cased as a name, `Jane Doe With Kwame Mensah`.)
  ['"with" in capitals before a given name the list lacks', by('BY JANE DOE WITH KWAME MENSAH'), { authors: ['Jane Doe with Kwame Mensah'], note: /has "with" in it.*not parted/, last: MORE }],
  ['"with" in capitals before an organisation', by('BY JANE DOE WITH RED CROSS'), { authors: ['Jane Doe with Red Cross'], note: /has "with" in it.*not parted/, last: MORE }],
  ['"with" before a given name the list lacks', by('By Jane Doe with Kwame Mensah'), { authors: ['Jane Doe with Kwame Mensah'], note: /has "with" in it.*not parted/, last: MORE }],
  ['surname first', by('By Doe, Jane'), { authors: ['Jane Doe'], note: /read as one name, surname first: "Jane Doe"/, last: MORE }],
  ['surname first, with an initial', by('By Doe, Jane A.'), { authors: ['Jane A. Doe'], note: /surname first/, last: MORE }],
  ['surname first, Junior as a given name', by('By Santos, Junior'), { authors: ['Junior Santos'], note: /surname first: "Junior Santos"/, last: MORE }],
  ['surname first, a given name that is a region', by('By Lee, Georgia'), { authors: ['Georgia Lee'], note: /surname first/, last: MORE }],
  ['surname first, a given name that is a verb', by('By Smith, Will'), { authors: ['Will Smith'], note: /surname first/, last: MORE }],
  ['surname first, then a place', by('By Doe, Jane, Texas'), { authors: ['Jane Doe'], note: /^(?=[^]*surname first: "Jane Doe")[^]*not kept.*Texas/, last: MORE }],
  ['surname first, then a city and D.C.', by('By Doe, Jane, Washington, D.C.'), { authors: ['Jane Doe'], note: /not kept.*D\.C\./, last: MORE }],
  ['surname first with particles, then a city', by('By de la Cruz, Maria, Madrid'), { authors: ['Maria de la Cruz'], note: /not kept.*Madrid/, last: MORE }],
  ['surname first with particles', by('By de la Cruz, Maria'), { authors: ['Maria de la Cruz'], note: /surname first: "Maria de la Cruz"/, last: MORE }],
  ['surname first with particles, in capitals', by('By DE LA CRUZ, MARIA'), { authors: ['Maria De La Cruz'], note: /surname first/, last: MORE }],
  // Near miss: AL in capitals is a given name as often as a particle.
  ['a name in capitals starting with AL, then a state', by('BY AL SMITH, TEXAS'), { authors: ['Al Smith'], note: /not kept.*TEXAS/i, noNote: /surname first|kept whole/, last: MORE }],
  ['surname first with particles, van der', by('By van der Berg, Anna'), { authors: ['Anna van der Berg'], note: /surname first: "Anna van der Berg"/, last: MORE }],
  // Surname first, then a co-author: turned round only where the pair alone would be; else kept whole, never
  // cut into two people (`Doe`, `Jane`), nor a name dropped.
  ['surname first, then a co-author', by('By Doe, Jane, Tom Hale'), { authors: ['Jane Doe', 'Tom Hale'], note: /"Doe, Jane" read as one name, surname first: "Jane Doe"/, last: MORE }],
  ['surname first, then "and" a co-author', by('By Doe, Jane and Tom Hale'), { authors: ['Jane Doe', 'Tom Hale'], note: /surname first: "Jane Doe"/, last: MORE }],
  ['surname first, then a comma, "and" a co-author', by('By Doe, Jane, and Tom Hale'), { authors: ['Jane Doe', 'Tom Hale'], note: /surname first: "Jane Doe"/, last: MORE }],
  ['surname first, then a co-author and the agency', by('By Doe, Jane, Tom Hale, Reuters'), { authors: ['Jane Doe', 'Tom Hale'], agency: 'Reuters', note: /surname first: "Jane Doe"/, last: MORE }],
  ['surname first, a given name that is a region, then a co-author', by('By Lee, Georgia, Tom Hale'), { authors: ['Georgia Lee', 'Tom Hale'], note: /surname first: "Georgia Lee"/, last: MORE }],
  ['surname first in capitals, then a co-author', by('BY DOE, JANE, TOM HALE'), { authors: ['Jane Doe', 'Tom Hale'], note: /surname first/, last: MORE }],
  // A second name written surname first is turned round too (review: `By Doe, Jane and Hale, Tom` gave Jane Doe, Hale, Tom).
  ['surname first, then "and" a second name surname first', by('By Doe, Jane and Hale, Tom'), { authors: ['Jane Doe', 'Tom Hale'], note: /"Doe, Jane" read as one name, surname first: "Jane Doe"[^]*"Hale, Tom" read as one name, surname first: "Tom Hale"/, last: MORE }],
  ['surname first, then a second name surname first', by('By Doe, Jane, Hale, Tom'), { authors: ['Jane Doe', 'Tom Hale'], note: /"Hale, Tom" read as one name, surname first: "Tom Hale"/, last: MORE }],
  ['surname first twice, the other way round', by('By Hale, Tom, Doe, Jane'), { authors: ['Tom Hale', 'Jane Doe'], note: /"Doe, Jane" read as one name, surname first: "Jane Doe"/, last: MORE }],
  ['surname first twice, short names', by('By Lee, Ann, Kim, Min'), { authors: ['Ann Lee', 'Min Kim'], note: /"Kim, Min" read as one name, surname first: "Min Kim"/, last: MORE }],
  ['surname first twice, then the agency', by('By Doe, Jane and Hale, Tom, Reuters'), { authors: ['Jane Doe', 'Tom Hale'], agency: 'Reuters', last: MORE }],
  ['surname first twice, in capitals', by('BY DOE, JANE AND HALE, TOM'), { authors: ['Jane Doe', 'Tom Hale'], last: MORE }],
  ['surname first, then "with" a co-author', by('By Doe, Jane with Tom Hale'), { authors: ['Jane Doe', 'Tom Hale'], note: /"Doe, Jane" read as one name, surname first: "Jane Doe"/, last: MORE }],
  // `Jr.` stays with its name, kept whole or turned round, in every format (review: text printed `King, Martin Luther, Jr`).
  ['surname first, two given names, then Jr.', by('By King, Martin Luther, Jr.'), { authors: ['King, Martin Luther, Jr.'], note: /"King, Martin Luther, Jr\." starts with a surname alone.*kept whole, as one credit/, last: MORE }],
  ['surname first, then Jr. and a co-author', by('By Doe, Jane, Jr., Tom Hale'), { authors: ['Jane Doe Jr.', 'Tom Hale'], note: /^byline "Doe, Jane" read as one name, surname first: "Jane Doe"$/m, last: MORE }],
  ['surname first, then Jr.', by('By Doe, Jane, Jr.'), { authors: ['Jane Doe Jr.'], last: MORE }],
  // Near misses: a surname and given names not turned round is kept whole, never the surname alone as an author.
  ['a surname, then two given names', by('By King, Martin Luther'), { authors: ['King, Martin Luther'], note: /"King, Martin Luther" starts with a surname alone.*kept whole, as one credit/, last: MORE }],
  ['a surname, then a given name and a middle name', by('By Doe, Jane Ann'), { authors: ['Doe, Jane Ann'], note: /kept whole, as one credit/, last: MORE }],
  // Near misses: a word left alone that may be a surname or a given name keeps the whole byline, never an author of its own.
  ['surname first, then "and" a surname alone', by('By Doe, Jane and Hale'), { authors: ['Doe, Jane and Hale'], note: /kept whole, as one credit/, last: MORE }],
  ['surname first, then a surname alone and the agency', by('By Doe, Jane, Hale, Reuters'), { authors: ['Doe, Jane, Hale, Reuters'], note: /kept whole, as one credit/, last: MORE }],
  // A later name written surname first after a name printed as names are (review: `By Jane Doe and Hale,
  // Tom` gave Jane Doe, Hale, Tom): turned round, noted; a word left alone keeps the byline whole.
  ['a name, then "and" a name surname first', by('By Jane Doe and Hale, Tom'), { authors: ['Jane Doe', 'Tom Hale'], note: /"Hale, Tom" read as one name, surname first: "Tom Hale"/, last: MORE }],
  ['a name, then a name surname first', by('By Jane Doe, Hale, Tom'), { authors: ['Jane Doe', 'Tom Hale'], note: /"Hale, Tom" read as one name, surname first: "Tom Hale"/, last: MORE }],
  ['a name, then a name surname first and the agency', by('By Jane Doe, Hale, Tom, Reuters'), { authors: ['Jane Doe', 'Tom Hale'], agency: 'Reuters', last: MORE }],
  ['two names, then a name surname first', by('By Jane Doe, Ann Lee and Hale, Tom'), { authors: ['Jane Doe', 'Ann Lee', 'Tom Hale'], note: /"Hale, Tom" read as one name, surname first/, last: MORE }],
  ['a name, then "and" a surname alone', by('By Jane Doe and Hale'), { authors: ['Jane Doe and Hale'], note: /kept whole, as one credit/, last: MORE }],
  ['a name, then a surname alone and the agency', by('By Jane Doe, Hale, Reuters'), { authors: ['Jane Doe, Hale, Reuters'], note: /kept whole, as one credit/, last: MORE }],
  // (Near misses: a place, a suffix or an agency after the name is no lone surname.)
  ['a name, then "and" a name (near miss)', by('By Jane Doe and Tom Hale'), { authors: ['Jane Doe', 'Tom Hale'], noNote: /surname first|kept whole/, last: MORE }],
  ['a name, then a state (near miss)', by('By Jane Doe, Texas'), { authors: ['Jane Doe'], noNote: /kept whole/, last: MORE }],
  ['a name, then the agency (near miss)', by('By Jane Doe, Reuters'), { authors: ['Jane Doe'], agency: 'Reuters', noNote: /kept whole/, last: MORE }],
  // (Britain's agency, as PA's NITF bylines print it: real copy made "Press Association" an author.)
  ['a name, then the Press Association', by('By Jane Doe, Press Association'), { authors: ['Jane Doe'], agency: 'Press Association', last: MORE }],
  // (AFP's: the given name in title case, the surname in capitals, as a name is written in a feed.)
  ['AFP\'s byline, the surname in capitals', by('By Jean-Pierre DUPONT and Anne LE MOAL'), { authors: ['Jean-Pierre Dupont', 'Anne Le Moal'], last: MORE }],
  ['a name then an agency in capitals (near miss)', by('By Jane Doe AP'), { authors: ['Jane Doe'], agency: 'AP', last: MORE }],
  // (A writer's institution, as The Conversation's and 360info's bylines print it: real copy made the university an author.)
  ['a name, then the writer\'s university', by('By Jane Doe, Michigan State University'), { authors: ['Jane Doe'], last: MORE }],
  ['a name, then the Press Association and a job', by('By Jane Doe, Press Association Political Correspondent'), { authors: ['Jane Doe'], agency: 'Press Association', last: MORE }],
  ['surname first, then a surname and a place', by('By Doe, Jane, Hale, Texas'), { authors: ['Doe, Jane, Hale, Texas'], note: /kept whole, as one credit/, last: MORE }],
  // Near misses: a pair that alone is kept whole, or no pair to turn round, keeps the byline whole.
  ['a surname, then a given name the gazetteer knows as a city, then a co-author', by('By Doe, Florence, Tom Hale'), { authors: ['Doe, Florence, Tom Hale'], note: /"Doe, Florence, Tom Hale" starts with a surname alone.*kept whole, as one credit/, noNote: /surname first:/, last: MORE }],
  ['a surname, then a state, then a co-author', by('By Doe, Texas, Tom Hale'), { authors: ['Doe, Texas, Tom Hale'], note: /kept whole, as one credit/, noNote: /not kept/, last: MORE }],
  ['a surname, then initials, then a co-author', by('By Vance, J.D., Tom Hale'), { authors: ['Vance, J.D., Tom Hale'], note: /kept whole, as one credit/, last: MORE }],
  ['a surname, then two given names, then a co-author', by('By Doe, Jane Ann, Tom Hale'), { authors: ['Doe, Jane Ann, Tom Hale'], note: /kept whole, as one credit/, last: MORE }],
  ['a surname, then "and" after a state', by('By Doe, Texas and Tom Hale'), { authors: ['Doe, Texas and Tom Hale'], note: /kept whole, as one credit/, last: MORE }],
  // Near misses: after a surname alone, a suffix or letters are read as after any name.
  ['a surname, Jr., then a co-author', by('By Doe, Jr., Tom Hale'), { authors: ['Doe Jr.', 'Tom Hale'], noNote: /kept whole|surname first/, last: MORE }],
  ['a surname, PhD, then a co-author', by('By Doe, PhD, Tom Hale'), { authors: ['Doe', 'Tom Hale'], note: /title not kept.*"PhD"/, noNote: /kept whole|surname first/, last: MORE }],
  // After a surname alone, a place may be the given name (Florence, Victoria) as much as the place: kept whole, never cut to the surname.
  ['a surname, then a given name the gazetteer knows as a city', by('By Doe, Florence'), { authors: ['Doe, Florence'], note: /"Doe, Florence".*kept whole/, last: MORE }],
  ['a surname, then a city that is a given name', by('By Doe, Victoria'), { authors: ['Doe, Victoria'], note: /kept whole/, last: MORE }],
  ['a surname, then a state', by('By Doe, Texas'), { authors: ['Doe, Texas'], note: /kept whole/, last: MORE }],
  ['a surname with particles, then a state', by('By de la Cruz, Texas'), { authors: ['de la Cruz, Texas'], note: /kept whole/, last: MORE }],
  ['the agency, then a city', by('By Xinhua, Beijing'), { agency: 'Xinhua', note: /place not kept.*"Beijing"/, last: MORE }],
  // Initials after a surname alone may be the given name's (Vance, J.D.); a job before the comma is no surname. Kept whole, as NITF keeps the <person>.
  ['a surname, then initials with dots', by('By Vance, J.D.'), { authors: ['Vance, J.D.'], note: /kept whole/, last: MORE }],
  ['a surname, then MP', by('By Hale, MP'), { authors: ['Hale, MP'], note: /kept whole/, last: MORE }],
  ['a job, then a region', by('By Correspondent, Asia'), { authors: ['Correspondent, Asia'], note: /kept whole/, last: MORE }],
  // The staff and a place: the staff is no one's name, a title noted (text made "Staff" an author, ninjs and
  // NITF a title: they now agree), and the place noted as after a name; never one author "Staff, Texas".
  ['the staff alone', by('By Staff'), { note: /title not kept.*"Staff"/, last: MORE }],
  ['the staff, then a state', by('By Staff, Texas'), { note: /^(?=[^]*title not kept.*"Staff")[^]*place not kept.*"Texas"/, noNote: /kept whole/, last: MORE }],
  ['the staff in capitals, then a city and D.C.', by('BY STAFF, WASHINGTON, D.C.'), { note: /^(?=[^]*title not kept.*"STAFF")[^]*place not kept.*"D\.C\."/, noNote: /kept whole/, last: MORE }],
  ['staff writers, then a city', by('By Staff Writers, Beijing'), { note: /^(?=[^]*title not kept.*"Staff Writers")[^]*place not kept.*"Beijing"/, noNote: /kept whole/, last: MORE }],
  // Near misses: a surname Staff has a given name before it; a job other than the staff and a place is kept whole (above).
  ['a surname Staff, then a state', by('By Jonathan Staff, Texas'), { authors: ['Jonathan Staff'], note: /not kept.*Texas/, noNote: /kept whole|title/, last: MORE }],
  // "with" the staff: the name, and the staff a title, noted, as `By Staff` is (review: ninjs and NITF gave no
  // author, the whole a title; text one author "Jane Doe with staff").
  ['a name "with" the staff', by('By Jane Doe with staff'), { authors: ['Jane Doe'], note: /title not kept.*"staff"/, noNote: /"with"/, last: MORE }],
  ['a name "with" a masthead\'s staff', by('By Jane Doe with Tribune staff'), { authors: ['Jane Doe'], note: /title not kept.*"Tribune staff"/, noNote: /"with"/, last: MORE }],
  ['a name "with" a hyphenated masthead\'s staff', by('By Jane Doe with Sun-Times staff'), { authors: ['Jane Doe'], note: /title not kept.*"Sun-Times staff"/, noNote: /"with"/, last: MORE }],
  ['a name "with" the staff, in capitals', by('BY JANE DOE WITH TRIBUNE STAFF'), { authors: ['Jane Doe'], note: /title not kept.*"TRIBUNE STAFF"/, last: MORE }],
  ['a name "with" "the staff"', by('By Jane Doe with the staff'), { authors: ['Jane Doe'], note: /title not kept.*"the staff"/, last: MORE }],
  ['a name "with" staff writers', by('By Jane Doe with Staff Writers'), { authors: ['Jane Doe'], note: /title not kept.*"Staff Writers"/, last: MORE }],
  // A masthead's staff after "and" is a title in text too (review: text dropped `By Jane Doe and Times staff`
  // entirely, where ninjs and NITF gave Jane Doe and noted the title).
  ['a name "and" a masthead\'s staff', by('By Jane Doe and Times staff'), { authors: ['Jane Doe'], note: /title not kept.*"Times staff"/, last: MORE }],
  ['a name "and" another masthead\'s staff', by('By Jane Doe and Tribune staff'), { authors: ['Jane Doe'], note: /title not kept.*"Tribune staff"/, last: MORE }],
  ['a name "and" a masthead\'s staff, in capitals', by('BY JANE DOE AND TRIBUNE STAFF'), { authors: ['Jane Doe'], note: /title not kept.*"TRIBUNE STAFF"/, last: MORE }],
  ['a name "and" "the" masthead\'s staff', by('By Jane Doe and the Tribune staff'), { authors: ['Jane Doe'], note: /title not kept.*"the Tribune staff"/, last: MORE }],
  ['a name "and" an agency\'s staff', by('By Jane Doe and Reuters staff'), { authors: ['Jane Doe'], agency: 'Reuters', noNote: /title/, last: MORE }],
  ['a name "and" a name whose surname is Staff', by('By Jane Doe and Jonathan Staff'), { authors: ['Jane Doe', 'Jonathan Staff'], noNote: /title/, last: MORE }],
  // A masthead's "Staff" capitalised is its staff too (the last note: text took `By Jane Doe and the Times Staff`
  // for no byline and made it the headline, Jane Doe with it; `By Times Staff` was an author, `By TRIBUNE STAFF` no byline).
  ['a name "and" "the" masthead\'s Staff, capitalised', by('By Jane Doe and the Times Staff'), { authors: ['Jane Doe'], note: /title not kept.*"the Times Staff"/, last: MORE }],
  ['a masthead\'s Staff alone, capitalised', by('By Times Staff'), { note: /title not kept.*"Times Staff"/, last: MORE }],
  ['a masthead\'s staff alone, in capitals', by('By TRIBUNE STAFF'), { note: /title not kept.*"TRIBUNE STAFF"/, last: MORE }],
  ['a hyphenated masthead\'s Staff, then a city', by('By Sun-Times Staff, Chicago'), { note: /^(?=[^]*title not kept.*"Sun-Times Staff")[^]*place not kept.*"Chicago"/, last: MORE }],
  ['staff reports', by('By Staff Reports'), { note: /title not kept.*"Staff Reports"/, last: MORE }],
  ['staff and wire reports', by('By Staff and Wire Reports'), { note: /^(?=[^]*title not kept.*"Staff")[^]*title not kept.*"Wire Reports"/, last: MORE }],
  // Near misses: "Staff" after a given name, or after a word no masthead ends with, is a surname.
  ['a given name and a surname Staff', by('By Tom Staff'), { authors: ['Tom Staff'], noNote: /title/, last: MORE }],
  ['a place\'s masthead\'s Staff', by('By Chicago Tribune Staff'), { note: /title not kept.*"Chicago Tribune Staff"/, last: MORE }],
  // Review: a given name the list lacks, a surname that is a masthead's word, and "Staff": a name.
  ['a name whose surname is a masthead\'s word, then Staff', by('By Kwame Times Staff'), { authors: ['Kwame Times Staff'], noNote: /title/, last: MORE }],
  ['a second name whose surname is a masthead\'s word, then Staff', by('By Jane Doe and Kwame Post Staff'), { authors: ['Jane Doe', 'Kwame Post Staff'], noNote: /title/, last: MORE }],
  ['two names and a surname Staff', by('By Jane Doe and Mary Jo Staff'), { authors: ['Jane Doe', 'Mary Jo Staff'], noNote: /title/, last: MORE }],
  // Near misses: an agency's staff is the agency; a surname Staff after a given name is a name, kept as printed.
  ['a name "with" an agency\'s staff', by('By Jane Doe with Reuters staff'), { authors: ['Jane Doe'], agency: 'Reuters', noNote: /"with"|title/, last: MORE }],
  ['"with" a name whose surname is Staff', by('By Jane Doe with Jonathan Staff'), { authors: ['Jane Doe with Jonathan Staff'], note: /has "with" in it.*not parted/, noNote: /title/, last: MORE }],
  ['the desk, then a state', by('By Desk, Texas'), { authors: ['Desk, Texas'], note: /kept whole/, last: MORE }],
  ['a surname, then Md (Mohammed)', by('By Rahman, Md'), { authors: ['Md Rahman'], note: /surname first: "Md Rahman"/, last: MORE }],
  // Letters after a name of two words are a title, never an author.
  ['M.D. after a name', by('By Jane Doe, M.D.'), { authors: ['Jane Doe'], note: /title not kept.*"M\.D\."/, last: MORE }],
  ['PhD after a name', by('By Jane Doe, PhD'), { authors: ['Jane Doe'], note: /title not kept.*"PhD"/, last: MORE }],
  ['PhD after a surname alone', by('By Doe, PhD'), { authors: ['Doe'], note: /title not kept.*"PhD"/, last: MORE }],
  // Near misses: a name with particles inside is a name, and a comma after it parts two people.
  ['a name with particles, then a co-author', by('By Jane de la Cruz, Tom Hale'), { authors: ['Jane de la Cruz', 'Tom Hale'], noNote: /surname first|kept whole/, last: MORE }],
  ['a title after a comma', by('By Tom Hale, Senior Editor'), { authors: ['Tom Hale'], note: /title not kept.*"Senior Editor"/, last: MORE }],
  ['a staff title', by('By Jane Doe, Staff Writer'), { authors: ['Jane Doe'], note: /title not kept.*"Staff Writer"/, last: MORE }],
  ['a title naming the agency', by('By Jane Doe, AP Sports Writer'), { authors: ['Jane Doe'], agency: 'AP', note: /"AP Sports Writer"/, last: MORE }],
  ['a bureau', by('By Jane Doe, Paris Bureau'), { authors: ['Jane Doe'], note: /"Paris Bureau"/, last: MORE }],
  ['a city after a comma', by('By Li Wen, Beijing'), { authors: ['Li Wen'], note: /not kept.*Beijing/, last: MORE }],
  ['a city that is also a given name', by('By Jane Doe, Victoria'), { authors: ['Jane Doe'], note: /not kept.*Victoria/, last: MORE }],
  ['a state after a comma', by('By Jane Doe, Texas'), { authors: ['Jane Doe'], note: /not kept.*Texas/, last: MORE }],
  ['a city and D.C. after a comma', by('By Jane Doe, Washington, D.C.'), { authors: ['Jane Doe'], note: /not kept.*D\.C\./, last: MORE }],
  ['a country after a comma, after a place after "in"', by('By Jane Doe in Paris, France'), { authors: ['Jane Doe'], note: /not kept.*France/, last: MORE }],
  // (Review: a province as CP abbreviates it made the author "Jane Doe, Ont.".)
  ['a province abbreviated after a comma, after a place after "in"', by('By Jane Doe in London, Ont.'), { authors: ['Jane Doe'], note: /not kept.*Ont\./, last: MORE }],
  ['an Australian state abbreviated after a comma', by('By Jane Doe, Sydney, N.S.W.'), { authors: ['Jane Doe'], note: /not kept.*N\.S\.W\./, last: MORE }],
  ['a state after a comma, then a co-author', by('By Jane Doe, Texas and Tom Hale'), { authors: ['Jane Doe', 'Tom Hale'], note: /not kept.*Texas/, last: MORE }],
  ['two names, then a state', by('By Jane Doe and Tom Hale, Texas'), { authors: ['Jane Doe', 'Tom Hale'], note: /not kept.*Texas/, last: MORE }],
  // Near misses: a co-author whose name starts as a place's does is a co-author.
  ['a co-author named as a state is abbreviated', by('By Jane Doe, Tex Ritter'), { authors: ['Jane Doe', 'Tex Ritter'], noNote: /not kept/, last: MORE }],
  ['a co-author whose given name is a state', by('By Jane Doe, Georgia Lee'), { authors: ['Jane Doe', 'Georgia Lee'], noNote: /not kept/, last: MORE }],
  ['a co-author whose given name is a city', by('By Jane Doe, Florence Hale'), { authors: ['Jane Doe', 'Florence Hale'], noNote: /not kept/, last: MORE }],
  ['a place after "in"', by('By Wang Jing in Beijing'), { authors: ['Wang Jing'], note: /not kept.*Beijing/, last: MORE }],
  ['a state after "in"', by('By Jane Doe in Texas'), { authors: ['Jane Doe'], note: /not kept.*Texas/, last: MORE }],
  ['a town the gazetteer lacks after "IN", in capitals', by('By JANE DOE IN GLENWHARF'), { authors: ['Jane Doe'], note: /not kept.*GLENWHARF/i, last: MORE }],
  ['the agency after a comma', by('By Li Wen, Xinhua'), { authors: ['Li Wen'], agency: 'Xinhua', last: MORE }],
  ['the agency in capitals', by('By JANE DOE, REUTERS'), { authors: ['Jane Doe'], agency: 'Reuters', last: MORE }],
  ['the agency\'s staff', by('By Jane Doe, Reuters Staff'), { authors: ['Jane Doe'], agency: 'Reuters', last: MORE }],
  ['"The" and the agency\'s full name', by('By Jane Doe, The Associated Press'), { authors: ['Jane Doe'], agency: 'Associated Press', last: MORE }],
  ['the agency with its trade', by('By Hiroshi Tanaka, Kyodo News'), { authors: ['Hiroshi Tanaka'], agency: 'Kyodo', last: MORE }],
  ['the agency after a name in capitals, no comma', by('By JIM MORRIS Associated Press'), { authors: ['Jim Morris'], agency: 'Associated Press', last: MORE }],
  ['a paper after a comma', by('By Jane Doe, USA TODAY'), { authors: ['Jane Doe'], note: /"USA TODAY"/, last: MORE }],
  ['the agency after a bar', by('By Jane Doe | AP'), { authors: ['Jane Doe'], agency: 'AP', last: MORE }],
  ['"The" and the agency after a bar', by('By Jane Doe | The Associated Press'), { authors: ['Jane Doe'], agency: 'Associated Press', last: MORE }],
  ['two agencies after bars', by('By Jane Doe | AFP | Reuters'), { authors: ['Jane Doe'], agency: 'AFP', note: /"Reuters"/, last: MORE }],
  ['the agency, then a credit after bars', by('By Jane Doe | AP | Photos by Tom Hale'), { authors: ['Jane Doe'], agency: 'AP', contributors: [{ name: 'Tom Hale', role: 'photos' }], last: MORE }],
  ['a credit after a bar', by('By Jane Doe | Photos by Tom Hale'), { authors: ['Jane Doe'], contributors: [{ name: 'Tom Hale', role: 'photos' }], last: MORE }],
  ['the agency alone', by('By The Associated Press'), { agency: 'Associated Press', last: MORE }],
  // An agency's full name that agencyKey counts as the agency's is the agency, as printed.
  ['AFP\'s full name without its hyphen, after a bar', by('By Anne Roy | Agence France Presse'), { authors: ['Anne Roy'], agency: 'Agence France Presse', noNote: /publication/, last: MORE }],
  ['AFP\'s full name in capitals, after a bar', by('By ANNE ROY | AGENCE FRANCE PRESSE'), { authors: ['Anne Roy'], agency: 'Agence France Presse', noNote: /publication/, last: MORE }],
  ['AFP\'s full name without its hyphen, after a comma', by('By Anne Roy, Agence France Presse'), { authors: ['Anne Roy'], agency: 'Agence France Presse', noNote: /publication/, last: MORE }],
  ['dpa\'s full name after a bar', by('By Jim Morris | Deutsche Presse-Agentur'), { authors: ['Jim Morris'], agency: 'Deutsche Presse-Agentur', noNote: /publication/, last: MORE }],
  ['PTI\'s full name after a bar', by('By Jim Morris | Press Trust of India'), { authors: ['Jim Morris'], agency: 'Press Trust of India', noNote: /publication/, last: MORE }],
  ['AAP\'s full name after a bar', by('By Jim Morris | Australian Associated Press'), { authors: ['Jim Morris'], agency: 'Australian Associated Press', noNote: /publication/, last: MORE }],
  // Mastheads ending in Sentinel, Ledger, Picayune…: publications after a comma, noted (the last note: `By Jane
  // Doe, Sun Sentinel` made "Sun Sentinel" an author).
  ['a masthead ending in Sentinel, after a comma', by('By Jane Doe, Sun Sentinel'), { authors: ['Jane Doe'], note: /publication.*not kept.*"Sun Sentinel"/, last: MORE }],
  ['two names and a masthead of three words', by('By Jane Doe and Tom Hale, Milwaukee Journal Sentinel'), { authors: ['Jane Doe', 'Tom Hale'], note: /publication.*not kept.*"Milwaukee Journal Sentinel"/, last: MORE }],
  ['a hyphenated masthead with "The"', by('By Jane Doe, The Times-Picayune'), { authors: ['Jane Doe'], note: /publication.*not kept.*"The Times-Picayune"/, last: MORE }],
  ['a masthead in capitals', by('BY JANE DOE, ORLANDO SENTINEL'), { authors: ['Jane Doe'], note: /publication.*not kept.*"ORLANDO SENTINEL"/, last: MORE }],
  // A job printed before the name: the name, the job a title, noted (the last note: `By Staff Writer Jane Doe`
  // was one author, job and all).
  ['a job before the name', by('By Staff Writer Jane Doe'), { authors: ['Jane Doe'], note: /title not kept.*"Staff Writer"/, last: MORE }],
  ['a job with a modifier before the first of two names', by('By Senior Correspondent Tom Hale and Jane Doe'), { authors: ['Tom Hale', 'Jane Doe'], note: /title not kept.*"Senior Correspondent"/, last: MORE }],
  ['a job before the name, in capitals', by('BY STAFF REPORTER JIM MORRIS'), { authors: ['Jim Morris'], note: /title not kept.*"STAFF REPORTER"/, last: MORE }],
  ['a job word alone before the name', by('By Correspondent Jane Doe'), { authors: ['Jane Doe'], note: /title not kept.*"Correspondent"/, last: MORE }],
  // Near misses: a job word inside a name, or before a single word, is part of the name.
  ['a job word as a middle name', by('By Jane Writer Doe'), { authors: ['Jane Writer Doe'], noNote: /title/, last: MORE }],
  ['a job word before one word', by('By Writer Doe'), { authors: ['Writer Doe'], noNote: /title/, last: MORE }],
  // Review: a place or a phrase after the job is no name; the place is split off first, in every format.
  ['the staff and a place, in capitals', by('BY STAFF REPORTER IN BEIJING'), { note: /^(?=[^]*title not kept.*"STAFF REPORTER")[^]*place not kept.*"BEIJING"/, last: MORE }],
  ['a job before a name, then a place, in capitals', by('BY STAFF REPORTER JIM MORRIS IN BEIJING'), { authors: ['Jim Morris'], note: /^(?=[^]*title not kept.*"STAFF REPORTER")[^]*Beijing/i, last: MORE }],
  ['a job "at large", then a name', by('By Editor At Large Jane Doe'), { authors: ['Jane Doe'], note: /title not kept.*"Editor At Large"/, last: MORE }],
  ['a job, then a place and no name', by('By Special Correspondent In Kabul'), { authors: ['Special Correspondent In Kabul'], noNote: /title/, last: MORE }],
  // Review: a surname that is a preposition is a surname.
  ['a job before a name whose surname is a preposition', by('By Staff Writer Anh To'), { authors: ['Anh To'], note: /title not kept.*"Staff Writer"/, last: MORE }],
  // Review: mastheads of several words before "Staff" (the place rule made them authors), and a surname that is a masthead's word.
  // (Review: "Cnn" and "Al Jazeera Staff" were authors.)
  ['a broadcaster alone', by('By CNN'), { note: /publication[^\n]*"CNN"/, last: MORE }],
  ['a name and a broadcaster\'s staff', by('By Sky Brown and Al Jazeera Staff'), { authors: ['Sky Brown'], note: /publication[^\n]*"Al Jazeera Staff"/, last: MORE }],
  ['a masthead of three words, then Staff', by('By Dallas Morning News Staff'), { note: /title not kept.*"Dallas Morning News Staff"/, last: MORE }],
  ['a masthead of two masthead words, then Staff', by('By Star Tribune Staff'), { note: /title not kept.*"Star Tribune Staff"/, last: MORE }],
  ['a co-author surnamed Ledger, after a comma', by('By Jane Doe, Heath Ledger'), { authors: ['Jane Doe', 'Heath Ledger'], noNote: /publication/, last: MORE }],
  ['a co-author surnamed Ledger, after "and"', by('By Jane Doe and Heath Ledger'), { authors: ['Jane Doe', 'Heath Ledger'], noNote: /publication/, last: MORE }],
  ['the Plain Dealer without its city', by('By Jane Doe, Plain Dealer'), { authors: ['Jane Doe'], note: /publication.*not kept.*"Plain Dealer"/, last: MORE }],
  // Near miss: a name that starts as an agency's is a publication.
  ['a publication named much as AFP is, after a bar', by('By Anne Roy | Agence Presse Locale'), { authors: ['Anne Roy'], note: /publication after the byline not kept.*"Agence Presse Locale"/, last: MORE }],

  // ----- Bylines with a bar and no "By" -----
  ['a name | an agency', by('Jane Doe | AP', FIELD), { authors: ['Jane Doe'], agency: 'AP', last: MORE }],
  ['a given name that is a city | an agency', by('Florence Hale | AP', FIELD), { authors: ['Florence Hale'], agency: 'AP', last: MORE }],
  ['two names | an agency', by('Jane Doe and Tom Hale | Reuters', FIELD), { authors: ['Jane Doe', 'Tom Hale'], agency: 'Reuters', last: MORE }],
  ['a name, Jr. | an agency', by('Jane Doe, Jr. | AP', FIELD), { authors: ['Jane Doe Jr.'], agency: 'AP', last: MORE }],
  ['a name and III in capitals | an agency', by('JIM ROE III | AP', FIELD), { authors: ['Jim Roe III'], agency: 'AP', last: MORE }],
  ['a name | the agency\'s full name', by('Jane Doe | Associated Press', FIELD), { authors: ['Jane Doe'], agency: 'Associated Press', last: MORE }],
  ['a name | a credit', by('Jane Doe | Photos by Tom Hale', FIELD), { authors: ['Jane Doe'], contributors: [{ name: 'Tom Hale', role: 'photos' }], last: MORE }],
  // In text a line like a byline without "By" is not read as one, a name's as much as a label's (nothing tells
  // them apart: "White House | AP"), and noted; a ninjs or NITF byline is a byline whatever it says.
  ['a name | an agency (text)', by('Jane Doe | AP', TEXT), { note: /not read as one.*write "By Jane Doe \| AP"/, last: MORE }],
  ['a topic label | an agency (text)', by('White House | AP', TEXT), { note: /not read as one.*"White House \| AP"/, last: MORE }],
  ['a section label | an agency (text)', by('Special Report | Reuters', TEXT), { note: /found before the stamp and not used: "Special Report \| Reuters"/, last: MORE }],
  ['a label | an agency (text)', by('Breaking News | AP', TEXT), { note: /not used: "Breaking News \| AP"/, last: MORE }],
  ['a city | an agency (text)', by('Hong Kong | Xinhua', TEXT), { note: /not used: "Hong Kong \| Xinhua"/, last: MORE }],
  ['a country of two words | AAP (text)', by('New Zealand | AAP', TEXT), { note: /not used: "New Zealand \| AAP"/, last: MORE }],
  ['a bureau | an agency (text)', by('Tokyo Bureau | Kyodo', TEXT), { note: /not used: "Tokyo Bureau \| Kyodo"/, last: MORE }],
  // (A name alone under the headline, as the South China Morning Post prints its byline, is noted as a line
  // like a byline: this one too, with an agency after it.)
  ['a name and an agency, no bar (text)', by('Jane Doe AP', TEXT), { note: /not read as one.*write "By Jane Doe AP"/, last: MORE }],
  // On the stamp line too: neither half of a line like a byline without "By" is taken.
  ['a name | an agency | the stamp (text)', by('Jane Doe | AP | Updated: 2025-02-05 09:24', TEXT), { note: /not read as one.*write "By Jane Doe \| AP"/, noNote: /part of the stamp line/, last: MORE }],
  ['the stamp | a name | an agency (text)', by('Updated: 2025-02-05 09:24 | Jane Doe | AP', TEXT), { note: /not read as one.*write "By Jane Doe \| AP"/, last: MORE }],
  // Near misses: with "By", a byline; an agency alone, the agency.
  ['By a name | an agency | the stamp (text)', by('By Jane Doe | AP | Updated: 2025-02-05 09:24', TEXT), { authors: ['Jane Doe'], agency: 'AP', noNote: /not read as one|part of the stamp line/, last: MORE }],
  ['an agency | the stamp (text)', by('AP | Updated: 2025-02-05 09:24', TEXT), { agency: 'AP', noNote: /not read as one|part of the stamp line/, last: MORE }],
  ['a section label | an agency | the stamp (text)', by('Breaking News | AP | Updated: 2025-02-05 09:24', TEXT), { agency: 'AP', note: /part of the stamp line not used: "Breaking News"/, last: MORE }],

  // ----- Datelines -----
  ['Xinhua\'s English lead', lead('WASHINGTON, Feb. 4 (Xinhua) -- The Senate voted late.'), { agency: 'Xinhua', city: 'Washington', last: MORE }],
  ['AP\'s lead', lead('BEIRUT (AP) — Crowds gathered at the port.'), { agency: 'AP', city: 'Beirut', last: MORE }],
  ['Reuters\' lead', lead('LONDON, Feb 4 (Reuters) - Shares fell in early trade.'), { agency: 'Reuters', city: 'London', last: MORE }],
  // (This session's forms, read alike in every format.)
  ['Reuters\' lead of two cities', lead('NEW YORK/WASHINGTON, Feb 4 (Reuters) - Shares fell in early trade.'), { agency: 'Reuters', city: 'New York/Washington', last: MORE }],
  ['AFP\'s lead in title case', lead('Paris (AFP) - Shares fell in early trade.'), { agency: 'AFP', city: 'Paris', first: 'Shares fell in early trade.', last: MORE }],
  // (dpa's real copy: `San Diego (tca/dpa) -`, the Tribune Content Agency's story through dpa, had no dateline.)
  ['a partner\'s copy through an agency, the city in title case', lead('San Diego (tca/dpa) - Fans filled the stadium.'), { agency: 'tca/dpa', city: 'San Diego', first: 'Fans filled the stadium.', last: MORE }],
  ['a partner\'s copy through an agency, the city in capitals', lead('SAN DIEGO (tca/dpa) - Fans filled the stadium.'), { agency: 'tca/dpa', city: 'San Diego', first: 'Fans filled the stadium.', last: MORE }],
  ['a partner before an agency the list does not know: no lead', lead('Springfield (tca/xyz) - Fans filled the stadium.'), { first: 'Springfield (tca/xyz) - Fans filled the stadium.', last: MORE }],
  ['PTI\'s lead without a dash', lead('New Delhi, Feb 4 (PTI) Shares fell in early trade.'), { agency: 'PTI', city: 'New Delhi', date: '2025-02-04', last: MORE }],
  ['AP\'s city with a prefix in lower case', lead('McALLEN, Texas (AP) — Crowds gathered at the bridge.'), { agency: 'AP', city: 'McAllen', last: MORE }],
  ['a hyphenated region', lead('BISSAU, Guinea-Bissau (Reuters) - Crowds gathered at the port.'), { agency: 'Reuters', city: 'Bissau', last: MORE }],
  ['a year after the day', lead('WASHINGTON, Feb. 4, 2025 (UPI) -- The Senate voted late.'), { agency: 'UPI', city: 'Washington', date: '2025-02-04', last: MORE }],
  ['a lead with the month in full', lead('WASHINGTON, February 4 (Reuters) - The Senate voted late.'), { agency: 'Reuters', city: 'Washington', date: '2025-02-04', first: 'The Senate voted late.', last: MORE }],
  ['a lead with the day before the month', lead('LONDON, 4 February (AFP) - Shares fell in early trade.'), { agency: 'AFP', city: 'London', date: '2025-02-04', last: MORE }],
  ['a lead with the month in full and no agency', lead('PARIS, December 12 -- The council voted.'), { city: 'Paris', date: '2024-12-12', note: /dateline date "December 12" is read as 2024-12-12/, last: MORE }],
  ['a lead with the day first and no agency, on a known city', lead('PARIS, 14 July - Crowds lined the avenue.'), { city: 'Paris', date: '2024-07-14', note: /dateline date "14 July" is read as 2024-07-14/, last: MORE }],
  // Review: prose that starts as a day-first or full-month lead does is no dateline without an agency, before
  // a lower-case word or after a word the gazetteer does not know as a city; a month is no city.
  ['prose with the day first, before lower case', lead('BERLIN, 9 November -- a date Germans remember.'), { first: 'BERLIN, 9 November -- a date Germans remember.', last: MORE }],
  ['prose with the day first, between dashes', lead('LONDON, 4 February - the day markets fell - is remembered.'), { first: 'LONDON, 4 February - the day markets fell - is remembered.', last: MORE }],
  ['prose with the day first, after no city', lead('D-DAY, 6 June - Veterans gathered on the beach.'), { first: 'D-DAY, 6 June - Veterans gathered on the beach.', last: MORE }],
  ['a month for the city', lead('SEPTEMBER, 11 September - The anniversary passed quietly.'), { first: 'SEPTEMBER, 11 September - The anniversary passed quietly.', last: MORE }],
  ['a weekday for the city, with AP\'s date', lead('MONDAY, Feb. 3 -- The markets opened higher.'), { first: 'MONDAY, Feb. 3 -- The markets opened higher.', last: MORE }],
  // Review: a year or a note in brackets is no agency (it made prose a dateline with the agency "1989").
  ['prose with the day first and a year in brackets', lead('BERLIN, 9 November (1989) -- a date Germans remember.'), { first: 'BERLIN, 9 November (1989) -- a date Germans remember.', last: MORE }],
  ['prose with the day first, a year in brackets, after no city', lead('D-DAY, 6 June (1944) - Veterans gathered on the beach.'), { first: 'D-DAY, 6 June (1944) - Veterans gathered on the beach.', last: MORE }],
  ['prose with AP\'s date and a year in brackets', lead('BERLIN, Nov. 9 (1989) -- The wall fell.'), { first: 'BERLIN, Nov. 9 (1989) -- The wall fell.', last: MORE }],
  // (Review: brackets that hold a day or a note are no agency either.)
  ['prose with the day first and a weekday in brackets', lead('BERLIN, 9 November (Monday) -- a date Germans remember.'), { first: 'BERLIN, 9 November (Monday) -- a date Germans remember.', last: MORE }],
  ['prose with the day first and a note in brackets', lead('D-DAY, 6 June (local time) - veterans gathered.'), { first: 'D-DAY, 6 June (local time) - veterans gathered.', last: MORE }],
  ['prose with a note with a year in brackets', lead('FLASHBACK, 9 November (1989 photo) - Crowds on the wall.'), { first: 'FLASHBACK, 9 November (1989 photo) - Crowds on the wall.', last: MORE }],
  ['a lead with an agency and a photo agency', lead('PARIS, 4 February (AFP/Getty) - Crowds gathered.'), { agency: 'AFP/Getty', city: 'Paris', date: '2025-02-04', last: MORE }],
  ['a lead with an agency in lower case that the list knows', lead('BERLIN, 4 February (dpa) - Trains stopped.'), { agency: 'dpa', city: 'Berlin', date: '2025-02-04', last: MORE }],
  // (Review: a station with a number, a name in lower case or with a lower-case word is no day or note.)
  ['a lead with a station with a number', lead('LOS ANGELES (KTLA 5) — Fires spread overnight.'), { agency: 'KTLA 5', city: 'Los Angeles', last: MORE }],
  ['a date in brackets', lead('WASHINGTON (Feb. 5) - Talks resumed.'), { first: 'WASHINGTON (Feb. 5) - Talks resumed.', last: MORE }],
  ['a weekday and date in brackets', lead('WASHINGTON (Monday, Feb. 5) - Talks resumed.'), { first: 'WASHINGTON (Monday, Feb. 5) - Talks resumed.', last: MORE }],
  ['a byline in brackets', lead('WASHINGTON (By Jane Doe) - Talks resumed.'), { first: 'WASHINGTON (By Jane Doe) - Talks resumed.', last: MORE }],
  ['a label in brackets', lead('WASHINGTON (Video) - Talks resumed.'), { first: 'WASHINGTON (Video) - Talks resumed.', last: MORE }],
  // A word in lower case longer than an acronym is a note, not an agency; a country or state is the city's region.
  ['a note of one word in brackets', lead('LONDON (pictured) - Crowds gathered.'), { first: 'LONDON (pictured) - Crowds gathered.', last: MORE }],
  ['an agency in lower case, as short as an acronym', lead('VIENNA (apa) - Talks resumed.'), { agency: 'apa', city: 'Vienna', last: MORE }],
  // (Review: the rule of length made these prose: an agency in lower case may be long.)
  ['an agency in lower case, longer than an acronym', lead('ZAGREB (hina) - Talks resumed.'), { agency: 'hina', city: 'Zagreb', last: MORE }],
  // (Review: a province's name is an agency's too, Iran's Fars, Thailand's Nan: only countries and states are regions.)
  ['an agency named as a province is', lead('TEHRAN (Fars) — Talks resumed.'), { agency: 'Fars', city: 'Tehran', last: MORE }],
  ['an agency in capitals named as a province is', lead('ABUJA (NAN) — Talks resumed.'), { agency: 'NAN', city: 'Abuja', last: MORE }],
  // (Review: a label in accented capitals was read as the city.)
  ['a label in accented capitals', lead('ÚLTIMA HORA — El gobierno anunció medidas.'), { first: 'ÚLTIMA HORA — El gobierno anunció medidas.', last: MORE }],
  ['a label in French accented capitals', lead('DÉCRYPTAGE — Le gouvernement a annoncé.'), { first: 'DÉCRYPTAGE — Le gouvernement a annoncé.', last: MORE }],
  ['a label in Spanish accented capitals', lead('ÚLTIMO MINUTO — El gobierno anunció medidas.'), { first: 'ÚLTIMO MINUTO — El gobierno anunció medidas.', last: MORE }],
  ['a label in capitals that drop its accents', lead('ULTIMA HORA — El gobierno anunció medidas.'), { first: 'ULTIMA HORA — El gobierno anunció medidas.', last: MORE }],
  // (Review: a town named as a label is a town, with its state.)
  ['a town named as a label of another language is', lead('TRIBUNE, Kan. (AP) — Wheat farmers met on Tuesday.'), { agency: 'AP', city: 'Tribune', last: MORE }],
  // (Review: a city the gazetteer lacks is a city all the same, its zone asked for.)
  ['a city in accented capitals the gazetteer lacks', lead('MÜNCHEN — The river burst its banks.'), { city: 'München', last: MORE }],
  ['a country in brackets', lead('KYIV (Ukraine) — Air raid sirens sounded.'), { city: 'Kyiv', last: MORE }],
  ['a state in brackets narrows the city', lead('PORTLAND (Maine) — The harbour froze.'), { city: 'Portland', last: MORE }],
  ['a lead with a name in lower case', lead('CAIRO (al-Ahram) — Ministers met.'), { agency: 'al-Ahram', city: 'Cairo', last: MORE }],
  ['a lead with a paper whose name has a lower-case word', lead('TORONTO (The Globe and Mail) — Rates held.'), { agency: 'The Globe and Mail', city: 'Toronto', last: MORE }],
  ['prose with a year in brackets', lead('BERLIN (1989) -- The wall fell.'), { first: 'BERLIN (1989) -- The wall fell.', last: MORE }],
  // (Review: an agency the list lacks is an agency all the same, before a lower-case word too.)
  ['a lead with the day first and an agency the list lacks', lead('LONDON, 4 February (PA Media) -- the Bank held rates.'), { agency: 'PA Media', city: 'London', date: '2025-02-04', last: MORE }],
  ['a lead with the day first, an agency the list lacks and a town the gazetteer lacks', lead('ZORYA VILLAGE, 4 February (UNIAN) -- Shelling continued.'), { agency: 'UNIAN', city: 'Zorya Village', date: '2025-02-04', last: MORE }],
  ['a lead with the day first and AP\'s abbreviation, quoted as printed', lead('LONDON, 20 Dec. (AFP) - Shares fell in early trade.'), { agency: 'AFP', city: 'London', date: '2024-12-20', note: /dateline date "20 Dec\." is read as 2024-12-20/, last: MORE }],
  ['a lead with a state', lead('PORTLAND, Ore. (AP) — The council voted.'), { agency: 'AP', city: 'Portland', last: MORE }],
  // Accented capitals are capitals (these leads stayed in the body: the city was read in ASCII capitals only).
  ['a lead on a city with an accent', lead('MONTRÉAL, Feb. 4 (AFP) — Snow closed the port.'), { agency: 'AFP', city: 'Montréal', date: '2025-02-04', last: MORE }],
  ['a lead on a city with a tilde', lead('SÃO PAULO (Reuters) - Shares rose.'), { agency: 'Reuters', city: 'São Paulo', last: MORE }],
  ['a lead on a city with an umlaut and the day first', lead('ZÜRICH, 4 February (Reuters) - The franc rose.'), { agency: 'Reuters', city: 'Zürich', date: '2025-02-04', last: MORE }],
  ['a lead with an accented region', lead('MONTERREY, Nuevo León (AP) — Rain fell.'), { agency: 'AP', city: 'Monterrey', last: MORE }],
  ['a lead on a city the gazetteer lacks, with an agency', lead('MUWASI (AP) — crowds gathered at the crossing.'), { agency: 'AP', city: 'Muwasi', last: MORE }],
  ['a lead on a city the gazetteer spells otherwise, with an agency', lead('GAZA CITY (AP) — crowds gathered at the crossing.'), { agency: 'AP', city: 'Gaza City', last: MORE }],
  ['a lead with a date, before lower case', lead('BEIJING, Feb. 5 -- the city opened two subway lines.'), { city: 'Beijing', last: MORE }],
  ['the agency by its full name in the lead', lead('WASHINGTON (Associated Press) — The Senate voted.'), { agency: 'Associated Press', city: 'Washington', last: MORE }],
  ['新华社 lead', lead('新华社北京2月5日电 港口周二重新开放。'), { agency: '新华社', city: '北京', last: MORE }],
  ['新华社 lead naming the reporter', lead('新华社华盛顿2月4日电（记者孙静）美国国会周二投票。'), { authors: ['孙静'], agency: '新华社', city: '华盛顿', last: MORE }],
  // Reporters named in the lead are authors after those of a byline or a signature, never dropped to a note.
  ['新华社 lead naming the reporter, after a byline', { by: 'By Li Wen', paras: ['新华社华盛顿2月4日电（记者孙静）美国国会周二投票。', MORE] }, { authors: ['Li Wen', '孙静'], agency: '新华社', city: '华盛顿', noNote: /not used/, last: MORE }],
  ['新华社 lead naming the reporter the byline names', { by: 'By 孙静', paras: ['新华社华盛顿2月4日电（记者孙静）美国国会周二投票。', MORE] }, { authors: ['孙静'], agency: '新华社', city: '华盛顿', last: MORE }],
  ['新华社 lead naming the reporter, reporters signed at the end', { paras: ['新华社华盛顿2月4日电（记者孙静）美国国会周二投票。', '船只等待了一年。（完）', '记者：王晓岚 李华'] }, { authors: ['王晓岚', '李华', '孙静'], agency: '新华社', city: '华盛顿', noNote: /not used/, last: '船只等待了一年。' }],
  // The same leads in traditional characters (Hong Kong, Macao and Taiwan copy), and the Central News
  // Agency's, which prints the day alone and may name its reporter before the city.
  ['新華社 lead in traditional characters, naming the reporter', lead('新華社澳門3月2日電（記者郭鑫）港口週二重新開放。'), { authors: ['郭鑫'], agency: '新華社', city: '澳門', last: MORE }],
  ['中央社 lead with the day alone, naming the reporter', lead('中央社台北20日電（記者蘇思云）港口今天重新開放。'), { authors: ['蘇思云'], agency: '中央社', city: '台北', last: MORE }],
  ['中央社 lead in brackets, the reporter before the city', lead('（中央社記者楊明珠東京24日電）港口今天重新開放。'), { authors: ['楊明珠'], agency: '中央社', city: '東京', last: MORE }],
  ['中央社 lead in brackets without a reporter', lead('（中央社倫敦5日電）港口今天重新開放。'), { agency: '中央社', city: '倫敦', last: MORE }],
  ['本報 lead in traditional characters, naming the reporter', lead('本報香港電（記者張家明）港口週二重新開放。'), { authors: ['張家明'], city: '香港', last: MORE }],
  ['a traditional lead, reporters signed at the end', { paras: ['新華社華盛頓2月4日電（記者孫靜）美國國會週二投票。', '船隻等待了一年。（完）', '記者：張家明 李嘉欣'] }, { authors: ['張家明', '李嘉欣', '孫靜'], agency: '新華社', city: '華盛頓', noNote: /not used/, last: '船隻等待了一年。' }],
  // A city and a dash, as China Daily prints a dateline: ninjs without `located` and NITF without <dateline>
  // read the body's lead as text does (one rule, `_lead.ts`).
  ['a city and a dash', lead('PARIS — The museums reopened on Monday.'), { city: 'Paris', last: MORE }],
  ['a known city and a dash before a currency', lead('NEW YORK — $5 billion was pledged for the tunnel.'), { city: 'New York', last: MORE }],
  ['a known city and a dash before a particle', lead('THE HAGUE — van der Berg took the oath.'), { city: 'The Hague', last: MORE }],
  ['a known city and a dash before d\' and a capital', lead('ROME — d\'Alema spoke first.'), { city: 'Rome', last: MORE }],
  ['a known city and a dash before ter and a capital', lead('BARCELONA — ter Stegen saved a penalty.'), { city: 'Barcelona', last: MORE }],
  ['a known city, an abbreviated province and a dash before lower case', lead('TORONTO, Ont. — the council voted.'), { city: 'Toronto', last: MORE }],
  // Abbreviated provinces (CP's, Canada Post's) are regions in every format (the city's zone: tests/gazetteer.test.ts).
  ['a lead with an abbreviated province and an agency', lead('LONDON, Ont. (CP) — The council voted.'), { city: 'London', agency: 'CP', last: MORE }],
  ['a lead with a province\'s postal code and an agency', lead('SYDNEY, NS (CP) — The council voted.'), { city: 'Sydney', agency: 'CP', last: MORE }],
  ['a known city, P.R. and a dash before lower case', lead('SAN JUAN, P.R. — the governor spoke.'), { city: 'San Juan', last: MORE }],
  ['a known city and a dash before binti and a capital', lead('JAKARTA — binti Ahmad testified on Monday.'), { city: 'Jakarta', last: MORE }],
  ['a city, a state and a dash before lower case', lead('PORTLAND, Ore. — the city council voted.'), { city: 'Portland', last: MORE }],
  ['a known city and a dash before Chinese', lead('HONG KONG — 香港特区政府周二宣布新措施。'), { city: 'Hong Kong', last: MORE }],
  ['an unknown town and a dash before a currency', lead('GLENWHARF — $2 million was raised for the pier.'), { city: 'Glenwharf', last: MORE }],
  ['an agency by its full name, not on the list of agencies', lead('SEOUL (Yonhap News Agency) — The museums reopened.'), { agency: 'Yonhap News Agency', city: 'Seoul', last: MORE }],
  ['a lead alone on its line', { paras: ['WASHINGTON, Feb. 4 (Xinhua) --', 'The Senate voted late.', MORE] }, { agency: 'Xinhua', city: 'Washington', body: `The Senate voted late.\n\n${MORE}`, last: MORE }],
  ['本报 and a city the table knows', lead('本报北京电 港口周二重新开放。'), { city: '北京', last: MORE }],
  // A lead in Arabic letters, with an agency in brackets (Reuters' and AFP's Arabic names), as the Arabic
  // services print it; the agency keeps its name as printed.
  ['an Arabic lead with Reuters in brackets', lead('القاهرة (رويترز) - قال مسؤولون يوم الاثنين إن الميناء أعيد فتحه.'), { agency: 'رويترز', city: 'القاهرة', last: MORE }],
  ['an Arabic lead with AFP in brackets', lead('بيروت (أ ف ب) - أعيد فتح الميناء يوم الثلاثاء.'), { agency: 'أ ف ب', city: 'بيروت', last: MORE }],
  // Kyodo's, Yonhap's and TASS's leads (`_wire-leads.ts`): the agency by its English name, a city the tables of
  // `_cjk-ru-cities.ts` know by the gazetteer's English name, one they lack as printed; reporters named are authors.
  ['Kyodo\'s lead', lead('【ワシントン共同】米議会は週明けに予算案を可決した。'), { agency: 'Kyodo', city: 'Washington', last: MORE }],
  ['Kyodo\'s lead from Tokyo', lead('【東京共同】港は三日ぶりに再開した。'), { agency: 'Kyodo', city: 'Tokyo', last: MORE }],
  ['Kyodo\'s lead from a city in kanji', lead('【北京共同】港は火曜日に再開した。'), { agency: 'Kyodo', city: 'Beijing', last: MORE }],
  ['Kyodo\'s lead naming the reporter', lead('【ソウル共同＝山田太郎】港は火曜日に再開した。'), { authors: ['山田太郎'], agency: 'Kyodo', city: 'Seoul', last: MORE }],
  ['Kyodo\'s lead on a city the table lacks', lead('【ダボス共同】国際会議が開幕した。'), { agency: 'Kyodo', city: 'ダボス', last: MORE }],
  ['Yonhap\'s lead', lead('(서울=연합뉴스) 홍길동 기자 = 항구가 사흘 만에 다시 열렸다.'), { authors: ['홍길동'], agency: 'Yonhap', city: 'Seoul', last: MORE }],
  ['Yonhap\'s lead from a correspondent abroad', lead('(워싱턴=연합뉴스) 김민수 특파원 = 미국 의회가 예산안을 통과시켰다.'), { authors: ['김민수'], agency: 'Yonhap', city: 'Washington', last: MORE }],
  ['Yonhap\'s lead naming two reporters', lead('(부산=연합뉴스) 홍길동 기자·이영희 인턴기자 = 항구가 다시 열렸다.'), { authors: ['홍길동', '이영희'], agency: 'Yonhap', city: 'Busan', last: MORE }],
  ['Yonhap\'s lead without a reporter, on a city the table lacks', lead('(세종=연합뉴스) 정부는 새 항만 계획을 내놓았다.'), { agency: 'Yonhap', city: '세종', last: MORE }],
  ['Yonhap\'s English lead', lead('SEOUL, Feb. 4 (Yonhap) -- The port reopened on Tuesday.'), { agency: 'Yonhap', city: 'Seoul', last: MORE }],
  // The press-release wires' leads, and Pakistan's agency's with a colon (review: none was read; the wire went uncredited).
  ['PR Newswire\'s lead', lead('NEW YORK, Feb. 4, 2025 /PRNewswire/ -- Acme Ports Inc. reported results.'), { agency: 'PR Newswire', city: 'New York', last: MORE }],
  ['PR Newswire Asia\'s lead', lead('SHANGHAI, Feb. 4, 2025 /PRNewswire-Asia/ -- Acme Ports Inc. reported results.'), { agency: 'PR Newswire', city: 'Shanghai', last: MORE }],
  ['Cision Canada\'s lead', lead('TORONTO, Feb. 4, 2025 /CNW/ - Acme Ports Inc. reported results.'), { agency: 'CNW', city: 'Toronto', last: MORE }],
  ['Business Wire\'s lead', lead('NEW YORK--(BUSINESS WIRE)--Acme Ports Inc. reported results.'), { agency: 'Business Wire', city: 'New York', last: MORE }],
  ['GlobeNewswire\'s lead', lead('NEW YORK, Feb. 04, 2025 (GLOBE NEWSWIRE) -- Acme Ports Inc. reported results.'), { agency: 'GlobeNewswire', city: 'New York', last: MORE }],
  ['the Associated Press of Pakistan\'s lead with a colon', lead('ISLAMABAD, Feb 4 (APP): The port reopened on Tuesday.'), { agency: 'APP', city: 'Islamabad', last: MORE }],
  ['a name spelt out in brackets before a colon', lead('ACME (Advanced Cargo Management Enterprise): The company said so.'), { last: MORE }],
  // National agencies' leads in their own forms (none was read: the lead stayed in the story, the agency uncredited):
  // TASS's in English, ANSA's with the agency first, EFE's `.-`, WAM's ordinal day and comma before the year, Antara's.
  ['TASS\'s English lead', lead('MOSCOW, February 4. /TASS/. The port reopened on Tuesday.'), { agency: 'TASS', city: 'Moscow', last: MORE }],
  ['ANSA\'s lead, the agency first', lead('(ANSA) - ROME, FEB 4 - The port reopened on Tuesday.'), { agency: 'ANSA', city: 'Rome', last: MORE }],
  ['ANSA\'s lead without a date', lead('(ANSA) - NAPLES - The port reopened on Tuesday.'), { agency: 'ANSA', city: 'Naples', last: MORE }],
  ['EFE\'s lead', lead('Madrid, Feb 4 (EFE).- The port reopened on Tuesday.'), { agency: 'EFE', city: 'Madrid', last: MORE }],
  ['EFE\'s lead with the city in capitals', lead('MADRID, Feb 4 (EFE).- The port reopened on Tuesday.'), { agency: 'EFE', city: 'Madrid', last: MORE }],
  ['WAM\'s lead', lead('ABU DHABI, 4th February, 2025 (WAM) -- The port reopened on Tuesday.'), { agency: 'WAM', city: 'Abu Dhabi', last: MORE }],
  ['Antara\'s lead (the agency as the list spells it)', lead('Jakarta (ANTARA) - The port reopened on Tuesday.'), { agency: 'Antara', city: 'Jakarta', last: MORE }],
  // AAP's, its name without brackets (real AAP copy: none was read; `MELBOURNE AAP -` made a city "Melbourne Aap").
  ['AAP\'s lead', lead('SYDNEY, Feb 4 AAP - The port reopened on Tuesday.'), { agency: 'AAP', city: 'Sydney', last: MORE }],
  ['AAP\'s lead without a comma before the date', lead('SYDNEY Feb 4 AAP - The port reopened on Tuesday.'), { agency: 'AAP', city: 'Sydney', last: MORE }],
  ['AAP\'s lead without a date', lead('MELBOURNE AAP - The port reopened on Tuesday.'), { agency: 'AAP', city: 'Melbourne', last: MORE }],
  ['ANSA\'s bracket before a city in title case', { paras: ['(ANSA) - Rome was quiet on Tuesday - the port reopened.'] }, { last: '(ANSA) - Rome was quiet on Tuesday - the port reopened.' }],

  ['TASS\'s lead', lead('МОСКВА, 4 февраля. /ТАСС/. Порт снова открылся во вторник.'), { agency: 'TASS', city: 'Moscow', last: MORE }],
  ['TASS\'s lead from abroad', lead('ВАШИНГТОН, 4 февраля. /ТАСС/. Сенат проголосовал поздно вечером.'), { agency: 'TASS', city: 'Washington', last: MORE }],
  ['TASS\'s lead naming its correspondent', lead('ЖЕНЕВА, 4 февраля. /Корр. ТАСС Иван Петров/. Переговоры возобновились во вторник.'), { authors: ['Иван Петров'], agency: 'TASS', city: 'Geneva', last: MORE }],
  ['TASS\'s lead on a city the table lacks', lead('ЗАРЕЧНЫЙ, 4 февраля. /ТАСС/. Порт снова открылся.'), { agency: 'TASS', city: 'ЗАРЕЧНЫЙ', last: MORE }],
  // Near misses: no dateline, the paragraph kept whole.
  ['an acronym and a dash before lower case', { paras: ['NATO — already stretched, the alliance met on Tuesday.'] }, { last: 'NATO — already stretched, the alliance met on Tuesday.' }],
  ['an unknown word and a dash before lower case', { paras: ['GLENWHARF — the council met.'] }, { last: 'GLENWHARF — the council met.' }],
  ['two countries and a dash before lower case', { paras: ['US, China — trade talks resumed on Monday.'] }, { last: 'US, China — trade talks resumed on Monday.' }],
  ['a known city that is a word and a dash before lower case', { paras: ['MOBILE — phone sales fell again this quarter.'] }, { last: 'MOBILE — phone sales fell again this quarter.' }],
  ['a known city and a dash before a lower-case sentence', { paras: ['NICE — that is how the season ended.'] }, { last: 'NICE — that is how the season ended.' }],
  ['an acronym, a name in brackets and a dash before lower case', { paras: ['NATO (North Atlantic Treaty Organization) — allies agreed on Monday.'] }, { last: 'NATO (North Atlantic Treaty Organization) — allies agreed on Monday.' }],
  ['a known city and a dash before a particle that is a word', { paras: ['LONDON — de facto bans spread.'] }, { last: 'LONDON — de facto bans spread.' }],
  ['a known city and a dash before do', { paras: ['LISBON — do you remember the storm?'] }, { last: 'LISBON — do you remember the storm?' }],
  ['a known city and a dash before an article', { paras: ['PARIS — la maire a parlé.'] }, { last: 'PARIS — la maire a parlé.' }],
  ['a known city, a month and a dash before lower case', { paras: ['WASHINGTON, Jan. — the Senate voted late.'] }, { last: 'WASHINGTON, Jan. — the Senate voted late.' }],
  ['a known city, Inc. and a dash before lower case', { paras: ['BOSTON, Inc. — the company said profits rose.'] }, { last: 'BOSTON, Inc. — the company said profits rose.' }],
  ['a known city and a dash before lower case', { paras: ['WASHINGTON — the Senate voted late.'] }, { last: 'WASHINGTON — the Senate voted late.' }],
  // (Read alike by ninjs and NITF since they read the lead as text does: a word of a sentence is no city.)
  ['a country and a dash before a capital', { paras: ['TAIWAN — The vote was close.'] }, { last: 'TAIWAN — The vote was close.' }],
  ['two letters and a dash before a capital', { paras: ['AI — The model failed the test.'] }, { last: 'AI — The model failed the test.' }],
  ['a country\'s initials and a dash before a capital', { paras: ['US — China talks resumed on Monday.'] }, { last: 'US — China talks resumed on Monday.' }],
  ['a label and a dash before a capital', { paras: ['LIVE — Follow the vote as it happens.'] }, { last: 'LIVE — Follow the vote as it happens.' }],
  // An organisation's acronym before a dash and a capitalised sentence is no town "Nato" (a word the gazetteer
  // lacks otherwise stays an unknown town's: "GLENWHARF — $2 million…" above, "ZENDA — …" in import-cli).
  ['an organisation\'s acronym and a dash before a capital', { paras: ['NATO — Allies agreed on Monday to raise spending.'] }, { last: 'NATO — Allies agreed on Monday to raise spending.' }],
  ['an organisation\'s acronym with dots and a dash before a capital', { paras: ['U.N. — Member states voted on Friday.'] }, { last: 'U.N. — Member states voted on Friday.' }],
  ['an organisation\'s acronym, an agency and a dash', { paras: ['WHO (Reuters) — The agency warned of measles.'] }, { last: 'WHO (Reuters) — The agency warned of measles.' }],
  ['an unknown town and a dash before a capital', lead('ZENDA — The council met on Monday.'), { city: 'Zenda', last: MORE }],
  ['a city-state and a dash before a capital', lead('SINGAPORE — The port reopened.'), { city: 'Singapore', last: MORE }],
  ['an editor\'s note', { paras: ['EDITOR\'S NOTE — This story contains graphic details.'] }, { last: 'EDITOR\'S NOTE — This story contains graphic details.' }],
  ['AP\'s file photo label', { paras: ['FILE - Ships wait outside the port, Jan. 3, 2025.'] }, { last: 'FILE - Ships wait outside the port, Jan. 3, 2025.' }],
  ['an analysis label', { paras: ['ANALYSIS — The yen fell for a third week.'] }, { last: 'ANALYSIS — The yen fell for a third week.' }],
  ['a Hebrew word and a dash, no agency', { paras: ['ירושלים - מליאת הכנסת אישרה את התקציב.'] }, { last: 'ירושלים - מליאת הכנסת אישרה את התקציב.' }],
  // Near misses of Kyodo's, Yonhap's and TASS's leads: a headline's label in brackets, another agency's or no
  // agency's parenthesis, a Russian sentence with a city and a date but no /ТАСС/, a sentence in capitals.
  ['a Japanese headline label in brackets', { paras: ['【速報】港が三日ぶりに再開した。'] }, { last: '【速報】港が三日ぶりに再開した。' }],
  ['a Japanese photo label in brackets', { paras: ['【写真】再開した港に船が並んだ。'] }, { last: '【写真】再開した港に船が並んだ。' }],
  ['a Japanese label ending in 共同 that is no city', { paras: ['【日米共同】両政府が声明を出した。'] }, { last: '【日米共同】両政府が声明を出した。' }],
  ['a Korean parenthesis naming another agency', { paras: ['(서울=뉴스1) 홍길동 기자 = 항구가 다시 열렸다.'] }, { last: '(서울=뉴스1) 홍길동 기자 = 항구가 다시 열렸다.' }],
  ['a Korean parenthesis naming a city alone', { paras: ['(서울) 항구가 다시 열렸다.'] }, { last: '(서울) 항구가 다시 열렸다.' }],
  ['a Russian city and date without /ТАСС/', { paras: ['МОСКВА, 4 февраля. Порт снова открылся.'] }, { last: 'МОСКВА, 4 февраля. Порт снова открылся.' }],
  ['a Russian sentence in capitals and a dash', { paras: ['ВНИМАНИЕ — ПОРТ ЗАКРЫТ ДО ВТОРНИКА.'] }, { last: 'ВНИМАНИЕ — ПОРТ ЗАКРЫТ ДО ВТОРНИКА.' }],
  ['Arabic words and a dash, no agency', { paras: ['قال الوزير - في مؤتمر صحفي - إن الميناء أعيد فتحه.'] }, { last: 'قال الوزير - في مؤتمر صحفي - إن الميناء أعيد فتحه.' }],
  ['Arabic words, an unknown name in brackets and a dash', { paras: ['القاهرة (مصدر) - قال مسؤولون إن الميناء أعيد فتحه.'] }, { last: 'القاهرة (مصدر) - قال مسؤولون إن الميناء أعيد فتحه.' }],
  ['本报 calling, no lead', { paras: ['本报多次致电，对方未回应。'] }, { last: '本报多次致电，对方未回应。' }],
  ['新华社 and a word that starts with 电', { paras: ['新华社北京电力公司周二宣布调价。'] }, { last: '新华社北京电力公司周二宣布调价。' }],
  ['中央社 calling, no lead', { paras: ['中央社記者多次致電，對方未回應。'] }, { last: '中央社記者多次致電，對方未回應。' }],
  ['新華社 and a word that starts with 電', { paras: ['新華社北京電視台週二播出節目。'] }, { last: '新華社北京電視台週二播出節目。' }],
  ['中央社 in brackets, a reporter and a city the table lacks', { paras: ['（中央社記者楊明珠某某24日電）港口今天重新開放。'] }, { last: '（中央社記者楊明珠某某24日電）港口今天重新開放。' }],

  // ----- One agency by its two names -----
  ['AP after a bar, Associated Press in the lead', { by: 'By Jim Morris | AP', paras: ['BEIRUT (Associated Press) — Crowds gathered.', MORE] }, { authors: ['Jim Morris'], agency: 'AP', city: 'Beirut', noNote: AGENCY_CONFLICT, last: MORE }],
  ['Associated Press after a name, AP in the lead', { by: 'By JIM MORRIS Associated Press', paras: ['BEIRUT (AP) — Crowds gathered.', MORE] }, { authors: ['Jim Morris'], agency: 'Associated Press', city: 'Beirut', noNote: AGENCY_CONFLICT, last: MORE }],
  ['Agence France Presse after a bar, AFP in the lead', { by: 'By Anne Roy | Agence France Presse', paras: ['PARIS (AFP) — Crowds gathered.', MORE] }, { authors: ['Anne Roy'], agency: 'Agence France Presse', city: 'Paris', noNote: AGENCY_CONFLICT, last: MORE }],
  ['UPI\'s full name as the closing line, UPI in the lead', { paras: ['DENVER (UPI) — Crowds gathered.', MORE, 'United Press International'] }, { agency: 'United Press International', city: 'Denver', noNote: AGENCY_CONFLICT, last: MORE }],
  ['AFP after a bar, Agence France-Presse in the lead', { by: 'By Anne Roy | AFP', paras: ['PARIS (Agence France-Presse) — Crowds gathered.', MORE] }, { authors: ['Anne Roy'], agency: 'AFP', city: 'Paris', noNote: AGENCY_CONFLICT, last: MORE }],
  ['Kyodo News after a bar, Kyodo in the lead', { by: 'By Hiroshi Tanaka | Kyodo News', paras: ['TOKYO (Kyodo) — Crowds gathered.', MORE] }, { authors: ['Hiroshi Tanaka'], agency: 'Kyodo', city: 'Tokyo', noNote: AGENCY_CONFLICT, last: MORE }],
  ['Xinhua News Agency after a bar, Xinhua in the lead', { by: 'By Li Wen | Xinhua News Agency', paras: ['BEIJING, Feb. 5 (Xinhua) -- Crowds gathered.', MORE] }, { authors: ['Li Wen'], agency: 'Xinhua', city: 'Beijing', noNote: AGENCY_CONFLICT, last: MORE }],
  ['DPA after a bar, dpa in the lead', { by: 'By Jim Morris | DPA', paras: ['BERLIN (dpa) — Crowds gathered.', MORE] }, { authors: ['Jim Morris'], agency: 'dpa', city: 'Berlin', noNote: AGENCY_CONFLICT, last: MORE }],
  ['a bar byline without By, the full name in the lead', { by: 'Jim Morris | AP', paras: ['BEIRUT (Associated Press) — Crowds gathered.', MORE], only: FIELD }, { authors: ['Jim Morris'], agency: 'AP', city: 'Beirut', noNote: AGENCY_CONFLICT, last: MORE }],
  // One agency named in the byline and again by the line closing the story: the name printed first, unless the
  // closing line says more of it (`Agencies via Xinhua`).
  ['AP after a bar, Associated Press closing the story', { by: 'By Jim Morris | AP', paras: [P, 'Associated Press'] }, { authors: ['Jim Morris'], agency: 'AP', noNote: AGENCY_CONFLICT, last: P }],
  ['Associated Press after a name, AP closing the story', { by: 'By JIM MORRIS Associated Press', paras: [P, 'AP'] }, { authors: ['Jim Morris'], agency: 'Associated Press', noNote: AGENCY_CONFLICT, last: P }],
  ['Xinhua after a comma, Agencies via Xinhua closing the story', { by: 'By Li Wen, Xinhua', paras: [P, 'Agencies via Xinhua'] }, { authors: ['Li Wen'], agency: 'Xinhua', via: 'Agencies', noNote: AGENCY_CONFLICT, last: P }],
  ['Associated Press closing the story, AP in the lead', { paras: ['BEIRUT (AP) — Crowds gathered.', MORE, 'Associated Press'] }, { agency: 'Associated Press', city: 'Beirut', noNote: AGENCY_CONFLICT, last: MORE }],
  // Near misses: two agencies, the lead's noted.
  ['Reuters after a bar, AP in the lead', { by: 'By Jim Morris | Reuters', paras: ['BEIRUT (AP) — Crowds gathered.', MORE] }, { authors: ['Jim Morris'], agency: 'Reuters', city: 'Beirut', note: /agency.*"AP"/, last: MORE }],
  ['AAP after a bar, AP in the lead (AAP is not AP)', { by: 'By Jim Morris | AAP', paras: ['SYDNEY (AP) — Crowds gathered.', MORE] }, { authors: ['Jim Morris'], agency: 'AAP', city: 'Sydney', note: /agency.*"AP"/, last: MORE }],
  ['Reuters closing the story, AP in the lead', { paras: ['BEIRUT (AP) — Crowds gathered.', MORE, 'Reuters'] }, { agency: 'Reuters', city: 'Beirut', note: /agency.*"AP"/, last: MORE }],
  // Two agencies, one in the byline and one closing the story: the closing line names where the copy came from
  // (a page's own name by its byline, the wire's at the end), and the byline's is noted.
  ['Reuters after a bar, AP closing the story', { by: 'By Jim Morris | Reuters', paras: [P, 'AP'] }, { authors: ['Jim Morris'], agency: 'AP', note: /"Reuters"/, last: P }],
  ['China Daily after a bar, a byline with Xinhua closing the story', { by: 'By Li Wen | China Daily', paras: [P, MORE, 'By Wang Jing, Xinhua'] }, { authors: ['Li Wen', 'Wang Jing'], agency: 'Xinhua', note: /"China Daily"/, last: MORE }],
  ['Reuters after a bar, AP closing the story, AFP in the lead', { by: 'By Jim Morris | Reuters', paras: ['BEIRUT (AFP) — Crowds gathered.', MORE, 'AP'] }, { authors: ['Jim Morris'], agency: 'AP', city: 'Beirut', note: /"Reuters"[^]*"AFP"/, last: MORE }],
  // Near miss: a closing line naming the byline's agency among others is no other agency.
  ['Xinhua after a comma, Agencies - Xinhua closing the story', { by: 'By Li Wen, Xinhua', paras: [P, 'Agencies - Xinhua'] }, { authors: ['Li Wen'], agency: 'Agencies - Xinhua', noNote: AGENCY_CONFLICT, last: P }],

  // ----- End marks -----
  ['Enditem after a full stop', zhClosing('Ships waited for a year. Enditem'), { agency: '新华社', city: '北京', last: 'Ships waited for a year.' }],
  ['End item, two words', closing('Ships waited for a year. End item'), { last: 'Ships waited for a year.' }],
  ['Enditem after a closing quote', closing('"We waited a year." Enditem'), { last: '"We waited a year."' }],
  ['End item, two words, after a full stop', closing('Ships waited for a year. End item'), { last: 'Ships waited for a year.' }],
  ['End item after an ellipsis', closing('Ships waited for a year… End item'), { last: 'Ships waited for a year…' }],
  ['End item after a sentence closed by a bracket', closing('Ships waited (for a year.) End item'), { last: 'Ships waited (for a year.)' }],
  ['"end item" after a possessive', closing('Check the suppliers\' end item'), { last: 'Check the suppliers\' end item' }],
  ['"end item" after a bracket with no sentence in it', closing('The part is the (so-called) end item'), { last: 'The part is the (so-called) end item' }],
  ['End item after a bracketed credit', closing('Ships waited. (Xinhua) End item'), { last: 'Ships waited. (Xinhua)' }],
  ['"end item" ending a sentence of the story', closing('The last crate is the end item'), { last: 'The last crate is the end item' }],
  ['（完） after a full stop', zhClosing('船只等待了一年。（完）'), { agency: '新华社', city: '北京', last: '船只等待了一年。' }],
  ['(完) in half-width brackets', zhClosing('船只等待了一年。(完)'), { agency: '新华社', city: '北京', last: '船只等待了一年。' }],
  ['（完） after an ellipsis', zhClosing('船只还在等待……（完）'), { agency: '新华社', city: '北京', last: '船只还在等待……' }],
  ['（完） inside the closing quote, after a full stop', zhClosing('他说：“船只等待了一年。（完）”'), { agency: '新华社', city: '北京', last: '他说：“船只等待了一年。”' }],
  ['（完） after the closing quote', zhClosing('他说：“船只等待了一年。”（完）'), { agency: '新华社', city: '北京', last: '他说：“船只等待了一年。”' }],
  ['（完） before a source line', zhClosing('船只等待了一年。（完）', '（来源：新华社）'), { agency: '新华社', city: '北京', body: '港口周二重新开放。\n\n船只等待了一年。\n\n（来源：新华社）', last: '（来源：新华社）', note: /end mark taken off a paragraph the body goes on after.*"船只等待了一年。（完）"/ }],
  ['（完） in a quote before the original headline', zhClosing('他说：“拍摄很顺利。（完）”', '（原标题：港口重开）'), { agency: '新华社', city: '北京', body: '港口周二重新开放。\n\n他说：“拍摄很顺利。”\n\n（原标题：港口重开）', last: '（原标题：港口重开）', note: /end mark taken off.*拍摄很顺利/ }],
  ['Enditem before a source line, noted', closing('Ships waited for a year. Enditem', '（来源：新华社）'), { body: `${P}\n\nShips waited for a year.\n\n（来源：新华社）`, last: '（来源：新华社）', note: /end mark taken off.*"Ships waited for a year\. Enditem"/ }],
  // The mark on a line of its own, after a break in the paragraph (<br/> in ninjs and NITF, the next line in text).
  ['Enditem on a line of its own', closing('Ships waited for a year.\nEnditem'), { last: 'Ships waited for a year.' }],
  ['（完） on a line of its own', zhClosing('船只等待了一年。\n（完）'), { agency: '新华社', city: '北京', last: '船只等待了一年。' }],
  ['Enditem on a line of its own, then Reuters\' credit line', closing('Ships waited for a year.\nEnditem', '(Reporting by Li Wen)'), { contributors: [{ name: 'Li Wen', role: 'reporting' }], last: 'Ships waited for a year.' }],
  // Near misses: marks that are the story's words.
  ['（完） in a quote with no full stop', zhClosing('节目单：“第一集（完）”'), { agency: '新华社', city: '北京', last: '节目单：“第一集（完）”' }],
  ['（完） quoted as a word', zhClosing('他在稿纸最后写上“（完）”'), { agency: '新华社', city: '北京', last: '他在稿纸最后写上“（完）”' }],
  ['"the end item" in quotes', closing('Dock workers call the last pallet “the end item”'), { last: 'Dock workers call the last pallet “the end item”' }],
  ['Enditem inside a quote', closing('"Ships waited for a year. Enditem"'), { last: '"Ships waited for a year. Enditem"' }],
  // (ninjs and NITF only: text prints each line of a paragraph as a paragraph.)
  ['a line after a break that ends in "end item" quoted', { paras: [P, 'The manual says:\n"Step 4. End item"'], only: FIELD }, { last: 'The manual says:\\\n"Step 4. End item"' }],
  ['a line after a break that names Enditem in a sentence', { paras: [P, 'Ships waited.\nEnditem is the mark.'], only: FIELD }, { last: 'Ships waited.\\\nEnditem is the mark.' }],
  ['（未完） is no end', zhClosing('船只等待了一年。（未完）'), { agency: '新华社', city: '北京', last: '船只等待了一年。（未完）' }],
  ['（待续） is no end', zhClosing('船只等待了一年。（待续）'), { agency: '新华社', city: '北京', last: '船只等待了一年。（待续）' }],
  ['an episode list\'s marks', zhClosing('第一集：开端。（完）', '第二集：归来。（完）', '全剧将于八月播出。'), { agency: '新华社', city: '北京', body: '港口周二重新开放。\n\n第一集：开端。（完）\n\n第二集：归来。（完）\n\n全剧将于八月播出。', last: '全剧将于八月播出。', noNote: /end mark/ }],
  ['Enditem with the story going on after it', closing('The manual lists it as "Step 4. End item"', MORE), { body: `${P}\n\nThe manual lists it as "Step 4. End item"\n\n${MORE}`, last: MORE }],
  ['Enditem before a sentence of the story', closing('Ships waited for a year. Enditem', 'Related coverage follows below.'), { last: 'Related coverage follows below.', body: `${P}\n\nShips waited for a year. Enditem\n\nRelated coverage follows below.`, noNote: /end mark/ }],

  // ----- Credit lines closing the story -----
  ['Enditem, then Reuters\' credit line', closing('Ships waited for a year. Enditem', '(Reporting by Li Wen; Editing by Tom Hale)'), {
    contributors: [{ name: 'Li Wen', role: 'reporting' }, { name: 'Tom Hale', role: 'editing' }], last: 'Ships waited for a year.',
  }],
  ['a Reuters role after a comma', closing('(Reporting by Lucy Craymer in Wellington, Additional reporting by Tom Hale; Editing by Ann Lee)'), {
    contributors: [{ name: 'Lucy Craymer', location: 'Wellington', role: 'reporting' }, { name: 'Tom Hale', role: 'additional reporting' }, { name: 'Ann Lee', role: 'editing' }], last: P,
  }],
  // (A place after the last of a list, and none before, is every one's, as wires sign it: QA. Each's own stays.)
  ['a place after the last of two reporters is both\'s', closing('(Reporting by Jane Doe and Tom Hale in London; Editing by Ann Lee)'), {
    contributors: [{ name: 'Jane Doe', location: 'London', role: 'reporting' }, { name: 'Tom Hale', location: 'London', role: 'reporting' }, { name: 'Ann Lee', role: 'editing' }], last: P,
  }],
  ['two reporters with places of their own keep them', closing('(Reporting by Jane Doe in Paris and Tom Hale in London)'), {
    contributors: [{ name: 'Jane Doe', location: 'Paris', role: 'reporting' }, { name: 'Tom Hale', location: 'London', role: 'reporting' }], last: P,
  }],
  // (Review: a place after the last of people of different jobs is that one's; a place with "and" in its
  // name, or two places, made a reporter of "Herzegovina".)
  ['a place after the last of people of two jobs is the last\'s', closing('Reporter Jane Doe and Photographer Tom Hale in London contributed to this report.'), {
    contributors: [{ name: 'Jane Doe', role: 'reporter' }, { name: 'Tom Hale', location: 'London', role: 'photographer' }], last: P,
  }],
  ['a place with "and" in its name is one place', closing('(Reporting by Jane Doe and Tom Hale in Bosnia and Herzegovina; Editing by Ann Lee)'), {
    contributors: [{ name: 'Jane Doe', location: 'Bosnia and Herzegovina', role: 'reporting' }, { name: 'Tom Hale', location: 'Bosnia and Herzegovina', role: 'reporting' }, { name: 'Ann Lee', role: 'editing' }], last: P,
  }],
  ['two places after a name are places, not a person', closing('(Reporting by Tom Hale in London and Paris)'), {
    contributors: [{ name: 'Tom Hale', location: 'London and Paris', role: 'reporting' }], last: P,
  }],
  ['writers who contributed, with one place after the last', closing('Associated Press writers Jill Lawless and Danica Kirka in London contributed to this report.'), {
    contributors: [{ name: 'Jill Lawless', location: 'London' }, { name: 'Danica Kirka', location: 'London' }], last: P,
  }],
  ['Enditem, then an agency line', { paras: ['BEIJING, Feb. 5 (Xinhua) -- The port reopened.', 'Ships waited for a year. Enditem', 'Agencies via Xinhua'] }, { agency: 'Xinhua', via: 'Agencies', city: 'Beijing', last: 'Ships waited for a year.' }],
  ['（完）, then the editor', zhClosing('船只等待了一年。（完）', '【责任编辑：张三】'), { agency: '新华社', city: '北京', contributors: [{ name: '张三', role: '责任编辑' }], last: '船只等待了一年。' }],
  ['（完）, then the editor in traditional characters', { paras: ['新華社北京2月5日電 港口週二重新開放。', '船隻等待了一年。（完）', '【責任編輯：李華】'] }, { agency: '新華社', city: '北京', contributors: [{ name: '李華', role: '責任編輯' }], last: '船隻等待了一年。' }],
  ['an editor in round brackets, then （完）, in traditional characters', { paras: ['中央社台北5日電 港口今天重新開放。', '船隻等待了一年。', '（編輯：張均懋）（完）'] }, { agency: '中央社', city: '台北', contributors: [{ name: '張均懋', role: '編輯' }], last: '船隻等待了一年。' }],
  ['an editor in round brackets, then （完）', zhClosing('船只等待了一年。', '（编辑：张均懋）（完）'), { agency: '新华社', city: '北京', contributors: [{ name: '张均懋', role: '编辑' }], last: '船只等待了一年。' }],
  ['（完）, then the reporters', zhClosing('船只等待了一年。（完）', '记者：王晓岚 李华'), { authors: ['王晓岚', '李华'], agency: '新华社', city: '北京', last: '船只等待了一年。' }],
  ['a contributor with a place', closing('Mike Gu in Hong Kong contributed to this story.'), { contributors: [{ name: 'Mike Gu', location: 'Hong Kong' }], last: P }],
  // (Review: the name was "CNN's Tom Reed".)
  ['a contributor with an outlet\'s possessive before the name', closing('CNN\'s Tom Reed in Atlanta and Reuters\' Li Wen in Beijing contributed to this report.'), { contributors: [{ name: 'Tom Reed', location: 'Atlanta' }, { name: 'Li Wen', location: 'Beijing' }], note: /outlet before the contributor's name not kept.*"CNN" of "Tom Reed"/, last: P }],
  ['a chain of agencies', { paras: ['BEIJING, Feb. 5 (Xinhua) -- The port reopened.', 'Agencies via Reuters via Xinhua'] }, { agency: 'Xinhua', via: 'Agencies via Reuters', city: 'Beijing', last: 'The port reopened.' }],
  ['Reuters\' credit line with a role in lower case', closing('(Reporting by Li Wen; editing by Tom Hale)'), { contributors: [{ name: 'Li Wen', role: 'reporting' }, { name: 'Tom Hale', role: 'editing' }], last: P }],
  ['a contributor with a place and its province abbreviated', closing('Tom Hale in London, Ont., contributed to this report.'), { contributors: [{ name: 'Tom Hale', location: 'London, Ont.' }], last: P }],
  ['a contributor with a suffix and a place', closing('Jim Roe, III in Boston contributed to this report.'), { contributors: [{ name: 'Jim Roe III', location: 'Boston' }], last: P }],
  ['US papers\' contributing line', closing('Contributing: Aung Naing in Yangon; Mei Lin in Taipei'), { contributors: [{ name: 'Aung Naing', location: 'Yangon' }, { name: 'Mei Lin', location: 'Taipei' }], last: P }],
  // An agency closing the story in the forms papers print it (QA: left as the story's last paragraph, no agency).
  ['an agency in brackets closing the story', closing('(Reuters)'), { agency: 'Reuters', last: P }],
  ['an agency after a dash closing the story', closing('— AFP'), { agency: 'AFP', last: P }],
  ['the inputs of an agency, as Indian papers close a story', closing('(With inputs from PTI)'), { agency: 'PTI', last: P }],
  ['the source closing the story', closing('Source: Xinhua'), { agency: 'Xinhua', last: P }],
  // As Deutsche Welle, Channel NewsAsia, France 24 and Euronews close a story (QA: each stayed its last paragraph).
  ['editors\' initials before the agencies in brackets', closing('jd/sms (AFP, Reuters, dpa)'), { agency: 'AFP, Reuters, dpa', last: P }],
  ['the sources with an editor\'s initials after them', closing('Source: Reuters/AFP/zl'), { agency: 'Reuters/AFP', last: P }],
  ['the sources ending with an agency in lower case, no initials', closing('Source: Xinhua/dpa'), { agency: 'Xinhua/dpa', last: P }],
  ['the paper\'s name with the agencies in brackets', closing('(FRANCE 24 with AP, AFP and Reuters)'), { agency: 'AP, AFP and Reuters', last: P }],
  ['additional sources', closing('Additional sources • AP, AFP'), { agency: 'AP, AFP', last: P }],
  ['initials alone in brackets', closing('(jd/sms)'), { last: '(jd/sms)' }],
  ['an editor after "Edited by:"', closing('Edited by: Jane Roe'), { contributors: [{ name: 'Jane Roe', role: 'edited' }], last: P }],
  // (Review: `Agencies` had taken the place of the agency the dateline names.)
  ['the inputs of agencies it does not name, under a dateline naming one', { paras: ['BEIJING, Feb. 5 (Xinhua) -- The port reopened.', '(With inputs from agencies)'] }, { agency: 'Xinhua', city: 'Beijing', last: 'The port reopened.' }],
  ['a dash and a word no agency is', closing('— Anonymous'), { last: '— Anonymous' }],
  ['a contributors line', closing('Contributors: Aung Naing, Mei Lin'), { contributors: [{ name: 'Aung Naing' }, { name: 'Mei Lin' }], last: P }],
  // As the New York Times signs (QA: left in the body, no credit read).
  ['reporting contributed from a place', closing('Jane Roe contributed reporting from Kyiv, Ukraine.'), { contributors: [{ name: 'Jane Roe', location: 'Kyiv, Ukraine' }], last: P }],
  ['two contributed reporting from one place', closing('Jane Roe and Tom Hale contributed reporting from Kyiv.'), { contributors: [{ name: 'Jane Roe', location: 'Kyiv' }, { name: 'Tom Hale', location: 'Kyiv' }], last: P }],
  ['reporting contributed from two places', closing('Jane Roe contributed reporting from Kyiv, Ukraine, and Tom Hale from Moscow.'), { contributors: [{ name: 'Jane Roe', location: 'Kyiv, Ukraine' }, { name: 'Tom Hale', location: 'Moscow' }], last: P }],
  ['a sentence that ends as such a line does', closing('The army contributed reporting from the front.'), { last: 'The army contributed reporting from the front.' }],
  ['a byline signed at the end', closing('By Wang Jing in Beijing'), { authors: ['Wang Jing'], last: P }],
  ['a sentence that ends as a tagline does', closing('Japan and Australia also contributed.'), { last: 'Japan and Australia also contributed.' }],
  ['a contributor in Arabic letters', closing('أحمد حسن in Cairo contributed to this story.'), { contributors: [{ name: 'أحمد حسن', location: 'Cairo' }], last: P }],
  ['a contributor in Hebrew', closing('דנה כהן in Jerusalem contributed to this story.'), { contributors: [{ name: 'דנה כהן', location: 'Jerusalem' }], last: P }],
  ['a contributor in Devanagari', closing('राजेश कुमार in New Delhi contributed to this report.'), { contributors: [{ name: 'राजेश कुमार', location: 'New Delhi' }], last: P }],
  ['a contributor in Hangul', closing('김민수 in Seoul contributed to this story.'), { contributors: [{ name: '김민수', location: 'Seoul' }], last: P }],
  ['a contributor in kana', closing('さとう けんじ in Tokyo contributed to this story.'), { contributors: [{ name: 'さとう けんじ', location: 'Tokyo' }], last: P }],
  ['a contributor in Thai', closing('สมชาย ใจดี in Bangkok contributed to this story.'), { contributors: [{ name: 'สมชาย ใจดี', location: 'Bangkok' }], last: P }],
  ['a contributor in Persian with a zero-width non-joiner', closing('مهدی\u200cزاده in Tehran contributed to this story.'), { contributors: [{ name: 'مهدی\u200cزاده', location: 'Tehran' }], last: P }],
  ['a contributor in Latin letters, a place in Arabic letters', closing('Ahmed Hassan in القاهرة contributed to this story.'), { contributors: [{ name: 'Ahmed Hassan', location: 'القاهرة' }], last: P }],
  // A name written surname first in a credit line is one person, kept as printed (the last note: "Hale" and "Tom" were two).
  ['a credit line with a name written surname first', closing('(Reporting by Li Wen and Hale, Tom; Editing by Craymer, Lucy)'), {
    contributors: [{ name: 'Li Wen', role: 'reporting' }, { name: 'Hale, Tom', role: 'reporting' }, { name: 'Craymer, Lucy', role: 'editing' }], last: P }],
  ['roles with names in Hebrew and Devanagari', closing('Reporting by דנה כהן; Editing by राजेश कुमार'), { contributors: [{ name: 'דנה כהן', role: 'reporting' }, { name: 'राजेश कुमार', role: 'editing' }], last: P }],
  ['a contributing line with a name in Arabic letters', closing('Contributing: أحمد حسن in القاهرة and Sara Haddad in Gaza'), { contributors: [{ name: 'أحمد حسن', location: 'القاهرة' }, { name: 'Sara Haddad', location: 'Gaza' }], last: P }],
  // Near misses: lower-case English words are no names.
  ['a sentence that ends as a tagline does, in lower case', closing('the ministry in Cairo contributed to this story.'), { last: 'the ministry in Cairo contributed to this story.' }],
  ['a closing sentence that starts with "By" and lower case', closing('By the end of the day, the port reopened.'), { last: 'By the end of the day, the port reopened.' }],

  // ----- NITF <person> elements: one person each -----
  ['<person> surname first, two given names', { nitf: '<person>King, Martin Luther</person>', paras: [P], only: NITF }, { authors: ['Martin Luther King'], note: /surname first: "Martin Luther King"/, last: P }],
  ['<person> the staff', { nitf: '<person>Staff</person>', paras: [P], only: NITF }, { note: /title not kept.*"Staff"/, last: P }],
  ['<person> a masthead\'s staff', { nitf: '<person>Times Staff</person>', paras: [P], only: NITF }, { note: /title not kept.*"Times Staff"/, last: P }],
  ['<person> a job before the name', { nitf: '<person>Staff Writer Jane Doe</person>', paras: [P], only: NITF }, { authors: ['Jane Doe'], note: /title not kept.*"Staff Writer"/, last: P }],
  ['<person> surname first with particles', { nitf: '<person>de la Cruz, Maria</person>', paras: [P], only: NITF }, { authors: ['Maria de la Cruz'], note: /surname first/, last: P }],
  ['<person> a surname, then a given name the gazetteer knows as a city', { nitf: '<person>Doe, Florence</person>', paras: [P], only: NITF }, { authors: ['Doe, Florence'], note: /kept whole/, last: P }],
  ['<person> a surname with particles, then a state', { nitf: '<person>de la Cruz, Texas</person>', paras: [P], only: NITF }, { authors: ['de la Cruz, Texas'], note: /kept whole/, last: P }],
  ['<person> surname first, then the place', { nitf: '<person>Doe, Jane, Washington</person>', paras: [P], only: NITF }, { authors: ['Jane Doe'], note: /place not kept.*"Washington"/, last: P }],
  ['<person> with Jr. inside', { nitf: '<person>Martin Luther King, Jr.</person>', paras: [P], only: NITF }, { authors: ['Martin Luther King Jr.'], last: P }],
  ['<person> in capitals, III after it', { nitf: '<person>JIM ROE</person>, III', paras: [P], only: NITF }, { authors: ['Jim Roe III'], last: P }],
  ['<person> with IV after it, and another', { nitf: '<person>Jim Roe</person>, IV and <person>ANN LEE</person>', paras: [P], only: NITF }, { authors: ['Jim Roe IV', 'Ann Lee'], last: P }],
  ['<person> with a title after a comma', { nitf: '<person>Tom Hale, Senior Editor</person>', paras: [P], only: NITF }, { authors: ['Tom Hale'], note: /title not kept.*"Senior Editor"/, last: P }],
  ['<person> with the agency after a comma', { nitf: '<person>Li Wen, Reuters</person>', paras: [P], only: NITF }, { authors: ['Li Wen'], agency: 'Reuters', last: P }],
  // (The third review of this session: a given name that is a country's or a region's; initials; a name, then its place.)
  ['<person> surname first, a given name that is a country', { nitf: '<person>Smith, Jordan</person>', paras: [P], only: NITF }, { authors: ['Jordan Smith'], note: /surname first: "Jordan Smith"/, last: P }],
  ['<person> surname first, a given name that is a region', { nitf: '<person>Doe, Asia</person>', paras: [P], only: NITF }, { authors: ['Asia Doe'], last: P }],
  ['<person> surname first, initials with dots', { nitf: '<person>Vance, J.D.</person>', paras: [P], only: NITF }, { authors: ['Vance, J.D.'], note: /kept whole/, last: P }],
  ['<person> a name, then a state', { nitf: '<person>Jane Doe, Texas</person>', paras: [P], only: NITF }, { authors: ['Jane Doe'], note: /place not kept.*"Texas"/, last: P }],
  ['<person> surname first, then letters', { nitf: '<person>Doe, Jane, PhD</person>', paras: [P], only: NITF }, { authors: ['Jane Doe'], note: /title not kept.*"PhD"/, last: P }],
  ['<person> a name, then M.D.', { nitf: '<person>Jane Doe, M.D.</person>', paras: [P], only: NITF }, { authors: ['Jane Doe'], note: /title not kept.*"M\.D\."/, last: P }],
  // After a surname alone, a place may be the given name (`Smith, Kerry`), initials too (`Hale, MP`): kept whole; and a job is no surname.
  ['<person> a surname, then a province', { nitf: '<person>Li, Guangdong</person>', paras: [P], only: NITF }, { authors: ['Li, Guangdong'], note: /kept whole/, last: P }],
  ['<person> a surname, then a county that is a given name', { nitf: '<person>Smith, Kerry</person>', paras: [P], only: NITF }, { authors: ['Smith, Kerry'], note: /kept whole/, last: P }],
  ['<person> a surname, then MP', { nitf: '<person>Hale, MP</person>', paras: [P], only: NITF }, { authors: ['Hale, MP'], note: /kept whole/, last: P }],
  ['<person> surname first, Md (Mohammed)', { nitf: '<person>Rahman, Md</person>', paras: [P], only: NITF }, { authors: ['Md Rahman'], last: P }],
  ['<person> a job, then a region', { nitf: '<person>Correspondent, Asia</person>', paras: [P], only: NITF }, { authors: ['Correspondent, Asia'], note: /kept whole/, last: P }],
  ['<person> of the agency\'s staff', { nitf: '<person>Reuters Staff</person>', paras: [P], only: NITF }, { agency: 'Reuters', last: P }],
  ['<person> holding two names is kept whole', { nitf: '<person>Jane Doe, Tom Hale</person>', paras: [P], only: NITF }, { authors: ['Jane Doe, Tom Hale'], note: /kept whole/, last: P }],
];

describe('credit, dateline and end-mark forms, read alike by text, ninjs and NITF', () => {
  it('has a table of forms', () => {
    expect(ROWS.length).toBeGreaterThanOrEqual(60);
    expect(new Set(ROWS.map((r) => r[0])).size).toBe(ROWS.length);
  });

  const cases = ROWS.flatMap(([what, form, expected]) => (form.only ?? ALL).map((format) => [what, format, form, expected] as const));
  it.each(cases)('%s (%s)', (_what, format, form, expected) => {
    const result = IMPORT[format](form);
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(result.stories).toHaveLength(1);
    const story = result.stories[0] as ImportedStory;
    expect(story.fields.title).toBe(HEADLINE);
    const { note, noNote, body, date, first, ...fields } = expected;
    if (date !== undefined) expect(story.fields.dateline?.date).toBe(date);
    if (first !== undefined) expect(story.body.split('\n\n')[0]).toBe(first);
    expect(read(story)).toEqual({ authors: undefined, agency: undefined, via: undefined, contributors: undefined, city: undefined, ...fields });
    if (body !== undefined) expect(story.body).toBe(body);
    if (note !== undefined) expect(story.notes.join('\n')).toMatch(note);
    if (noNote !== undefined) expect(story.notes.join('\n')).not.toMatch(noNote);
  });
});

describe('a surname written first in a credit line', () => {
  // Review: one word, a comma and an agency or a place is not one person ("Doe, Reuters", "Hale, Texas"),
  // as one word, a comma and a given name is ("Hale, Tom").
  it('is one person only before a word that is neither an agency nor a place', () => {
    expect(parseContributorLine('Reporting by Li Wen and Hale, Tom')?.map((c) => c.name)).toEqual(['Li Wen', 'Hale, Tom']);
    for (const line of ['Reporting by Doe, Reuters', 'Reporting by Hale, Texas', 'Reporting by Ivanov, Moscow']) {
      expect(parseContributorLine(line)?.map((c) => c.name).some((n) => n.includes(',')), line).toBe(false);
    }
  });
});

/**
 * The bound for one rule on 100,000 characters of hostile copy. A rule that backtracks over the copy
 * (quadratic) takes seconds to minutes there; a linear one takes 1–100 ms, by the machine and its load
 * (twice as long at twice the length, measured). The bound was 100 ms until a slower machine took 101–161
 * ms for rules that are linear: it is there to catch the quadratic, not to time the linear.
 */
const LINEAR_MS = 1000;

describe('the byline and lead rules stay linear on hostile copy', () => {
  const N = 100_000;
  const HOSTILE: [string, string][] = [
    ['spaces', `Jane${' '.repeat(N)}Doe`],
    ['spaces around "with"', `Jane Doe${' '.repeat(N)}with${' '.repeat(N)}Tom Hale`],
    ['commas', `Doe${','.repeat(N)}Jane`],
    ['commas and spaces', `${'Doe, '.repeat(N / 5)}Jane`],
    ['a surname and a comma, then a long word', `Doe, ${'a'.repeat(N)}`],
    ['"and and and"', 'and '.repeat(N / 4)],
    ['"with with with"', 'with '.repeat(N / 5)],
    ['"WITH WITH WITH"', 'WITH '.repeat(N / 5)],
    ['"With With With"', 'With '.repeat(N / 5)],
    ['names, commas and "With"', 'Jane Doe, With '.repeat(N / 15)],
    ['names and "with"', `${'Jane Doe with '.repeat(N / 14)}Tom Hale`],
    ['names, commas and "with"', 'Jane Doe, with '.repeat(N / 15)],
    ['names written surname first', 'Doe, Jane, '.repeat(N / 11)],
    ['names written surname first, with "and"', 'Hale, Tom and '.repeat(N / 14)],
    ['surnames alone and "with"', 'Doe with '.repeat(N / 9)],
    ['a name, then surnames alone', `Jane Doe${', Hale'.repeat(N / 6)}`],
    ['a name, then names written surname first', `Jane Doe${' and Hale, Tom'.repeat(N / 13)}`],
    ['capitals', 'A'.repeat(N)],
    ['words in capitals', 'ABC '.repeat(N / 4)],
    ['capitalised words and "staff"', 'Tribune '.repeat(N / 8)],
    ['hyphens and dots', 'Sun-Times.'.repeat(N / 10)],
    ['commas and "with reporting by"', 'Jane Doe, with reporting by '.repeat(N / 28)],
    ['commas and "with" a name and "and"', ', with Tom Hale and Kwame Mensah'.repeat(N / 32)],
  ];
  it.each(HOSTILE)('%s', (_what, text) => {
    const t = performance.now();
    withNames(text);
    withAfterComma(text, `with ${text}`);
    withAfterComma('Jane Doe', text);
    surnameFirstThenMore(text);
    surnameFirstThenMore(`Doe, Jane, ${text}`);
    surnameFirstThenMore(`Doe, ${text}`);
    laterSurnameFirst(text);
    laterSurnameFirst(`Jane Doe, ${text}`);
    nameCase(text.toUpperCase());
    keptWholeNote(text);
    isStaffCredit(text);
    isStaffCredit(`Staff${text}`);
    expect(performance.now() - t).toBeLessThan(LINEAR_MS);
  });
  // (The rules for the staff after "with" and for ", with", each timed alone.)
  const WITH_RULES: [string, (s: string) => unknown][] = [
    ['isStaffOf', isStaffOf], ['isStaffOf (staff after)', (s) => isStaffOf(`${s} staff`)],
    ['withStaff', (s) => withStaff(`Jane Doe with ${s}`)], ['withStaff (staff after)', (s) => withStaff(`${s} with ${s} staff`)],
    ['keptAtCommaWith', keptAtCommaWith], ['keptAtCommaWith (after ", with")', (s) => keptAtCommaWith(`Jane Doe, with ${s}`)],
    ['keptAtCommaWith (a credit line)', (s) => keptAtCommaWith(`Jane Doe, with reporting by ${s}`)],
    ['withCreditLine', (s) => withCreditLine(`with reporting by ${s}`)], ['nameBeforeWith', (s) => nameBeforeWith(s.split(','), s.split(',').length - 1)],
  ];
  it.each(HOSTILE)('%s (the "with" and staff rules)', (_what, text) => {
    const slow: string[] = [];
    for (const [name, rule] of WITH_RULES) {
      const t = performance.now();
      rule(text);
      const ms = performance.now() - t;
      if (ms >= LINEAR_MS) slow.push(`${name}: ${Math.round(ms)} ms`);
    }
    expect(slow).toEqual([]);
  });
});

describe('the lead, signature, editor and credit rules stay linear on hostile copy', () => {
  const N = 100_000;
  const HOSTILE: [string, string][] = [
    ['spaces', ' '.repeat(N)],
    ['Han characters', '港'.repeat(N)],
    ['repeated 記者', '記者'.repeat(N / 2)],
    ['repeated 记者 and spaces', '记者 '.repeat(N / 3)],
    ['a 中央社 lead\'s head, then Han characters', `中央社記者${'楊'.repeat(N)}24日電`],
    ['a bracketed lead\'s head, then Han characters', `（中央社記者${'楊'.repeat(N)}`],
    ['a 新華社 lead\'s head, then digits', `新華社澳門${'3'.repeat(N)}日電`],
    ['repeated "By "', 'By '.repeat(N / 3)],
    ['Arabic letters with spaces', 'محمد '.repeat(N / 5)],
    ['Arabic letters without spaces', 'م'.repeat(N)],
    ['Arabic words and dashes', 'قال - '.repeat(N / 6)],
    ['Arabic words and brackets', 'القاهرة (رويترز '.repeat(N / 16)],
    ['Hebrew and Devanagari words', 'דנה राजेश '.repeat(N / 10)],
    ['a Kyodo lead\'s head, then katakana', `【${'ワ'.repeat(N)}共同`],
    ['repeated Kyodo heads', '【東京共同＝'.repeat(N / 6)],
    ['a Yonhap lead\'s head, then Hangul and spaces', `(서울=연합뉴스) ${'홍길동 '.repeat(N / 4)}기자`],
    ['a Yonhap lead\'s head, then Hangul and dots', `(서울=연합뉴스) ${'홍·'.repeat(N / 2)}`],
    ['Cyrillic capitals and hyphens', 'МОСКВА-'.repeat(N / 7)],
    ['accented capitals, spaces and hyphens', 'ZÜRICH SÃO-'.repeat(N / 11)],
    ['capitals with combining accents', 'E\u0301\u0308'.repeat(N / 3)],
    ['Cyrillic capitals and spaces, then a date', `${'НЬЮ ЙОРК '.repeat(N / 9)}, 4 февраля. /ТАСС`],
    ['a TASS lead\'s head, then a long correspondent', `МОСКВА, 4 февраля. /Корр. ТАСС ${'И'.repeat(N)}`],
    ['an editor line\'s head, then Han characters', `【責任編輯：${'李'.repeat(N)}`],
    ['opening quotation brackets', '《「『'.repeat(N / 3)],
    ['an opening bracket, then kana', `《${'す'.repeat(N)}`],
    ['opening brackets and kana', '《す「め『の'.repeat(N / 6)],
    ['opening quotation marks', '“‘"'.repeat(N / 3)],
    ['an opening quotation mark, then kana', `“${'す'.repeat(N)}`],
    ['quotation marks and kana', '“す‘め"の'.repeat(N / 6)],
  ];
  const RULES: [string, (s: string) => unknown][] = [
    ['parseDatelineLead', parseDatelineLead], ['zhSignature', (s) => zhSignature(s, false)], ['parseEditorLine', (s) => parseEditorLine(s)],
    ['parseContributorLine', parseContributorLine], ['parseByline', parseByline], ['reporterNames', reporterNames], ['parseStamp', (s) => parseStamp(s, 1)],
    ['copyLanguage (headline)', (s) => copyLanguage(s, '')], ['copyLanguage (body)', (s) => copyLanguage('', s)],
  ];
  it.each(HOSTILE)('%s', (_what, text) => {
    // (Each rule on each line, timed alone.)
    const slow: string[] = [];
    for (const s of [text, `${text} contributed to this story.`, `By ${text}`, `Reporting by ${text}; Editing by ${text}`, `${text}（完）`]) {
      for (const [name, rule] of RULES) {
        const t = performance.now();
        rule(s);
        const ms = performance.now() - t;
        if (ms >= LINEAR_MS) slow.push(`${name}: ${Math.round(ms)} ms`);
      }
    }
    expect(slow).toEqual([]);
  });
});

