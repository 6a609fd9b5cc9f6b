/**
 * Reading an export as it streams: saxes parses, and nothing holds more of the file than a
 * bounded piece of it. A document type declaration is refused before the parser sees it (an
 * export never has one, and entity declarations are how "billion laughs" and external-entity
 * attacks work); an `&` that starts no reference is read as text, as WordPress writes
 * comment authors' addresses without escaping them.
 */
import { SaxesParser, type SaxesTagNS } from 'saxes';

/** An export that cannot be read; `message` says what is wrong and where, for a person. */
export class ExportFileError extends Error {
  override name = 'ExportFileError';
}

export interface XmlLimits {
  /**
   * The most characters the parser may hold at once: one text node, CDATA section, comment
   * or tag. A file that needs more is refused, so memory stays bounded whatever the file.
   */
  maxBuffered: number;
  /** The most characters of an element's text that are kept; `close` learns when it was cut. */
  maxField: number;
}

export const DEFAULT_XML_LIMITS: XmlLimits = {
  // Posts with images pasted inline run to a few megabytes; a comment export never needs more.
  maxBuffered: 64 * 1024 * 1024,
  maxField: 1024 * 1024,
};

export interface XmlName {
  /** The namespace URI, '' for none. */
  uri: string;
  local: string;
}

export interface XmlOpen extends XmlName {
  /** The value of the attribute with this namespace and local name. */
  attribute(uri: string, local: string): string | undefined;
  line: number;
}

export interface XmlHandlers {
  /** An element opens, `depth` 0 for the root; return true to be given its text at `close`. */
  open(element: XmlOpen, depth: number): boolean;
  close(
    element: XmlName,
    depth: number,
    text: { value: string; cut: boolean } | undefined,
  ): void;
  /**
   * A character XML does not allow, or a reference to an entity XML does not define, was read
   * as text at `line`: the element around it decides what that means.
   */
  flaw?(kind: 'character' | 'entity', line: number): void;
}

export interface XmlStats {
  /** `&`s that started no reference and were read as text. */
  bareAmpersands: number;
  /** The most characters the parser held at once. */
  largestBuffered: number;
}

/** What the next characters of the text mean, from where `repair` is. */
const TERMINATOR = { cdata: ']]>', comment: '-->', pi: '?>' } as const;
/** A character or entity reference; names are bounded, so a long run costs a constant. */
const REFERENCE =
  /&(?:[A-Za-z_:][A-Za-z0-9._:-]{0,63};|#[0-9]{1,10};|#x[0-9A-Fa-f]{1,8};)/y;
/** The longest text `REFERENCE` or a markup start needs to decide. */
const LOOKAHEAD = 80;

/**
 * The text as saxes should see it: every `&` that starts no reference becomes `&amp;`, outside
 * CDATA, comments and processing instructions (where `&` means itself). Throws at a document
 * type declaration. Each push scans its text once; at most `LOOKAHEAD` characters wait for the
 * next chunk.
 */
export class XmlRepair {
  private state: 'text' | keyof typeof TERMINATOR = 'text';
  private held = '';
  bareAmpersands = 0;
  /** Characters passed on so far, for the line of a refused declaration. */
  private line = 1;

  constructor(private readonly name: string) {}

  push(chunk: string, final = false): string {
    const s = this.held + chunk;
    this.held = '';
    let out = '';
    let from = 0;
    let i = 0;
    const hold = (at: number) => {
      out += s.slice(from, at);
      this.held = s.slice(at);
      from = s.length;
    };
    while (i < s.length) {
      if (this.state !== 'text') {
        const end = s.indexOf(TERMINATOR[this.state], i);
        if (end < 0) {
          if (!final)
            hold(Math.max(i, s.length - TERMINATOR[this.state].length + 1));
          break;
        }
        i = end + TERMINATOR[this.state].length;
        this.state = 'text';
        continue;
      }
      const amp = s.indexOf('&', i);
      const lt = s.indexOf('<', i);
      const at = amp < 0 ? lt : lt < 0 ? amp : Math.min(amp, lt);
      if (at < 0) break;
      if (!final && s.length - at < LOOKAHEAD) {
        hold(at);
        break;
      }
      if (at === lt) {
        const next = s.charCodeAt(at + 1);
        // Most are tags: only "<!" and "<?" start anything else.
        if (next !== 0x21 && next !== 0x3f) {
          i = at + 1;
          continue;
        }
        if (s.startsWith('<![CDATA[', at)) {
          this.state = 'cdata';
          i = at + 9;
        } else if (s.startsWith('<!--', at)) {
          this.state = 'comment';
          i = at + 4;
        } else if (s.startsWith('<?', at)) {
          this.state = 'pi';
          i = at + 2;
        } else if (s.slice(at, at + 9).toUpperCase() === '<!DOCTYPE') {
          throw new ExportFileError(
            `${this.name}:${this.lineAt(s, at)}: the file declares a document type (<!DOCTYPE …>). Exports from WordPress and Disqus never do, and its entity declarations could make the reader expand or fetch text without end; nothing was read.`,
          );
        } else {
          i = at + 1;
        }
        continue;
      }
      REFERENCE.lastIndex = at;
      if (REFERENCE.test(s)) {
        i = REFERENCE.lastIndex;
        continue;
      }
      out += `${s.slice(from, at)}&amp;`;
      from = at + 1;
      i = at + 1;
      this.bareAmpersands += 1;
    }
    out += s.slice(from);
    this.countLines(out);
    return out;
  }

  private countLines(text: string) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1))
      this.line += 1;
  }

  private lineAt(s: string, at: number): number {
    let line = this.line;
    for (let i = s.indexOf('\n'); i >= 0 && i < at; i = s.indexOf('\n', i + 1))
      line += 1;
    return line;
  }
}

