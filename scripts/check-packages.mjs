#!/usr/bin/env node
// Builds every published package, packs it as npm would, and checks the tarball with publint
// and Are the Types Wrong, so what users install is what we tested.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const { workspaces } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const out = mkdtempSync(join(tmpdir(), 'dateline-pack-'));
const run = (cmd, args, cwd) => execFileSync(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
let failed = false;

try {
  for (const dir of workspaces) {
    const cwd = join(root, dir);
    const { name } = JSON.parse(readFileSync(join(cwd, 'package.json'), 'utf8'));
    run('npm', ['run', 'build', '--silent'], cwd);
    const [{ filename }] = JSON.parse(run('npm', ['pack', '--json', '--silent', '--pack-destination', out], cwd));
    const tarball = join(out, filename);
    for (const [tool, args] of [
      ['publint', ['publint', '--strict', tarball]],
      ['attw', ['attw', '--profile', 'node16', tarball]],
    ]) {
      try {
        const report = run('npx', ['--no-install', ...args], cwd);
        console.log(`${name}: ${tool} clean`);
        if (process.env.VERBOSE) console.log(report);
      } catch (error) {
        failed = true;
        console.error(`${name}: ${tool} found problems:\n${error.stdout ?? error.message}`);
      }
    }
  }
} finally {
  rmSync(out, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
