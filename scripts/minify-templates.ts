// For the script-tag files and the server's rendering (`elementSources` in cdn-esbuild.ts):
// collapses the whitespace inside Lit's html``, svg`` and css`` templates, which esbuild's
// minifier leaves as written. Only the literal parts change; ${…} expressions are copied (and
// their own templates collapsed). Whitespace in our templates never matters: no <pre>, and
// textareas are filled by property.
const TAG = /\b(html|svg|css)`/g;

/** Index just past the `}` that closes the `${` opened before `start`. */
function skipExpression(src: string, start: number): number {
  let depth = 1;
  let i = start;
  while (i < src.length && depth > 0) {
    const c = src[i];
    if (c === "'" || c === '"') {
      i = skipString(src, i);
      continue;
    }
    if (c === '`') {
      i = skipTemplate(src, i + 1);
      continue;
    }
    if (c === '{') depth += 1;
    else if (c === '}') depth -= 1;
    i += 1;
  }
  return i;
}

function skipString(src: string, start: number): number {
  const quote = src[start];
  let i = start + 1;
  while (i < src.length && src[i] !== quote) i += src[i] === '\\' ? 2 : 1;
  return i + 1;
}

/** Index just past the closing backtick of a template whose body starts at `start`. */
function skipTemplate(src: string, start: number): number {
  let i = start;
  while (i < src.length && src[i] !== '`') {
    if (src[i] === '\\') i += 2;
    else if (src[i] === '$' && src[i + 1] === '{')
      i = skipExpression(src, i + 2);
    else i += 1;
  }
  return i + 1;
}

function collapse(text: string, kind: string): string {
  let out = text.replace(/\s+/g, ' ');
  if (kind === 'css') {
    out = out
      .replace(/\/\*[^*]*\*+([^/*][^*]*\*+)*\//g, '')
      .replace(/\s*([{};:,>])\s*/g, '$1')
      .replace(/;}/g, '}');
  } else {
    out = out.replace(/>\s+</g, '> <');
  }
  return out;
}

/** Rewrites every tagged template in a source file. */
export function minifyTemplates(src: string): string {
  let out = '';
  let last = 0;
  TAG.lastIndex = 0;
  for (let m = TAG.exec(src); m; m = TAG.exec(src)) {
    const kind = m[1]!;
    const bodyStart = m.index + m[0].length;
    out += src.slice(last, bodyStart);
    let i = bodyStart;
    let chunk = '';
    while (i < src.length && src[i] !== '`') {
      if (src[i] === '\\') {
        chunk += src.slice(i, i + 2);
        i += 2;
      } else if (src[i] === '$' && src[i + 1] === '{') {
        out += collapse(chunk, kind);
        chunk = '';
        const end = skipExpression(src, i + 2);
        out += `\${${minifyTemplates(src.slice(i + 2, end - 1))}}`;
        i = end;
      } else {
        chunk += src[i];
        i += 1;
      }
    }
    out += `${collapse(chunk, kind)}\``;
    last = i + 1;
    TAG.lastIndex = last;
  }
  return out + src.slice(last);
}
