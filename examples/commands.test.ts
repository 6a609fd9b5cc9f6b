/**
 * Each example's one command, run exactly as the README writes it. These run after every
 * other test project (see vitest.config.ts): `npm start` and `npm run example:wordpress`
 * rebuild the packages' dist/, which the end-to-end tests read.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort, root } from '../test/service-process.js';

interface Command {
  child: ChildProcess;
  output: () => string;
  /** Resolves with the first match of `pattern` in the output; rejects if the command ends first. */
  waitFor: (pattern: RegExp, ms: number) => Promise<RegExpMatchArray>;
  exited: Promise<number | null>;
}

const running: ChildProcess[] = [];

/** Runs `npm run …` in its own process group, so stopping it stops what npm started. */
function npm(args: string[], env: Record<string, string> = {}): Command {
  const child = spawn('npm', args, {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  running.push(child);
  let output = '';
  const listeners = new Set<() => void>();
  const collect = (d: Buffer) => {
    output += d;
    for (const l of listeners) l();
  };
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      resolve(code);
      for (const l of listeners) l();
    }),
  );
  const waitFor = (pattern: RegExp, ms: number) =>
    new Promise<RegExpMatchArray>((resolve, reject) => {
      const check = () => {
        const match = output.match(pattern);
        if (match) {
          done();
          resolve(match);
        } else if (child.exitCode !== null) {
          done();
          reject(
            new Error(
              `npm ${args.join(' ')} ended (${child.exitCode}):\n${output}`,
            ),
          );
        }
      };
      const timer = setTimeout(() => {
        done();
        reject(
          new Error(`npm ${args.join(' ')} printed no ${pattern}:\n${output}`),
        );
      }, ms);
      const done = () => {
        clearTimeout(timer);
        listeners.delete(check);
      };
      listeners.add(check);
      check();
    });
  return { child, output: () => output, waitFor, exited };
}

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Stops the command and everything it started, and waits until all of it has exited. */
async function stop(child: ChildProcess): Promise<void> {
  const pid = child.pid!;
  if (!groupAlive(pid)) return;
  process.kill(-pid, 'SIGTERM');
  const deadline = Date.now() + 30_000;
  while (groupAlive(pid)) {
    if (Date.now() > deadline) process.kill(-pid, 'SIGKILL');
    await new Promise((r) => setTimeout(r, 100));
  }
}

afterEach(async () => {
  await Promise.all(running.splice(0).map(stop));
});

describe("the README's example commands", () => {
  it('npm run example:core prints the summary and writes both exports', async () => {
    const run = npm(['run', 'example:core']);
    expect(await run.exited).toBe(0);
    expect(run.output()).toContain('Arrests: more than 1,000');
    const [, jsonld, ninjs] =
      run.output().match(/Wrote (\S+\.jsonld) and (\S+\.ninjs\.json)/) ?? [];
    expect(JSON.parse(readFileSync(join(root, jsonld!), 'utf8'))['@type']).toBe(
      'NewsArticle',
    );
    expect(JSON.parse(readFileSync(join(root, ninjs!), 'utf8')).type).toBe(
      'text',
    );
  }, 60_000);

  it('npm start serves the seed page and stores a comment', async () => {
    const port = await freePort();
    const dir = mkdtempSync(join(tmpdir(), 'dateline-start-'));
    const run = npm(['start'], {
      PORT: String(port),
      DATELINE_DB: join(dir, 'dateline.sqlite'),
    });
    try {
      await run.waitFor(/Dateline is running at http:\/\/\S+/, 180_000);
      const base = `http://127.0.0.1:${port}`;
      expect(await (await fetch(`${base}/api/health`)).json()).toMatchObject({
        status: 'ok',
      });
      const page = await (await fetch(base)).text();
      expect(page).toContain('<dateline-comments');
      expect((await fetch(`${base}/cdn/dateline.js`)).status).toBe(200);
      const posted = await fetch(
        `${base}/api/threads/cambodia-cybercrime-crackdown-2025-07/comments`,
        {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            author: { name: 'Sokha', email: 'sokha@example.com' },
            body: 'Thank you for the report.',
          }),
        },
      );
      expect(posted.status).toBe(201);
    } finally {
      await stop(run.child);
      rmSync(dir, { recursive: true, force: true });
    }
  }, 240_000);

  it('npm run example:wordpress publishes the seed article with its comment section', async () => {
    const port = await freePort();
    const dir = mkdtempSync(join(tmpdir(), 'dateline-wordpress-'));
    const run = npm(['run', 'example:wordpress'], {
      WORDPRESS_PORT: String(port),
      WORDPRESS_DIR: dir,
    });
    try {
      const [, url] = await run.waitFor(
        /comment section: (http:\/\/127\.0\.0\.1:\d+\/\S+)/,
        240_000,
      );
      const page = await (await fetch(url!)).text();
      expect(page).toContain('Cambodia');
      expect(page).toMatch(/<dateline-comments[^>]*post-id="\d+"/);
      expect(run.output()).toMatch(/password "[^"]+"/);
    } finally {
      await stop(run.child);
      rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);
});
