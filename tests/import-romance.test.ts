/**
 * French and Spanish copy, through `dateline import`: the stamps their pages print (Le Monde's and AFP's `Publié
 * le … à 09h24`, `modifié à …`; El País' and EFE's `Publicado: 05/02/2025 09:24 CET`, `Actualizado el … a las …`)
 * and the leads their wires print (`DOHA, 5 fév 2025 (AFP) -`, `DOHA, 5 feb (EFE).-`). Before, such copy was
 * refused for want of a stamp, and the lead stayed in the story with no dateline and no agency.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { importFiles, loadConfig } from '../src/index.js';
import type { FileReport } from '../src/importers/index.js';
import { makeSite } from './_helpers.js';

let cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.map((c) => c()));
  cleanups = [];
});

/** The dry run's report of each page, in a site of its own (the site's zone: Asia/Shanghai). */
async function dryRun(pages: Record<string, string>): Promise<FileReport[]> {
  const s = await makeSite(pages);
  cleanups.push(s.cleanup);
  const config = await loadConfig('dateline.config.json', s.dir);
  return importFiles(Object.keys(pages), { config, cwd: s.dir, dryRun: true });
}

const FR_LEAD = 'DOHA, 5 fév 2025 (AFP) - Les médiateurs ont ouvert mercredi un nouveau cycle de discussions, selon des responsables.';
const ES_LEAD = 'DOHA, 5 feb (EFE).- Los mediadores abrieron el miércoles una nueva ronda de conversaciones, según fuentes oficiales.';