/** saxes's messages for flaws that stay within one piece of text, read on as text. */
const FLAWS: ReadonlyMap<string, 'character' | 'entity'> = new Map([
  ['disallowed character.', 'character'],
  ['undefined entity.', 'entity'],
]);

/** The encodings saxes reads a JavaScript string as: the file is decoded as UTF-8. */
const UTF8 = /^utf-?8$/i;

/**
 * Parses the XML that `chunks` make up, calling `handlers` as elements open and close.
 * Rejects with an `ExportFileError` saying what is wrong and on which line when the file is not
 * well-formed XML (beyond the flaws `handlers.flaw` hears of), declares a document type, is not
 * UTF-8, or would make the parser hold more than `limits.maxBuffered` characters.
 */
export async function readXml(
  chunks: AsyncIterable<string>,
  handlers: XmlHandlers,
  options: { name: string; limits?: Partial<XmlLimits> },
): Promise<XmlStats> {
  const limits = { ...DEFAULT_XML_LIMITS, ...options.limits };
  const { name } = options;
  const parser = new SaxesParser({ xmlns: true, position: true });
  const repair = new XmlRepair(name);
  const stats: XmlStats = { bareAmpersands: 0, largestBuffered: 0 };
  const fail = (line: number, what: string): never => {
    throw new ExportFileError(`${name}:${line}: ${what}`);
  };

  let depth = -1;
  /** Text of the element collecting it, and the depth it opened at. */
  let collecting: { depth: number; value: string; cut: boolean } | undefined;
  /** Where the parser was at the last event: what it reads after that, it holds. */
  let lastEvent = 0;
  const seen = () => {
    lastEvent = parser.position;
  };
  const take = (text: string) => {
    seen();
    if (!collecting || collecting.cut) return;
    const room = limits.maxField - collecting.value.length;
    if (text.length > room) {
      collecting.value += text.slice(0, room);
      collecting.cut = true;
    } else {
      collecting.value += text;
    }
  };

  parser.on('error', (error) => {
    // saxes puts "line:column: " first; the line is said once, by `fail`.
    const message = error.message.replace(/^\d+:\d+: /, '');
    const flaw = FLAWS.get(message);
    if (flaw && depth >= 0) {
      handlers.flaw?.(flaw, parser.line);
      return;
    }
    fail(parser.line, `the file is not well-formed XML: ${message}`);
  });
  parser.on('xmldecl', (decl) => {
    seen();
    if (decl.encoding !== undefined && !UTF8.test(decl.encoding))
      fail(
        parser.line,
        `the file says it is encoded in ${decl.encoding}; exports are read as UTF-8, as WordPress and Disqus write them. Convert it first, e.g. iconv -f ${decl.encoding} -t UTF-8.`,
      );
  });
  parser.on('opentag', (tag: SaxesTagNS) => {
    seen();
    depth += 1;
    const open: XmlOpen = {
      uri: tag.uri,
      local: tag.local,
      line: parser.line,
      attribute: (uri, local) => {
        for (const a of Object.values(tag.attributes))
          if (a.uri === uri && a.local === local) return a.value;
        return undefined;
      },
    };
    if (handlers.open(open, depth) && !collecting)
      collecting = { depth, value: '', cut: false };
  });
  parser.on('closetag', (tag: SaxesTagNS) => {
    seen();
    let text: { value: string; cut: boolean } | undefined;
    if (collecting?.depth === depth) {
      text = { value: collecting.value, cut: collecting.cut };
      collecting = undefined;
    }
    handlers.close({ uri: tag.uri, local: tag.local }, depth, text);
    depth -= 1;
  });
  parser.on('text', take);
  parser.on('cdata', take);
  parser.on('comment', seen);
  parser.on('processinginstruction', seen);

  const write = (text: string) => {
    if (text === '') return;
    parser.write(text);
    const buffered = parser.position - lastEvent;
    if (buffered > stats.largestBuffered) stats.largestBuffered = buffered;
    if (buffered > limits.maxBuffered)
      fail(
        parser.line,
        `one piece of the file (a text, CDATA section or tag) runs past ${limits.maxBuffered.toLocaleString('en')} characters; a comment export never needs that much, so the file was not read further.`,
      );
  };

  let first = true;
  let empty = true;
  for await (let chunk of chunks) {
    if (first && chunk.length > 0) {
      first = false;
      if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
    }
    if (empty) {
      if (chunk.slice(0, 64).includes('\u0000'))
        fail(
          1,
          'the file is not UTF-8 (it looks like UTF-16); exports are read as UTF-8, as WordPress and Disqus write them. Convert it first, e.g. iconv -f UTF-16 -t UTF-8.',
        );
      const start = chunk.search(/\S/);
      if (start >= 0) {
        empty = false;
        if (chunk[start] !== '<')
          fail(
            1,
            `the file is not XML: it starts with ${JSON.stringify(chunk.slice(start, start + 24))}.`,
          );
      }
    }
    write(repair.push(chunk));
  }
  write(repair.push('', true));
  if (empty) throw new ExportFileError(`${name}: the file is empty.`);
  parser.close();
  stats.bareAmpersands = repair.bareAmpersands;
  return stats;
}
