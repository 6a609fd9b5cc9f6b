// Reads the elements' translations (packages/elements/xliff/*.xlf, as `lit-localize extract`
// writes them and translators fill them) for the catalogue check and the language tests.
import { SaxesParser } from 'saxes';

/** A run of text, or a placeholder for one of the English's values (`${count}`). */
export type Part = string | { placeholder: string };

export interface TransUnit {
  id: string;
  source: Part[];
  /** Absent until a translator writes it. */
  target?: Part[];
}

/** The trans-units of one XLIFF 1.2 file, in order. */
export function readXliff(xml: string): TransUnit[] {
  const parser = new SaxesParser();
  const units: TransUnit[] = [];
  let unit: TransUnit | undefined;
  let into: Part[] | undefined;
  parser.on('doctype', () => {
    throw new Error('A translation file must not declare a DOCTYPE.');
  });
  parser.on('opentag', (tag) => {
    if (tag.name === 'trans-unit') {
      const id = tag.attributes.id;
      if (typeof id !== 'string' || !id)
        throw new Error('A trans-unit has no id.');
      unit = { id, source: [] };
    } else if (unit && tag.name === 'source') into = unit.source;
    else if (unit && tag.name === 'target') into = unit.target = [];
    else if (into && tag.name === 'x') {
      const equiv = tag.attributes['equiv-text'];
      into.push({ placeholder: typeof equiv === 'string' ? equiv : '' });
    }
  });
  parser.on('text', (text) => {
    if (into) into.push(text);
  });
  parser.on('closetag', (tag) => {
    if (tag.name === 'source' || tag.name === 'target') into = undefined;
    else if (tag.name === 'trans-unit' && unit) {
      units.push(unit);
      unit = undefined;
    }
  });
  parser.write(xml).close();
  return units;
}

/** The words of a message with its placeholders left out, for comparing and searching. */
export function textOf(parts: readonly Part[]): string {
  return parts
    .map((part) => (typeof part === 'string' ? part : ' '))
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The placeholders a message uses, sorted, for comparing a translation with its English. */
export function placeholdersOf(parts: readonly Part[]): string[] {
  return parts
    .flatMap((part) => (typeof part === 'string' ? [] : [part.placeholder]))
    .sort();
}
