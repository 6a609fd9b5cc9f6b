import { describe, expect, it } from 'vitest';
import { inChunks } from './test-kit.js';
import {
  ExportFileError,
  readXml,
  type XmlHandlers,
  type XmlLimits,
  XmlRepair,
} from './xml.js';

/** Every element's text, by local name, as `readXml` gives it. */
async function texts(
  xml: string,
  options: { chunk?: number; limits?: Partial<XmlLimits> } = {},
) {
  const found: { name: string; value: string; cut: boolean }[] = [];
  const flaws: string[] = [];
  const handlers: XmlHandlers = {
    open: (e, depth) => depth > 0 && e.local !== 'group',
    close: (e, _depth, text) => {
      if (text) found.push({ name: e.local, ...text });
    },
    flaw: (kind, line) => flaws.push(`${kind}@${line}`),
  };
  const stats = await readXml(
    inChunks(xml, options.chunk ?? 65_536),
    handlers,
    {
      name: 'test.xml',
      ...(options.limits ? { limits: options.limits } : {}),
    },
  );
  return { found, flaws, stats };
}

const repairAll = (text: string, size: number) => {
  const repair = new XmlRepair('test.xml');
  let out = '';
  for (let i = 0; i < text.length; i += size)
    out += repair.push(text.slice(i, i + size));
  return { out: out + repair.push('', true), bare: repair.bareAmpersands };
};

describe('XmlRepair', () => {
  const text =
    '<a href="x?a=1&b=2">Tom & Jerry &amp; &#8217; &#x2019; &nbsp;</a>' +
    '<![CDATA[a & b ]] &amp; ]]>' +
    '<!-- a & b --><?pi a & b?><c>&</c>';
  const repaired =
    '<a href="x?a=1&amp;b=2">Tom &amp; Jerry &amp; &#8217; &#x2019; &nbsp;</a>' +
    '<![CDATA[a & b ]] &amp; ]]>' +
    '<!-- a & b --><?pi a & b?><c>&amp;</c>';

  it('escapes an & that starts no reference, outside CDATA, comments and instructions', () => {
    expect(repairAll(text, text.length)).toEqual({ out: repaired, bare: 3 });
  });

  it('gives the same text whatever the chunks, down to one character', () => {
    for (const size of [1, 2, 3, 7, 9, 64])
      expect(repairAll(text, size).out).toBe(repaired);
  });

  it('leaves a long run of & and < whole, escaping each bare &', () => {
    const runs = `${'&'.repeat(50_000)}${'<'.repeat(50_000)}`;
    const { out, bare } = repairAll(runs, 4096);
    expect(bare).toBe(50_000);
    expect(out).toBe(`${'&amp;'.repeat(50_000)}${'<'.repeat(50_000)}`);
  });

  it('refuses a document type declaration, in any case, with its line', () => {
    for (const doctype of ['<!DOCTYPE rss>', '<!doctype rss>'])
      expect(() =>
        repairAll(`<?xml version="1.0"?>\n\n${doctype}<rss/>`, 5),
      ).toThrow(/test\.xml:3: the file declares a document type/);
  });
});

describe('readXml', () => {
  it('gives the text of the elements asked for, CDATA split where it held "]]>"', async () => {
    const { found } = await texts(
      '<root><a>one</a><b><![CDATA[x ]]]]><![CDATA[> y]]></b><group><c>&lt;&amp;</c></group></root>',
    );
    expect(found).toEqual([
      { name: 'a', value: 'one', cut: false },
      { name: 'b', value: 'x ]]> y', cut: false },
      { name: 'c', value: '<&', cut: false },
    ]);
  });

  it('refuses a billion-laughs entity bomb before expanding anything', async () => {
    const bomb = `<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<lolz><a>&lol3;</a></lolz>`;
    await expect(texts(bomb)).rejects.toThrow(
      /test\.xml:2: the file declares a document type/,
    );
  });

  it('refuses an external entity, which would read a file of this machine', async () => {
    await expect(
      texts(
        '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><r><a>&x;</a></r>',
      ),
    ).rejects.toBeInstanceOf(ExportFileError);
  });

  it('reads an entity it does not know as text, prototype names included', async () => {
    const { found, flaws } = await texts(
      '<r><a>&constructor; &__proto__; &toString; &nbsp;</a></r>',
    );
    expect(found[0]!.value).toBe('&constructor; &__proto__; &toString; &nbsp;');
    expect(flaws).toEqual(['entity@1', 'entity@1', 'entity@1', 'entity@1']);
  });

  it('reads a character XML forbids as text, and says where', async () => {
    const { found, flaws } = await texts('<r>\n<a>bell\u0007 here</a></r>');
    expect(found[0]!.value).toBe('bell\u0007 here');
    expect(flaws).toEqual(['character@2']);
  });

  it('keeps at most maxField characters of a field, and says it was cut', async () => {
    const { found } = await texts(
      `<r><a>${'x'.repeat(5000)}</a><b>ok</b></r>`,
      {
        chunk: 100,
        limits: { maxField: 1000 },
      },
    );
    expect(found).toEqual([
      { name: 'a', value: 'x'.repeat(1000), cut: true },
      { name: 'b', value: 'ok', cut: false },
    ]);
  });

  it('refuses one piece of text longer than maxBuffered, and never holds more than that and a chunk', async () => {
    const huge = `<r><a><![CDATA[${'x'.repeat(200_000)}]]></a></r>`;
    await expect(
      texts(huge, { chunk: 1000, limits: { maxBuffered: 50_000 } }),
    ).rejects.toThrow(/runs past 50,000 characters/);
    // Many pieces, each small: the file is read whatever its length.
    const many = `<r>${'<a>one piece</a>'.repeat(20_000)}</r>`;
    const { stats, found } = await texts(many, {
      chunk: 1000,
      limits: { maxBuffered: 50_000 },
    });
    expect(found).toHaveLength(20_000);
    expect(stats.largestBuffered).toBeLessThanOrEqual(1000 + 80);
  });

  it('says which line is wrong in a file cut short or garbled', async () => {
    await expect(texts('<r>\n<a>one</a>\n<b>two')).rejects.toThrow(
      /^test\.xml:3: the file is not well-formed XML: unclosed tag: b/,
    );
    await expect(texts('<r>\n<a>one</b></r>')).rejects.toThrow(
      /^test\.xml:2: the file is not well-formed XML/,
    );
  });

  it('refuses what is not an export it can read, saying what it is', async () => {
    await expect(texts('')).rejects.toThrow('test.xml: the file is empty.');
    await expect(texts('  \n ')).rejects.toThrow(
      'test.xml: the file is empty.',
    );
    await expect(texts('{"comments": []}')).rejects.toThrow(
      'test.xml:1: the file is not XML: it starts with "{\\"comments\\": []}".',
    );
    await expect(
      texts('<?xml version="1.0" encoding="ISO-8859-1"?><r/>'),
    ).rejects.toThrow(/encoded in ISO-8859-1; .* iconv -f ISO-8859-1 -t UTF-8/);
    await expect(texts('\u0000<\u0000r\u0000/\u0000>')).rejects.toThrow(
      /looks like UTF-16/,
    );
  });

  it('reads a file that starts with a byte order mark', async () => {
    const { found } = await texts('\uFEFF<?xml version="1.0"?><r><a>x</a></r>');
    expect(found).toEqual([{ name: 'a', value: 'x', cut: false }]);
  });
});
