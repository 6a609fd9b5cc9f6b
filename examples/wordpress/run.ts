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
import { ArticleSchema } from '@dateline/core';
import { startWordPress } from './site.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dir = resolve(process.env.WORDPRESS_DIR ?? join(root, '.data/wordpress'));
const port = Number(process.env.WORDPRESS_PORT ?? 4322);
const slug = 'cambodia-crackdown-2025';

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

// The seed article as a WordPress post: its headings and paragraphs as blocks.
const article = ArticleSchema.parse(
  JSON.parse(
    readFileSync(
      join(root, 'examples/data/cambodia-crackdown-2025.json'),
      'utf8',
    ),
  ),
);
const blocks = article.body.flatMap((block) => {
  if (block.type === 'paragraph')
    return [{ name: 'paragraph', html: `<p>${block.text}</p>` }];
  if (block.type === 'heading')
    return [
      {
        name: 'heading',
        html: `<h2 class="wp-block-heading">${block.text}</h2>`,
      },
    ];
  return [];
});
const payload = Buffer.from(
  JSON.stringify({ slug, title: article.headline, blocks }),
).toString('base64');
const postUrl = site.php(`
$a = json_decode(base64_decode('${payload}'), true);
$post = get_page_by_path($a['slug'], OBJECT, 'post');
if (!$post) {
  $content = implode("\\n\\n", array_map(function ($b) {
    // The text is escaped here; only the block markup is HTML.
    $inner = preg_replace_callback('/>(.*)</s', function ($m) { return '>' . esc_html($m[1]) . '<'; }, $b['html']);
    return "<!-- wp:{$b['name']} -->\\n{$inner}\\n<!-- /wp:{$b['name']} -->";
  }, $a['blocks']));
  $id = wp_insert_post(['post_title' => $a['title'], 'post_name' => $a['slug'], 'post_status' => 'publish', 'post_content' => $content, 'comment_status' => 'open', 'post_author' => 1], true);
  if (is_wp_error($id)) { fwrite(STDERR, $id->get_error_message()); exit(1); }
  $post = get_post($id);
}
echo get_permalink($post);
`);

console.log(`WordPress with Dateline's comment section: ${postUrl}
Moderate comments at ${site.url}/wp-admin/edit-comments.php (user "editor", password "${password}").
WordPress holds a first-time commenter's comment for moderation, as it does by default.
Ctrl-C stops the site; it is kept in ${relative(process.cwd(), dir) || dir}.`);

const stop = () => void site.stop().then(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
