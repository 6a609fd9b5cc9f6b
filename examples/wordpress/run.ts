/**
 * `npm run example:wordpress`: a WordPress site on http://127.0.0.1:4322 (WORDPRESS_PORT
 * overrides) publishing the seed article, whose comment section is <dateline-comments>
 * reading and posting WordPress's own comments. The site lives in .data/wordpress (WORDPRESS_DIR
 * overrides) and keeps its comments between runs. Ctrl-C stops it.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { publishSeedArticle } from './seed-post.js';
import { startWordPress } from './site.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dir = resolve(process.env.WORDPRESS_DIR ?? join(root, '.data/wordpress'));
const port = Number(process.env.WORDPRESS_PORT ?? 4322);

mkdirSync(dir, { recursive: true });
const passwordFile = join(dir, 'editor-password.txt');
if (!existsSync(passwordFile))
  writeFileSync(passwordFile, randomBytes(12).toString('base64url'), {
    mode: 0o600,
  });
const password = readFileSync(passwordFile, 'utf8').trim();

const site = await startWordPress({
  dir,
  port,
  withElementsPlugin: true,
  adminPassword: password,
});

const postUrl = publishSeedArticle(site);

console.log(`WordPress with Dateline's comment section: ${postUrl}
Moderate comments at ${site.url}/wp-admin/edit-comments.php (user "editor", password "${password}").
WordPress holds a first-time commenter's comment for moderation, as it does by default.
Ctrl-C stops the site; it is kept in ${relative(process.cwd(), dir) || dir}.`);

const stop = () => void site.stop().then(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
