#!/usr/bin/env node
// Builds every published package, packs it as npm would, and checks the tarball with publint
// and Are the Types Wrong, so what users install is what we tested.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const { workspaces } = JSON.parse(
  readFileSync(join(root, 'package.json'), 'utf8'),
);
const out = mkdtempSync(join(tmpdir(), 'dateline-pack-'));
const run = (cmd, args, cwd) =>
  execFileSync(cmd, args, {
    cwd,
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
  });
let failed = false;

/**
 * The script-tag bundle's size limit, gzip. The design's budget is 25 KB (goal 20); the bundle
 * is over it today (see README, "Bundle size"), so this guard holds the line at today's size
 * until the budget is met, and fails on any growth past it. It rose from 33 KB when the
 * WordPress store (about 3 KB gzip) joined the bundle, and from 36.5 KB to 42.5 KB when every
 * element learned to show what it can of bad data, text became well-formed NFC with messages
 * by code, and the text helpers became linear scanners (see README, "Bundle size").
 */
const BUNDLE_LIMIT_GZIP = 42.5 * 1024;
const BUNDLES = ['dist/cdn/dateline.js', 'dist/cdn/dateline.iife.js'];

/** attw settings: elements is ESM-only by design, and its script-tag bundle is no TS entry point. */
const ATTW = {
  '@dateline/core': ['--profile', 'node16'],
  '@dateline/elements': [
    '--profile',
    'esm-only',
    '--exclude-entrypoints',
    './cdn/dateline.js',
    './custom-elements.json',
  ],
};

function checkBundle(cwd, name) {
  for (const file of BUNDLES) {
    const path = join(cwd, file);
    if (!existsSync(path)) continue;
    const bytes = readFileSync(path);
    const gzip = gzipSync(bytes, { level: 9 }).length;
    const brotli = brotliCompressSync(bytes, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11 },
    }).length;
    const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
    const line = `${name}: ${file} ${kb(bytes.length)}, ${kb(gzip)} gzip, ${kb(brotli)} brotli (limit ${kb(BUNDLE_LIMIT_GZIP)} gzip)`;
    if (gzip > BUNDLE_LIMIT_GZIP) {
      failed = true;
      console.error(`${line}: OVER THE LIMIT`);
    } else console.log(line);
  }
}

try {
  for (const dir of workspaces) {
    const cwd = join(root, dir);
    const { name } = JSON.parse(
      readFileSync(join(cwd, 'package.json'), 'utf8'),
    );
    run('npm', ['run', 'build', '--silent'], cwd);
    checkBundle(cwd, name);
    const [{ filename }] = JSON.parse(
      run(
        'npm',
        ['pack', '--json', '--silent', '--pack-destination', out],
        cwd,
      ),
    );
    const tarball = join(out, filename);
    for (const [tool, args] of [
      ['publint', ['publint', '--strict', tarball]],
      ['attw', ['attw', tarball, ...(ATTW[name] ?? ['--profile', 'node16'])]],
    ]) {
      try {
        const report = run('npx', ['--no-install', ...args], cwd);
        console.log(`${name}: ${tool} clean`);
        if (process.env.VERBOSE) console.log(report);
      } catch (error) {
        failed = true;
        console.error(
          `${name}: ${tool} found problems:\n${error.stdout ?? error.message}`,
        );
      }
    }
  }
} finally {
  rmSync(out, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