describe('French and Spanish copy', () => {
  it.each([
    ['Publié le 05 février 2025 à 09h24', { date: '2025-02-05 09:24' }],
    ['Publié le 1er mars 2025 à 08h00', { date: '2025-03-01 08:00' }],
    ['Publié le 5 août 2025 à 18h05 (Paris)', { date: '2025-08-05T18:05:00+02:00' }],
    ['Publié le 05/02/2025 à 09:24', { date: '2025-02-05 09:24' }],
    ['Publié le 05 février 2025 à 09h24, modifié à 10h30', { date: '2025-02-05 09:24', updated: '2025-02-05 10:30' }],
    ['Publié le 05 février 2025 à 09h24 - Mis à jour le 05 février 2025 à 10h30', { date: '2025-02-05 09:24', updated: '2025-02-05 10:30' }],
    ['Publicado: 05/02/2025 09:24 CET', { date: '2025-02-05T09:24:00+01:00' }],
    ['Publicado el 5 de febrero de 2025 a las 09:24 CET, actualizado a las 10:30 CET', { date: '2025-02-05T09:24:00+01:00', updated: '2025-02-05T10:30:00+01:00' }],
    ['Actualizado: 13/02/2025 10:30 CET', { date: '2025-02-13T10:30:00+01:00' }],
  ])('reads the stamp %s (slashes the day first under these labels)', async (stamp, fields) => {
    const [report] = await dryRun({ 'page.txt': `Les négociations reprennent à Doha\n${stamp}\n\n${FR_LEAD}\n` });
    expect(report?.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(report?.stories[0]?.story.fields).toMatchObject(fields);
  });

  it('reads AFP\'s French lead and EFE\'s Spanish one: the dateline, its day, the agency and the language', async () => {
    const [fr, es] = await dryRun({
      'fr.txt': `Les négociations reprennent à Doha\nPublié le 05 février 2025 à 09h24\n\n${FR_LEAD}\n`,
      'es.txt': `Se reanudan las conversaciones en Doha\nPublicado: 05/02/2025 09:24 CET\n\n${ES_LEAD}\n`,
    });
    // (The month's name says the language: `fév` is French.)
    expect(fr?.stories[0]?.story.fields).toMatchObject({ language: 'fr', agency: { name: 'AFP' }, dateline: { city: 'Doha', timezone: 'Asia/Qatar', date: '2025-02-05' } });
    expect(fr?.stories[0]?.story.body).toBe('Les médiateurs ont ouvert mercredi un nouveau cycle de discussions, selon des responsables.');
    expect(es?.stories[0]?.story.fields).toMatchObject({ agency: { name: 'EFE' }, dateline: { city: 'Doha', timezone: 'Asia/Qatar', date: '2025-02-05' } });
    expect(es?.stories[0]?.story.body).toBe('Los mediadores abrieron el miércoles una nueva ronda de conversaciones, según fuentes oficiales.');
    // (`feb` is English's too, in lower case: the lead says no language, the stamp's Spanish label does; `diciembre` is
    // Spanish's alone, `dic` Italian's too.)
    expect(es?.stories[0]?.story.fields.language).toBe('es');
    const [dic, feb, dicShort] = await dryRun({
      'dic.txt': `Se reanudan las conversaciones en Doha\nPublished: 2025-12-05 09:24\n\n${ES_LEAD.replace('5 feb', '5 diciembre')}\n`,
      'feb.txt': `Se reanudan las conversaciones en Doha\nPublished: 2025-02-05 09:24\n\n${ES_LEAD}\n`,
      'dicshort.txt': `Siguen las conversaciones en Doha\nPublished: 2025-12-05 09:24\n\n${ES_LEAD.replace('5 feb', '5 dic')}\n`,
    });
    expect(dic?.stories[0]?.story.fields).toMatchObject({ language: 'es', dateline: { date: '2025-12-05' } });
    expect(feb?.stories[0]?.story.fields.language).toBeUndefined();
    expect(dicShort?.stories[0]?.story.fields).toMatchObject({ dateline: { date: '2025-12-05' } });
    expect(dicShort?.stories[0]?.story.fields.language).toBeUndefined();
  });

  it('reads Le Monde\'s and El País\' pages: the byline after Par or Por, the buttons and reading time left out, the related line too', async () => {
    const [lemonde, elpais] = await dryRun({
      'lemonde.txt': [
        'International', 'Les négociations reprennent à Doha', 'Les médiateurs espèrent un accord avant la fin de la semaine, selon plusieurs diplomates.',
        'Par Jeanne Dupont et Jean Martin', 'Publié le 05 février 2025 à 09h24, modifié à 10h30', 'Temps de Lecture 3 min.', 'Partager', 'Offrir cet article', 'Lire plus tard', '',
        'Les médiateurs ont ouvert mercredi un nouveau cycle de discussions à Doha.', '', 'Lire aussi | Ce qu’il faut savoir sur les discussions', '', 'Les diplomates restent prudents.',
      ].join('\n'),
      'elpais.txt': [
        'Internacional', 'Se reanudan las conversaciones en Doha', 'Los mediadores esperan un acuerdo antes del fin de semana.', 'Por Juan Pérez en Madrid',
        'Publicado el 5 de febrero de 2025 a las 09:24 CET', 'Compartir', '', ES_LEAD, '', 'Publicidad', '', 'Los diplomáticos se mostraron prudentes.',
      ].join('\n'),
    });
    // (No lead says the language: the stamp's label does.)
    expect(lemonde?.stories[0]?.story.fields).toMatchObject({ title: 'Les négociations reprennent à Doha', authors: ['Jeanne Dupont', 'Jean Martin'], date: '2025-02-05 09:24', updated: '2025-02-05 10:30', language: 'fr' });
    expect(lemonde?.stories[0]?.story.body).toBe('Les médiateurs ont ouvert mercredi un nouveau cycle de discussions à Doha.\n\nLes diplomates restent prudents.');
    expect(elpais?.stories[0]?.story.fields).toMatchObject({ title: 'Se reanudan las conversaciones en Doha', authors: ['Juan Pérez'], agency: { name: 'EFE' } });
    expect(elpais?.stories[0]?.story.body).toBe('Los mediadores abrieron el miércoles una nueva ronda de conversaciones, según fuentes oficiales.\n\nLos diplomáticos se mostraron prudentes.');
  });

  it('leaves a paywall\'s label out of the headline, in French and in English, and reads France 24\'s stamps with a colon', async () => {
    const [fr, en] = await dryRun({
      'fr.txt': 'International\nLes négociations reprennent à Doha\nArticle réservé aux abonnés\nPar Jeanne Dupont\nPublié le : 05/02/2025 - 09:24 Modifié le : 05/02/2025 - 10:30\n\nLes médiateurs ont ouvert mercredi un nouveau cycle de discussions.\n\nIl vous reste 75 % de cet article à lire.\n\nLire la suite\n',
      'en.txt': 'World\nEnvoys gather in Doha for truce talks\nSubscribers only\nBy Jane Doe\nPublished: 2025-02-05 09:24\n\nDOHA (Reuters) - Mediators opened a new round of talks on Wednesday.\n',
    });
    expect(fr?.stories[0]?.story.fields).toMatchObject({ title: 'Les négociations reprennent à Doha', date: '2025-02-05 09:24', updated: '2025-02-05 10:30', authors: ['Jeanne Dupont'] });
    expect(fr?.stories[0]?.story.body).toBe('Les médiateurs ont ouvert mercredi un nouveau cycle de discussions.');
    expect(en?.stories[0]?.story.fields.title).toBe('Envoys gather in Doha for truce talks');
  });

  it('reads a publication\'s credit with the wires over the stamp as the agency (The Guardian with agencies, Le Monde avec AFP), and drops El País\' list of topics', async () => {
    const [guardian, lemonde, elpais] = await dryRun({
      'guardian.txt': 'World\nEnvoys gather in Doha for truce talks\nThe Guardian with agencies\nPublished: 2025-02-05 09:24\n\nMediators opened a new round of talks on Wednesday.\n',
      'lemonde.txt': 'International\nLes négociations reprennent à Doha\nLe Monde avec AFP\nPublié le 05 février 2025 à 09h24\n\nLes médiateurs ont ouvert mercredi un nouveau cycle de discussions.\n',
      'elpais.txt': 'Internacional\nSe reanudan las conversaciones en Doha\nLos mediadores esperan un acuerdo antes del fin de semana.\nJuan Pérez\nMadrid - 05 feb 2025 - 09:24 CET\n\nLos mediadores abrieron el miércoles una nueva ronda de conversaciones.\n\nArchivado En\nCatar\nOriente Próximo\n',
    });
    expect(guardian?.stories[0]?.story.fields).toMatchObject({ title: 'Envoys gather in Doha for truce talks', agency: { name: 'Agencies' } });
    expect(guardian?.stories[0]?.story.notes).toContain('publication not kept (a record has no field for it): "The Guardian"');
    expect(lemonde?.stories[0]?.story.fields).toMatchObject({ title: 'Les négociations reprennent à Doha', agency: { name: 'AFP' } });
    expect(elpais?.stories[0]?.story.fields).toMatchObject({ title: 'Se reanudan las conversaciones en Doha', authors: ['Juan Pérez'] });
    expect(elpais?.stories[0]?.story.body).toBe('Los mediadores abrieron el miércoles una nueva ronda de conversaciones.');
  });

  it('takes no masthead over a stamp\'s place for a byline (El País, Le Monde are no one\'s name)', async () => {
    const [report] = await dryRun({ 'page.txt': 'Internacional\nSe reanudan las conversaciones en Doha\nLos mediadores esperan un acuerdo antes del fin de semana.\nEl País\nMadrid - 05 feb 2025 - 09:24 CET\n\nLos mediadores abrieron el miércoles una nueva ronda de conversaciones.\n' });
    expect(report?.stories[0]?.story.fields.authors).toBeUndefined();
  });

  it('reads Le Figaro\'s, France 24\'s and El Mundo\'s pages: a credit after Par, a closing Avec AFP, a reading time after the minutes, a weekday in the stamp, a byline over a place alone', async () => {
    const [figaro, f24, elmundo] = await dryRun({
      'figaro.txt': 'Accueil International\nLes négociations reprennent à Doha\nLes médiateurs espèrent un accord avant la fin de la semaine, selon plusieurs diplomates.\nPar Le Figaro avec AFP\nPublié le 05/02/2025 à 09:24, mis à jour le 05/02/2025 à 10:30\nCopier le lien\nLien copié\n\nLes médiateurs ont ouvert mercredi un nouveau cycle de discussions à Doha.\n',
      'f24.txt': 'Les négociations reprennent à Doha\nLes médiateurs espèrent un accord avant la fin de la semaine.\nPublié le : 05/02/2025 - 09:24 Modifié le : 05/02/2025 - 10:30\n2 min Temps de lecture\n\nLes médiateurs ont ouvert mercredi un nouveau cycle de discussions à Doha.\n\nAvec AFP\n',
      'elmundo.txt': 'Internacional\nSe reanudan las conversaciones en Doha\nLos mediadores esperan un acuerdo antes del fin de semana.\nJUAN PÉREZ\nDoha\nActualizado Miércoles, 5 febrero 2025 - 09:24\n\nLos mediadores abrieron el miércoles una nueva ronda de conversaciones.\n\nComentar\n',
    });
    expect(figaro?.stories[0]?.story.fields).toMatchObject({ title: 'Les négociations reprennent à Doha', agency: { name: 'AFP' }, date: '2025-02-05 09:24', updated: '2025-02-05 10:30' });
    expect(figaro?.stories[0]?.story.body).toBe('Les médiateurs ont ouvert mercredi un nouveau cycle de discussions à Doha.');
    expect(f24?.stories[0]?.story.fields).toMatchObject({ title: 'Les négociations reprennent à Doha', agency: { name: 'AFP' } });
    expect(f24?.stories[0]?.story.body).toBe('Les médiateurs ont ouvert mercredi un nouveau cycle de discussions à Doha.');
    expect(elmundo?.stories[0]?.story.fields).toMatchObject({ title: 'Se reanudan las conversaciones en Doha', authors: ['Juan Pérez'], date: '2025-02-05 09:24', language: 'es' });
    expect(elmundo?.stories[0]?.story.notes).toContain('byline place not kept (a byline has no field for it): "Doha"');
    expect(elmundo?.stories[0]?.story.body).toBe('Los mediadores abrieron el miércoles una nueva ronda de conversaciones.');
  });

  it('takes no masthead alone over the stamp for the headline (El País, Le Monde under the headline or its standfirst)', async () => {
    const [elpais, lemonde] = await dryRun({
      'elpais.txt': `Internacional\n\nSe reanudan las conversaciones en Doha\n\nLos mediadores regresaron a la capital catarí con una nueva propuesta para las partes.\n\nEl País\n\nPublicado: 05/02/2025 09:24 CET\n\n${ES_LEAD}\n`,
      'lemonde.txt': `Les négociations reprennent à Doha\nLe Monde\nPublié le 05 février 2025 à 09h24\n\n${FR_LEAD}\n`,
    });
    expect(elpais?.stories[0]?.story.fields).toMatchObject({ title: 'Se reanudan las conversaciones en Doha', summary: 'Los mediadores regresaron a la capital catarí con una nueva propuesta para las partes.' });
    expect(elpais?.stories[0]?.story.notes).toContain('publication not kept (a record has no field for it): "El País"');
    expect(lemonde?.stories[0]?.story.fields.title).toBe('Les négociations reprennent à Doha');
    expect(lemonde?.stories[0]?.story.notes).toContain('publication not kept (a record has no field for it): "Le Monde"');
  });

  it.each([
    ['Pubblicato il 05 febbraio 2025 alle 09:24', { date: '2025-02-05 09:24' }, 'it'],
    ['Pubblicato: 5 feb 2025, 09:24 - Aggiornato il 5 febbraio 2025 alle ore 10:30', { date: '2025-02-05 09:24', updated: '2025-02-05 10:30' }, 'it'],
    ['Ultimo aggiornamento: 05/02/2025 10:30 CET', { date: '2025-02-05T10:30:00+01:00' }, 'it'],
    ['Publicado em 05/02/2025 às 09:24', { date: '2025-02-05 09:24' }, 'pt'],
    ['Atualizado em 5 de fevereiro de 2025 às 10:30 WET', { date: '2025-02-05T10:30:00+00:00' }, 'pt'],
  ])('reads the Italian or Portuguese stamp %s (slashes the day first), and its language', async (stamp, fields, language) => {
    const [report] = await dryRun({ 'page.txt': `Riprendono i colloqui a Doha\n${stamp}\n\nI mediatori hanno avviato un nuovo ciclo di colloqui.\n` });
    expect(report?.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(report?.stories[0]?.story.fields).toMatchObject({ ...fields, language });
  });

  it('reads ANSA\'s Italian lead and Lusa\'s Portuguese one, and a city by its Italian, Portuguese, French or Spanish name (ROMA was Queensland\'s Roma)', async () => {
    const [ansa, lusa, efe, londres] = await dryRun({
      'ansa.txt': 'Riprendono a Doha i colloqui per la tregua\nPubblicato il 05 febbraio 2025 alle 09:24\n\nROMA, 5 febbraio (ANSA) - I mediatori hanno avviato mercoledì un nuovo ciclo di colloqui.\n',
      'lusa.txt': 'Negociações recomeçam em Doha\nPublicado em 05/02/2025 às 09:24\n\nLISBOA, 05 fev 2025 (Lusa) - Os mediadores abriram na quarta-feira uma nova ronda de negociações.\n',
      'efe.txt': `Se reanudan las conversaciones en Roma\nPublicado: 05/02/2025 09:24 CET\n\n${ES_LEAD.replace('DOHA', 'ROMA')}\n`,
      'londres.txt': `Les négociations reprennent à Londres\nPublié le 05 février 2025 à 09h24\n\n${FR_LEAD.replace('DOHA', 'LONDRES')}\n`,
    });
    expect(ansa?.stories[0]?.story.fields).toMatchObject({ language: 'it', agency: { name: 'ANSA' }, dateline: { city: 'Roma', country: 'Italy', timezone: 'Europe/Rome', date: '2025-02-05' } });
    expect(ansa?.stories[0]?.story.body).toBe('I mediatori hanno avviato mercoledì un nuovo ciclo di colloqui.');
    expect(lusa?.stories[0]?.story.fields).toMatchObject({ language: 'pt', agency: { name: 'Lusa' }, dateline: { city: 'Lisboa', country: 'Portugal', timezone: 'Europe/Lisbon', date: '2025-02-05' } });
    expect(efe?.stories[0]?.story.fields).toMatchObject({ language: 'es', dateline: { city: 'Roma', timezone: 'Europe/Rome' } });
    expect(londres?.stories[0]?.story.fields).toMatchObject({ language: 'fr', dateline: { city: 'Londres', timezone: 'Europe/London' } });
    for (const r of [ansa, lusa, efe, londres]) expect(r?.diagnostics).toEqual([]);
  });

  it('reads an Italian and a Portuguese page: a byline after di or Por, buttons, listening and reading times, related lines and paywall labels left out, a closing Com Lusa', async () => {
    const [it, pt] = await dryRun({
      'it.txt': ['Esteri', '', 'Riprendono a Doha i colloqui per la tregua', '', 'I mediatori tornano nella capitale del Qatar con una nuova proposta per le parti.', '', 'di Giulia Rossi e Marco Bianchi', '',
        'Pubblicato il 05 febbraio 2025 alle 09:24', '', 'Condividi', '', 'Ascolta l\'articolo', '3 min di lettura', '', 'DOHA - I mediatori hanno avviato mercoledì un nuovo ciclo di colloqui.', '',
        'Leggi anche | Gaza, la tregua regge', '', 'I colloqui dovrebbero proseguire fino al fine settimana.', '', 'Articolo riservato agli abbonati', '', '© RIPRODUZIONE RISERVATA', ''].join('\n'),
      'pt.txt': ['Mundo', '', 'Negociações recomeçam em Doha', '', 'Os mediadores regressaram à capital do Qatar com uma nova proposta para as partes.', '', 'Por Ana Martins', '',
        'Publicado em 05/02/2025 às 09:24', '', 'Partilhar', '', 'Ouvir este artigo', '', 'DOHA - Os mediadores abriram na quarta-feira uma nova ronda de negociações.', '',
        'Leia também: Gaza, a trégua mantém-se', '', 'As conversações deverão prolongar-se até ao fim de semana.', '', 'Artigo exclusivo para assinantes', '', 'Com Lusa', ''].join('\n'),
    });
    expect(it?.stories[0]?.story.fields).toMatchObject({ title: 'Riprendono a Doha i colloqui per la tregua', authors: ['Giulia Rossi', 'Marco Bianchi'], language: 'it', dateline: { city: 'Doha', timezone: 'Asia/Qatar' } });
    expect(it?.stories[0]?.story.body).toBe('I mediatori hanno avviato mercoledì un nuovo ciclo di colloqui.\n\nI colloqui dovrebbero proseguire fino al fine settimana.');
    expect(pt?.stories[0]?.story.fields).toMatchObject({ title: 'Negociações recomeçam em Doha', authors: ['Ana Martins'], language: 'pt', agency: { name: 'Lusa' }, dateline: { city: 'Doha' } });
    expect(pt?.stories[0]?.story.body).toBe('Os mediadores abriram na quarta-feira uma nova ronda de negociações.\n\nAs conversações deverão prolongar-se até ao fim de semana.');
  });

  it.each([['Di Battista'], ['di Roma'], ['Di Maio lascia il governo']])('takes no byline from %j (a surname alone, a place, a sentence)', async (line) => {
    const [report] = await dryRun({ 'page.txt': `Riprendono i colloqui a Doha\n${line}\nPubblicato il 05 febbraio 2025 alle 09:24\n\nI mediatori hanno avviato un nuovo ciclo di colloqui.\n` });
    expect(report?.stories[0]?.story.fields.authors).toBeUndefined();
  });

  it('keeps a sentence that opens with Par or Por in the story: no byline', async () => {
    const [report] = await dryRun({ 'page.txt': `Les négociations reprennent à Doha\nPublié le 05 février 2025 à 09h24\n\n${FR_LEAD}\n\nPar Ailleurs, les diplomates restent prudents.\n\nPor Dios, dijo un testigo.\n` });
    expect(report?.stories[0]?.story.fields.authors).toBeUndefined();
    expect(report?.stories[0]?.story.body).toContain('Par Ailleurs, les diplomates restent prudents.');
    expect(report?.stories[0]?.story.body).toContain('Por Dios, dijo un testigo.');
  });

  it('keeps prose that opens with a city and a French date but no agency in the story', async () => {
    const [report] = await dryRun({ 'page.txt': 'Le mur est tombé\nPublié le 09 novembre 2025 à 09h24\n\nBERLIN, 9 novembre - une date que la ville fête chaque année.\n' });
    expect(report?.stories[0]?.story.body).toBe('BERLIN, 9 novembre - une date que la ville fête chaque année.');
  });
});
