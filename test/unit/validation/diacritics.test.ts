import { describe, expect, it } from 'vitest';
import { cleanMultiline, cleanText, normalizeDiacritics, normalizeWhitespace, searchKey } from '../../../src/validation/diacritics';

describe('normalizeDiacritics', () => {
  it('turns the cedilla forms ş ţ Ş Ţ into the comma-below ș ț Ș Ț', () => {
    expect(normalizeDiacritics('\u015F\u0163\u015E\u0162')).toBe('\u0219\u021B\u0218\u021A');
    expect(normalizeDiacritics('Asociaţia Şansa Ţării')).toBe('Asociația Șansa Țării');
  });

  it('turns a decomposed s + combining cedilla (U+0327) into ș', () => {
    expect(normalizeDiacritics('s\u0327')).toBe('\u0219');
    expect(normalizeDiacritics('T\u0327ara')).toBe('\u021Aara');
  });

  it('composes a decomposed comma below (U+0326) into ș', () => {
    expect(normalizeDiacritics('s\u0326')).toBe('\u0219');
  });

  it('leaves the correct comma-below forms and the other Romanian letters untouched', () => {
    const text = 'Fundația Șansa: ă â î ș ț Ă Â Î Ș Ț';
    expect(normalizeDiacritics(text)).toBe(text);
  });

  it('does not touch ç and other cedilla letters of other languages', () => {
    expect(normalizeDiacritics('Façade')).toBe('Façade');
  });
});

describe('normalizeWhitespace and cleanText', () => {
  it('collapses spaces, tabs, new lines and non-breaking spaces and trims', () => {
    expect(normalizeWhitespace('  Asociația\u00A0\u00A0Casa \t Luminii\n ')).toBe('Asociația Casa Luminii');
    expect(normalizeWhitespace('a\u202Fb\u2007c')).toBe('a b c');
  });

  it('cleanText fixes diacritics and white space together, and accepts null', () => {
    expect(cleanText(' Asociaţia\u00A0 Speranţa ')).toBe('Asociația Speranța');
    expect(cleanText(null)).toBe('');
    expect(cleanText(undefined)).toBe('');
  });

  it('cleanText is idempotent', () => {
    const once = cleanText(' Fundaţia  „Pași Împreună” ');
    expect(cleanText(once)).toBe(once);
  });
});

describe('searchKey', () => {
  it('matches „Asociația Șansa” with „ASOCIATIA SANSA”', () => {
    expect(searchKey('Asociația Șansa')).toBe(searchKey('ASOCIATIA SANSA'));
    expect(searchKey('Asociația Șansa')).toBe('asociatia sansa');
  });

  it('matches cedilla input too', () => {
    expect(searchKey('Asociaţia Şansa')).toBe('asociatia sansa');
  });

  it('drops ă â î and collapses white space', () => {
    expect(searchKey('  Pași   Împreună\u00A0Vârstnici ')).toBe('pasi impreuna varstnici');
  });

  it('gives an empty key for null', () => {
    expect(searchKey(null)).toBe('');
  });
});

describe('cleanMultiline', () => {
  it('keeps line breaks in notes while cleaning each line', () => {
    expect(cleanMultiline('  Vizită  la\u00A0sediu \r\nş documente\n\n\n\nfinal ')).toBe('Vizită la sediu\nș documente\n\nfinal');
  });
});

describe('cleanText fast path', () => {
  it('returns text that is already clean unchanged and still cleans everything else', () => {
    for (const clean of ['Asociația Șansa pentru Toți', 'str. Memorandumului nr. 21', 'Centrul „Pași” – zi', '']) expect(cleanText(clean)).toBe(clean);
    expect(cleanText('Asociaţia Şansa')).toBe('Asociația Șansa');
    expect(cleanText(' Asociația  Șansa ')).toBe('Asociația Șansa');
    expect(cleanText('Asocia\u0163ia')).toBe('Asociația');
    expect(cleanText('Asocia\u0061\u0306')).toBe('Asociaă');
    expect(cleanText('tab\there')).toBe('tab here');
    expect(cleanText('nbsp\u00A0here')).toBe('nbsp here');
  });
});
